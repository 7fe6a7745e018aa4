#include "reminders/reminder_maker.h"

#include <algorithm>
#include <functional>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include <spdlog/spdlog.h>

#include "reminders/contact_histories.h"
#include "reminders/contact_pages.h"
#include "reminders/decisions_key.h"
#include "reminders/missed_notice.h"
#include "reminders/point_history.h"
#include "reminders/reminder_message.h"
#include "scheduler/cadence_switches.h"
#include "scheduler/history.h"
#include "scheduler/talking_points.h"

namespace touchbase {
namespace {

// Reminders a pass writes per commit: far fewer commits, while a command
// that writes waits for the lock at most one page.
constexpr std::size_t k_reminders_per_commit = 256;

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

void wake_at(ReminderPass& pass, Instant at) {
  pass.next_remind_at = std::min(pass.next_remind_at.value_or(Instant::max()), at);
}

}  // namespace

ReminderMaker::ReminderMaker(const Config& config, const CadenceEngine& engine, Store& store)
    : config_(config), engine_(engine), store_(store), key_(decisions_key(config)), dry_(config, store) {}

Result<Decision> ReminderMaker::decide(Contact& contact, std::span<const Touch> history, Instant now) {
  Decision d;
  bool changed = false;
  auto on_transition = [&](const Decision& t) -> Contact& {
    if (t.kind == Decision::Kind::dormant) {
      spdlog::info("contact {}: dormant ({})", contact.id, t.why);
    } else {
      spdlog::info("contact {}: cadence {} -> {} ({})", contact.id, t.cadence, t.next_cadence, t.why);
    }
    changed = true;
    return contact;
  };
  TB_TRY_STATUS(follow_cadence_switches(engine_, contact, history, now, NextOptions{}, d, on_transition));
  if (changed) TB_TRY_STATUS(store_.update_contact(contact));
  return d;
}

Result<Reminder> ReminderMaker::create_reminder(const Contact& contact, const Decision& d, const PointChoice& choice,
                                                const ContactHistories& histories, Instant now, Instant first_attempt) {
  const Owner& owner = config_.owner_for(contact.owner);
  Reminder r = reminder_for(contact, d, owner, now);
  r.talking_point = choice.point ? choice.point->id : "";
  const auto message = build_reminder_message(config_, r, contact, reminder_facts(histories, r), "");
  TB_TRY(auto created, store_.create_reminder(r, first_notifier(owner), first_attempt, &message));
  if (created) {
    spdlog::info("reminder {} for contact {} (step {}, due {}{})", created->id, contact.id, d.step,
                 format_rfc3339(d.due_at), r.late ? ", late" : "");
  }
  return r;
}

Result<StoredDecision> ReminderMaker::following(Contact& contact, std::span<const Touch> history, const Reminder& r,
                                                Instant now) {
  std::vector<Touch> after(history.begin(), history.end());
  after.push_back(assumed_touch(r));
  TB_TRY(Decision d, decide(contact, after, now));  // applies any switch or dormancy now
  return stored_decision(contact, d, now);
}

StoredDecision ReminderMaker::stored_decision(const Contact& contact, const Decision& d, Instant now) const {
  StoredDecision stored{contact.id, {}, {}, {}, {}};
  if (d.kind == Decision::Kind::skipped) stored.revisit_at = now;  // read at every pass, and so counted as skipped
  if (d.kind != Decision::Kind::follow_up) return stored;
  stored.due_at = d.due_at;
  stored.remind_at = d.remind_at;
  stored.revisit_at = revisit_at(engine_.resolved().owner_of(contact), d);
  if (d.remind_at <= now) stored.waiting_since = d.due_at;
  return stored;
}

Status ReminderMaker::check_key() {
  if (key_checked_) return {};
  TB_TRY(std::string stored, store_.decisions_key());
  if (stored != key_) {
    spdlog::info("the rules or the config changed since the decisions were stored: every contact is decided again");
    TB_TRY_STATUS(store_.redecide_all(key_));
  }
  key_checked_ = true;
  return {};
}

Status ReminderMaker::scan_changes(Instant now, Scan& scan) {
  TB_TRY(auto changes, store_.contact_changes(static_cast<int>(k_changes_per_pass)));
  for (std::size_t from = 0; from < changes.size(); from += k_contacts_per_page) {
    const auto seen = std::span(changes).subspan(from, std::min(k_contacts_per_page, changes.size() - from));
    std::vector<std::string> ids;
    for (const ContactChange& change : seen) ids.push_back(change.contact_id);
    TB_TRY(auto contacts, store_.find_contacts(ids));
    std::unordered_set<std::string_view> found;
    for (const Contact& contact : contacts) found.insert(contact.id);
    std::vector<std::string> missing;  // removed, or a row that does not read
    for (const std::string& id : ids) {
      if (!found.contains(id)) missing.push_back(id);
    }
    TB_TRY_STATUS(consider_page(contacts, missing, seen, {}, now, scan));
    for (const std::string& id : ids) scan.decided.insert(id);
  }
  return {};
}

Status ReminderMaker::scan_due(Instant now, Scan& scan) {
  std::string after;
  for (;;) {
    TB_TRY(auto contacts, store_.contacts_to_revisit(now, after, static_cast<int>(k_contacts_per_page)));
    if (contacts.empty()) return {};
    after = contacts.back().id;
    const bool last_page = contacts.size() < k_contacts_per_page;
    std::erase_if(contacts, [&](const Contact& c) { return scan.decided.contains(c.id); });
    // Unchanged since they were last decided: those found due then keep waiting since then.
    TB_TRY(auto before, store_.find_decisions(ids_of(contacts)));
    TB_TRY_STATUS(consider_page(contacts, {}, {}, before, now, scan));
    if (last_page) return {};
  }
}

Status ReminderMaker::consider_page(std::span<Contact> contacts, std::span<const std::string> missing,
                                    std::span<const ContactChange> seen, std::span<const StoredDecision> before,
                                    Instant now, Scan& scan) {
  TB_TRY(auto histories, store_.histories_of(ids_of(contacts)));
  std::unordered_map<std::string_view, Instant> waiting;
  for (const StoredDecision& d : before) {
    if (d.waiting_since) waiting.emplace(d.contact_id, *d.waiting_since);
  }
  std::vector<StoredDecision> decided;
  for (Contact& contact : contacts) {
    const auto since = waiting.find(contact.id);
    const auto waited = since == waiting.end() ? std::nullopt : std::optional(since->second);
    TB_TRY(StoredDecision d, consider(contact, histories, waited, now, scan));
    decided.push_back(std::move(d));
  }
  for (const std::string& id : missing) {
    // A row that does not read is read again at every pass, and so counted as skipped.
    decided.push_back({id, {}, {}, skipped_.in_this_pass(id) ? std::optional(now) : std::nullopt, {}});
  }
  return store_.store_decisions(decided, seen);
}

Instant ReminderMaker::revisit_at(const ResolvedOwner* owner, const Decision& d) const {
  Instant at = std::min(d.remind_at, d.ask_again_at.value_or(Instant::max()));
  if (owner == nullptr || owner->owner->daily_limit <= 0) return at;
  // From the start of the owner's day, it competes for a place in it.
  const LocalDays day = owner->zone.local_day(d.remind_at);
  return std::min(at, owner->zone.to_instant(LocalSeconds(day)).at);
}

Result<StoredDecision> ReminderMaker::consider(Contact& contact, const ContactHistories& histories,
                                               std::optional<Instant> waited_since, Instant now, Scan& scan) {
  if (contact.status != ContactStatus::active && contact.status != ContactStatus::paused) {
    return StoredDecision{contact.id, {}, {}, {}, {}};
  }
  const std::vector<Touch> history = engine_history(histories, contact.id);
  TB_TRY(Decision d, decide(contact, history, now));
  StoredDecision stored = stored_decision(contact, d, now);
  if (stored.waiting_since && waited_since) stored.waiting_since = std::min(*stored.waiting_since, *waited_since);
  if (d.kind == Decision::Kind::skipped) skipped_.skip({contact.id, d.why});
  if (d.kind != Decision::Kind::follow_up) return stored;
  const ResolvedOwner* owner = engine_.resolved().owner_of(contact);
  if (d.remind_at <= now && now - d.due_at > config_.daemon.catch_up_max_age) {
    scan.missed.push_back({contact, std::move(d)});  // too old to remind one by one
    return stored;
  }
  const bool limited = owner && owner->owner->daily_limit > 0;
  if (d.remind_at > now) {
    // Later today, it may take a place the ones due now would otherwise have.
    const LocalDays today = owner_day(engine_.resolved(), owner, now);
    if (!limited || owner_day(engine_.resolved(), owner, d.remind_at) != today) {
      wake_at(scan.pass, d.remind_at);
      return stored;
    }
  } else if (config_.cadence_for(d.cadence).require_talking_point) {
    const PointHistory points = point_history(histories, contact.id);
    const Owner& by = config_.owner_for(contact.owner);
    if (choose_for_reminder(config_, points, contact, by.id, d.step, now).kind == PointChoice::Kind::none) {
      // It waits for a point, and takes no place in the owner's day meanwhile.
      TB_TRY_STATUS(dry_.waiting(contact, d, now));
      return stored;
    }
  }
  scan.candidates.push_back(
      {contact.id, owner, contact.value, stored.waiting_since.value_or(d.due_at), d.remind_at, now});
  return stored;
}

Result<std::vector<ReminderMaker::Candidate*>> ReminderMaker::keep_places(std::vector<Candidate>& candidates,
                                                                          Instant now, ReminderPass& pass) {
  auto first = [](const Candidate* a, const Candidate* b) { return goes_first(a->rank(), b->rank()); };
  std::map<const ResolvedOwner*, std::vector<Candidate*>> by_owner;
  for (Candidate& c : candidates) by_owner[c.owner].push_back(&c);
  std::vector<Candidate*> kept;
  for (auto& [owner, members] : by_owner) {
    std::size_t places = members.size();
    if (owner && owner->owner->daily_limit > 0) {
      const LocalDays today = owner->zone.local_day(now);
      const Instant from = owner->zone.to_instant(LocalSeconds(today)).at;
      const Instant to = owner->zone.to_instant(LocalSeconds(today + date::days{1})).at;
      TB_TRY(int taken, store_.count_reminders_sent(owner->id, from, to));
      places = static_cast<std::size_t>(std::max(0, owner->owner->daily_limit - taken));
      if (members.size() > places) {
        // The excess competes again on the owner's next day.
        std::sort(members.begin(), members.end(), first);
        wake_at(pass, past_day_bound(engine_.resolved(), *owner, today));
      }
    }
    for (std::size_t k = 0; k < std::min(places, members.size()); ++k) kept.push_back(members[k]);
  }
  std::vector<Candidate*> due;
  for (Candidate* c : kept) {
    if (c->remind_at > now) {
      wake_at(pass, c->remind_at);
    } else {
      due.push_back(c);
    }
  }
  // Made most valuable first; after downtime the late ones go out a few seconds apart.
  std::sort(due.begin(), due.end(), first);
  int late = 0;
  for (Candidate* c : due) {
    c->first_attempt = now + late * k_catch_up_spacing;
    if (now - c->remind_at > k_late_after) ++late;
  }
  return due;
}

Status ReminderMaker::create_page(std::span<Candidate* const> page, Instant now, ReminderPass& pass) {
  std::vector<std::string> ids;
  for (const Candidate* c : page) ids.push_back(c->contact_id);
  TB_TRY(auto contacts, store_.find_contacts(ids));
  TB_TRY(auto histories, store_.histories_of(ids));
  std::unordered_map<std::string_view, Contact*> by_id;
  for (Contact& contact : contacts) by_id.emplace(contact.id, &contact);
  std::vector<StoredDecision> decided;  // each contact reminded, its next follow-up
  for (const Candidate* candidate : page) {
    const auto found = by_id.find(candidate->contact_id);
    if (found == by_id.end()) continue;  // removed meanwhile
    Contact& contact = *found->second;
    if (contact.status != ContactStatus::active && contact.status != ContactStatus::paused) continue;
    // Decided again on the history read now: a command may have logged a touch meanwhile.
    const std::vector<Touch> history = engine_history(histories, contact.id);
    TB_TRY(Decision d, decide(contact, history, now));
    if (d.kind != Decision::Kind::follow_up) continue;
    if (d.remind_at > now) {
      wake_at(pass, d.remind_at);
      continue;
    }
    const Owner& owner = config_.owner_for(contact.owner);
    const PointChoice choice =
        choose_for_reminder(config_, point_history(histories, contact.id), contact, owner.id, d.step, now);
    TB_TRY(Reminder r, create_reminder(contact, d, choice, histories, now, candidate->first_attempt));
    ++pass.created;
    // The new reminder counts as a touch: the contact's following one may be due too.
    TB_TRY(StoredDecision next, following(contact, history, r, now));
    if (next.remind_at) wake_at(pass, std::max(*next.remind_at, now));
    decided.push_back(std::move(next));
  }
  return store_.store_decisions(decided, {});
}

Result<ReminderPass> ReminderMaker::create_due_reminders(Instant now) {
  skipped_.begin_pass();
  store_.on_unreadable_contact([this](const SkippedContact& contact) { skipped_.skip(contact); });
  auto made = make_due_reminders(now);
  store_.on_unreadable_contact({});
  if (made) skipped_.end_pass();
  return made;
}

Result<ReminderPass> ReminderMaker::make_due_reminders(Instant now) {
  TB_TRY_STATUS(check_key());
  dry_.begin_pass();
  Scan scan;
  TB_TRY_STATUS(scan_changes(now, scan));
  TB_TRY_STATUS(scan_due(now, scan));
  TB_TRY_STATUS(notify_missed(scan.missed, now));
  TB_TRY(auto due, keep_places(scan.candidates, now, scan.pass));
  // Most valuable first, a page at a time, each page read again and written in one commit.
  for (std::size_t from = 0; from < due.size(); from += k_reminders_per_commit) {
    const auto page = std::span(due).subspan(from, std::min(k_reminders_per_commit, due.size() - from));
    // Any failure fails the page: its writes need no savepoints of their own.
    auto write_page = [&] { return create_page(page, now, scan.pass); };
    TB_TRY_STATUS(store_.in_one_transaction(write_page, Store::Inner::all_or_nothing));
  }
  TB_TRY(ReminderPass pass, settle(now, scan.pass));
  TB_TRY_STATUS(dry_.end_pass());
  return pass;
}

Result<ReminderPass> ReminderMaker::settle(Instant now, const ReminderPass& pass) {
  // Contacts this pass changed itself (listed in a missed notice, a cadence switch): decided now.
  Scan after;
  after.pass = pass;
  TB_TRY_STATUS(scan_changes(now, after));
  TB_TRY(DecisionsAhead ahead, store_.decisions_ahead(now));
  if (ahead.remind_at) wake_at(after.pass, *ahead.remind_at);
  after.pass.next_pass_at = after.pass.next_remind_at;
  if (ahead.revisit_at) {
    after.pass.next_pass_at = std::min(after.pass.next_pass_at.value_or(Instant::max()), *ahead.revisit_at);
  }
  // Changes still waiting (more than a pass decides, a switch made just now), or a follow-up due at once.
  TB_TRY(auto changed, store_.contact_changes(1));
  after.pass.unfinished = !changed.empty() || !after.candidates.empty() || !after.missed.empty();
  return after.pass;
}

Status ReminderMaker::notify_missed(std::span<const Missed> missed, Instant now) {
  std::map<std::string, std::vector<const Missed*>> by_owner;
  for (const Missed& m : missed) by_owner[config_.owner_for(m.contact.owner).id].push_back(&m);
  for (auto& [owner_id, items] : by_owner) {
    const Owner& owner = config_.owner_for(owner_id);
    auto rank = [](const Missed* m) { return LimitRank{m->contact.value, m->decision.due_at, m->contact.id}; };
    std::sort(items.begin(), items.end(), [&](auto* a, auto* b) { return goes_first(rank(a), rank(b)); });
    std::vector<Reminder> listed;
    std::vector<MissedFollowUp> lines;
    for (const Missed* m : items) {
      listed.push_back(reminder_for(m->contact, m->decision, owner, now));
      lines.push_back({&m->contact, m->decision.due_at});
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
