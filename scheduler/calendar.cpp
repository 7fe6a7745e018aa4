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

Holidays::Holidays(std::span<const Date> dates)
    : Holidays([&] {
        std::vector<Day> days;
        days.reserve(dates.size());
        for (const Date& d : dates) days.push_back({LocalDays(d), {}});
        return days;
      }()) {}

Holidays::Holidays(std::vector<Day> days) {
  std::stable_sort(days.begin(), days.end(), [](const Day& a, const Day& b) { return a.day < b.day; });
  days_.reserve(days.size());
  labels_.reserve(days.size());
  for (const Day& d : days) {
    if (days_.empty() || days_.back() != day_number(d.day)) {
      days_.push_back(day_number(d.day));
      labels_.push_back(d.label);
    } else if (labels_.back().name.empty()) {
      labels_.back() = d.label;
    }
  }
}

bool Holidays::contains(LocalDays day) const {
  return !days_.empty() && std::binary_search(days_.begin(), days_.end(), day_number(day));
}

HolidayLabel Holidays::label(LocalDays day) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), day_number(day));
  if (it == days_.end() || *it != day_number(day)) return {};
  return labels_[static_cast<std::size_t>(it - days_.begin())];
}

bool Holidays::any_between(LocalDays first, LocalDays last) const {
  auto it = std::lower_bound(days_.begin(), days_.end(), day_number(first));
  return it != days_.end() && *it <= day_number(last);
}

void CalendarNotes::add_holiday(LocalDays day, const Holidays& from) {
  auto used = holidays.begin() + holiday_count;
  if (holiday_count == k_max_holidays ||
      std::find_if(holidays.begin(), used, [&](const NotedHoliday& h) { return h.day == day; }) != used) {
    return;
  }
  holidays[static_cast<std::size_t>(holiday_count++)] = {day, from.label(day)};
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
      notes->add_holiday(day, holidays);
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
        if (notes) notes->add_holiday(day, holidays);
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
                                            Instant t, CalendarNotes* notes) {
  if (window.days.empty() || window.hours.empty()) return std::nullopt;
  LocalDays day = zone.local_day(t);
  for (int i = 0; i < k_max_calendar_search_days; ++i, day -= date::days{1}) {
    if (!window.days.contains(date::weekday(day).c_encoding())) continue;
    if (holidays.contains(day)) {
      // Noted when it took a working moment away: one of its intervals starts by `t`.
      if (notes && interval_on(ZoneDay(zone, day), window.hours.front()).start.at <= t) {
        notes->add_holiday(day, holidays);
      }
      continue;
    }
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
