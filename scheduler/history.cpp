#include "scheduler/history.h"

#include <algorithm>
#include <iterator>

namespace touchbase {
namespace {

std::optional<Instant> last_logged(std::span<const Touch> touches) {
  if (touches.empty()) return std::nullopt;
  return touches.back().at;
}

}  // namespace

bool answered_by_touch(const Reminder& r, std::optional<Instant> at) {
  return at && std::min(r.created_at, r.due_at) <= *at;
}

Touch assumed_touch(const Reminder& r) {
  return Touch{std::max(r.due_at, r.created_at), Outcome::no_answer, "assumed done when reminded", r.talking_point};
}

std::vector<Touch> engine_history(std::span<const Touch> logged, std::span<const Reminder> reminders) {
  const auto last = last_logged(logged);
  std::vector<Touch> history(logged.begin(), logged.end());
  for (const Reminder& r : reminders) {
    if (!answered_by_touch(r, last)) history.push_back(assumed_touch(r));
  }
  return history;
}

std::vector<Reminder> open_reminders(std::span<const Touch> logged, std::span<const Reminder> reminders) {
  const auto last = last_logged(logged);
  std::vector<Reminder> open;
  std::copy_if(reminders.begin(), reminders.end(), std::back_inserter(open),
               [&](const Reminder& r) { return !answered_by_touch(r, last); });
  return open;
}

bool next_step_brought(std::span<const Touch> logged, std::span<const Reminder> reminders) {
  const auto last = last_logged(logged);
  return std::any_of(reminders.begin(), reminders.end(),
                     [&](const Reminder& r) { return !answered_by_touch(r, last); });
}

bool brings_next_step(const Reminder& reminder, std::span<const Touch> logged, std::span<const Reminder> reminders) {
  const auto last = last_logged(logged);
  if (!reminder.talking_point.empty() || answered_by_touch(reminder, last)) return false;
  return std::none_of(reminders.begin(), reminders.end(), [&](const Reminder& r) {
    return r.id != reminder.id && r.due_at < reminder.due_at && !answered_by_touch(r, last);
  });
}

std::string talking_point_answered(std::span<const Touch> logged, std::span<const Reminder> reminders, Instant at) {
  const auto last = last_logged(logged);
  std::string point;
  for (const Reminder& r : reminders) {
    if (!answered_by_touch(r, last) && answered_by_touch(r, at)) point = r.talking_point;
  }
  return point;
}

}  // namespace touchbase
