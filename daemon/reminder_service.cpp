#include "daemon/reminder_service.h"

#include <algorithm>
#include <functional>
#include <map>

#include <spdlog/spdlog.h>

#include "daemon/missed_notice.h"
#include "daemon/point_history.h"
#include "scheduler/talking_points.h"

namespace touchbase {
namespace {

// Cadence switches followed in one decision, so a loop of `then` cannot spin.
constexpr int k_max_cadence_switches = 8;

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

Result<Decision> ReminderService::decide(Contact& contact, Instant now, std::vector<Touch>& history) {
  for (int i = 0; i < k_max_cadence_switches; ++i) {
    TB_TRY(history, history_of(contact));
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

namespace {

Reminder reminder_for(const Contact& contact, const Decision& d, const Owner& owner, Instant now) {
  Reminder r;
  r.contact_id = contact.id;
  r.owner = owner.id;
  r.cadence = d.cadence;
  r.step = d.step;
  r.due_at = d.due_at;
  r.remind_at = d.remind_at;
  r.why = d.why;
  r.late = now - d.remind_at > k_late_after;
  r.created_at = now;
  return r;
}

std::vector<std::string> first_notifier(const Owner& owner) {
  // The first notifier delivers; the others are the owner's fallbacks.
  return {owner.notify.begin(), owner.notify.begin() + (owner.notify.empty() ? 0 : 1)};
}

}  // namespace

Status ReminderService::create_reminder(const Contact& contact, const Decision& d, Instant now, Instant first_attempt) {
  const Owner& owner = config_.owner_for(contact.owner);
  TB_TRY(PointChoice choice, choose_for_reminder(config_, store_, contact, owner.id, d.step, now));
  Reminder r = reminder_for(contact, d, owner, now);
  r.talking_point = choice.point ? choice.point->id : "";
  TB_TRY(auto created, store_.create_reminder(r, first_notifier(owner), first_attempt));
  if (created) {
    spdlog::info("reminder {} for contact {} (step {}, due {}{})", created->id, contact.id, d.step,
                 format_rfc3339(d.due_at), r.late ? ", late" : "");
  }
  return {};
}

Status ReminderService::set_aside_waiting(std::vector<LimitedFollowUp>& follow_ups, Instant now) {
  std::vector<LimitedFollowUp> kept;
  for (LimitedFollowUp& f : follow_ups) {
    const Decision& d = f.decision;
    if (d.remind_at <= now && config_.cadence_for(d.cadence).require_talking_point) {
      const Owner& owner = config_.owner_for(f.contact->owner);
      TB_TRY(PointChoice choice, choose_for_reminder(config_, store_, *f.contact, owner.id, d.step, now));
      if (choice.kind == PointChoice::Kind::none) {
        TB_TRY_STATUS(dry_.waiting(*f.contact, d, now));
        continue;
      }
    }
    kept.push_back(std::move(f));
  }
  follow_ups = std::move(kept);
  return {};
}

Result<std::vector<TakenPlaces>> ReminderService::places_taken(std::span<const LimitedFollowUp> follow_ups,
                                                               Instant now) {
  std::vector<TakenPlaces> taken;
  for (const LimitedFollowUp& f : follow_ups) {
    const ResolvedOwner* owner = engine_.resolved().owner_of(*f.contact);
    if (!owner || owner->owner->daily_limit <= 0) continue;
    if (std::any_of(taken.begin(), taken.end(), [&](const TakenPlaces& t) { return t.owner == owner->id; })) continue;
    const LocalDays today = owner->zone.local_day(now);
    const Instant from = owner->zone.to_instant(LocalSeconds(today)).at;
    const Instant to = owner->zone.to_instant(LocalSeconds(today + date::days{1})).at;
    TB_TRY(int count, store_.count_reminders_sent(owner->id, from, to));
    taken.push_back({owner->id, today, count});
  }
  return taken;
}

Result<ReminderPass> ReminderService::create_due_reminders(Instant now) {
  TB_TRY(auto contacts, store_.list_contacts());
  std::vector<std::vector<Touch>> histories(contacts.size());
  std::vector<LimitedFollowUp> follow_ups;
  for (std::size_t i = 0; i < contacts.size(); ++i) {
    Contact& contact = contacts[i];
    if (contact.status != ContactStatus::active && contact.status != ContactStatus::paused) continue;
    TB_TRY(Decision d, decide(contact, now, histories[i]));
    if (d.kind != Decision::Kind::follow_up) continue;
    const Instant due_at = d.due_at;
    follow_ups.push_back({&contact, histories[i], std::move(d), due_at});
  }
  // Too old to remind one by one: listed in a notice per owner instead.
  auto stale = [&](const LimitedFollowUp& f) {
    return f.decision.remind_at <= now && now - f.decision.due_at > config_.daemon.catch_up_max_age;
  };
  auto fresh_end = std::stable_partition(follow_ups.begin(), follow_ups.end(), std::not_fn(stale));
  TB_TRY_STATUS(notify_missed(std::span(fresh_end, follow_ups.end()), now));
  follow_ups.erase(fresh_end, follow_ups.end());

  dry_.begin_pass();
  TB_TRY_STATUS(set_aside_waiting(follow_ups, now));
  TB_TRY(auto taken, places_taken(follow_ups, now));
  apply_daily_limits(engine_, follow_ups, now, Explain::yes, taken);
  std::sort(follow_ups.begin(), follow_ups.end(),
            [](const LimitedFollowUp& a, const LimitedFollowUp& b) { return goes_first(a.rank(), b.rank()); });
  ReminderPass pass;
  auto plan_wake = [&](Instant at) {
    pass.next_remind_at = std::min(pass.next_remind_at.value_or(Instant::max()), at);
  };
  int late = 0;
  for (LimitedFollowUp& f : follow_ups) {
    const Decision& d = f.decision;
    if (d.remind_at > now) {
      plan_wake(d.remind_at);
      continue;
    }
    // After downtime, the late ones go out a few seconds apart, most valuable first.
    const Instant first_attempt = now + late * k_catch_up_spacing;
    if (now - d.remind_at > k_late_after) ++late;
    Contact& contact = contacts[static_cast<std::size_t>(f.contact - contacts.data())];
    TB_TRY_STATUS(create_reminder(contact, d, now, first_attempt));
    ++pass.created;
    // The new reminder counts as a touch: the contact's following one may be due too.
    std::vector<Touch> history;
    TB_TRY(Decision after, decide(contact, now, history));
    if (after.kind == Decision::Kind::follow_up) plan_wake(std::max(after.remind_at, now));
  }
  TB_TRY_STATUS(dry_.end_pass());
  return pass;
}

Status ReminderService::notify_missed(std::span<const LimitedFollowUp> missed, Instant now) {
  std::map<std::string, std::vector<const LimitedFollowUp*>> by_owner;
  for (const LimitedFollowUp& f : missed) by_owner[config_.owner_for(f.contact->owner).id].push_back(&f);
  for (auto& [owner_id, items] : by_owner) {
    const Owner& owner = config_.owner_for(owner_id);
    std::sort(items.begin(), items.end(), [](auto* a, auto* b) { return goes_first(a->rank(), b->rank()); });
    std::vector<Reminder> listed;
    std::vector<MissedFollowUp> lines;
    for (const LimitedFollowUp* f : items) {
      listed.push_back(reminder_for(*f->contact, f->decision, owner, now));
      lines.push_back({f->contact, f->decision.due_at});
    }
    Notice notice = missed_notice(config_, owner, lines, now);
    TB_TRY(auto created, store_.create_notice(notice, listed, first_notifier(owner)));
    if (created) {
      spdlog::warn("notice {} for owner {}: {} follow-ups older than {} listed together", created->id, owner.id,
                   listed.size(), format_duration(config_.daemon.catch_up_max_age));
    }
  }
  return {};
}

}  // namespace touchbase
