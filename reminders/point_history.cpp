#include "reminders/point_history.h"

#include <algorithm>

#include "reminders/reminder_service.h"

namespace touchbase {
namespace {

std::optional<Instant> last_logged(const std::vector<Touch>& touches) {
  if (touches.empty()) return std::nullopt;
  return touches.back().at;
}

Date local_date(Instant t, const std::string& zone_name) {
  date::zoned_seconds local(zone_name, t);
  return Date(date::floor<date::days>(local.get_local_time()));
}

}  // namespace

Result<PointHistory> read_point_history(Store& store, const Contact& contact) {
  PointHistory h;
  TB_TRY(h.touches, store.touches(contact.id));
  TB_TRY(h.used, store.used_talking_points(contact.id));
  TB_TRY(auto reminders, store.reminders(contact.id));
  const auto last = last_logged(h.touches);
  h.next_step_brought =
      std::any_of(reminders.begin(), reminders.end(), [&](const Reminder& r) { return !answered_by_touch(r, last); });
  return h;
}

Result<PointContacts> read_point_contacts(Store& store, std::span<const Contact> contacts) {
  PointContacts out;
  for (const Contact& c : contacts) {
    TB_TRY(auto history, read_point_history(store, c));
    out.emplace(c.id, PointContact{&c, std::move(history)});
  }
  return out;
}

Result<PointChoice> choose_for_reminder(const Config& config, Store& store, const Contact& contact,
                                        std::string_view owner, int step, Instant now) {
  TB_TRY(PointHistory h, read_point_history(store, contact));
  return choose_for_reminder(config, h, contact, owner, step, now);
}

PointChoice choose_for_reminder(const Config& config, const PointHistory& h, const Contact& contact,
                                std::string_view owner, int step, Instant now) {
  PointRequest request{
      &contact, owner, step, h.touches, h.used, h.next_step_brought, local_date(now, config.owner_for(owner).timezone)};
  return choose_talking_point(config.talking_points, request);
}

ReminderFacts reminder_facts(const Reminder& reminder, std::span<const Touch> touches,
                             std::span<const Reminder> reminders) {
  ReminderFacts facts;
  facts.touches.assign(touches.begin(), touches.end());
  if (!reminder.talking_point.empty()) return facts;
  const auto last = last_logged(facts.touches);
  if (answered_by_touch(reminder, last)) return facts;
  facts.brings_next_step = std::none_of(reminders.begin(), reminders.end(), [&](const Reminder& r) {
    return r.id != reminder.id && r.due_at < reminder.due_at && !answered_by_touch(r, last);
  });
  return facts;
}

}  // namespace touchbase
