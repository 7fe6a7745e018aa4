#include "reminders/follow_ups.h"

#include <algorithm>

#include "reminders/contact_histories.h"
#include "reminders/follow_up_stream.h"
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

Result<FollowUps> follow_ups_between(const Config& config, Store& store, const CadenceEngine& engine, Instant now,
                                     Instant from, Instant until) {
  FollowUps out;
  auto collect = [&](const Contact& c, std::span<const FollowUp> items, const ContactHistories&) -> Status {
    for (const FollowUp& f : items) out.items.emplace_back(f).contact = out.contacts.size();
    out.contacts.push_back(c);
    return {};
  };
  TB_TRY(out.skipped,
         stream_follow_ups(config, store, engine, FollowUpQuery{now, until, from, "", k_contacts_per_page}, collect));
  std::sort(out.items.begin(), out.items.end(), [&](const FollowUp& a, const FollowUp& b) {
    if (a.due_at != b.due_at) return a.due_at < b.due_at;
    return out.contacts[a.contact].id < out.contacts[b.contact].id;
  });
  return out;
}

}  // namespace touchbase
