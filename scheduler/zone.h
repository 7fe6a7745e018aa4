#pragma once
// Local time in one IANA zone, with the engine's rules for the hours a clock
// change removes or repeats: a local time that does not exist (DST gap) is
// the first valid instant after it, which is the instant of the change; a
// local time that occurs twice (DST fold) is its first occurrence.
//
// A Zone is a pointer to date/tz's immutable zone: cheap to copy, safe to
// share between threads. The tz database is the system's (USE_OS_TZDB).

#include <string_view>

#include <date/tz.h>

#include "core/time.h"

namespace touchbase {

using LocalSeconds = date::local_seconds;
using LocalDays = date::local_days;

// How a local time became an instant.
enum class LocalFix {
  exact,  // the local time exists once
  gap,    // it does not exist: moved to the instant the clocks changed
  fold,   // it exists twice: the first occurrence
};

struct ResolvedLocal {
  Instant at;
  LocalFix fix = LocalFix::exact;
};

class Zone {
 public:
  // REQUIRES: tz is not null.
  explicit Zone(const date::time_zone* tz) : tz_(tz) {}

  LocalSeconds to_local(Instant t) const {
    return LocalSeconds{t.time_since_epoch() + tz_->get_info(t).offset};
  }
  LocalDays local_day(Instant t) const { return date::floor<date::days>(to_local(t)); }
  ResolvedLocal to_instant(LocalSeconds local) const;

  std::string_view name() const { return tz_->name(); }
  const date::time_zone* tz() const { return tz_; }
  friend bool operator==(Zone a, Zone b) { return a.tz_ == b.tz_; }

 private:
  const date::time_zone* tz_;
};

// The local times of one day as instants. One tz look-up per day: on a day
// without a clock change every local time converts by the same offset; on a
// day with one, each conversion goes through Zone::to_instant.
class ZoneDay {
 public:
  ZoneDay(Zone zone, LocalDays day);
  LocalDays day() const { return day_; }
  // REQUIRES: 0 <= minute <= 1440.
  ResolvedLocal at_minute(int minute) const {
    const LocalSeconds local = LocalSeconds(day_) + std::chrono::minutes(minute);
    if (simple_) return {Instant{local.time_since_epoch() - offset_}, LocalFix::exact};
    return zone_.to_instant(local);
  }

 private:
  Zone zone_;
  LocalDays day_;
  bool simple_ = false;
  Seconds offset_{0};
};

// The zone named `name` ("Europe/Berlin"), or nullptr when there is none.
// Names are resolved through a table built once per process, so a look-up
// neither allocates nor throws. Thread-safe.
const date::time_zone* lookup_zone(std::string_view name);

}  // namespace touchbase
