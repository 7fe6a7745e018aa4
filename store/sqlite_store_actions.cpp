// SqliteStore: the actions taken from reminders' links, and an owner's
// reminders of a day.

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/reminder_rows.h"
#include "store/sqlite_errors.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

Result<std::vector<Reminder>> SqliteStore::reminders_of_owner(std::string_view owner, Instant from, Instant to,
                                                              int limit) {
  return run("read the reminders of owner '" + std::string(owner) + "'", [&]() -> Result<std::vector<Reminder>> {
    auto select = statements_.use(
        "SELECT " + std::string(k_reminder_columns) +
        " FROM reminders WHERE owner = ?1 AND remind_at >= ?2 AND remind_at < ?3 ORDER BY remind_at, id LIMIT ?4");
    select->bind(1, std::string(owner));
    bind_instant(*select, 2, from);
    bind_instant(*select, 3, to);
    select->bind(4, limit);
    std::vector<Reminder> out;
    while (select->executeStep()) out.push_back(read_reminder(*select));
    return out;
  });
}

Result<bool> SqliteStore::record_action(std::int64_t reminder_id, std::string_view action, Instant at) {
  const auto doing = "record action '" + std::string(action) + "' of reminder " + std::to_string(reminder_id);
  return run(doing, [&]() -> Result<bool> {
    WriteTransaction tx(*db_, savepoints_);
    auto insert = statements_.use(
        "INSERT INTO action_uses (reminder_id, action, used_at) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (reminder_id, action) DO NOTHING");
    insert->bind(1, reminder_id);
    insert->bind(2, std::string(action));
    bind_instant(*insert, 3, at);
    int written = 0;
    try {
      written = insert->exec();
    } catch (const SQLite::Exception& e) {
      if (!is_constraint(e, SQLITE_CONSTRAINT_FOREIGNKEY)) throw;
      return Error::no_input("there is no reminder " + std::to_string(reminder_id));
    }
    tx.commit();
    return written == 1;
  });
}

Result<std::optional<Instant>> SqliteStore::action_taken(std::int64_t reminder_id, std::string_view action) {
  const auto doing = "read action '" + std::string(action) + "' of reminder " + std::to_string(reminder_id);
  return run(doing, [&]() -> Result<std::optional<Instant>> {
    auto select = statements_.use("SELECT used_at FROM action_uses WHERE reminder_id = ?1 AND action = ?2");
    select->bind(1, reminder_id);
    select->bind(2, std::string(action));
    if (!select->executeStep()) return std::optional<Instant>();
    return std::optional<Instant>(read_instant(select->getColumn(0)));
  });
}

}  // namespace touchbase
