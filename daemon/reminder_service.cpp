#include "daemon/reminder_service.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "scheduler/talking_points.h"

namespace touchbase {
namespace {

// Cadence switches followed in one decision, so a loop of `then` cannot spin.
constexpr int k_max_cadence_switches = 8;

Date date_in(Instant t, const std::string& zone_name) {
  date::zoned_seconds local(zone_name, t);
  return Date(date::floor<date::days>(local.get_local_time()));
}

}  // namespace

bool answered_by_touch(const Reminder& r, std::optional<Instant> last_logged) {
  return last_logged && std::min(r.created_at, r.due_at) <= *last_logged;
}

Result<std::vector<Touch>> ReminderService::history_of(const Contact& contact) {
  TB_TRY(auto touches, store_.touches(contact.id));
  std::optional<Instant> last_logged;
  if (!touches.empty()) last_logged = touches.back().at;
  TB_TRY(auto reminders, store_.reminders(contact.id));
  for (const Reminder& r : reminders) {
    if (answered_by_touch(r, last_logged)) continue;
    // A late reminder is acted on when it arrives, not at its past due time.
    Instant assumed_at = std::max(r.due_at, r.created_at);
    touches.push_back(Touch{assumed_at, Outcome::no_answer, "assumed done when reminded", r.talking_point});
  }
  return touches;
}

Result<Decision> ReminderService::decide(Contact& contact, Instant now) {
  for (int i = 0; i < k_max_cadence_switches; ++i) {
    TB_TRY(auto history, history_of(contact));
    Decision d = engine_.next(contact, history, now);
    if (d.kind == Decision::Kind::switch_cadence) {
      spdlog::info("contact {}: cadence {} -> {} ({})", contact.id, d.cadence, d.next_cadence, d.why);
      contact.cadence = d.next_cadence;
      // Touches up to this one belong to the old cadence; an assumed touch may lie ahead of now.
      contact.cadence_since = history.empty() ? now : std::max(now, history.back().at);
    } else if (d.kind == Decision::Kind::dormant) {
      spdlog::info("contact {}: dormant ({})", contact.id, d.why);
      contact.status = ContactStatus::dormant;
    } else {
      return d;
    }
    TB_TRY_STATUS(store_.update_contact(contact));
    if (d.kind == Decision::Kind::dormant) return d;
  }
  return Error::config("contact " + contact.id + ": cadences switch in a loop; check their 'then' keys");
}

Status ReminderService::create_reminder(const Contact& contact, const Decision& d, Instant now) {
  const Owner& owner = config_.owner_for(contact.owner);
  TB_TRY(auto used, store_.used_talking_points(contact.id));
  const TalkingPoint* point =
      choose_talking_point(config_.talking_points, contact, d.step, used, date_in(now, owner.timezone));
  Reminder r;
  r.contact_id = contact.id;
  r.owner = owner.id;
  r.cadence = d.cadence;
  r.step = d.step;
  r.due_at = d.due_at;
  r.remind_at = d.remind_at;
  r.talking_point = point ? point->id : "";
  r.why = d.why;
  r.late = now - d.remind_at > k_late_after;
  r.created_at = now;
  // The first notifier delivers; the others are the owner's fallbacks.
  std::vector<std::string> notifiers(owner.notify.begin(), owner.notify.begin() + (owner.notify.empty() ? 0 : 1));
  TB_TRY(auto created, store_.create_reminder(r, notifiers));
  if (created) {
    spdlog::info("reminder {} for contact {} (step {}, due {}{})", created->id, contact.id, d.step,
                 format_rfc3339(d.due_at), r.late ? ", late" : "");
  }
  return {};
}

Result<ReminderPass> ReminderService::create_due_reminders(Instant now) {
  ReminderPass pass;
  TB_TRY(auto contacts, store_.list_contacts());
  for (Contact& contact : contacts) {
    if (contact.status != ContactStatus::active && contact.status != ContactStatus::paused) continue;
    TB_TRY(Decision d, decide(contact, now));
    if (d.kind != Decision::Kind::follow_up) continue;
    if (d.remind_at > now) {
      pass.next_remind_at = std::min(pass.next_remind_at.value_or(Instant::max()), d.remind_at);
      continue;
    }
    TB_TRY_STATUS(create_reminder(contact, d, now));
    ++pass.created;
    // The new reminder counts as a touch: the contact's following one may be due too.
    TB_TRY(Decision after, decide(contact, now));
    if (after.kind == Decision::Kind::follow_up) {
      pass.next_remind_at = std::min(pass.next_remind_at.value_or(Instant::max()), std::max(after.remind_at, now));
    }
  }
  return pass;
}

}  // namespace touchbase
