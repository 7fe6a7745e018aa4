#pragma once
// The follow-ups of reminders/follow_ups.h handed over a contact at a time,
// so that a command holds a page of contacts, not all of them.
//
// The contacts are read a page at a time (reminders/contact_pages.h). The
// contacts of an owner without a daily_limit are planned on their own, a
// page at a time: nothing they do depends on another contact. The contacts of
// an owner with a daily_limit compete for the owner's days, so they are
// planned together, an owner at a time, once every page is read: they wait,
// with their histories, in sorted runs on disk (core/sorted_runs.h,
// reminders/contact_record.h), read back in owner order. Memory grows with
// the contacts of the largest owner with a daily_limit, not with all of
// them. The follow-ups are those plan_follow_ups gives on every contact at
// once.

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "reminders/contact_pages.h"
#include "reminders/follow_ups.h"
#include "scheduler/cadence_engine.h"
#include "store/store.h"

namespace touchbase {

struct FollowUpQuery {
  Instant now;
  Instant until;                         // planned follow-ups due before this
  std::optional<Instant> reminded_from;  // with the open reminders due in [from, until); none without
  std::string only;                      // this contact alone (planned as if it were the only one); "" for all
  std::size_t page_size = k_contacts_per_page;
};

// One contact's follow-ups: the open reminders (by due_at), then the planned
// ones (by remind_at). FollowUp::contact is 0. `histories` holds the
// contact's stored history; both live for the call only.
using FollowUpSink =
    std::function<Status(const Contact& contact, std::span<const FollowUp> items, const ContactHistories& histories)>;

// Calls `sink` once for each contact that has a follow-up, in no given order.
// Returns the contacts the engine could not decide (Plan::skipped), by id.
// Errc::no_input when `only` names no contact; Errc::io when a temporary
// file cannot be written; the first error of the store or of `sink`.
// REQUIRES: reminded_from <= now <= until; page_size > 0.
Result<std::vector<SkippedContact>> stream_follow_ups(const Config& config, Store& store, const CadenceEngine& engine,
                                                      const FollowUpQuery& query, const FollowUpSink& sink);

}  // namespace touchbase
