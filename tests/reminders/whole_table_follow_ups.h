#pragma once
// The follow-ups as `due`, `plan`, `points` and `calendar` read them before
// they read the contacts a page at a time: every contact and its whole
// history at once, planned together (plan_follow_ups). The reference the
// paged reading (reminders/follow_up_stream.h) must equal.

#include "config/config.h"
#include "reminders/follow_ups.h"
#include "scheduler/cadence_engine.h"
#include "store/store.h"

namespace touchbase::testing {

// The open reminders due in [from, until) and the follow-ups planned from
// `now` due before `until`, ordered by due_at, then contact id; the contacts
// by id. REQUIRES: from <= now <= until.
Result<FollowUps> whole_table_follow_ups(const Config& config, Store& store, const CadenceEngine& engine, Instant now,
                                         Instant from, Instant until);

}  // namespace touchbase::testing
