#pragma once
// The queries behind Store::outbox_ready(), here so that tests can check
// their plans: both walk outbox_ready_by_notifier (schema 10), so a read costs
// the notifiers waiting and the rows returned, never the whole backlog.

#include <string>

namespace touchbase {

// The notifiers with a row pending or failed, one index seek each.
const std::string& waiting_notifiers_sql();
// One notifier's ready rows, oldest first. Parameters: ?1 the notifier, ?2
// now (unix seconds), ?3 at most this many.
const std::string& ready_of_notifier_sql();

}  // namespace touchbase
