// SqliteStore: reminders, the outbox and the talking points given.

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <tuple>

#include "store/outbox_queries.h"
#include "store/reminder_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

const std::string& waiting_notifiers_sql() {
  // A skip-scan: the least notifier, then the least after it, and so on.
  static const std::string sql =
      "WITH RECURSIVE waiting (notifier) AS ("
      " SELECT min(notifier) FROM outbox WHERE state IN ('pending', 'failed')"
      " UNION ALL SELECT (SELECT min(notifier) FROM outbox WHERE state IN ('pending', 'failed')"
      " AND notifier > waiting.notifier) FROM waiting WHERE waiting.notifier IS NOT NULL)"
      " SELECT notifier FROM waiting WHERE notifier IS NOT NULL";
  return sql;
}

const std::string& ready_of_notifier_sql() {
  static const std::string sql = "SELECT " + std::string(k_outbox_columns) +
                                 " FROM outbox WHERE notifier = ?1 AND state IN ('pending', 'failed')"
                                 " AND next_attempt_at <= ?2 ORDER BY next_attempt_at, id LIMIT ?3";
  return sql;
}
namespace {

Status check_notifiers(std::span<const std::string> notifiers) {
  std::set<std::string_view> seen;
  for (const auto& n : notifiers) {
    if (n.empty()) return Error::data("a reminder cannot be sent through a notifier with an empty name");
    if (!seen.insert(n).second) return Error::data("notifier '" + n + "' is listed twice for one reminder");
  }
  return {};
}

std::string select_reminders_sql(std::string_view where) {
  return "SELECT " + std::string(k_reminder_columns) + " FROM reminders " + std::string(where);
}

std::string select_outbox_sql(std::string_view where) {
  return "SELECT " + std::string(k_outbox_columns) + " FROM outbox " + std::string(where);
}

constexpr const char* k_mark_delivered_sql =
    "UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = ?2 WHERE id = ?1";

}  // namespace

Result<std::optional<Reminder>> SqliteStore::create_reminder(const Reminder& r, std::span<const std::string> notifiers,
                                                             std::optional<Instant> first_attempt,
                                                             const ReminderMessage* message) {
  TB_TRY_STATUS(check_notifiers(notifiers));
  return run("create a reminder for contact '" + r.contact_id + "'", [&]() -> Result<std::optional<Reminder>> {
    WriteTransaction tx(*db_, savepoints_);
    Reminder created = r;
    TB_TRY(created.id, insert_reminder_row(r, 0, message));
    if (created.id == 0) return std::optional<Reminder>();  // already reminded; the transaction rolls back
    insert_outbox_rows(created, notifiers, first_attempt.value_or(std::max(r.remind_at, r.created_at)));
    tx.commit();
    return std::optional<Reminder>(std::move(created));
  });
}

Result<int> SqliteStore::count_reminders_sent(std::string_view owner, Instant from, Instant to) {
  return run("count the reminders of owner '" + std::string(owner) + "'", [&]() -> Result<int> {
    auto count = statements_.use(
        "SELECT count(*) FROM reminders WHERE owner = ?1 AND notice_id IS NULL "
        "AND max(remind_at, created_at) >= ?2 AND max(remind_at, created_at) < ?3");
    count->bind(1, std::string(owner));
    bind_instant(*count, 2, from);
    bind_instant(*count, 3, to);
    count->executeStep();
    return count->getColumn(0).getInt();
  });
}

Result<std::int64_t> SqliteStore::insert_reminder_row(const Reminder& r, std::int64_t notice_id,
                                                      const ReminderMessage* message) {
  auto insert = statements_.use(
      "INSERT INTO reminders (contact_id, owner, cadence, step, due_at, remind_at, "
      "talking_point, why, late, created_at, notice_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
      "ON CONFLICT (contact_id, due_at) DO NOTHING");
  insert->bind(1, r.contact_id);
  insert->bind(2, r.owner);
  insert->bind(3, r.cadence);
  insert->bind(4, r.step);
  bind_instant(*insert, 5, r.due_at);
  bind_instant(*insert, 6, r.remind_at);
  insert->bind(7, r.talking_point);
  insert->bind(8, r.why);
  insert->bind(9, r.late ? 1 : 0);
  bind_instant(*insert, 10, r.created_at);
  if (notice_id != 0) {
    insert->bind(11, notice_id);
  } else {
    insert->bind(11);  // NULL: sent alone
  }
  try {
    if (insert->exec() == 0) return std::int64_t{0};
  } catch (const SQLite::Exception& e) {
    if (!is_constraint(e, SQLITE_CONSTRAINT_FOREIGNKEY)) throw;
    return Error::no_input("there is no contact '" + r.contact_id + "' to remind of");
  }
  const std::int64_t id = db_->getLastInsertRowid();
  if (message != nullptr) {
    auto keep = statements_.use(insert_message_sql());
    bind_message(*keep, id, *message);
    keep->exec();
  }
  if (!r.talking_point.empty()) {  // given to the contact at the follow-up itself
    insert_talking_point_use(r.contact_id, r.talking_point, "reminder_id", id, r.due_at);
  }
  return id;
}

