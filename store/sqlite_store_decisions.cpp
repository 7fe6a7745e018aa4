// SqliteStore: each contact's stored decision, the contacts changed since, and
// what the decisions were made with.

#include <SQLiteCpp/Statement.h>

#include "store/contact_rows.h"
#include "store/decision_queries.h"
#include "store/sqlite_store.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {

const std::string& due_contacts_sql() {
  static const std::string sql = "SELECT " + contact_column_list() +
                                 " FROM decisions INDEXED BY decisions_by_revisit CROSS JOIN contacts"
                                 " ON id = contact_id"
                                 " WHERE revisit_at <= ?1 AND contact_id > ?2 AND removed_at IS NULL"
                                 " ORDER BY contact_id";
  return sql;
}

Result<std::vector<ContactChange>> SqliteStore::contact_changes(int limit) {
  return run("read the changed contacts", [&]() -> Result<std::vector<ContactChange>> {
    auto select = statements_.use("SELECT mark, contact_id FROM contact_changes ORDER BY mark LIMIT ?1");
    select->bind(1, limit);
    std::vector<ContactChange> out;
    while (select->executeStep()) out.push_back({select->getColumn(0).getInt64(), select->getColumn(1).getString()});
    return out;
  });
}

Status SqliteStore::store_decisions(std::span<const StoredDecision> decisions, std::span<const ContactChange> seen) {
  return run("store " + std::to_string(decisions.size()) + " decisions", [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    auto write = statements_.use(
        "INSERT OR REPLACE INTO decisions (contact_id, due_at, remind_at, revisit_at, waiting_since)"
        " VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const StoredDecision& d : decisions) {
      write->bind(1, d.contact_id);
      bind_optional_instant(*write, 2, d.due_at);
      bind_optional_instant(*write, 3, d.remind_at);
      bind_optional_instant(*write, 4, d.revisit_at);
      bind_optional_instant(*write, 5, d.waiting_since);
      write->exec();
      write->reset();
    }
    auto forget = statements_.use("DELETE FROM contact_changes WHERE mark = ?1");
    for (const ContactChange& change : seen) {
      forget->bind(1, change.mark);
      forget->exec();
      forget->reset();
    }
    tx.commit();
    return {};
  });
}

Result<std::vector<Contact>> SqliteStore::contacts_to_revisit(Instant now, std::string_view after_id, int limit) {
  return run("read the contacts due again", [&]() -> Result<std::vector<Contact>> {
    auto select = statements_.use(due_contacts_sql());
    bind_instant(*select, 1, now);
    select->bind(2, std::string(after_id));
    return read_contacts(*select, static_cast<std::size_t>(std::max(limit, 1)));
  });
}

Result<DecisionsAhead> SqliteStore::decisions_ahead(Instant now) {
  return run("read the next decisions due", [&]() -> Result<DecisionsAhead> {
    auto select = statements_.use(
        "SELECT (SELECT min(revisit_at) FROM decisions WHERE revisit_at > ?1),"
        " (SELECT min(remind_at) FROM decisions WHERE remind_at > ?1)");
    bind_instant(*select, 1, now);
    select->executeStep();
    return DecisionsAhead{read_optional_instant(select->getColumn(0)), read_optional_instant(select->getColumn(1))};
  });
}

Result<std::vector<StoredDecision>> SqliteStore::find_decisions(std::span<const std::string> ids) {
  return run("read " + std::to_string(ids.size()) + " decisions", [&]() -> Result<std::vector<StoredDecision>> {
    auto select = statements_.use(
        "SELECT contact_id, due_at, remind_at, revisit_at, waiting_since FROM decisions"
        " WHERE contact_id IN (SELECT value FROM json_each(?1)) ORDER BY contact_id");
    select->bind(1, json_array(ids));
    std::vector<StoredDecision> out;
    while (select->executeStep()) {
      out.push_back({select->getColumn(0).getString(), read_optional_instant(select->getColumn(1)),
                     read_optional_instant(select->getColumn(2)), read_optional_instant(select->getColumn(3)),
                     read_optional_instant(select->getColumn(4))});
    }
    return out;
  });
}

Result<std::string> SqliteStore::decisions_key() {
  return run("read what the decisions were made with", [&]() -> Result<std::string> {
    SQLite::Statement select(*db_, "SELECT key FROM decisions_key");
    return select.executeStep() ? select.getColumn(0).getString() : std::string();
  });
}

Status SqliteStore::redecide_all(std::string_view key) {
  return run("mark every contact to be decided again", [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    db_->exec("INSERT OR REPLACE INTO contact_changes (contact_id) SELECT id FROM contacts WHERE removed_at IS NULL");
    SQLite::Statement keep(*db_, "INSERT OR REPLACE INTO decisions_key (only, key) VALUES (1, ?1)");
    keep.bind(1, std::string(key));
    keep.exec();
    tx.commit();
    return {};
  });
}

}  // namespace touchbase
