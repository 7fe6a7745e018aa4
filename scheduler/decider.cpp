#include "scheduler/decider.h"

#include <algorithm>
#include <cmath>

#include "scheduler/reply_rule.h"

namespace touchbase {
namespace {

using Kind = Decision::Kind;
constexpr long long k_seconds_per_day = 86400;

void reset(Decision& d) {
  d.kind = Kind::none;
  d.cadence.clear();
  d.step = 0;
  d.due_at = Instant{};
  d.remind_at = Instant{};
  d.next_cadence.clear();
  d.why.clear();
  d.owner.clear();
  d.ask_again_at.reset();
}

std::string_view status_text(ContactStatus s) {
  switch (s) {
    case ContactStatus::paused: return "paused, with no date to resume";
    case ContactStatus::dormant: return "dormant";
    case ContactStatus::closed_won: return "closed (won)";
    case ContactStatus::closed_lost: return "closed (lost)";
    case ContactStatus::closed_unqualified: return "closed (unqualified)";
    case ContactStatus::active: break;
  }
  return "active";
}

// The gap of a step stretched by `factor`, rounded to the second, at most k_max_gap.
Seconds stretch(Seconds step, double factor) {
  const double seconds = static_cast<double>(step.count()) * factor;
  if (!(seconds >= 0)) return Seconds{0};
  if (seconds >= static_cast<double>(k_max_gap.count())) return k_max_gap;
  return Seconds{std::llround(seconds)};
}

}  // namespace

Decider::Decider(const ResolvedConfig& config, const Contact& contact, std::span<const Touch> history, Instant now,
                 const NextOptions& options, Decision& out)
    : config_(config),
      contact_(contact),
      history_(history),
      now_(now),
      options_(options),
      out_(out),
      why_(options.explain == Explain::yes ? &out.why : nullptr),
      zone_(config.default_zone()),
      holidays_(config.holidays_of(contact)) {}

void Decider::run() {
  reset(out_);
  if (stopped_by_status() || skipped_for_zone()) return;
  cadence_ = config_.cadence_of(contact_);
  if (!cadence_) {
    if (why_.enabled()) why_.part().append("no cadence is configured");
    return;
  }
  out_.cadence.assign(cadence_->name);
  if (why_.enabled() && !contact_.cadence.empty() && contact_.cadence != cadence_->name) {
    why_.part().append("'").append(contact_.cadence).append("' is not a cadence: using ").append(cadence_->name);
  }
  owner_ = config_.owner_of(contact_);
  if (owner_) out_.owner.assign(owner_->id);
  touches_ = summarize(contact_, history_, cadence_->cadence->max_touches);
  agreed_ = agreed_start();
  if (transition()) return;
  schedule();
}

bool Decider::stopped_by_status() {
  if (contact_.status == ContactStatus::active) return false;
  if (contact_.status == ContactStatus::paused && contact_.paused_until) return false;
  if (why_.enabled()) why_.part().append(status_text(contact_.status));
  return true;
}

bool Decider::skipped_for_zone() {
  const std::optional<Zone> zone = config_.zone_of(contact_);
  if (zone) {
    zone_ = *zone;
    return false;
  }
  out_.kind = Kind::skipped;
  out_.why.assign("its time zone '").append(contact_.timezone).append("' is not in this system's time zone database");
  return true;
}

std::optional<Instant> Decider::agreed_start() const {
  const auto& date = contact_.next_step.date;
  if (!date || !date->ok()) return std::nullopt;
  const Instant start = zone_.to_instant(LocalSeconds(LocalDays(*date))).at;
  if (touches_.any && start <= touches_.last) return std::nullopt;
  return start;
}

std::optional<std::size_t> Decider::gap_step_index() const {
  const Cadence& cadence = *cadence_->cadence;
  const std::size_t index = touches_.anchored ? 0 : static_cast<std::size_t>(touches_.in_cadence - 1);
  if (index < cadence.steps.size()) return index;
  if (cadence.repeat && !cadence.steps.empty()) return cadence.steps.size() - 1;
  return std::nullopt;
}

bool Decider::transition() {
  const Cadence& cadence = *cadence_->cadence;
  if (touches_.last_replied) {
    const ReplyRule reply = reply_rule(cadence);
    const bool holds = reply.kind != ReplyRule::Kind::switch_cadence;
    if (holds && agreed_) {
      reply_overridden_ = reply.name;
      return false;
    }
    if (holds || !config_.cadence_named(reply.name)) {
      if (why_.enabled())
        why_.part().append(reply.kind == ReplyRule::Kind::stop ? "stopped after a reply" : "paused after a reply");
      return true;
    }
    out_.kind = Kind::switch_cadence;
    out_.next_cadence.assign(reply.name);
    if (why_.enabled()) why_.part().append("replied: moves to ").append(reply.name);
    return true;
  }
  if (cadence.give_up_after > 0 && touches_.unanswered >= cadence.give_up_after) {
    if (why_.enabled()) {
      std::string& w = why_.part();
      w.append("gave up after ");
      append_int(w, touches_.unanswered);
      w.append(" unanswered touches");
    }
    return to_then(cadence);
  }
  if (!agreed_ && touches_.any && !gap_step_index()) {
    if (why_.enabled()) {
      std::string& w = why_.part();
      w.append("the ");
      append_int(w, static_cast<long long>(cadence.steps.size()));
      w.append(cadence.steps.size() == 1 ? " step of " : " steps of ").append(cadence_->name).append(" ran out");
    }
    return to_then(cadence);
  }
  return false;
}

bool Decider::to_then(const Cadence& cadence) {
  const std::string_view then = cadence.then;
  if (!then.empty() && then != k_then_dormant && config_.cadence_named(then)) {
    out_.kind = Kind::switch_cadence;
    out_.next_cadence.assign(then);
    if (why_.enabled()) why_.more().append(": moves to ").append(then);
  } else {
    out_.kind = Kind::dormant;
    if (why_.enabled()) why_.more().append(": dormant, for the pipeline audit");
  }
  return true;
}

void Decider::schedule() {
  const Cadence& cadence = *cadence_->cadence;
  CalendarNotes notes;
  const Base b = base(notes);
  Instant earliest = b.at;
  Bound bound = Bound::base;
  auto raise = [&](Instant t, Bound cause) {
    if (t > earliest) {
      earliest = t;
      bound = cause;
    }
  };
  if (touches_.any) {
    raise(touches_.last + cadence.min_gap, Bound::min_gap);
    raise(touches_.last + k_min_touch_separation, Bound::separation);
  }
  if (touches_.cap_bound) raise(*touches_.cap_bound, Bound::cap);
  if (contact_.paused_until) raise(*contact_.paused_until, Bound::pause);
  if (options_.not_before) raise(*options_.not_before, Bound::not_before);

  const WeeklyWindow& window = config_.window_of(contact_);
  const auto due = first_window_instant(zone_, window, holidays_, earliest, &notes);
  if (!due) {
    if (why_.enabled()) why_.part().append("the window ").append(format_window(window)).append(" never opens");
    return;
  }
  out_.kind = Kind::follow_up;
  out_.step = touches_.in_cadence + 1;
  out_.due_at = *due;
  remind();
  if (const auto working = reminder_missed_working_hours()) {
    // Its first working moment is after `earliest`: so is the new due time.
    if (const auto later = first_window_instant(zone_, window, holidays_, *working + config_.lead_time(), &notes)) {
      passed_due_ = out_.due_at;
      out_.due_at = *later;
      remind();
      // At work, the reminder is made at once instead; and once a first due
      // time that `now` did not set has passed, the follow-up is overdue.
      const bool due_from_now = bound == Bound::base && !agreed_ && !touches_.any;
      out_.ask_again_at = due_from_now ? *working : std::min(*working, *passed_due_ + Seconds(1));
    }
  }
  if (!why_.enabled()) return;
  explain_touch(b);
  explain_bound(bound);
  explain_window(earliest, notes);
  explain_reminder();
}

Decider::Base Decider::base(CalendarNotes& notes) const {
  Base b;
  if (agreed_) {
    b.at = *agreed_;
    return b;
  }
  if (!touches_.any) {
    b.at = now_;
    return b;
  }
  const Cadence& cadence = *cadence_->cadence;
  b.step_index = gap_step_index();  // transition() ruled out running out of steps
  const int unanswered = touches_.anchored ? 0 : touches_.unanswered;
  b.factor = unanswered >= 2 ? std::pow(cadence.backoff, unanswered - 1) : 1.0;
  const Seconds gap = stretch(cadence.steps[b.step_index.value()], b.factor);
  b.at = gap_end(gap, cadence.business_days, notes);
  return b;
}

Instant Decider::gap_end(Seconds gap, bool business_days, CalendarNotes& notes) const {
  if (!business_days) return touches_.last + gap;
  const LocalSeconds last = zone_.to_local(touches_.last);
  const LocalDays day = date::floor<date::days>(last);
  const LocalDays target = add_business_days(day, gap.count() / k_seconds_per_day, holidays_, &notes);
  const Seconds rest{gap.count() % k_seconds_per_day};
  return zone_.to_instant(LocalSeconds(target) + (last - LocalSeconds(day))).at + rest;
}

void Decider::remind() {
  const Instant target = out_.due_at - config_.lead_time();
  Instant remind = target;
  owner_notes_ = CalendarNotes{};
  if (owner_ && !in_window(owner_->zone, *owner_->working_hours, *owner_->holidays, target)) {
    if (auto latest =
            latest_window_moment(owner_->zone, *owner_->working_hours, *owner_->holidays, target, &owner_notes_)) {
      remind = *latest;
    }
  }
  // Never before now, unless the follow-up itself is overdue.
  out_.remind_at = out_.due_at < now_ ? remind : std::max(remind, now_);
  computed_remind_ = remind;
}

std::optional<Instant> Decider::reminder_missed_working_hours() const {
  if (!owner_ || out_.due_at < now_ || computed_remind_ >= now_) return std::nullopt;
  const WeeklyWindow& hours = *owner_->working_hours;
  if (in_window(owner_->zone, hours, *owner_->holidays, now_)) return std::nullopt;  // reminded now, at work
  return first_window_instant(owner_->zone, hours, *owner_->holidays, now_, nullptr);
}

}  // namespace touchbase
