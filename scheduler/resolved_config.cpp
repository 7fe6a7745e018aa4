#include "scheduler/resolved_config.h"

#include "core/region.h"

namespace touchbase {
namespace {

Zone zone_or_fallback(std::string_view name) {
  for (std::string_view candidate : {name, k_default_timezone, std::string_view("Etc/UTC")}) {
    if (auto zone = lookup_zone(candidate)) return *zone;
  }
  return lookup_zone("UTC").value();
}

// `window` when it is usable, else the window parsed from the default texts.
WeeklyWindow window_or(const WeeklyWindow& window, std::string_view days, std::string_view hours) {
  if (!window.days.empty() && !window.hours.empty()) return window;
  WeeklyWindow fallback;
  if (auto d = parse_day_set(days)) fallback.days = *d;
  if (auto h = parse_hour_ranges(hours)) fallback.hours = std::move(*h);
  return fallback;
}

void add_days(std::vector<Holidays::Day>& out, const std::vector<HolidayCalendar>& calendars, std::string_view region) {
  for (const HolidayCalendar& calendar : calendars) {
    for (const Holiday& h : calendar.days) out.push_back({LocalDays(h.date), {h.name, region}});
  }
}

// Everyone's holidays: the dates, then the calendars'.
std::vector<Holidays::Day> everyones_days(const HolidayConfig& holidays) {
  std::vector<Holidays::Day> days;
  for (const Date& d : holidays.dates) days.push_back({LocalDays(d), {}});
  add_days(days, holidays.calendars, "");
  return days;
}

// The days of `region`, then its country's, then everyone's: where one day
// has several names, the region's comes first.
std::vector<Holidays::Day> regional_days(const HolidayConfig& holidays, const std::string& region) {
  std::vector<Holidays::Day> days;
  add_days(days, holidays.regions.at(region), region);
  const std::string_view country = region_country(region);
  if (auto it = holidays.regions.find(std::string(country)); country != region && it != holidays.regions.end()) {
    add_days(days, it->second, it->first);
  }
  std::vector<Holidays::Day> everyone = everyones_days(holidays);
  days.insert(days.end(), everyone.begin(), everyone.end());
  return days;
}

}  // namespace

ResolvedConfig::ResolvedConfig(const Config& config)
    : config_(config),
      default_zone_(zone_or_fallback(config.defaults.timezone)),
      default_contact_window_(
          window_or(config.defaults.contact_window, k_default_contact_days, k_default_contact_hours)),
      default_working_hours_(window_or(WeeklyWindow{}, k_default_working_days, k_default_working_hours)),
      holidays_(everyones_days(config.holidays)),
      lead_time_(config.defaults.lead_time) {
  for (const auto& [region, calendars] : config.holidays.regions) {
    regional_.emplace(region, Holidays(regional_days(config.holidays, region)));
  }
  for (const auto& [key, cadence] : config.cadences) {
    cadences_.emplace(key, ResolvedCadence{&cadence, cadence.name.empty() ? std::string_view(key) : cadence.name});
  }
  default_cadence_ = cadence_named(config.defaults.cadence);
  if (!default_cadence_) default_cadence_ = cadence_named(k_preferred_default_cadence);
  if (!default_cadence_ && !config.cadences.empty()) default_cadence_ = cadence_named(config.cadences.begin()->first);

  for (const auto& [id, owner] : config.owners) {
    const WeeklyWindow* hours = &owner.working_hours;
    if (owner.working_hours.days.empty() || owner.working_hours.hours.empty()) hours = &default_working_hours_;
    const Zone zone = owner.timezone.empty() ? default_zone_ : zone_or_fallback(owner.timezone);
    std::string_view display = owner.name.empty() ? std::string_view(id) : std::string_view(owner.name);
    owners_.emplace(id, ResolvedOwner{&owner, id, zone, hours, display, &holidays_in(owner.region)});
  }
  if (auto it = owners_.find(config.defaults.owner); it != owners_.end()) {
    default_owner_ = &it->second;
  } else if (!config.owners.empty()) {
    default_owner_ = &owners_.at(config.owners.begin()->first);
  }
}

const ResolvedCadence* ResolvedConfig::cadence_named(std::string_view name) const {
  auto it = cadences_.find(name);
  return it == cadences_.end() ? nullptr : &it->second;
}

const ResolvedCadence* ResolvedConfig::cadence_of(const Contact& contact) const {
  if (contact.cadence.empty()) return default_cadence_;
  const ResolvedCadence* own = cadence_named(contact.cadence);
  return own ? own : default_cadence_;
}

const ResolvedOwner* ResolvedConfig::owner_of(const Contact& contact) const {
  if (contact.owner.empty()) return default_owner_;
  auto it = owners_.find(contact.owner);
  return it == owners_.end() ? default_owner_ : &it->second;
}

std::optional<Zone> ResolvedConfig::zone_of(const Contact& contact) const {
  if (contact.timezone.empty()) return default_zone_;
  return lookup_zone(contact.timezone);
}

const Holidays& ResolvedConfig::holidays_in(std::string_view region) const {
  if (region.empty()) return holidays_;
  if (auto it = regional_.find(region); it != regional_.end()) return it->second;
  if (auto it = regional_.find(region_country(region)); it != regional_.end()) return it->second;
  return holidays_;
}

const WeeklyWindow& ResolvedConfig::window_of(const Contact& contact) const {
  const auto& own = contact.window;
  if (own && !own->days.empty() && !own->hours.empty()) return *own;
  return default_contact_window_;
}

}  // namespace touchbase
