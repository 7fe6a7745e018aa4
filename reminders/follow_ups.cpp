#include "reminders/follow_ups.h"

#include <algorithm>
#include <map>

#include "reminders/point_history.h"
#include "reminders/reminder_message.h"
#include "scheduler/plan.h"
#include "scheduler/plan_points.h"

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

void set_point(FollowUp& f, const PointChoice& choice, const Contact& c, std::span<const Touch> touches) {
  f.point = choice.point;
  f.brings = choice.kind;
  f.bring = bring_text(choice, c, touches, f.due_at);
}

// `first`: the earliest of the contact's open reminders, the one that brings
// the agreed next step up when it carries no point.
FollowUp reminded(std::size_t contact, const Reminder& r, bool first, const Config& config, const Contact& c,
                  std::span<const Touch> touches) {
  FollowUp f{contact, r.owner, r.cadence, r.step, r.due_at, r.remind_at, nullptr, {}, {}, r.why, true};
  PointChoice choice{PointChoice::Kind::none, find_point(config, r.talking_point)};
  if (choice.point != nullptr) choice.kind = PointChoice::Kind::point;
  if (r.talking_point.empty() && first && !c.next_step.text.empty()) choice.kind = PointChoice::Kind::next_step;
  set_point(f, choice, c, touches);
  return f;
}

// The planned follow-ups with the talking points the daemon would choose.
void add_planned(const CadenceEngine& engine, const Plan& plan, Instant now,
                 const std::map<std::string, std::size_t, std::less<>>& index_of, PointContacts& points,
                 FollowUps& out) {
  std::vector<PointChoice> choices = choose_planned_points(engine, plan.follow_ups, points, now);
  for (std::size_t k = 0; k < plan.follow_ups.size(); ++k) {
    const PlannedFollowUp& f = plan.follow_ups[k];
    const std::size_t i = index_of.at(f.contact);
    FollowUp& item =
        out.items.emplace_back(FollowUp{i, f.owner, f.cadence, f.step, f.due_at, f.remind_at, nullptr, {}, {}, f.why});
    set_point(item, choices[k], out.contacts[i], points.at(f.contact).history.touches);
  }
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
  TB_TRY(PointContacts points, read_point_contacts(store, out.contacts));
  for (std::size_t i = 0; i < out.contacts.size(); ++i) {
    const Contact& c = out.contacts[i];
    index_of.emplace(c.id, i);
    TB_TRY(auto open, open_reminders(store, c.id));
    const auto& touches = points.at(c.id).history.touches;
    for (const Reminder& r : open) {
      if (r.due_at < from || r.due_at >= until || !still_asks(c, r, now)) continue;
      out.items.push_back(reminded(i, r, &r == &open.front(), config, c, touches));
    }
    TB_TRY(auto history, service.history_of(c));
    plan_input.push_back({c, std::move(history)});
  }
  add_planned(engine, plan_follow_ups(engine, plan_input, now, until), now, index_of, points, out);
  std::sort(out.items.begin(), out.items.end(), [&](const FollowUp& a, const FollowUp& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    return out.contacts[a.contact].id < out.contacts[b.contact].id;
  });
  return out;
}

}  // namespace touchbase
