#include "reminders/contact_histories.h"

#include <algorithm>
#include <span>

#include "reminders/reminder_service.h"

namespace touchbase {
namespace {

template <class T>
std::span<const T> of(const std::unordered_map<std::string, std::vector<T>>& by_contact, std::string_view id) {
  auto it = by_contact.find(std::string(id));
  if (it == by_contact.end()) return {};
  return it->second;
}

std::optional<Instant> last_logged(std::span<const Touch> touches) {
  if (touches.empty()) return std::nullopt;
  return touches.back().at;
}

}  // namespace

std::vector<Touch> engine_history(const ContactHistories& all, std::string_view contact_id) {
  const auto logged = of(all.touches, contact_id);
  const auto last = last_logged(logged);
  std::vector<Touch> history(logged.begin(), logged.end());
  for (const Reminder& r : of(all.reminders, contact_id)) {
    if (answered_by_touch(r, last)) continue;
    // A late reminder is acted on when it arrives, not at its past due time.
    Instant assumed_at = std::max(r.due_at, r.created_at);
    history.push_back(Touch{assumed_at, Outcome::no_answer, "assumed done when reminded", r.talking_point});
  }
  return history;
}

PointHistory point_history(const ContactHistories& all, std::string_view contact_id) {
  PointHistory h;
  const auto logged = of(all.touches, contact_id);
  h.touches.assign(logged.begin(), logged.end());
  const auto used = of(all.used_talking_points, contact_id);
  h.used.assign(used.begin(), used.end());
  const auto last = last_logged(logged);
  const auto reminders = of(all.reminders, contact_id);
  h.next_step_brought =
      std::any_of(reminders.begin(), reminders.end(), [&](const Reminder& r) { return !answered_by_touch(r, last); });
  return h;
}

ReminderFacts reminder_facts(const ContactHistories& all, const Reminder& reminder) {
  return reminder_facts(reminder, of(all.touches, reminder.contact_id), of(all.reminders, reminder.contact_id));
}

}  // namespace touchbase
