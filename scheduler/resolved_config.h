#pragma once
// The parts of a Config the engine reads on every decision, resolved once:
// names to cadences, owners and zones, windows with their defaults filled in,
// holidays as day numbers: those for everyone, and for each region of
// [holidays.regions] its own, its country's and everyone's. Immutable after
// construction; thread-safe to read. Holds pointers into the Config, which
// must outlive it.

#include <optional>
#include <string_view>
#include <unordered_map>

#include "config/config.h"
#include "core/contact.h"
#include "scheduler/calendar.h"
#include "scheduler/zone.h"

namespace touchbase {

struct ResolvedCadence {
  const Cadence* cadence = nullptr;
  std::string_view name;  // Cadence::name, else its key in [cadences]
};

struct ResolvedOwner {
  const Owner* owner = nullptr;
  std::string_view id;  // its key in [owners]
  Zone zone;
  const WeeklyWindow* working_hours = nullptr;  // the owner's, or the default
  std::string_view display_name;                // the name, else the id
  const Holidays* holidays = nullptr;           // holidays_in(the owner's region)
};

class ResolvedConfig {
 public:
  explicit ResolvedConfig(const Config& config);
  ResolvedConfig(const ResolvedConfig&) = delete;
  ResolvedConfig& operator=(const ResolvedConfig&) = delete;

  // The contact's cadence: its own, else [defaults], else the first by name;
  // nullptr only when the config has no cadence at all.
  const ResolvedCadence* cadence_of(const Contact& contact) const;
  const ResolvedCadence* cadence_named(std::string_view name) const;
  // The contact's owner: its own, else [defaults], else the only or the first
  // owner by id; nullptr only when the config has no owner at all.
  const ResolvedOwner* owner_of(const Contact& contact) const;
  // The contact's zone, or the default zone when it names none; nullopt when
  // the zone it names is not in the system's tz database (a name a tzdata
  // upgrade moved out, or one written into the database by hand).
  std::optional<Zone> zone_of(const Contact& contact) const;
  const WeeklyWindow& window_of(const Contact& contact) const;
  const Holidays& holidays_of(const Contact& contact) const { return holidays_in(contact.region); }
  // The holidays of `region`: everyone's, its country's when [holidays.regions]
  // lists the country ("US" for "US-NY"), and its own when it lists the region.
  const Holidays& holidays_in(std::string_view region) const;

  Seconds lead_time() const { return lead_time_; }
  Zone default_zone() const { return default_zone_; }

 private:
  const Config& config_;
  Zone default_zone_;
  WeeklyWindow default_contact_window_;
  WeeklyWindow default_working_hours_;
  Holidays holidays_;                                        // everyone's
  std::unordered_map<std::string_view, Holidays> regional_;  // a key of [holidays.regions] -> holidays_in(key)
  Seconds lead_time_;
  std::unordered_map<std::string_view, ResolvedCadence> cadences_;
  const ResolvedCadence* default_cadence_ = nullptr;
  std::unordered_map<std::string_view, ResolvedOwner> owners_;
  const ResolvedOwner* default_owner_ = nullptr;
};

}  // namespace touchbase
