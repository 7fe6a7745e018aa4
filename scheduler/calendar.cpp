#include "scheduler/calendar.h"

#include <algorithm>

namespace touchbase {
namespace {

int day_number(LocalDays day) {
  return static_cast<int>(day.time_since_epoch().count());
}

bool allowed_day(const WeeklyWindow& window, const Holidays& holidays, LocalDays day) {
  return window.days.contains(date::weekday(day).c_encoding()) && !holidays.contains(day);
}

}  // namespace

Holidays::Holidays(std::span<const Date> dates) {
  days_.reserve(dates.size());
  for (const Date& d : dates) days_.push_back(day_number(LocalDays(d)));
  std::sort(days_.begin(), days_.end());
  days_.erase(std::unique(days_.begin(), days_.end()), days_.end());
}

bool Holidays::contains(LocalDays day) const {
  return !days_.empty() && std::binary_search(days_.begin(), days_.end(), day_number(day));
}

bool Holidays::any_between(LocalDays first, LocalDays last) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), day_number(first));
  return it != days_.end() && *it <= day_number(last);
}

void CalendarNotes::add_holiday(LocalDays day) {
  auto used = holidays.begin() + holiday_count;
  if (std::find(holidays.begin(), used, day) != used || holiday_count == k_max_holidays) return;
  holidays[static_cast<std::size_t>(holiday_count++)] = day;
}

bool is_business_day(LocalDays day, const Holidays& holidays) {
  const unsigned wd = date::weekday(day).c_encoding();
  return wd >= 1 && wd <= 5 && !holidays.contains(day);
}

LocalDays add_business_days(LocalDays from, long count, const Holidays& holidays, CalendarNotes* notes) {
  LocalDays day = from;
  while (count > 0) {
    // Any seven days in a row without a holiday hold five business days.
    if (count > 5 && !holidays.any_between(day + date::days{1}, day + date::days{7})) {
      day += date::days{7};
      count -= 5;
      continue;
    }
    day += date::days{1};
    if (is_business_day(day, holidays)) {
      --count;
    } else if (notes && holidays.contains(day)) {
      notes->add_holiday(day);
    }
  }
  return day;
}

Interval interval_on(const ZoneDay& day, HourRange range) {
  return Interval{day.at_minute(range.start_minute), day.at_minute(range.end_minute).at};
}

std::optional<Instant> first_window_instant(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays,
                                            Instant from, CalendarNotes* notes) {
  if (window.days.empty() || window.hours.empty()) return std::nullopt;
  // Intervals of earlier local days all end by `from` (to_instant is monotonic).
  LocalDays day = zone.local_day(from);
  for (int i = 0; i < k_max_calendar_search_days; ++i, day += date::days{1}) {
    if (!window.days.contains(date::weekday(day).c_encoding())) continue;
    const bool holiday = holidays.contains(day);
    const ZoneDay local(zone, day);
    for (const HourRange& range : window.hours) {
      const Interval iv = interval_on(local, range);
      if (iv.empty() || iv.end <= from) continue;
      if (holiday) {
        if (notes) notes->add_holiday(day);
        break;
      }
      const bool at_start = iv.start.at >= from;
      if (notes) notes->gap_start = at_start && iv.start.fix == LocalFix::gap;
      return at_start ? iv.start.at : from;
    }
  }
  return std::nullopt;
}

bool in_window(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays, Instant t) {
  const LocalDays day = zone.local_day(t);
  if (!allowed_day(window, holidays, day)) return false;
  const ZoneDay local(zone, day);
  for (const HourRange& range : window.hours) {
    const Interval iv = interval_on(local, range);
    if (iv.start.at <= t && t < iv.end) return true;
  }
  return false;
}

std::optional<Instant> latest_window_moment(const Zone& zone, const WeeklyWindow& window, const Holidays& holidays,
                                            Instant t) {
  if (window.days.empty() || window.hours.empty()) return std::nullopt;
  LocalDays day = zone.local_day(t);
  for (int i = 0; i < k_max_calendar_search_days; ++i, day -= date::days{1}) {
    if (!allowed_day(window, holidays, day)) continue;
    const ZoneDay local(zone, day);
    for (auto range = window.hours.rbegin(); range != window.hours.rend(); ++range) {
      const Interval iv = interval_on(local, *range);
      if (iv.empty() || iv.start.at > t) continue;
      if (t < iv.end) return t;
      return std::max(iv.start.at, iv.end - k_last_working_minute);
    }
  }
  return std::nullopt;
}

}  // namespace touchbase
