#include "scheduler/plan.h"

#include <algorithm>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include "scheduler/cadence_switches.h"
#include "scheduler/daily_limit.h"
#include "scheduler/resolved_config.h"

namespace touchbase {
namespace {

// One contact on its way through the simulation. It reads the contact and
// history given until the simulation changes them: then it keeps its own.
struct Sim {
  const PlanContact* given = nullptr;
  std::unique_ptr<Contact> changed;            // after a cadence switch or dormancy (copied on the first)
  std::optional<std::vector<Touch>> extended;  // with the follow-ups assumed done
  const ResolvedOwner* owner = nullptr;
  Instant decided_at;  // the `now` of `pending`
  Decision pending;    // Kind::follow_up while active
  Instant waiting_since;
  std::string carried;  // transitions on the way, for the next follow-up's reasons
  bool active = true;

  const Contact& contact() const { return changed ? *changed : given->contact; }
  Contact& change() {
    if (!changed) changed = std::make_unique<Contact>(given->contact);
    return *changed;
  }
  std::span<const Touch> history() const { return extended ? std::span<const Touch>(*extended) : given->history; }
  void add_touch(const Touch& t) {
    if (!extended) extended = given->history;
    extended->push_back(t);
  }
};

class Planner {
 public:
  Planner(const CadenceEngine& engine, std::span<const PlanContact> contacts, Instant now, Instant until);
  Result<Plan> run();

 private:
  using DayQueue = std::multimap<LocalDays, std::size_t>;

  void decide(Sim& sim, Instant at, const NextOptions& options);
  void record_transition(Sim& sim, Instant at);
  void accept(Sim& sim);
  void run_owner(const ResolvedOwner* owner, const std::vector<std::size_t>& members);
  void enqueue(DayQueue& queue, std::size_t index, LocalDays not_before) const;

