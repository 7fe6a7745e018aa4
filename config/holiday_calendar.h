#pragma once
// The days off an iCalendar file (RFC 5545) lists, read with libical; libical
// stays inside this file pair. Not thread-safe: libical keeps its error state
// in a global.

#include <string>
#include <string_view>
#include <vector>

#include "config/config.h"

namespace touchbase::config_detail {

// Why a calendar file cannot be used: at `line` (1-based; 0 when there is
// no line to tell), what is wrong and what was expected.
struct CalendarProblem {
  int line = 0;
  std::string message;
};

struct CalendarDays {
  std::vector<Holiday> days;  // sorted by date, one per date: the first event of the file that day
  std::vector<CalendarProblem> problems;
};

// The days from `first_year` to `last_year` that the all-day events
// (VEVENT with DTSTART;VALUE=DATE) of the VCALENDAR `text` fall on, named by
// their SUMMARY. An event lasts from DTSTART up to DTEND, which it excludes,
// or for its DURATION in days; one day when it has neither. Its RRULEs repeat
// it (as many as give a date up to `last_year`, at most
// k_max_event_occurrences), its EXDATEs leave dates out. RDATE and
// RECURRENCE-ID are not read. Each problem names its event by UID and
// SUMMARY, with the line of its BEGIN:VEVENT: text that is not one VCALENDAR,
// an event without DTSTART or with a DTSTART that is a time, a property
// libical cannot read, a rule that gives too many dates.
CalendarDays read_holiday_calendar(std::string_view text, int first_year, int last_year);

// The most dates one event gives up to the last year: a daily rule from
// before 1800 and no more.
inline constexpr int k_max_event_occurrences = 100'000;

}  // namespace touchbase::config_detail
