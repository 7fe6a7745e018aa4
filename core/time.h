#pragma once
// Instants, durations and the text forms people write them in.
// Instants are UTC (`Instant`, seconds precision); local rules go through
// date/tz on the system tz database.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>

#include "core/result.h"

namespace touchbase {

using Instant = date::sys_seconds;
using Seconds = std::chrono::seconds;
using Date = date::year_month_day;

// The longest duration accepted anywhere (a cadence step, a snooze): 100
// years, so that an instant plus a duration stays a time every output prints
// and every input reads back.
inline constexpr Seconds k_max_duration{std::chrono::hours(24) * 36'500};
// The years of the times and dates accepted as input.
inline constexpr int k_first_year = 1900;
inline constexpr int k_last_year = 2999;

// "30s", "15m", "2h", "3d", "2w" (one number and one unit, 0 <= duration <=
// k_max_duration).
Result<Seconds> parse_duration(std::string_view text);
// The shortest exact form: 90 minutes -> "90m", 2 days -> "2d", 0 -> "0s".
std::string format_duration(Seconds d);

// At most `count` events per `per`: "1/s", "60/m", "5/2s", "100/h".
struct Rate {
  int count = 0;
  Seconds per{0};
  friend bool operator==(const Rate&, const Rate&) = default;
};
// "N/UNIT" (s, m, h, d) or "N/DURATION" ("5/2s"); N >= 1.
Result<Rate> parse_rate(std::string_view text);
std::string format_rate(Rate r);

// RFC 3339: "2026-11-23T16:00:00Z", "2026-11-23T16:00:00+01:00", fractional
// seconds dropped. A bare date "2026-11-23" is midnight UTC. Only years
// k_first_year to k_last_year (in UTC).
Result<Instant> parse_rfc3339(std::string_view text);
// "2026-11-23T16:00:00Z".
std::string format_rfc3339(Instant t);
// "2026-11-23T17:00:00+01:00": the local time in `zone` with its offset.
std::string format_rfc3339_local(Instant t, const date::time_zone& zone);

// The date of `t` in the zone named `zone_name`. REQUIRES: the zone exists (a
// validated config's).
Date local_date(Instant t, std::string_view zone_name);

// "2026-12-25", years k_first_year to k_last_year.
Result<Date> parse_date(std::string_view text);
std::string format_date(Date d);

// The IANA zone named `name` ("Europe/Berlin"), or an error naming it.
Result<const date::time_zone*> find_zone(std::string_view name);

}  // namespace touchbase
