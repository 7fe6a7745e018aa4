#include "config/holiday_calendar.h"

#include <libical/ical.h>

#include <algorithm>
#include <memory>
#include <set>

#include "core/utf8.h"

namespace touchbase::config_detail {
namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

struct IteratorDeleter {
  void operator()(icalrecur_iterator* it) const { icalrecur_iterator_free(it); }
};
using RecurIterator = std::unique_ptr<icalrecur_iterator, IteratorDeleter>;

bool is_begin_vevent(std::string_view line) {
  constexpr std::string_view k_begin = "BEGIN:VEVENT";
  if (line.ends_with('\r')) line.remove_suffix(1);
  return std::equal(line.begin(), line.end(), k_begin.begin(), k_begin.end(),
                    [](char a, char b) { return (a >= 'a' && a <= 'z' ? static_cast<char>(a - 'a' + 'A') : a) == b; });
}

// The line of each BEGIN:VEVENT of `text`, in order: libical keeps no lines,
// but gives the events in the order of the file.
std::vector<int> event_lines(std::string_view text) {
  std::vector<int> lines;
  int number = 1;
  for (std::size_t pos = 0;; ++number) {
    const std::size_t end = text.find('\n', pos);
    if (is_begin_vevent(text.substr(pos, end == std::string_view::npos ? end : end - pos))) lines.push_back(number);
    if (end == std::string_view::npos) return lines;
    pos = end + 1;
  }
}

Date to_date(const icaltimetype& t) {
  return Date{date::year{t.year} / t.month / t.day};
}

std::string property_text(icalcomponent* event, icalproperty_kind kind) {
  icalproperty* p = icalcomponent_get_first_property(event, kind);
  const char* value = p ? icalvalue_get_text(icalproperty_get_value(p)) : nullptr;
  return value ? printable(value, LineFeeds::escape) : std::string();
}

// One VEVENT, expanded into the days of the years asked for.
class EventDays {
 public:
  EventDays(icalcomponent* event, int line, Date first, Date last, CalendarDays& out)
      : event_(event),
        line_(line),
        first_(first),
        last_(last),
        name_(property_text(event, ICAL_SUMMARY_PROPERTY)),
        uid_(property_text(event, ICAL_UID_PROPERTY)),
        out_(out) {}

  void read() {
    if (report_libical_errors()) return;
    icalproperty* start = icalcomponent_get_first_property(event_, ICAL_DTSTART_PROPERTY);
    if (!start) return problem(" has no DTSTART: expected the day it falls on, like DTSTART;VALUE=DATE:20261225");
    const icaltimetype dtstart = icalproperty_get_dtstart(start);
    if (!dtstart.is_date) {
      return problem(std::string(" starts at a time (DTSTART:") + icaltime_as_ical_string(dtstart) +
                     "): expected an all-day event, like DTSTART;VALUE=DATE:20261225");
    }
    const icaltimetype dtend = icalcomponent_get_dtend(event_);  // from DTEND, else DURATION, else one day
    length_ = std::max(date::days{1}, date::sys_days(to_date(dtend)) - date::sys_days(to_date(dtstart)));
    read_exdates();
    if (!icalcomponent_get_first_property(event_, ICAL_RRULE_PROPERTY)) return add(to_date(dtstart));
    for (icalproperty* p = icalcomponent_get_first_property(event_, ICAL_RRULE_PROPERTY); p;
         p = icalcomponent_get_next_property(event_, ICAL_RRULE_PROPERTY)) {
      repeat(icalproperty_get_rrule(p), dtstart);
    }
  }

 private:
  // "event 'German Unity Day' (UID de-unity)", as much of it as the event has.
  std::string what() const {
    std::string out = "event";
    if (!name_.empty()) out += " '" + name_ + "'";
    if (!uid_.empty()) out += " (UID " + uid_ + ")";
    return out;
  }

  void problem(const std::string& message) { out_.problems.push_back({line_, what() + message}); }

