#pragma once
// Reminders and outbox rows as rows of their tables.

#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "core/message.h"
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

// The kept message of a reminder (reminder_messages): its reminder's id, then
// a column per text of k_message_texts, then late.
const std::string& insert_message_sql();
const std::string& select_messages_sql();  // ... FROM reminder_messages, to be followed by a WHERE clause
// Binds what insert_message_sql inserts. `m` must outlive the statement's execution.
void bind_message(SQLite::Statement& insert, std::int64_t reminder_id, const ReminderMessage& m);
// A row of select_messages_sql: the reminder's id and its message.
std::pair<std::int64_t, ReminderMessage> read_message(const SQLite::Statement& stmt);

Reminder read_reminder(const SQLite::Statement& stmt);
Notice read_notice(const SQLite::Statement& stmt);
// Errc::data for a state that is not one of OutboxState's names.
Result<OutboxRow> read_outbox_row(const SQLite::Statement& stmt);

// The key of the delivery of `r` (whose id is set) through `notifier`, in the
// form documented at OutboxRow. The same inputs always give the same key.
std::string idempotency_key(const Reminder& r, std::string_view notifier);
std::string idempotency_key(const Notice& n, std::string_view notifier);

}  // namespace touchbase
