#pragma once
// Follow-ups as an iCalendar file (RFC 5545) that Google Calendar, Outlook or
// Apple Calendar can subscribe to. Built and serialized with libical; libical
// stays inside this file pair.

#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace touchbase {

// How often subscribers are asked to fetch the file again (X-PUBLISHED-TTL).
inline constexpr Seconds k_calendar_refresh{std::chrono::hours(1)};

struct CalendarEvent {
  std::string uid;  // the same follow-up keeps its uid from one file to the next
  Instant start;
  Seconds length{0};
  std::string summary;
  std::string description;  // may hold line breaks
  std::string url;          // empty: none
};

// "20261123T160000Z-jane@touchbase": the uid of the follow-up of `contact_id`
// due at `due_at`. Characters of the id outside [A-Za-z0-9._-] are
// percent-encoded.
std::string follow_up_uid(std::string_view contact_id, Instant due_at);

// A VCALENDAR (VERSION 2.0, METHOD PUBLISH, named `name`) with one VEVENT per
// event, times in UTC, DTSTAMP `stamp`. The text has CRLF line ends, lines
// folded at 75 octets (never inside a UTF-8 character), and commas,
// semicolons, backslashes and line breaks escaped in TEXT values.
// Errc::io when libical cannot make it.
Result<std::string> make_icalendar(std::string_view name, Instant stamp, std::span<const CalendarEvent> events);

// The same text in parts, for a calendar written an event at a time: its
// head, then each event's text, then its tail. Errc::io as above.
Result<std::string> icalendar_head(std::string_view name);
Result<std::string> icalendar_event(const CalendarEvent& event, Instant stamp);
std::string_view icalendar_tail();

}  // namespace touchbase
