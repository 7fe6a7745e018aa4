// SqliteStore: handing a reminder to a fallback notifier, listing and
// requeueing outbox rows.

#include <SQLiteCpp/Statement.h>

#include "store/reminder_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

Status SqliteStore::fall_back(std::int64_t row_id, std::string_view error, std::string_view next_notifier,
                              Instant now) {
  return run("hand outbox row " + std::to_string(row_id) + " to notifier '" + std::string(next_notifier) + "'",
             [&]() -> Status {
               WriteTransaction tx(*db_, savepoints_);
               TB_TRY_STATUS(mark_attempt_failed(row_id, error, std::nullopt));
               const std::vector<std::string> next{std::string(next_notifier)};
               SQLite::Statement reminder(*db_, "SELECT " + std::string(k_reminder_columns) +
                                                    " FROM reminders WHERE id = (SELECT reminder_id FROM outbox "
                                                    "WHERE id = ?1)");
               reminder.bind(1, row_id);
               SQLite::Statement notice(*db_, "SELECT " + std::string(k_notice_columns) +
                                                  " FROM notices WHERE id = (SELECT notice_id FROM outbox "
                                                  "WHERE id = ?1)");
               notice.bind(1, row_id);
               if (reminder.executeStep()) {
                 insert_outbox_rows(read_reminder(reminder), next, now);
               } else if (notice.executeStep()) {
                 insert_outbox_rows(read_notice(notice), next, now);
               } else {
                 return Error::no_input("outbox row " + std::to_string(row_id) + " has no reminder");
               }
               tx.commit();
               return {};
             });
}

Result<std::vector<OutboxRow>> SqliteStore::outbox_in(std::span<const OutboxState> states) {
  return run("read the outbox", [&]() -> Result<std::vector<OutboxRow>> {
    std::string in;
    for (OutboxState state : states) in += std::string(in.empty() ? "'" : ", '") + std::string(to_string(state)) + "'";
    if (in.empty()) return std::vector<OutboxRow>{};
    SQLite::Statement select(
        *db_, "SELECT " + std::string(k_outbox_columns) + " FROM outbox WHERE state IN (" + in + ") ORDER BY id");
    return read_outbox_rows(select);
  });
}

Result<int> SqliteStore::requeue(std::optional<std::int64_t> row_id, Instant now) {
  return run("requeue the outbox", [&]() -> Result<int> {
    SQLite::Statement update(*db_, row_id ? "UPDATE outbox SET state = 'pending', next_attempt_at = ?1 "
                                            "WHERE id = ?2 AND state IN ('failed', 'dead')"
                                          : "UPDATE outbox SET state = 'pending', next_attempt_at = ?1 "
                                            "WHERE state = 'dead'");
    bind_instant(update, 1, now);
    if (row_id) update.bind(2, *row_id);
    int changed = update.exec();
    if (row_id && changed == 0) {
      return Error::no_input("there is no failed or dead outbox row " + std::to_string(*row_id));
    }
    return changed;
  });
}

}  // namespace touchbase
