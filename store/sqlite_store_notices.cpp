// SqliteStore: notices, and the reminders they list.

#include <SQLiteCpp/Statement.h>

#include "store/reminder_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

Result<std::optional<Notice>> SqliteStore::create_notice(const Notice& notice, std::span<const Reminder> listed,
                                                         std::span<const std::string> notifiers) {
  return run("create a notice for owner '" + notice.owner + "'", [&]() -> Result<std::optional<Notice>> {
    WriteTransaction tx(*db_, savepoints_);
    SQLite::Statement insert(*db_, "INSERT INTO notices (owner, headline, body, created_at) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, notice.owner);
    insert.bind(2, notice.headline);
    insert.bind(3, notice.body);
    bind_instant(insert, 4, notice.created_at);
    insert.exec();
    Notice created = notice;
    created.id = db_->getLastInsertRowid();
    int new_reminders = 0;
    for (const Reminder& r : listed) {
      TB_TRY(auto id, insert_reminder_row(r, created.id));
      if (id != 0) ++new_reminders;
    }
    if (!listed.empty() && new_reminders == 0) return std::optional<Notice>();  // rolls back
    insert_outbox_rows(created, notifiers, created.created_at);
    tx.commit();
    return std::optional<Notice>(std::move(created));
  });
}

Result<std::optional<Notice>> SqliteStore::find_notice(std::int64_t id) {
  return run("read notice " + std::to_string(id), [&]() -> Result<std::optional<Notice>> {
    SQLite::Statement select(*db_, "SELECT " + std::string(k_notice_columns) + " FROM notices WHERE id = ?1");
    select.bind(1, id);
    if (!select.executeStep()) return std::optional<Notice>();
    return std::optional<Notice>(read_notice(select));
  });
}

void SqliteStore::insert_outbox_rows(const Notice& n, std::span<const std::string> notifiers, Instant first_attempt) {
  SQLite::Statement insert(*db_,
                           "INSERT INTO outbox (notice_id, notifier, idempotency_key, state, attempts, "
                           "next_attempt_at, last_error) VALUES (?1, ?2, ?3, 'pending', 0, ?4, '')");
  for (const auto& notifier : notifiers) {
    insert.bind(1, n.id);
    insert.bind(2, notifier);
    insert.bind(3, idempotency_key(n, notifier));
    bind_instant(insert, 4, first_attempt);
    insert.exec();
    insert.reset();
  }
}

}  // namespace touchbase
