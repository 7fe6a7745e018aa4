// SqliteStore: reminders, the outbox and the talking points given.

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>

#include "store/reminder_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"

namespace touchbase {
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

}  // namespace

Result<std::optional<Reminder>> SqliteStore::create_reminder(const Reminder& r,
                                                             std::span<const std::string> notifiers) {
  TB_TRY_STATUS(check_notifiers(notifiers));
  return run("create a reminder for contact '" + r.contact_id + "'", [&]() -> Result<std::optional<Reminder>> {
    SQLite::Transaction tx(*db_, SQLite::TransactionBehavior::IMMEDIATE);
    Reminder created = r;
    try {
      created.id = insert_reminder_row(r);
    } catch (const SQLite::Exception& e) {
      if (!is_constraint(e, SQLITE_CONSTRAINT_FOREIGNKEY)) throw;
      return Error::no_input("there is no contact '" + r.contact_id + "' to remind of");
    }
    if (created.id == 0) return std::optional<Reminder>();  // already reminded; the transaction rolls back
    insert_outbox_rows(created, notifiers);
    if (!r.talking_point.empty()) {  // given to the contact at the follow-up itself
      insert_talking_point_use(r.contact_id, r.talking_point, "reminder_id", created.id, r.due_at);
    }
    tx.commit();
    return std::optional<Reminder>(std::move(created));
  });
}

std::int64_t SqliteStore::insert_reminder_row(const Reminder& r) {
  SQLite::Statement insert(*db_,
                           "INSERT INTO reminders (contact_id, owner, cadence, step, due_at, remind_at, "
                           "talking_point, why, late, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
                           "ON CONFLICT (contact_id, due_at) DO NOTHING");
  insert.bind(1, r.contact_id);
  insert.bind(2, r.owner);
  insert.bind(3, r.cadence);
  insert.bind(4, r.step);
  bind_instant(insert, 5, r.due_at);
  bind_instant(insert, 6, r.remind_at);
  insert.bind(7, r.talking_point);
  insert.bind(8, r.why);
  insert.bind(9, r.late ? 1 : 0);
  bind_instant(insert, 10, r.created_at);
  if (insert.exec() == 0) return 0;
  return db_->getLastInsertRowid();
}

void SqliteStore::insert_outbox_rows(const Reminder& r, std::span<const std::string> notifiers) {
  SQLite::Statement insert(*db_,
                           "INSERT INTO outbox (reminder_id, notifier, idempotency_key, state, attempts, "
                           "next_attempt_at, last_error) VALUES (?1, ?2, ?3, 'pending', 0, ?4, '')");
  Instant first_attempt = std::max(r.remind_at, r.created_at);
  for (const auto& notifier : notifiers) {
    insert.bind(1, r.id);
    insert.bind(2, notifier);
    insert.bind(3, idempotency_key(r, notifier));
    bind_instant(insert, 4, first_attempt);
    insert.exec();
    insert.reset();
  }
}

void SqliteStore::insert_talking_point_use(std::string_view contact_id, std::string_view point,
                                           std::string_view source_column, std::int64_t source_id, Instant used_at) {
  SQLite::Statement insert(*db_, "INSERT INTO talking_point_uses (contact_id, talking_point_id, " +
                                     std::string(source_column) + ", used_at) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, std::string(contact_id));
  insert.bind(2, std::string(point));
  insert.bind(3, source_id);
  bind_instant(insert, 4, used_at);
  insert.exec();
}

Result<std::optional<Reminder>> SqliteStore::find_reminder(std::int64_t id) {
  return run("read reminder " + std::to_string(id), [&]() -> Result<std::optional<Reminder>> {
    SQLite::Statement select(*db_, select_reminders_sql("WHERE id = ?1"));
    select.bind(1, id);
    if (!select.executeStep()) return std::optional<Reminder>();
    return std::optional<Reminder>(read_reminder(select));
  });
}

Result<std::vector<std::string>> SqliteStore::used_talking_points(std::string_view contact_id) {
  return run("read the talking points given to contact '" + std::string(contact_id) + "'",
             [&]() -> Result<std::vector<std::string>> {
               SQLite::Statement select(*db_,
                                        "SELECT talking_point_id FROM talking_point_uses WHERE contact_id = ?1 "
                                        "GROUP BY talking_point_id ORDER BY min(used_at), min(id)");
               select.bind(1, std::string(contact_id));
               std::vector<std::string> points;
               while (select.executeStep()) points.push_back(select.getColumn(0).getString());
               return points;
             });
}

Result<std::vector<Reminder>> SqliteStore::reminders(std::string_view contact_id) {
  return run("read the reminders of contact '" + std::string(contact_id) + "'", [&]() -> Result<std::vector<Reminder>> {
    SQLite::Statement select(*db_, select_reminders_sql("WHERE contact_id = ?1 ORDER BY due_at, id"));
    select.bind(1, std::string(contact_id));
    std::vector<Reminder> out;
    while (select.executeStep()) out.push_back(read_reminder(select));
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
    SQLite::Statement select(*db_, select_outbox_sql("WHERE state IN ('pending', 'failed') AND next_attempt_at <= ?1 "
                                                     "ORDER BY next_attempt_at, id LIMIT ?2"));
    bind_instant(select, 1, now);
    select.bind(2, limit);
    return read_outbox_rows(select);
  });
}

Result<std::optional<Instant>> SqliteStore::next_outbox_attempt() {
  return run("read the outbox", [&]() -> Result<std::optional<Instant>> {
    SQLite::Statement select(*db_, "SELECT min(next_attempt_at) FROM outbox WHERE state IN ('pending', 'failed')");
    select.executeStep();
    return read_optional_instant(select.getColumn(0));
  });
}

Result<std::vector<OutboxRow>> SqliteStore::outbox_rows(std::int64_t reminder_id) {
  return run("read the outbox rows of reminder " + std::to_string(reminder_id),
             [&]() -> Result<std::vector<OutboxRow>> {
               SQLite::Statement select(*db_, select_outbox_sql("WHERE reminder_id = ?1 ORDER BY id"));
               select.bind(1, reminder_id);
               return read_outbox_rows(select);
             });
}

Status SqliteStore::mark_delivered(std::int64_t row_id, Instant at) {
  return run("mark outbox row " + std::to_string(row_id) + " delivered", [&]() -> Status {
    SQLite::Statement update(
        *db_, "UPDATE outbox SET state = 'delivered', attempts = attempts + 1, delivered_at = ?2 WHERE id = ?1");
    update.bind(1, row_id);
    bind_instant(update, 2, at);
    if (update.exec() == 0) return Error::no_input("there is no outbox row " + std::to_string(row_id));
    return {};
  });
}

Status SqliteStore::mark_attempt_failed(std::int64_t row_id, std::string_view error,
                                        std::optional<Instant> next_attempt) {
  return run("record a failed delivery of outbox row " + std::to_string(row_id), [&]() -> Status {
    SQLite::Statement update(*db_,
                             "UPDATE outbox SET attempts = attempts + 1, last_error = ?2, "
                             "state = CASE WHEN ?3 IS NULL THEN 'dead' ELSE 'failed' END, "
                             "next_attempt_at = coalesce(?3, next_attempt_at) WHERE id = ?1");
    update.bind(1, row_id);
    update.bind(2, std::string(error));
    bind_optional_instant(update, 3, next_attempt);
    if (update.exec() == 0) return Error::no_input("there is no outbox row " + std::to_string(row_id));
    return {};
  });
}

}  // namespace touchbase
