#include "reminders/follow_ups.h"

#include "reminders/contact_histories.h"
#include "reminders/reminder_message.h"
#include "scheduler/cadence_switches.h"

namespace touchbase {

Result<std::string> describe_next_follow_up(const Config& config, Store& store, const Contact& contact, Instant now) {
  CadenceEngine engine(config);
  TB_TRY(auto histories, store.histories_of(std::span(&contact.id, 1)));
  Contact switched = contact;
  TB_TRY(Decision d, decide_following_switches(engine, switched, engine_history(histories, contact.id), now));
  if (d.kind != Decision::Kind::follow_up) return "no follow-up planned: " + d.why;
  return "next follow-up: " + format_local_time(d.due_at, contact_zone(config, contact)) + " (touch " +
         std::to_string(d.step) + " of " + d.cadence + "): " + d.why;
}

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

}  // namespace touchbase
