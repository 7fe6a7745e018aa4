#pragma once
// Calendar arithmetic in one person's zone: window instants, business days,
// working moments. Pure and allocation-free; safe to call from any thread.
//
// A window interval is [start, end) of one local day, turned into instants by
// Zone::to_instant (a start or end inside a DST gap is the instant of the
// change; inside a fold, its first occurrence). An interval that a gap
// swallows whole is skipped. A day that is a holiday has no interval.

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "core/window.h"
#include "scheduler/zone.h"

namespace touchbase {

// How far the searches below look before giving up (a window that never
// opens, a year of holidays).
inline constexpr int k_max_calendar_search_days = 400;
// A reminder moved out of the owner's off hours goes at the last working
// minute before: the end of the latest working interval minus this.
inline constexpr Seconds k_last_working_minute = std::chrono::minutes(1);

// What the reasons text calls a holiday: its name ("German Unity Day";
// empty: "a holiday") and the region whose calendar lists it ("DE-BE";
// empty: one for everyone). Views of strings the Config holds.
struct HolidayLabel {
  std::string_view name;
  std::string_view region;
};

// The holidays of one place, each date taken as a local day in whoever's zone
// asks, with one label per day. Built once per config; the look-ups below
// neither allocate nor lock.
class Holidays {
 public:
  struct Day {
    LocalDays day;
    HolidayLabel label;
  };

  Holidays() = default;
  // Unnamed days.
  explicit Holidays(std::span<const Date> dates);
  // One label per day: of several given for a day, the first with a name,
  // else the first. The labels' strings must outlive this.
  explicit Holidays(std::vector<Day> days);

  bool contains(LocalDays day) const;
  // Whether any holiday falls in [first, last].
  bool any_between(LocalDays first, LocalDays last) const;
  // The label of `day`; empty when it is no holiday or has none.
  HolidayLabel label(LocalDays day) const;

 private:
  std::vector<int> days_;             // days since 1970-01-01, sorted, unique
  std::vector<HolidayLabel> labels_;  // labels_[i] is days_[i]'s
};

// A holiday a search skipped, for the reasons text.
struct NotedHoliday {
  LocalDays day;
  HolidayLabel label;
};

// What a search skipped, for the reasons text. Bounded, never allocates.
struct CalendarNotes {
  static constexpr int k_max_holidays = 3;
  std::array<NotedHoliday, k_max_holidays> holidays{};
  int holiday_count = 0;
  bool gap_start = false;  // the chosen instant is a window start moved out of a DST gap

  // Notes `day` with its label in `from`; a day noted already, or one past
  // the k_max_holidays-th, is left out.
  void add_holiday(LocalDays day, const Holidays& from);
};

// Mon-Fri and not a holiday.
bool is_business_day(LocalDays day, const Holidays& holidays);

// The day `count` business days after `from` (`from` itself need not be one).
// Skipped holidays are noted.
LocalDays add_business_days(LocalDays from, long count, const Holidays& holidays, CalendarNotes* notes);

// The interval of `range` on `day` as instants; empty (start >= end) when a
// gap swallows it.
struct Interval {
  ResolvedLocal start;
  Instant end;
  bool empty() const { return start.at >= end; }
};
Interval interval_on(const ZoneDay& day, HourRange range);

// The first instant at or after `from` inside `window` on an allowed day that
// is not a holiday; nullopt when none within k_max_calendar_search_days.
std::optional<Instant> first_window_instant(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays,
                                            Instant from, CalendarNotes* notes);

// Whether `t` is inside `window` on an allowed day that is not a holiday.
bool in_window(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays, Instant t);

// The latest working moment at or before `t`: `t` itself when it is inside
// `window`; otherwise the end of the latest interval that ended by `t`, less
// k_last_working_minute (never before that interval's start). nullopt when
// there is none within k_max_calendar_search_days. Holidays on the window's
// days that it passes over are noted.
std::optional<Instant> latest_window_moment(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays,
                                            Instant t, CalendarNotes* notes);

}  // namespace touchbase
