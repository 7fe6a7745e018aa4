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

}  // namespace touchbase
