// daemon.talking_points_dir: a team's talking-point library kept apart from
// the daemon's config, one or more *.toml files of [[talking_points]].
#include <algorithm>
#include <array>

#include <toml++/toml.h>

#include "config/paths.h"
#include "config/sections.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 1> k_library_keys = {"talking_points"};

// The *.toml files directly in `dir`, by name; dot files (editors' locks and
// backups) are left out.
Result<std::vector<std::filesystem::path>> library_files(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    const std::filesystem::path& path = it->path();
    std::string name = path.filename().string();
    std::error_code type_ec;
    if (name.starts_with('.') || path.extension() != ".toml" || !it->is_regular_file(type_ec)) continue;
    files.push_back(path);
  }
  if (ec) return Error::io("cannot read the talking points folder '" + dir.string() + "': " + ec.message());
  std::sort(files.begin(), files.end());
  return files;
}

void read_library_file(const std::filesystem::path& file, const Config& config, TalkingPointIds& ids,
                       std::vector<TalkingPoint>& out, std::vector<ConfigError>& errors) {
  auto text = read_small_file(file, k_max_config_file_bytes);
  if (!text) return errors.push_back(ConfigError{file.string(), 0, 0, "", text.error().message});
  Diagnostics diag(file.string());
  toml::table doc;
  try {
    doc = toml::parse(*text, file.string());
  } catch (const toml::parse_error& e) {
    diag.error(place_of(e.source()), "", std::string(e.description()));
  }
  if (!diag.has_errors()) {
    LoadContext ctx{diag, directory_of(file), {}, *text, {}};
    TableReader root(doc, "", Place{1, 1}, diag, k_library_keys);
    read_talking_points(root, ctx, ids, out);
    root.report_unknown_keys();
    check_references(config, ctx);
  }
  auto found = std::move(diag).take();
  errors.insert(errors.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

}  // namespace

void read_talking_points_dir(const Config& config, TalkingPointIds& ids, std::vector<TalkingPoint>& out,
                             std::vector<ConfigError>& errors) {
  const std::filesystem::path& dir = config.daemon.talking_points_dir;
  if (dir.empty()) return;
  auto files = library_files(dir);
  if (!files) {
    return errors.push_back(
        ConfigError{config.source.string(), 0, 0, "daemon.talking_points_dir", files.error().message});
  }
  for (const auto& file : *files) read_library_file(file, config, ids, out, errors);
}

}  // namespace touchbase::config_detail
