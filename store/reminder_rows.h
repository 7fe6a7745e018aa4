#pragma once
// Reminders and outbox rows as rows of their tables.

#include <SQLiteCpp/Statement.h>

#include <string>
#include <string_view>

#include "core/result.h"
#include "store/records.h"

namespace touchbase {

// The columns read_reminder reads, in order, for "SELECT <these> FROM reminders".
inline constexpr std::string_view k_reminder_columns =
    "id, contact_id, owner, cadence, step, due_at, remind_at, talking_point, why, late, created_at";
// The columns read_outbox_row reads, in order, for "SELECT <these> FROM outbox".
inline constexpr std::string_view k_outbox_columns =
    "id, reminder_id, notifier, idempotency_key, state, attempts, next_attempt_at, last_error, delivered_at, "
    "notice_id";
// The columns read_notice reads, in order.
inline constexpr std::string_view k_notice_columns = "id, owner, headline, body, created_at";

Reminder read_reminder(const SQLite::Statement& stmt);
Notice read_notice(const SQLite::Statement& stmt);
// Errc::data for a state that is not one of OutboxState's names.
Result<OutboxRow> read_outbox_row(const SQLite::Statement& stmt);

// The key of the delivery of `r` (whose id is set) through `notifier`, in the
// form documented at OutboxRow. The same inputs always give the same key.
std::string idempotency_key(const Reminder& r, std::string_view notifier);
std::string idempotency_key(const Notice& n, std::string_view notifier);

}  // namespace touchbase
