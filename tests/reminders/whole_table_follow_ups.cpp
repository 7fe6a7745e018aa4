#include "tests/reminders/whole_table_follow_ups.h"

#include <algorithm>
#include <map>

#include "reminders/contact_histories.h"
#include "reminders/reminder_message.h"
#include "scheduler/history.h"
#include "scheduler/plan.h"
#include "scheduler/plan_points.h"

namespace touchbase::testing {
namespace {

// The open reminders of contact `index` due in [from, until) that still ask for a touch.
void add_reminded(const Config& config, std::size_t index, const StoredHistory& h, Instant now, Instant from,
                  Instant until, FollowUps& out) {
  const Contact& c = out.contacts[index];
  for (const Reminder& r : open_reminders(h.touches, h.reminders)) {
    if (r.due_at < from || r.due_at >= until || !still_asks(c, r, now)) continue;
    FollowUp& f = out.items.emplace_back(
        FollowUp{index, r.owner, r.cadence, r.step, r.due_at, r.remind_at, nullptr, {}, {}, r.why, true, {}});
    set_point(f, reminded_choice(config, r, c, brings_next_step(r, h.touches, h.reminders)), c, h.touches);
  }
}

// The planned follow-ups with the talking points the daemon would choose.
void add_planned(const CadenceEngine& engine, const Plan& plan, Instant now,
                 const std::map<std::string, std::size_t, std::less<>>& index_of, PointContacts& points,
                 FollowUps& out) {
  std::vector<PointChoice> choices = choose_planned_points(engine, plan.follow_ups, points, now);
  for (std::size_t k = 0; k < plan.follow_ups.size(); ++k) {
    const PlannedFollowUp& f = plan.follow_ups[k];
    const std::size_t i = index_of.at(f.contact);
    FollowUp& item = out.items.emplace_back(
        FollowUp{i, f.owner, f.cadence, f.step, f.due_at, f.remind_at, nullptr, {}, {}, f.why, false, f.timezone});
    set_point(item, choices[k], out.contacts[i], points.at(f.contact).history.touches);
  }
}

}  // namespace

Result<FollowUps> whole_table_follow_ups(const Config& config, Store& store, const CadenceEngine& engine, Instant now,
                                         Instant from, Instant until) {
  FollowUps out;
  TB_TRY(out.contacts, store.list_contacts());
  TB_TRY(auto histories, store.histories_of_all_contacts());
  PointContacts points = point_contacts(histories, out.contacts);
  std::map<std::string, std::size_t, std::less<>> index_of;
  std::vector<PlanContact> plan_input;
  for (std::size_t i = 0; i < out.contacts.size(); ++i) {
    const Contact& c = out.contacts[i];
    index_of.emplace(c.id, i);
    add_reminded(config, i, stored_history(histories, c.id), now, from, until, out);
    plan_input.push_back({c, engine_history(histories, c.id)});
  }
  TB_TRY(Plan plan, plan_follow_ups(engine, plan_input, now, until));
  add_planned(engine, plan, now, index_of, points, out);
  out.skipped = std::move(plan.skipped);
  std::sort(out.items.begin(), out.items.end(), [&](const FollowUp& a, const FollowUp& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    return out.contacts[a.contact].id < out.contacts[b.contact].id;
  });
  return out;
}

}  // namespace touchbase::testing
