#include "reminders/reminder_message.h"

#include "core/shell_word.h"

namespace touchbase {

PointChoice reminded_choice(const Config& config, const Reminder& r, const Contact& contact, bool brings_next_step) {
  PointChoice choice{PointChoice::Kind::none, config.talking_point(r.talking_point)};
  if (choice.point != nullptr) choice.kind = PointChoice::Kind::point;
  if (brings_next_step && !contact.next_step.text.empty()) choice.kind = PointChoice::Kind::next_step;
  return choice;
}

std::string log_command_for(std::string_view id) {
  if (!id.empty() && id.front() == '-') return "touchbase log --outcome touched -- " + shell_word(id);
  return "touchbase log " + shell_word(id) + " --outcome touched";
}

std::string channel_for(const Contact& c) {
  if (!c.phone.empty()) return "call " + c.phone + (c.email.empty() ? "" : " (or email " + c.email + ")");
  if (!c.email.empty()) return "email " + c.email;
  const std::string options_end = !c.id.empty() && c.id.front() == '-' ? "-- " : "";
  return "no phone or email on file: add one with touchbase contact edit " + options_end + shell_word(c.id);
}

const date::time_zone& contact_zone(const Config& config, const Contact& contact) {
  if (!contact.timezone.empty()) {
    if (auto zone = find_zone(contact.timezone)) return **zone;
  }
  return *find_zone(config.defaults.timezone).value();
}

const date::time_zone& owner_zone(const Config& config, const Owner& owner) {
  if (auto zone = find_zone(owner.timezone)) return **zone;
  return *find_zone(config.defaults.timezone).value();
}

std::string format_local_time(Instant t, const date::time_zone& zone) {
  return date::format("%a %d %b %H:%M ", date::zoned_seconds(&zone, t)) + std::string(zone.name());
}

ReminderMessage build_reminder_message(const Config& config, const Reminder& reminder, const Contact& contact,
                                       const ReminderFacts& facts, const std::string& idempotency_key) {
  const Owner& owner = config.owner_for(reminder.owner);
  const date::time_zone* contact_tz = &contact_zone(config, contact);
  const date::time_zone* owner_tz = &owner_zone(config, owner);

  ReminderMessage m;
  m.idempotency_key = idempotency_key;
  m.owner_name = owner.name.empty() ? owner.id : owner.name;
  m.contact_id = contact.id;
  m.contact_name = contact.name;
  m.company = contact.company;
  m.stage = contact.stage;
  m.channel = channel_for(contact);
  m.due_at = format_local_time(reminder.due_at, *contact_tz);
  if (owner_tz != contact_tz) m.due_at += " (" + format_local_time(reminder.due_at, *owner_tz) + " for you)";
  m.why = reminder.why;
  const PointChoice point = reminded_choice(config, reminder, contact, facts.brings_next_step);
  m.talking_point = bring_text(point, contact, facts.touches, reminder.due_at);
  if (point.point != nullptr) m.talking_point_link = point.point->link;
  if (point.kind != PointChoice::Kind::next_step && !contact.next_step.text.empty()) {
    m.next_step = next_step_text(contact.next_step);
  }
  m.log_command = log_command_for(contact.id);
  m.late = reminder.late;
  return m;
}

ReminderMessage build_notice_message(const Config& config, const Notice& notice, const std::string& idempotency_key) {
  const Owner& owner = config.owner_for(notice.owner);
  ReminderMessage m;
  m.idempotency_key = idempotency_key;
  m.owner_name = owner.name.empty() ? owner.id : owner.name;
  m.headline = notice.headline;
  m.why = notice.body;
  return m;
}

}  // namespace touchbase
