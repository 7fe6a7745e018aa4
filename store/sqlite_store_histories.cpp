// SqliteStore: the histories of every contact, or of many, at once: one query
// per table, each walking its table's contact_id index in order.

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <cstring>
#include <optional>

#include "store/contact_rows.h"
#include "store/reminder_rows.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"

namespace touchbase {
namespace {

// The rows of one table come ordered by contact id (column `id_column`):
// the group of the current contact is looked up once, when the id changes.
template <class T>
class Groups {
 public:
  Groups(std::unordered_map<std::string, std::vector<T>>& out, int id_column) : out_(out), id_column_(id_column) {}

  std::vector<T>& of(const SQLite::Statement& stmt) {
    const char* id = stmt.getColumn(id_column_).getText();
    if (current_ == nullptr || std::strcmp(id, current_id_.c_str()) != 0) {
      current_id_ = id;
      current_ = &out_[current_id_];
    }
    return *current_;
  }

 private:
  std::unordered_map<std::string, std::vector<T>>& out_;
  int id_column_;
  std::string current_id_;
  std::vector<T>* current_ = nullptr;
};

// The rows of every contact, or with `ids` of those contacts only.
std::string where_contact_in(const std::string* ids) {
  return ids ? " WHERE contact_id IN (SELECT value FROM json_each(?1))" : "";
}

void bind_ids(SQLite::Statement& select, const std::string* ids) {
  if (ids) select.bind(1, *ids);
}

Status read_touches(SQLite::Database& db, const std::string* ids, ContactHistories& out) {
  SQLite::Statement select(db, "SELECT contact_id, " + std::string(k_touch_columns) + " FROM touches" +
                                   where_contact_in(ids) + " ORDER BY contact_id, touched_at, id");
  bind_ids(select, ids);
  Groups<Touch> groups(out.touches, 0);
  while (select.executeStep()) {
    TB_TRY(auto touch, read_touch(select, 1, select.getColumn(0).getString()));
    groups.of(select).push_back(std::move(touch));
  }
  return {};
}

void read_reminders(SQLite::Database& db, const std::string* ids, ContactHistories& out) {
  SQLite::Statement select(db, "SELECT " + std::string(k_reminder_columns) + " FROM reminders" + where_contact_in(ids) +
                                   " ORDER BY contact_id, due_at, id");
  bind_ids(select, ids);
  Groups<Reminder> groups(out.reminders, 1);  // k_reminder_columns: id, contact_id, ...
  while (select.executeStep()) groups.of(select).push_back(read_reminder(select));
}

void read_used_talking_points(SQLite::Database& db, const std::string* ids, ContactHistories& out) {
  SQLite::Statement select(db, "SELECT contact_id, talking_point_id FROM talking_point_uses" + where_contact_in(ids) +
                                   " GROUP BY contact_id, talking_point_id ORDER BY contact_id, min(used_at), min(id)");
  bind_ids(select, ids);
  Groups<std::string> groups(out.used_talking_points, 0);
  while (select.executeStep()) groups.of(select).push_back(select.getColumn(1).getString());
}

}  // namespace

Result<ContactHistories> SqliteStore::histories_of_all_contacts() {
  return read_histories("read the histories of all contacts", nullptr);
}

Result<ContactHistories> SqliteStore::histories_of(std::span<const std::string> ids) {
  const std::string array = json_array(ids);
  return read_histories("read the histories of " + std::to_string(ids.size()) + " contacts", &array);
}

Result<ContactHistories> SqliteStore::read_histories(std::string_view doing, const std::string* ids) {
  return run(doing, [&]() -> Result<ContactHistories> {
    ContactHistories out;
    // One snapshot; inside a write transaction already, that transaction's.
    std::optional<SQLite::Transaction> snapshot;
    if (sqlite3_get_autocommit(db_->getHandle()) != 0) snapshot.emplace(*db_, SQLite::TransactionBehavior::DEFERRED);
    TB_TRY_STATUS(read_touches(*db_, ids, out));
    read_reminders(*db_, ids, out);
    read_used_talking_points(*db_, ids, out);
    if (snapshot) snapshot->commit();
    return out;
  });
}

}  // namespace touchbase