void SqliteStore::insert_outbox_rows(const Reminder& r, std::span<const std::string> notifiers, Instant first_attempt) {
  auto insert = statements_.use(
      "INSERT INTO outbox (reminder_id, notifier, idempotency_key, state, attempts, "
      "next_attempt_at, last_error) VALUES (?1, ?2, ?3, 'pending', 0, ?4, '')");
  for (const auto& notifier : notifiers) {
    insert->bind(1, r.id);
    insert->bind(2, notifier);
    insert->bind(3, idempotency_key(r, notifier));
    bind_instant(*insert, 4, first_attempt);
    insert->exec();
    insert->reset();
  }
}

void SqliteStore::insert_talking_point_use(std::string_view contact_id, std::string_view point,
                                           std::string_view source_column, std::int64_t source_id, Instant used_at) {
  auto insert = statements_.use("INSERT INTO talking_point_uses (contact_id, talking_point_id, " +
                                std::string(source_column) + ", used_at) VALUES (?1, ?2, ?3, ?4)");
  insert->bind(1, std::string(contact_id));
  insert->bind(2, std::string(point));
  insert->bind(3, source_id);
  bind_instant(*insert, 4, used_at);
  insert->exec();
}

Result<std::optional<Reminder>> SqliteStore::find_reminder(std::int64_t id) {
  return run("read reminder " + std::to_string(id), [&]() -> Result<std::optional<Reminder>> {
    auto select = statements_.use(select_reminders_sql("WHERE id = ?1"));
    select->bind(1, id);
    if (!select->executeStep()) return std::optional<Reminder>();
    return std::optional<Reminder>(read_reminder(*select));
  });
}

Result<std::vector<Reminder>> SqliteStore::find_reminders(std::span<const std::int64_t> ids) {
  return run("read " + std::to_string(ids.size()) + " reminders", [&]() -> Result<std::vector<Reminder>> {
    auto select = statements_.use(select_reminders_sql("WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id"));
    select->bind(1, json_array(ids));
    std::vector<Reminder> out;
    while (select->executeStep()) out.push_back(read_reminder(*select));
    return out;
  });
}

Result<std::unordered_map<std::int64_t, ReminderMessage>> SqliteStore::messages_of(std::span<const std::int64_t> ids) {
  using Messages = std::unordered_map<std::int64_t, ReminderMessage>;
  return run("read the messages of " + std::to_string(ids.size()) + " reminders", [&]() -> Result<Messages> {
    auto select = statements_.use(select_messages_sql() + "WHERE reminder_id IN (SELECT value FROM json_each(?1))");
    select->bind(1, json_array(ids));
    Messages out;
    while (select->executeStep()) out.insert(read_message(*select));
    return out;
  });
}

Result<std::vector<std::string>> SqliteStore::used_talking_points(std::string_view contact_id) {
  return run("read the talking points given to contact '" + std::string(contact_id) + "'",
             [&]() -> Result<std::vector<std::string>> {
               auto select = statements_.use(
                   "SELECT talking_point_id FROM talking_point_uses WHERE contact_id = ?1 "
                   "GROUP BY talking_point_id ORDER BY min(used_at), min(id)");
               select->bind(1, std::string(contact_id));
               std::vector<std::string> points;
               while (select->executeStep()) points.push_back(select->getColumn(0).getString());
               return points;
             });
}

