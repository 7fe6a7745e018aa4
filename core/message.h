#pragma once
// The message a reminder carries: already-decided display text, made once
// with the reminder, kept with it by the store and rendered by each notifier.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace touchbase {

// A link that records an outcome of a reminder, or opens a page, in one
// click: `name` is its key in the webhook JSON ("touched", "snooze-1d",
// "page", "today"), `label` the button's text ("Snooze 1 day").
struct ActionLink {
  std::string name;
  std::string label;
  std::string url;
  bool operator==(const ActionLink&) const = default;
};

// Everything a salesperson needs to act on a reminder, as display text.
// A notice (headline set) is about several contacts at once: the contact
// fields are empty and `why` holds its lines.
struct ReminderMessage {
  std::string idempotency_key;  // repeated by every attempt of the same delivery
  std::string headline;         // a notice's title; empty for a reminder
  std::string owner_name;
  std::string contact_id;
  std::string contact_name;
  std::string company;
  std::string stage;
  std::string channel;              // how to reach the contact: "call +1 555 0100" or "email jane@example.com"
  std::string due_at;               // when to follow up, in the contact's and the owner's zones
  std::string why;                  // the rules that decided the time
  std::string talking_point;        // text (the agreed next step, a point), or a plain statement that none fits
  std::string talking_point_link;   // may be empty
  std::string next_step;            // agreed at the last touch; empty when none, or when it is the talking point
  std::string log_command;          // the one command that logs the outcome, ready to paste into a shell
  std::vector<ActionLink> actions;  // outcomes first, then pages; empty when links are off and for notices
  bool late = false;                // sent after downtime, past its time
  int attempt = 1;                  // which attempt of this delivery it is, from 1

  bool operator==(const ReminderMessage&) const = default;
};

// Shown beside a log command, outside what is meant to be pasted: the other
// outcomes it may log.
inline constexpr std::string_view k_other_outcomes = "(or --outcome replied, meeting or no-answer)";

// The text fields but the idempotency key, by name: their names in the
// notifiers' JSON and the store's columns.
inline constexpr std::pair<const char*, std::string ReminderMessage::*> k_message_texts[] = {
    {"headline", &ReminderMessage::headline},
    {"owner_name", &ReminderMessage::owner_name},
    {"contact_id", &ReminderMessage::contact_id},
    {"contact_name", &ReminderMessage::contact_name},
    {"company", &ReminderMessage::company},
    {"stage", &ReminderMessage::stage},
    {"channel", &ReminderMessage::channel},
    {"due_at", &ReminderMessage::due_at},
    {"why", &ReminderMessage::why},
    {"talking_point", &ReminderMessage::talking_point},
    {"talking_point_link", &ReminderMessage::talking_point_link},
    {"next_step", &ReminderMessage::next_step},
    {"log_command", &ReminderMessage::log_command},
};

}  // namespace touchbase