  const CadenceEngine& engine_;
  const ResolvedConfig& config_;
  Instant now_;
  Instant until_;
  std::vector<Sim> sims_;
  Plan plan_;
  std::optional<Error> error_;  // the first contact whose cadences switch in a loop
};

Planner::Planner(const CadenceEngine& engine, std::span<const PlanContact> contacts, Instant now, Instant until)
    : engine_(engine), config_(engine.resolved()), now_(now), until_(until) {
  sims_.reserve(contacts.size());
  for (const PlanContact& c : contacts) {
    Sim& sim = sims_.emplace_back();
    sim.given = &c;
    sim.owner = config_.owner_of(c.contact);
  }
}

void Planner::decide(Sim& sim, Instant at, const NextOptions& options) {
  sim.decided_at = at;
  auto on_transition = [&](const Decision&) -> Contact& {
    record_transition(sim, at);
    return sim.change();
  };
  Status followed =
      follow_cadence_switches(engine_, sim.contact(), sim.history(), at, options, sim.pending, on_transition);
  if (!followed) {
    if (!error_) error_ = std::move(followed).error();
    sim.active = false;
    return;
  }
  sim.active = sim.pending.kind == Decision::Kind::follow_up && sim.pending.due_at < until_;
  // Nothing it is decided on changes its zone: a contact is skipped at its first decision, or never.
  if (sim.pending.kind == Decision::Kind::skipped) plan_.skipped.push_back({sim.contact().id, sim.pending.why});
}

void Planner::record_transition(Sim& sim, Instant at) {
  const Decision& d = sim.pending;
  plan_.transitions.push_back(PlannedTransition{sim.contact().id, at, d.kind, d.cadence, d.next_cadence, d.why});
  if (!d.why.empty()) sim.carried.append(d.why).append("; ");
}

void Planner::accept(Sim& sim) {
  const Decision& d = sim.pending;
  plan_.follow_ups.push_back(PlannedFollowUp{
      sim.contact().id, d.owner, d.cadence, d.step, d.due_at, d.remind_at,
      std::string(config_.zone_of(sim.contact()).value_or(config_.default_zone()).name()), sim.carried + d.why});
  sim.carried.clear();
  // Done on time (or now, when already overdue), and no reply.
  const Instant done = std::max(d.due_at, now_);
  sim.add_touch(Touch{done, Outcome::touched, "", ""});
  decide(sim, done, NextOptions{});
  sim.waiting_since = sim.pending.due_at;
}

// An overdue reminder counts on the day it is sent: today. `not_before` keeps a moved
// follow-up off the day it was moved from, whatever the owner's hours.
void Planner::enqueue(DayQueue& queue, std::size_t index, LocalDays not_before) const {
  const Sim& sim = sims_[index];
  if (!sim.active) return;
  const LocalDays day = owner_day(config_, sim.owner, std::max(sim.pending.remind_at, now_));
  queue.emplace(std::max(day, not_before), index);
}

// Day by day in the owner's zone: the day's follow-ups in priority order up to
// the limit; the rest decided again past that day.
void Planner::run_owner(const ResolvedOwner* owner, const std::vector<std::size_t>& members) {
  const int limit = owner && owner->owner->daily_limit > 0 ? owner->owner->daily_limit : 0;
  DayQueue queue;
  std::map<LocalDays, int> taken;
  for (std::size_t index : members) enqueue(queue, index, LocalDays::min());
  std::vector<std::size_t> today;
  while (!queue.empty()) {
    const LocalDays day = queue.begin()->first;
    today.clear();
    while (!queue.empty() && queue.begin()->first == day) {
      today.push_back(queue.begin()->second);
      queue.erase(queue.begin());
    }
    auto rank = [&](std::size_t i) {
      return LimitRank{sims_[i].contact().value, sims_[i].waiting_since, sims_[i].contact().id};
    };
    std::sort(today.begin(), today.end(), [&](std::size_t a, std::size_t b) { return goes_first(rank(a), rank(b)); });
    std::string reason;  // why the rest of the day moves, once the limit is reached
    for (std::size_t index : today) {
      Sim& sim = sims_[index];
      if (limit == 0 || taken[day] < limit) {
        ++taken[day];
        accept(sim);
        enqueue(queue, index, day);
      } else {
        if (reason.empty()) reason = limit_reason(*owner, day);
        decide(sim, sim.decided_at, NextOptions{Explain::yes, past_day_bound(config_, *owner, day), reason});
        enqueue(queue, index, day + date::days{1});
      }
    }
  }
}

Result<Plan> Planner::run() {
  std::map<std::string_view, std::vector<std::size_t>> by_owner;
  std::map<std::string_view, const ResolvedOwner*> owners;
  for (std::size_t i = 0; i < sims_.size(); ++i) {
    Sim& sim = sims_[i];
    decide(sim, now_, NextOptions{});
    sim.waiting_since = sim.pending.due_at;
    const std::string_view id = sim.owner ? sim.owner->id : std::string_view();
    by_owner[id].push_back(i);
    owners[id] = sim.owner;
  }
  for (const auto& [id, members] : by_owner) run_owner(owners[id], members);
  if (error_) return std::move(*error_);
  std::sort(plan_.follow_ups.begin(), plan_.follow_ups.end(), [](const auto& a, const auto& b) {
    return std::tie(a.remind_at, a.due_at, a.contact) < std::tie(b.remind_at, b.due_at, b.contact);
  });
  std::stable_sort(plan_.transitions.begin(), plan_.transitions.end(),
                   [](const auto& a, const auto& b) { return std::tie(a.at, a.contact) < std::tie(b.at, b.contact); });
  return std::move(plan_);
}

}  // namespace

Result<Plan> plan_follow_ups(const CadenceEngine& engine, std::span<const PlanContact> contacts, Instant now,
                             Instant until) {
  return Planner(engine, contacts, now, until).run();
}

}  // namespace touchbase
