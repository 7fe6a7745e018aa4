#pragma once
// Local time in one IANA zone, with the engine's rules for the hours a clock
// change removes or repeats: a local time that does not exist (DST gap) is
// the first valid instant after it, which is the instant of the change; a
// local time that occurs twice (DST fold) is its first occurrence.
//
// Each zone's offsets come from date/tz on the system tz database
// (USE_OS_TZDB) and are laid out once per process as a table of periods, so
// a conversion is one binary search, with no allocation and no lock. A Zone
// is a pointer to that immutable table: cheap to copy, safe to share between
// threads.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

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

// The periods of constant UTC offset of one zone, oldest first. Period i runs
// from utc_begin[i] (UTC) to utc_begin[i+1] with offset[i]; its local times
// end at local_end[i]. Both utc_begin and local_end increase.
// For 1970-2100, `by_utc[k]` is the period at the start of bucket k (of
// k_zone_bucket_bits-second buckets) and `by_local[k]` the first period whose
// local times end after its start, so a search starts within a step or two.
struct ZoneRules {
  const date::time_zone* tz = nullptr;
  std::vector<std::int64_t> utc_begin;
  std::vector<std::int64_t> local_end;
  std::vector<std::int32_t> offset;
  std::vector<std::uint16_t> by_utc;
  std::vector<std::uint16_t> by_local;
};

class Zone {
 public:
  // REQUIRES: rules is not null and outlives the Zone (lookup_zone's do).
  explicit Zone(const ZoneRules* rules) : rules_(rules) {}

  LocalSeconds to_local(Instant t) const;
  LocalDays local_day(Instant t) const { return date::floor<date::days>(to_local(t)); }
  ResolvedLocal to_instant(LocalSeconds local) const;

  std::string_view name() const { return rules_->tz->name(); }
  const date::time_zone* tz() const { return rules_->tz; }
  const ZoneRules& rules() const { return *rules_; }
  friend bool operator==(Zone a, Zone b) { return a.rules_ == b.rules_; }

 private:
  const ZoneRules* rules_;
};

// The local times of one day as instants: one search per day, then each
// minute of a day without a clock change converts by the same offset.
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

// The zone named `name` ("Europe/Berlin"), or nullopt when there is none.
// Thread-safe; after a name's first look-up, neither allocates nor locks.
std::optional<Zone> lookup_zone(std::string_view name);

}  // namespace touchbase
