// SqliteStore: the histories of every contact at once, one query per table,
// each walking its table's contact_id index in order.

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstring>

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

Status read_touches(SQLite::Database& db, ContactHistories& out) {
  SQLite::Statement select(db,
                           "SELECT contact_id, touched_at, outcome, note, talking_point FROM touches "
                           "ORDER BY contact_id, touched_at, id");
  Groups<Touch> groups(out.touches, 0);
  while (select.executeStep()) {
    auto outcome_text = select.getColumn(2).getString();
    auto outcome = parse_outcome(outcome_text);
    if (!outcome) {
      return Error::data("a touch of contact '" + select.getColumn(0).getString() + "' has an unknown outcome '" +
                         outcome_text + "'");
    }
    groups.of(select).push_back(Touch{read_instant(select.getColumn(1)), *outcome, select.getColumn(3).getString(),
                                      select.getColumn(4).getString()});
  }
  return {};
}

void read_reminders(SQLite::Database& db, ContactHistories& out) {
  SQLite::Statement select(
      db, "SELECT " + std::string(k_reminder_columns) + " FROM reminders ORDER BY contact_id, due_at, id");
  Groups<Reminder> groups(out.reminders, 1);  // k_reminder_columns: id, contact_id, ...
  while (select.executeStep()) groups.of(select).push_back(read_reminder(select));
}

void read_used_talking_points(SQLite::Database& db, ContactHistories& out) {
  SQLite::Statement select(db,
                           "SELECT contact_id, talking_point_id FROM talking_point_uses "
                           "GROUP BY contact_id, talking_point_id ORDER BY contact_id, min(used_at), min(id)");
  Groups<std::string> groups(out.used_talking_points, 0);
  while (select.executeStep()) groups.of(select).push_back(select.getColumn(1).getString());
}

}  // namespace

Result<ContactHistories> SqliteStore::histories_of_all_contacts() {
  return run("read the histories of all contacts", [&]() -> Result<ContactHistories> {
    ContactHistories out;
    SQLite::Transaction snapshot(*db_, SQLite::TransactionBehavior::DEFERRED);
    TB_TRY_STATUS(read_touches(*db_, out));
    read_reminders(*db_, out);
    read_used_talking_points(*db_, out);
    snapshot.commit();
    return out;
  });
}

}  // namespace touchbase
