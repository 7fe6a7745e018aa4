#pragma once
// What the contacts have coming, read without changing anything: the
// reminders the salesperson has not yet answered with a logged touch, and the
// follow-ups the daemon will remind, simulated as `touchbase plan` does.
// `due`, `calendar`, `points`, `log` and the state commands show these;
// reminders/follow_up_stream.h reads them for every contact.

#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "scheduler/cadence_engine.h"
#include "scheduler/talking_points.h"
#include "store/store.h"

namespace touchbase {

// One line on what comes next for `contact` at `now`, on its history as
// stored, following cadence switches as the daemon does without writing
// them: "next follow-up: Tue 25 Nov 16:00 Europe/Berlin (touch 2 of
// prospect): <why>", or "no follow-up planned: <why>".
Result<std::string> describe_next_follow_up(const Config& config, Store& store, const Contact& contact, Instant now);

struct FollowUp {
  std::size_t contact = 0;  // index in FollowUps::contacts
  std::string owner;        // the owner's id after defaults
  std::string cadence;
  int step = 0;
  Instant due_at;
  Instant remind_at;
  const TalkingPoint* point = nullptr;  // nullptr when the next step leads, none fits, or it left the library
  PointChoice::Kind brings = PointChoice::Kind::none;
  std::string bring;  // what to bring up, as the reminder says it (scheduler/talking_points.h bring_text)
  std::string why;
  bool reminded = false;  // an open reminder; else planned
  std::string timezone;   // planned: the zone the contact's window was read in (PlannedFollowUp::timezone)
};

// Whether open reminder `r` of `c` still asks for a touch at `now`: the
// contact is active and not snoozed, and the reminder is from its current
// cadence (not from before a resume or a switch).
bool still_asks(const Contact& c, const Reminder& r, Instant now);

// Sets what `f` brings up: `choice`'s point and its text as the reminder says
// it, for contact `c` with `touches`.
void set_point(FollowUp& f, const PointChoice& choice, const Contact& c, std::span<const Touch> touches);

// The follow-ups of many contacts together (reminders/follow_up_stream.h
// hands them over a contact at a time).
struct FollowUps {
  std::vector<Contact> contacts;        // the contacts with a follow-up
  std::vector<FollowUp> items;          // ordered by due_at, then contact id
  std::vector<SkippedContact> skipped;  // contacts the engine could not decide (Plan::skipped)
};

}  // namespace touchbase
