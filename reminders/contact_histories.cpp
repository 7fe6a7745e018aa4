#include "reminders/contact_histories.h"

#include "scheduler/history.h"

namespace touchbase {
namespace {

template <class T>
std::span<const T> of(const std::unordered_map<std::string, std::vector<T>>& by_contact, std::string_view id) {
  auto it = by_contact.find(std::string(id));
  if (it == by_contact.end()) return {};
  return it->second;
}

}  // namespace

StoredHistory stored_history(const ContactHistories& all, std::string_view contact_id) {
  return {of(all.touches, contact_id), of(all.reminders, contact_id), of(all.used_talking_points, contact_id)};
}

std::vector<Touch> engine_history(const ContactHistories& all, std::string_view contact_id) {
  const StoredHistory h = stored_history(all, contact_id);
  return engine_history(h.touches, h.reminders);
}

PointHistory point_history(const ContactHistories& all, std::string_view contact_id) {
  const StoredHistory h = stored_history(all, contact_id);
  return PointHistory{{h.touches.begin(), h.touches.end()},
                      {h.used_talking_points.begin(), h.used_talking_points.end()},
                      next_step_brought(h.touches, h.reminders)};
}

PointContacts point_contacts(const ContactHistories& all, std::span<const Contact> contacts) {
  PointContacts out;
  for (const Contact& c : contacts) out.emplace(c.id, PointContact{&c, point_history(all, c.id)});
  return out;
}

ReminderFacts reminder_facts(const ContactHistories& all, const Reminder& reminder) {
  const StoredHistory h = stored_history(all, reminder.contact_id);
  return ReminderFacts{{h.touches.begin(), h.touches.end()}, brings_next_step(reminder, h.touches, h.reminders)};
}

}  // namespace touchbase
