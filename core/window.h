#pragma once
// Weekly windows: the days and local hours a contact welcomes a call, or an
// owner works. Times are minutes since local midnight in the person's zone.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace touchbase {

// A set of weekdays; bit 0 is Sunday, as in date::weekday::c_encoding().
struct DaySet {
  std::uint8_t bits = 0;

  bool contains(unsigned c_encoding) const { return (bits >> c_encoding) & 1u; }
  bool empty() const { return bits == 0; }
  friend bool operator==(const DaySet&, const DaySet&) = default;
};

// [start, end) in minutes since local midnight; 0 <= start < end <= 1440.
struct HourRange {
  int start_minute = 0;
  int end_minute = 0;
  friend bool operator==(const HourRange&, const HourRange&) = default;
};

// Days plus one or more non-overlapping hour ranges, sorted by start.
struct WeeklyWindow {
  DaySet days;
  std::vector<HourRange> hours;
  friend bool operator==(const WeeklyWindow&, const WeeklyWindow&) = default;
};

// "mon-fri", "tue,thu", "fri-mon" (wraps), "mon-wed,fri"; names are the first
// three letters or the full English name, any case.
Result<DaySet> parse_day_set(std::string_view text);
// The same, from a list of day names or ranges.
Result<DaySet> parse_day_set(std::span<const std::string> items);
// "16:00-17:30", or several separated by commas: "09:00-10:00,16:00-17:30".
// Empty (end <= start) and overlapping ranges are errors.
Result<std::vector<HourRange>> parse_hour_ranges(std::string_view text);
// "mon-fri 16:00-17:30": days, a space, hours.
Result<WeeklyWindow> parse_window(std::string_view text);

std::string format_day_set(DaySet days);                           // "mon-fri", "tue,thu"
std::string format_hour_ranges(std::span<const HourRange> hours);  // "16:00-17:30"
std::string format_window(const WeeklyWindow& w);                  // "mon-fri 16:00-17:30"

}  // namespace touchbase
