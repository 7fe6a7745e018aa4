// The reasons text of a follow-up decision (see decider.h).

#include "scheduler/decider.h"

namespace touchbase {
namespace {

std::string_view display_name(const Contact& contact) {
  return contact.name.empty() ? contact.id : contact.name;
}

// "Wed 18 Nov is Repentance and Prayer Day (DE-SN)", "Fri 25 Dec is Christmas Day",
// "Fri 25 Dec is a holiday", each a part, and " for <whose>" when whose is given.
void explain_holidays(WhyBuilder& why, const CalendarNotes& notes, std::string_view whose = {}) {
  for (int i = 0; i < notes.holiday_count; ++i) {
    const NotedHoliday& h = notes.holidays[static_cast<std::size_t>(i)];
    std::string& p = why.part();
    append_day(p, h.day);
    p.append(" is ").append(h.label.name.empty() ? std::string_view("a holiday") : h.label.name);
    if (!h.label.region.empty()) p.append(" (").append(h.label.region).append(")");
    if (!whose.empty()) p.append(" for ").append(whose);
  }
}

}  // namespace

void Decider::explain_touch(const Base& b) {
  std::string& w = why_.part();
  append_ordinal(w, out_.step);
  w.append(" touch");
  if (touches_.anchored) w.append(" of ").append(cadence_->name);

  std::string& p = why_.part();
  if (agreed_) {
    p.append("next step agreed for ");
    append_day(p, LocalDays(*contact_.next_step.date));
    if (!reply_overridden_.empty()) p.append(" (instead of on_reply = ").append(reply_overridden_).append(")");
    return;
  }
  if (!touches_.any) {
    p.append("no touch yet");
    return;
  }
  const Cadence& cadence = *cadence_->cadence;
  append_gap(p, cadence.steps[b.step_index.value()], cadence.business_days);
  p.append(" after the last");
  if (b.factor != 1.0) {
    p.append(", \u00d7");
    append_factor(p, b.factor);
    p.append(" for ");
    append_int(p, touches_.unanswered);
    p.append(" unanswered");
  }
}

void Decider::explain_bound(Bound bound) {
  const Cadence& cadence = *cadence_->cadence;
  switch (bound) {
    case Bound::base:
    case Bound::separation: return;
    case Bound::min_gap: {
      std::string& p = why_.part();
      p.append("min_gap of ");
      append_gap(p, cadence.min_gap, false);
      p.append(" since the last touch");
      return;
    }
    case Bound::cap: {
      std::string& p = why_.part();
      p.append("at most ");
      append_int(p, cadence.max_touches->count);
      p.append(" touches within ");
      append_gap(p, cadence.max_touches->within, false);
      return;
    }
    case Bound::pause: {
      std::string& p = why_.part();
      p.append(contact_.status == ContactStatus::paused ? "paused until " : "snoozed until ");
      append_local_in(p, *contact_.paused_until, zone_);
      return;
    }
    case Bound::not_before: {
      std::string& p = why_.part();
      if (!options_.not_before_reason.empty()) {
        p.append(options_.not_before_reason);
      } else {
        p.append("not before ");
        append_local_in(p, *options_.not_before, zone_);
      }
      return;
    }
  }
}

void Decider::explain_window(Instant earliest, const CalendarNotes& notes) {
  std::string& p = why_.part();
  const bool moved = out_.due_at > earliest;
  if (moved) p.append("moved to ");
  append_local_in(p, out_.due_at, zone_);
  p.append(moved ? ", " : " is in ");
  if (contact_.window && !contact_.window->hours.empty()) {
    append_possessive(p, display_name(contact_));
    p.append(" window");
  } else {
    p.append("the default window");
  }
  explain_holidays(why_, notes);
  if (notes.gap_start) why_.part().append("the window opens in a clock-change gap: its first valid instant");
  if (out_.due_at < now_) why_.part().append("overdue");
}

void Decider::explain_reminder() {
  if (!owner_) return;
  if (passed_due_) return explain_moved_for_working_hours();
  const Instant target = out_.due_at - config_.lead_time();
  const bool shifted = computed_remind_ != target;
  if (!shifted && out_.remind_at == target) return;
  std::string& p = why_.part();
  p.append("remind ").append(owner_->display_name).push_back(' ');
  const bool clamped = out_.remind_at != computed_remind_;
  if (clamped) {
    p.append("now");
  } else {
    append_local_in(p, out_.remind_at, owner_->zone);
  }
  if (!shifted) return;
  p.append(clamped ? ", outside working hours" : ", the last working minute before");
  p.append("; call at ");
  append_local_in(p, out_.due_at, zone_);
  p.append(" = ");
  append_local_in(p, out_.due_at, owner_->zone);
  explain_holidays(why_, owner_notes_, owner_->display_name);
}

void Decider::explain_moved_for_working_hours() {
  std::string& p = why_.part();
  p.append("remind ").append(owner_->display_name).push_back(' ');
  append_local_in(p, out_.remind_at, owner_->zone);
  p.append(", in working hours: ");
  append_possessive(p, owner_->display_name);
  p.append(" last working minute before ");
  append_local_in(p, *passed_due_, zone_);
  p.append(" had passed; moved to the first window instant ").append(owner_->display_name);
  p.append(" can be reminded of ");
  if (config_.lead_time() > Seconds{0}) {
    append_gap(p, config_.lead_time(), false);
    p.append(" before ");
  }
  p.append("in working hours; call at ");
  append_local_in(p, out_.due_at, zone_);
  p.append(" = ");
  append_local_in(p, out_.due_at, owner_->zone);
}

}  // namespace touchbase
