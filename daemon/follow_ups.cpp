#include "daemon/follow_ups.h"

#include <algorithm>
#include <map>

#include "daemon/contact_args.h"
#include "daemon/reminder_message.h"
#include "scheduler/plan.h"
#include "scheduler/talking_points.h"

namespace touchbase {
namespace {

const TalkingPoint* find_point(const Config& config, const std::string& id) {
  auto it = std::find_if(config.talking_points.begin(), config.talking_points.end(),
                         [&](const TalkingPoint& p) { return p.id == id; });
  return it == config.talking_points.end() ? nullptr : &*it;
}

// Whether an open reminder still asks for a touch: the contact is active and
// not snoozed, and the reminder is from its current cadence (not from before
// a resume or a switch).
bool still_asks(const Contact& c, const Reminder& r, Instant now) {
  if (c.status != ContactStatus::active) return false;
  if (c.paused_until && *c.paused_until > now) return false;
  return !c.cadence_since || r.due_at > *c.cadence_since;
}

FollowUp reminded(std::size_t contact, const Reminder& r, const Config& config) {
  return {contact, r.owner, r.cadence, r.step, r.due_at, r.remind_at, find_point(config, r.talking_point), r.why, true};
}

Date local_date(Instant t, const std::string& zone) {
  date::zoned_seconds local(zone, t);
  return Date(date::floor<date::days>(local.get_local_time()));
}

// The planned follow-ups with the talking points the daemon would choose:
// in order, never one a contact has been given.
Status add_planned(const Config& config, Store& store, const Plan& plan,
                   const std::map<std::string, std::size_t, std::less<>>& index_of, FollowUps& out) {
  std::map<std::string, std::vector<std::string>, std::less<>> used;
  for (const PlannedFollowUp& f : plan.follow_ups) {
    const std::size_t i = index_of.at(f.contact);
    if (!used.contains(f.contact)) {
      TB_TRY(auto already, store.used_talking_points(f.contact));
      used[f.contact] = std::move(already);
    }
    Date today = local_date(f.remind_at, config.owner_for(f.owner).timezone);
    const TalkingPoint* point =
        choose_talking_point(config.talking_points, out.contacts[i], f.step, used[f.contact], today);
    if (point != nullptr) used[f.contact].push_back(point->id);
    out.items.push_back({i, f.owner, f.cadence, f.step, f.due_at, f.remind_at, point, f.why, false});
  }
  return {};
}

}  // namespace

Result<std::vector<Reminder>> open_reminders(Store& store, std::string_view contact_id) {
  TB_TRY(auto touches, store.touches(contact_id));
  std::optional<Instant> last_logged;
  if (!touches.empty()) last_logged = touches.back().at;
  TB_TRY(auto reminders, store.reminders(contact_id));
  std::erase_if(reminders, [&](const Reminder& r) { return answered_by_touch(r, last_logged); });
  return reminders;
}

Result<Decision> next_follow_up(const CadenceEngine& engine, ReminderService& reminders, Contact contact, Instant now) {
  TB_TRY(auto history, reminders.history_of(contact));
  for (int i = 0; i < k_max_plan_switches; ++i) {
    Decision d = engine.next(contact, history, now);
    if (d.kind != Decision::Kind::switch_cadence) return d;
    contact.cadence = d.next_cadence;
    contact.cadence_since = history.empty() ? now : std::max(now, history.back().at);
  }
  return Error::config("contact " + contact.id + ": cadences switch in a loop; check their 'then' keys");
}

Result<std::string> describe_next_follow_up(const Config& config, Store& store, const Contact& contact, Instant now) {
  CadenceEngine engine(config);
  ReminderService reminders(config, engine, store);
  TB_TRY(Decision d, next_follow_up(engine, reminders, contact, now));
  if (d.kind != Decision::Kind::follow_up) return "no follow-up planned: " + d.why;
  return "next follow-up: " + format_local_time(d.due_at, contact_zone(config, contact)) + " (touch " +
         std::to_string(d.step) + " of " + d.cadence + "): " + d.why;
}

Result<FollowUps> follow_ups_between(const Config& config, Store& store, const CadenceEngine& engine, Instant now,
                                     Instant from, Instant until) {
  ReminderService service(config, engine, store);
  FollowUps out;
  TB_TRY(out.contacts, store.list_contacts());
  std::map<std::string, std::size_t, std::less<>> index_of;
  std::vector<PlanContact> plan_input;
  for (std::size_t i = 0; i < out.contacts.size(); ++i) {
    const Contact& c = out.contacts[i];
    index_of.emplace(c.id, i);
    TB_TRY(auto open, open_reminders(store, c.id));
    for (const Reminder& r : open) {
      if (r.due_at >= from && r.due_at < until && still_asks(c, r, now)) out.items.push_back(reminded(i, r, config));
    }
    TB_TRY(auto history, service.history_of(c));
    plan_input.push_back({c, std::move(history)});
  }
  TB_TRY_STATUS(add_planned(config, store, plan_follow_ups(engine, plan_input, now, until), index_of, out));
  std::sort(out.items.begin(), out.items.end(), [&](const FollowUp& a, const FollowUp& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    return out.contacts[a.contact].id < out.contacts[b.contact].id;
  });
  return out;
}

}  // namespace touchbase
