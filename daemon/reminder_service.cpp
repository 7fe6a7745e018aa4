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
// Reminders a pass writes per commit: far fewer commits, while a command
// that writes waits for the lock at most one page.
constexpr std::size_t k_reminders_per_commit = 256;

// A reminder not answered by a logged touch, as the touch it stands for: done
// on time (or when a late one was made), with no answer.
Touch assumed_touch(const Reminder& r) {
  return Touch{std::max(r.due_at, r.created_at), Outcome::no_answer, "assumed done when reminded", r.talking_point};
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
    if (!answered_by_touch(r, last_logged)) touches.push_back(assumed_touch(r));
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

Result<Reminder> ReminderService::create_reminder(const Contact& contact, const Decision& d, Instant now,
                                                  Instant first_attempt) {
  const Owner& owner = config_.owner_for(contact.owner);
  TB_TRY(PointChoice choice, choose_for_reminder(config_, store_, contact, owner.id, d.step, now));
  Reminder r = reminder_for(contact, d, owner, now);
  r.talking_point = choice.point ? choice.point->id : "";
  TB_TRY(auto created, store_.create_reminder(r, first_notifier(owner), first_attempt));
  if (created) {
    spdlog::info("reminder {} for contact {} (step {}, due {}{})", created->id, contact.id, d.step,
                 format_rfc3339(d.due_at), r.late ? ", late" : "");
  }
  return r;
}

Result<std::optional<Instant>> ReminderService::following_remind_at(Contact& contact, std::span<const Touch> history,
                                                                    const Reminder& r, Instant now) {
  std::vector<Touch> after(history.begin(), history.end());
  after.push_back(assumed_touch(r));
  Decision d = engine_.next(contact, after, now);
  if (d.kind == Decision::Kind::switch_cadence || d.kind == Decision::Kind::dormant) {
    TB_TRY(d, decide(contact, now, after));  // applies the switch or dormancy now
  }
  if (d.kind != Decision::Kind::follow_up) return std::optional<Instant>();
  return std::optional<Instant>(std::max(d.remind_at, now));
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
  std::vector<const LimitedFollowUp*> due_now;
  for (const LimitedFollowUp& f : follow_ups) {
    if (f.decision.remind_at > now) {
      plan_wake(f.decision.remind_at);
    } else {
      due_now.push_back(&f);
    }
  }
  int late = 0;
  auto create = [&](const LimitedFollowUp& f) -> Status {
    const Decision& d = f.decision;
    // After downtime, the late ones go out a few seconds apart, most valuable first.
    const Instant first_attempt = now + late * k_catch_up_spacing;
    if (now - d.remind_at > k_late_after) ++late;
    Contact& contact = contacts[static_cast<std::size_t>(f.contact - contacts.data())];
    TB_TRY(Reminder r, create_reminder(contact, d, now, first_attempt));
    ++pass.created;
    // The new reminder counts as a touch: the contact's following one may be due too.
    TB_TRY(auto following, following_remind_at(contact, f.history, r, now));
    if (following) plan_wake(*following);
    return {};
  };
  for (std::size_t from = 0; from < due_now.size(); from += k_reminders_per_commit) {
    const auto page = std::span(due_now).subspan(from, std::min(k_reminders_per_commit, due_now.size() - from));
    auto write_page = [&]() -> Status {
      for (const LimitedFollowUp* f : page) TB_TRY_STATUS(create(*f));
      return {};
    };
    TB_TRY_STATUS(store_.in_one_transaction(write_page));
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
