// load_config(): parse with toml++, read every section, then check what
// spans sections. toml++ exceptions stop here.
#include "config/load_config.h"

#include <array>

#include <toml++/toml.h>

#include "config/load_context.h"
#include "config/paths.h"
#include "config/sections.h"

namespace touchbase {
namespace {

using namespace config_detail;

constexpr std::array<std::string_view, 7> k_top_level_keys = {"daemon",    "defaults", "holidays",      "owners",
                                                              "notifiers", "cadences", "talking_points"};

// From k_holiday_years_before the year of `now` to k_holiday_years_after it.
void set_holiday_years(Instant now, HolidayConfig& out) {
  const int year = static_cast<int>(date::year_month_day(date::floor<date::days>(now)).year());
  out.first_year = year - k_holiday_years_before;
  out.last_year = year + k_holiday_years_after;
}

ConfigResult load_document(std::string_view text, const std::string& file, const std::filesystem::path& base_dir,
                           Instant now) {
  Diagnostics diag(file);
  toml::table doc;
  try {
    doc = toml::parse(text, std::string_view(file));
  } catch (const toml::parse_error& e) {
    diag.error(place_of(e.source()), "", std::string(e.description()));
    return std::move(diag).take();
  }
  LoadContext ctx{diag, base_dir, {}, text, {}};
  Config config;
  config.source = file;
  TableReader root(doc, "", Place{1, 1}, diag, k_top_level_keys);
  read_daemon(root, ctx, config.daemon);
  read_defaults(root, ctx, config.defaults);
  set_holiday_years(now, config.holidays);
  read_holidays(root, ctx, config.holidays);
  read_owners(root, ctx, config.owners);
  read_notifiers(root, ctx, config.notifiers);
  read_cadences(root, ctx, config.cadences);
  TalkingPointIds point_ids;
  read_talking_points(root, ctx, point_ids, config.talking_points);
  root.report_unknown_keys();
  std::vector<ConfigError>& other_files = ctx.other_file_errors;
  read_talking_points_dir(config, point_ids, config.talking_points, other_files);
  resolve_defaults(config, ctx);
  check_references(config, ctx);
  if (!diag.has_errors() && other_files.empty()) return config;
  std::vector<ConfigError> errors = std::move(diag).take();
  errors.insert(errors.end(), std::make_move_iterator(other_files.begin()), std::make_move_iterator(other_files.end()));
  return errors;
}

}  // namespace

ConfigResult load_config(const std::filesystem::path& path, Instant now) {
  auto text = read_small_file(path, k_max_config_file_bytes);
  if (!text) return std::vector<ConfigError>{ConfigError{path.string(), 0, 0, "", text.error().message}};
  return load_document(*text, path.string(), directory_of(path), now);
}

ConfigResult load_config_text(std::string_view toml, std::string_view file_name, Instant now) {
  return load_document(toml, std::string(file_name), directory_of(std::filesystem::path(file_name)), now);
}

}  // namespace touchbase