  // Whether libical left X-LIC-ERROR properties where it could not read one.
  bool report_libical_errors() {
    bool any = false;
    for (icalproperty* p = icalcomponent_get_first_property(event_, ICAL_XLICERROR_PROPERTY); p;
         p = icalcomponent_get_next_property(event_, ICAL_XLICERROR_PROPERTY)) {
      problem(std::string(": ") + printable(icalproperty_get_xlicerror(p), LineFeeds::escape));
      any = true;
    }
    return any;
  }

  void read_exdates() {
    for (icalproperty* p = icalcomponent_get_first_property(event_, ICAL_EXDATE_PROPERTY); p;
         p = icalcomponent_get_next_property(event_, ICAL_EXDATE_PROPERTY)) {
      excluded_.insert(to_date(icalproperty_get_exdate(p)));
    }
  }

  void repeat(const icalrecurrencetype& rule, const icaltimetype& dtstart) {
    RecurIterator it(icalrecur_iterator_new(rule, dtstart));
    if (!it) {
      return problem(std::string(": its RRULE cannot be repeated: ") + icalerror_strerror(icalerrno));
    }
    for (int n = 0; n < k_max_event_occurrences; ++n) {
      const icaltimetype next = icalrecur_iterator_next(it.get());
      if (icaltime_is_null_time(next) || next.year > static_cast<int>(last_.year())) return;
      add(to_date(next));
    }
    problem(": its RRULE gives more than " + std::to_string(k_max_event_occurrences) + " dates up to " +
            std::to_string(static_cast<int>(last_.year())) + ": expected a rule like FREQ=YEARLY");
  }

  // The days of the occurrence that starts on `start`, those within the years.
  void add(Date start) {
    if (!start.ok() || excluded_.contains(start)) return;
    const date::sys_days end = std::min(date::sys_days(start) + length_, date::sys_days(last_) + date::days{1});
    for (date::sys_days day = std::max(date::sys_days(start), date::sys_days(first_)); day < end;
         day += date::days{1}) {
      out_.days.push_back({Date(day), name_});
    }
  }

  icalcomponent* event_;
  int line_;
  Date first_;
  Date last_;
  std::string name_;
  std::string uid_;
  CalendarDays& out_;
  date::days length_{1};
  std::set<Date> excluded_;
};

void report_calendar_errors(icalcomponent* calendar, CalendarDays& out) {
  for (icalproperty* p = icalcomponent_get_first_property(calendar, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(calendar, ICAL_XLICERROR_PROPERTY)) {
    out.problems.push_back({0, printable(icalproperty_get_xlicerror(p), LineFeeds::escape)});
  }
}

void keep_first_per_date(std::vector<Holiday>& days) {
  std::stable_sort(days.begin(), days.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
  days.erase(std::unique(days.begin(), days.end(), [](const Holiday& a, const Holiday& b) { return a.date == b.date; }),
             days.end());
}

}  // namespace

CalendarDays read_holiday_calendar(std::string_view text, int first_year, int last_year) {
  CalendarDays out;
  icalerror_clear_errno();
  Component calendar(icalparser_parse_string(std::string(text).c_str()));
  if (!calendar || icalcomponent_isa(calendar.get()) != ICAL_VCALENDAR_COMPONENT) {
    out.problems.push_back(
        {0, "not an iCalendar file: expected one VCALENDAR, from BEGIN:VCALENDAR to END:VCALENDAR (RFC 5545)"});
    return out;
  }
  report_calendar_errors(calendar.get(), out);
  std::vector<int> lines = event_lines(text);
  if (lines.size() != static_cast<std::size_t>(icalcomponent_count_components(calendar.get(), ICAL_VEVENT_COMPONENT))) {
    lines.clear();  // some BEGIN:VEVENT is not an event of the calendar: no line is sure
  }
  const Date first{date::year{first_year} / 1 / 1};
  const Date last{date::year{last_year} / 12 / 31};
  std::size_t index = 0;
  for (icalcomponent* event = icalcomponent_get_first_component(calendar.get(), ICAL_VEVENT_COMPONENT); event;
       event = icalcomponent_get_next_component(calendar.get(), ICAL_VEVENT_COMPONENT), ++index) {
    EventDays(event, index < lines.size() ? lines[index] : 0, first, last, out).read();
  }
  keep_first_per_date(out.days);
  return out;
}

}  // namespace touchbase::config_detail
