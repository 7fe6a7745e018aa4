// [holidays]: dates, and iCalendar files for everyone and per region.
#include <algorithm>
#include <array>

#include "config/holiday_calendar.h"
#include "config/paths.h"
#include "config/sections.h"
#include "core/region.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 3> k_holidays_keys = {"dates", "calendars", "regions"};

void read_dates(const Value& dates, std::vector<Date>& out) {
  if (const auto* arr = dates.array("an array of dates like [2026-12-25, 2027-01-01]")) {
    for (std::size_t i = 0; i < arr->size(); ++i) {
      if (auto d = dates.element(*arr, i).date()) out.push_back(*d);
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
}

// The calendar file `v` names, with its days; a problem inside the file is an
// error at the file's own line.
std::optional<HolidayCalendar> read_calendar(const Value& v, LoadContext& ctx, const HolidayConfig& years) {
  auto text = v.non_empty_string(R"(the path of an iCalendar file like "holidays/de-be.ics")");
  if (!text) return std::nullopt;
  auto expanded = expand_variables(*text);
  if (!expanded) {
    v.error(expanded.error().message);
    return std::nullopt;
  }
  HolidayCalendar calendar{resolve_path(*expanded, ctx.base_dir), {}};
  auto content = read_small_file(calendar.file, k_max_config_file_bytes);
  if (!content) {
    v.error(content.error().message);
    return std::nullopt;
  }
  CalendarDays read = read_holiday_calendar(*content, years.first_year, years.last_year);
  for (CalendarProblem& p : read.problems) {
    ctx.other_file_errors.push_back(
        ConfigError{calendar.file.string(), p.line, p.line > 0 ? 1 : 0, v.key(), std::move(p.message)});
  }
  calendar.days = std::move(read.days);
  return calendar;
}

std::vector<HolidayCalendar> read_calendars(const Value& v, LoadContext& ctx, const HolidayConfig& years) {
  std::vector<HolidayCalendar> calendars;
  const auto* arr = v.array(R"(an array of iCalendar files like ["holidays/company.ics"])");
  if (arr == nullptr) return calendars;
  for (std::size_t i = 0; i < arr->size(); ++i) {
    if (auto calendar = read_calendar(v.element(*arr, i), ctx, years)) calendars.push_back(std::move(*calendar));
  }
  return calendars;
}

// Each key a region, each value its calendars.
void read_regions(const Value& v, LoadContext& ctx, HolidayConfig& out) {
  const auto* table = v.table(R"(a table of regions like { DE-BE = ["holidays/de-be.ics"] })");
  if (table == nullptr) return;
  for (auto&& [key, node] : *table) {
    Value entry(&node, join_key(v.key(), key.str()), v.place(), v.diag());
    auto region = parse_region(key.str());
    if (!region) {
      entry.error(region.error().message);
    } else if (out.regions.contains(*region)) {
      entry.error("region " + *region + " is listed twice (in capitals or not, it is one region)");
    } else {
      out.regions[*region] = read_calendars(entry, ctx, out);
    }
  }
}

}  // namespace

void read_holidays(const TableReader& root, LoadContext& ctx, HolidayConfig& out) {
  Value v = root.get("holidays");
  if (!v || !v.table("a table like [holidays]")) return;
  TableReader t(v, k_holidays_keys);
  read_dates(t.get("dates"), out.dates);
  out.calendars = read_calendars(t.get("calendars"), ctx, out);
  read_regions(t.get("regions"), ctx, out);
  t.report_unknown_keys();
}

}  // namespace touchbase::config_detail
