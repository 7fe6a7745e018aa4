// summarize(): what `touchbase check` prints for a valid config.
#include <algorithm>
#include <map>
#include <vector>

#include "config/load_config.h"

namespace touchbase {
namespace {

std::string owners_line(const Config& config) {
  std::string out;
  for (const auto& [id, owner] : config.owners) {
    if (!out.empty()) out += ", ";
    out += id == owner.name ? id : id + " (" + owner.name + ")";
  }
  return out;
}

std::string notifiers_line(const Config& config) {
  std::map<std::string_view, std::vector<std::string>> by_kind;
  for (const auto& [name, n] : config.notifiers) by_kind[to_string(n.kind)].push_back(name);
  std::string out;
  for (const auto& [kind, names] : by_kind) {
    out += (out.empty() ? "" : "; ") + std::string(kind) + ":";
    for (const auto& name : names) out += " " + name;
  }
  return out.empty() ? "none" : out;
}

std::string cadences_line(const Config& config) {
  std::string out;
  for (const auto& [name, cadence] : config.cadences) {
    out += (out.empty() ? "" : "; ") + name + " [";
    for (std::size_t i = 0; i < cadence.steps.size(); ++i) out += (i ? " " : "") + format_duration(cadence.steps[i]);
    if (cadence.repeat) out += ", repeats";
    if (cadence.business_days) out += ", business days";
    out += "]";
  }
  return out;
}

// " (3 from /etc/touchbase/talking-points)", or "" without talking_points_dir.
std::string talking_points_source(const Config& config) {
  if (config.daemon.talking_points_dir.empty()) return "";
  auto from_dir = std::count_if(config.talking_points.begin(), config.talking_points.end(),
                                [&](const TalkingPoint& p) { return p.file != config.source.string(); });
  return " (" + std::to_string(from_dir) + " from " + config.daemon.talking_points_dir.string() + ")";
}

// "company.ics (12 days), bridges.ics (3 days)".
std::string calendars_text(const std::vector<HolidayCalendar>& calendars) {
  std::string out;
  for (const HolidayCalendar& c : calendars) {
    out += (out.empty() ? "" : ", ") + c.file.filename().string() + " (" + std::to_string(c.days.size()) + " days)";
  }
  return out;
}

// "2 dates; for everyone: company.ics (12 days); DE-BE: de-be.ics (9 days);
// calendars read for 2025-2029", or "2 dates" without calendars.
std::string holidays_line(const HolidayConfig& holidays) {
  std::string out = std::to_string(holidays.dates.size()) + (holidays.dates.size() == 1 ? " date" : " dates");
  if (holidays.calendars.empty() && holidays.regions.empty()) return out;
  if (!holidays.calendars.empty()) out += "; for everyone: " + calendars_text(holidays.calendars);
  for (const auto& [region, calendars] : holidays.regions) out += "; " + region + ": " + calendars_text(calendars);
  return out + "; calendars read for " + std::to_string(holidays.first_year) + "-" + std::to_string(holidays.last_year);
}

}  // namespace

std::string summarize(const Config& config) {
  std::string out;
  out += "config: " + config.source.string() + "\n";
  out += "database: " + config.daemon.database.string() + "\n";
  out += "owners (" + std::to_string(config.owners.size()) + "): " + owners_line(config) + "\n";
  out += "notifiers (" + std::to_string(config.notifiers.size()) + "): " + notifiers_line(config) + "\n";
  out += "cadences (" + std::to_string(config.cadences.size()) + "): " + cadences_line(config) + "\n";
  out += "defaults: owner " + (config.defaults.owner.empty() ? std::string("(none)") : config.defaults.owner) +
         ", cadence " + config.defaults.cadence + ", timezone " + config.defaults.timezone + "\n";
  out += "talking points: " + std::to_string(config.talking_points.size()) + talking_points_source(config) + "\n";
  out += "holidays: " + holidays_line(config.holidays) + "\n";
  return out;
}

}  // namespace touchbase
