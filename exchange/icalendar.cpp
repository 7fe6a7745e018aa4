#include "exchange/icalendar.h"

#include <libical/ical.h>

#include <memory>

namespace touchbase {
namespace {

constexpr std::string_view k_uid_domain = "@touchbase";
constexpr std::string_view k_uid_safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using Component = std::unique_ptr<icalcomponent, ComponentDeleter>;

struct BufferDeleter {
  void operator()(char* text) const { icalmemory_free_buffer(text); }
};

icaltimetype utc_time(Instant t) {
  return icaltime_from_timet_with_zone(static_cast<time_t>(t.time_since_epoch().count()), 0,
                                       icaltimezone_get_utc_timezone());
}

void add_x_property(icalcomponent* component, const char* name, const std::string& value) {
  icalproperty* p = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(p, name);
  icalcomponent_add_property(component, p);
}

std::string ical_duration(Seconds d) {
  return "PT" + std::to_string(d.count()) + "S";
}

Component make_event(const CalendarEvent& e, Instant stamp) {
  Component event(icalcomponent_new_vevent());
  icalcomponent_add_property(event.get(), icalproperty_new_uid(e.uid.c_str()));
  icalcomponent_add_property(event.get(), icalproperty_new_dtstamp(utc_time(stamp)));
  icalcomponent_add_property(event.get(), icalproperty_new_dtstart(utc_time(e.start)));
  icalcomponent_add_property(event.get(), icalproperty_new_dtend(utc_time(e.start + e.length)));
  icalcomponent_add_property(event.get(), icalproperty_new_summary(e.summary.c_str()));
  icalcomponent_add_property(event.get(), icalproperty_new_description(e.description.c_str()));
  if (!e.url.empty()) icalcomponent_add_property(event.get(), icalproperty_new_url(e.url.c_str()));
  icalcomponent_add_property(event.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  return event;
}

constexpr std::string_view k_tail = "END:VCALENDAR\r\n";

Result<std::string> text_of(icalcomponent* component) {
  std::unique_ptr<char, BufferDeleter> text(icalcomponent_as_ical_string_r(component));
  if (!text) return Error::io(std::string("cannot write the iCalendar file: ") + icalerror_strerror(icalerrno));
  return std::string(text.get());
}

Result<Component> make_calendar(std::string_view name) {
  Component calendar(icalcomponent_new_vcalendar());
  if (!calendar) return Error::io("cannot make an iCalendar object: out of memory");
  icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
  icalcomponent_add_property(calendar.get(),
                             icalproperty_new_prodid("-//touchbase//touchbase " TOUCHBASE_VERSION "//EN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
  add_x_property(calendar.get(), "X-WR-CALNAME", std::string(name));
  add_x_property(calendar.get(), "X-PUBLISHED-TTL", ical_duration(k_calendar_refresh));
  return calendar;
}

}  // namespace

std::string follow_up_uid(std::string_view contact_id, Instant due_at) {
  static constexpr char k_hex[] = "0123456789ABCDEF";
  std::string uid = date::format("%Y%m%dT%H%M%SZ-", due_at);
  for (unsigned char c : contact_id) {
    if (k_uid_safe.find(static_cast<char>(c)) != std::string_view::npos) {
      uid += static_cast<char>(c);
    } else {
      uid += '%';
      uid += k_hex[c >> 4];
      uid += k_hex[c & 0xF];
    }
  }
  return uid + std::string(k_uid_domain);
}

Result<std::string> make_icalendar(std::string_view name, Instant stamp, std::span<const CalendarEvent> events) {
  TB_TRY(Component calendar, make_calendar(name));
  for (const CalendarEvent& e : events) icalcomponent_add_component(calendar.get(), make_event(e, stamp).release());
  return text_of(calendar.get());
}

Result<std::string> icalendar_head(std::string_view name) {
  TB_TRY(Component calendar, make_calendar(name));
  TB_TRY(std::string text, text_of(calendar.get()));
  if (!text.ends_with(k_tail)) return Error::io("cannot write the iCalendar file: it does not end with END:VCALENDAR");
  text.resize(text.size() - k_tail.size());
  return text;
}

Result<std::string> icalendar_event(const CalendarEvent& event, Instant stamp) {
  Component component = make_event(event, stamp);
  if (!component) return Error::io("cannot make an iCalendar event: out of memory");
  return text_of(component.get());
}

std::string_view icalendar_tail() {
  return k_tail;
}

}  // namespace touchbase