Result<std::vector<Reminder>> SqliteStore::reminders(std::string_view contact_id) {
  return run("read the reminders of contact '" + std::string(contact_id) + "'", [&]() -> Result<std::vector<Reminder>> {
    auto select = statements_.use(select_reminders_sql("WHERE contact_id = ?1 ORDER BY due_at, id"));
    select->bind(1, std::string(contact_id));
    std::vector<Reminder> out;
    while (select->executeStep()) out.push_back(read_reminder(*select));
    return out;
  });
}

Result<std::vector<OutboxRow>> SqliteStore::read_outbox_rows(SQLite::Statement& stmt) {
  std::vector<OutboxRow> rows;
  while (stmt.executeStep()) {
    TB_TRY(auto row, read_outbox_row(stmt));
    rows.push_back(std::move(row));
  }
  return rows;
}

Result<std::vector<OutboxRow>> SqliteStore::outbox_ready(Instant now, int limit) {
  return run("read the outbox", [&]() -> Result<std::vector<OutboxRow>> {
    // Each notifier's oldest rows through outbox_ready_by_notifier, so that a long
    // backlog of one never hides the rows of another, and a read costs the rows it
    // returns, not the backlog.
    std::vector<OutboxRow> ready;
    auto notifiers = statements_.use(waiting_notifiers_sql());
    while (notifiers->executeStep()) {
      auto select = statements_.use(ready_of_notifier_sql());
      select->bind(1, notifiers->getColumn(0).getString());
      bind_instant(*select, 2, now);
      select->bind(3, limit);
      TB_TRY(auto rows, read_outbox_rows(*select));
      std::move(rows.begin(), rows.end(), std::back_inserter(ready));
    }
    std::sort(ready.begin(), ready.end(), [](const OutboxRow& a, const OutboxRow& b) {
      return std::tie(a.next_attempt_at, a.id) < std::tie(b.next_attempt_at, b.id);
    });
    return ready;
  });
}

Result<std::optional<Instant>> SqliteStore::next_outbox_attempt() {
  return run("read the outbox", [&]() -> Result<std::optional<Instant>> {
    auto select = statements_.use("SELECT min(next_attempt_at) FROM outbox WHERE state IN ('pending', 'failed')");
    select->executeStep();
    return read_optional_instant(select->getColumn(0));
  });
}

Result<std::vector<OutboxRow>> SqliteStore::outbox_rows(std::int64_t reminder_id) {
  return run("read the outbox rows of reminder " + std::to_string(reminder_id),
             [&]() -> Result<std::vector<OutboxRow>> {
               auto select = statements_.use(select_outbox_sql("WHERE reminder_id = ?1 ORDER BY id"));
               select->bind(1, reminder_id);
               return read_outbox_rows(*select);
             });
}

Status SqliteStore::mark_delivered(std::int64_t row_id, Instant at) {
  return run("mark outbox row " + std::to_string(row_id) + " delivered", [&]() -> Status {
    auto update = statements_.use(k_mark_delivered_sql);
    update->bind(1, row_id);
    bind_instant(*update, 2, at);
    if (update->exec() == 0) return Error::no_input("there is no outbox row " + std::to_string(row_id));
    return {};
  });
}

Result<int> SqliteStore::mark_batch_delivered(std::span<const std::int64_t> row_ids, Instant at) {
  return run("mark " + std::to_string(row_ids.size()) + " outbox rows delivered", [&]() -> Result<int> {
    WriteTransaction tx(*db_, savepoints_);
    auto update = statements_.use(k_mark_delivered_sql);  // reset before the transaction ends
    int marked = 0;
    for (std::int64_t row_id : row_ids) {
      update->bind(1, row_id);
      bind_instant(*update, 2, at);
      marked += update->exec();
      update->reset();
    }
    tx.commit();
    return marked;
  });
}

Status SqliteStore::mark_attempt_failed(std::int64_t row_id, std::string_view error,
                                        std::optional<Instant> next_attempt) {
  return run("record a failed delivery of outbox row " + std::to_string(row_id), [&]() -> Status {
    auto update = statements_.use(
        "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
        "state = CASE WHEN ?3 IS NULL THEN 'dead' ELSE 'failed' END, "
        "next_attempt_at = coalesce(?3, next_attempt_at) WHERE id = ?1");
    update->bind(1, row_id);
    update->bind(2, std::string(error));
    bind_optional_instant(*update, 3, next_attempt);
    if (update->exec() == 0) return Error::no_input("there is no outbox row " + std::to_string(row_id));
    return {};
  });
}

}  // namespace touchbase
