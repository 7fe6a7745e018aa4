#pragma once
// The people a salesperson follows up with, and what happened at each touch.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "core/window.h"

namespace touchbase {

enum class ContactStatus { active, paused, dormant, closed_won, closed_lost, closed_unqualified };

std::string_view to_string(ContactStatus s);
std::optional<ContactStatus> parse_contact_status(std::string_view text);

// The path agreed at the last touch: "send the pricing deck", by a date.
struct NextStep {
  std::string text;
  std::optional<Date> date;
  friend bool operator==(const NextStep&, const NextStep&) = default;
};

// The step as people read it: "send the pricing deck (agreed for 2026-11-24)";
// without a date, the text alone.
std::string next_step_text(const NextStep& step);

// Empty strings and absent optionals mean "not given": the config's
// [defaults] supply timezone, window, cadence and owner.
struct Contact {
  std::string id;
  std::string name;
  std::string email;
  std::string phone;
  std::string company;
  std::string title;
  std::string owner;
  std::string timezone;
  std::string region;  // core/region.h, in capitals; empty: only the holidays for everyone
  std::optional<WeeklyWindow> window;
  std::string cadence;
  std::string stage;
  std::vector<std::string> tags;
  double value = 0;  // deal value, in the owner's currency
  ContactStatus status = ContactStatus::active;
  std::optional<Instant> paused_until;   // pause or snooze: no follow-up before this
  std::optional<Instant> last_touch;     // last touch known before any logged in touchbase
  std::optional<Instant> cadence_since;  // when the contact entered its current cadence
  std::optional<Instant> bounced_at;     // mail to `email` bounced then; cleared when the email changes
  NextStep next_step;
  std::string notes;
  friend bool operator==(const Contact&, const Contact&) = default;
};

// A contact left out of what is being done (a pass, a plan, a listing), and
// why, in a phrase that names what is wrong ("its time zone 'Mars/Olympus'
// is not in this system's time zone database"). The others go on.
struct SkippedContact {
  std::string id;
  std::string why;
};

enum class Outcome { touched, replied, meeting, no_answer };

std::string_view to_string(Outcome o);
std::optional<Outcome> parse_outcome(std::string_view text);  // "no-answer" or "no_answer"
// Whether the contact answered: a reply, or a meeting.
inline bool is_reply(Outcome o) {
  return o == Outcome::replied || o == Outcome::meeting;
}

// Where a touch was learnt from: a command, a reminder's action link, the
// owner's mailbox (a reply) or sent folder, or an import.
enum class TouchSource { cli, link, mailbox, sent, import };

std::string_view to_string(TouchSource s);
std::optional<TouchSource> parse_touch_source(std::string_view text);

// A logged touch. `talking_point` is the id of the point used, if any.
struct Touch {
  Instant at;
  Outcome outcome = Outcome::touched;
  std::string note;
  std::string talking_point;
  TouchSource source = TouchSource::cli;
  friend bool operator==(const Touch&, const Touch&) = default;
};

}  // namespace touchbase
