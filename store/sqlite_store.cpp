#include "store/sqlite_store.h"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include "store/contact_rows.h"
#include "store/database_file.h"
#include "store/sqlite_values.h"
#include "store/write_transaction.h"

namespace touchbase {
namespace {

std::string in_quotes(std::string_view id) {
  return "'" + std::string(id) + "'";
}

Error no_contact(std::string_view id) {
  return Error::no_input("there is no contact " + in_quotes(id));
}

}  // namespace

Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& database) {
  return open_store(database, SqliteStoreOptions{});
}

Result<std::unique_ptr<Store>> open_store(const std::filesystem::path& database, const SqliteStoreOptions& options) {
  std::error_code ec;
  const auto dir = database.parent_path();
  if (!dir.empty()) std::filesystem::create_directories(dir, ec);
  if (ec) return Error::io("cannot create the database directory " + dir.string() + ": " + ec.message());
  return open_sqlite_store(database, options);
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path) {
  return open_sqlite_store(path, SqliteStoreOptions{});
}

Result<std::unique_ptr<Store>> open_sqlite_store(const std::filesystem::path& path, const SqliteStoreOptions& options) {
  TB_TRY(auto db, open_database(path, options.busy_timeout));
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(db)));
}

SqliteStore::SqliteStore(std::unique_ptr<SQLite::Database> db)
    : db_(std::move(db)), path_(db_->getFilename()), statements_(*db_) {}

Status SqliteStore::in_one_transaction(const std::function<Status()>& body, Inner inner) {
  std::optional<WriteTransaction> tx;
  TB_TRY_STATUS(run("begin a transaction", [&]() -> Status {
    tx.emplace(*db_);
    return {};
  }));
  savepoints_ = inner == Inner::on_their_own;
  Status status = body();
  savepoints_ = true;
  TB_TRY_STATUS(std::move(status));  // on error, tx rolls back
  return run("commit a transaction", [&]() -> Status {
    tx->commit();
    return {};
  });
}

Status SqliteStore::add_contact(const Contact& c) {
  TB_TRY_STATUS(check_storable(c));
  return run("add contact " + in_quotes(c.id), [&]() -> Status {
    SQLite::Statement insert(*db_, insert_contact_sql());
    bind_contact(insert, c);
    try {
      insert.exec();
    } catch (const SQLite::Exception& e) {
      if (!is_constraint(e, SQLITE_CONSTRAINT_PRIMARYKEY)) throw;
      if (is_removed(c.id))
        return Error::data("contact " + in_quotes(c.id) + " already exists: it was removed and its history kept");
      return Error::data("contact " + in_quotes(c.id) + " already exists");
    }
    return {};
  });
}

Status SqliteStore::update_contact(const Contact& c) {
  TB_TRY_STATUS(check_storable(c));
  return run("update contact " + in_quotes(c.id), [&]() -> Status {
    SQLite::Statement update(*db_, update_contact_sql());
    bind_contact(update, c);
    if (update.exec() == 0) return no_contact(c.id);
    return {};
  });
}

Status SqliteStore::upsert_contacts(std::span<const Contact> contacts) {
  for (const auto& c : contacts) TB_TRY_STATUS(check_storable(c));
  return run("store " + std::to_string(contacts.size()) + " contacts", [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    ContactTexts texts;  // each contact's, bound in place until the next one's
    SQLite::Statement upsert(*db_, upsert_contact_sql());
    for (const auto& c : contacts) {
      TB_TRY_STATUS(run("store contact " + in_quotes(c.id), [&]() -> Status {
        bind_contact_in_place(upsert, c, texts);
        upsert.exec();
        upsert.reset();
        return {};
      }));
    }
    tx.commit();
    return {};
  });
}

Result<std::optional<Contact>> SqliteStore::find_contact(std::string_view id) {
  return run("read contact " + in_quotes(id), [&]() -> Result<std::optional<Contact>> {
    auto select = statements_.use(select_contacts_sql() + " AND id = ?1");
    select->bind(1, std::string(id));
    if (!select->executeStep()) return std::optional<Contact>();
    TB_TRY(auto c, read_contact(*select));
    return std::optional<Contact>(std::move(c));
  });
}

std::vector<Contact> SqliteStore::read_contacts(SQLite::Statement& stmt, std::size_t limit) {
  std::vector<Contact> contacts;
  while ((limit == 0 || contacts.size() < limit) && stmt.executeStep()) {
    auto c = read_contact_row(stmt);
    if (c) {
      contacts.push_back(std::move(*c));
    } else if (unreadable_) {
      unreadable_(c.error());
    }
  }
  return contacts;
}

Result<std::vector<Contact>> SqliteStore::list_contacts() {
  return run("list contacts", [&]() -> Result<std::vector<Contact>> {
    SQLite::Statement select(*db_, select_contacts_sql() + " ORDER BY id");
    return read_contacts(select);
  });
}

Result<std::vector<Contact>> SqliteStore::list_contacts_after(std::string_view after_id, int limit) {
  return run("list contacts", [&]() -> Result<std::vector<Contact>> {
    // No LIMIT in SQL: rows that do not read are passed over, and the page still fills up.
    auto select = statements_.use(select_contacts_sql() + " AND id > ?1 ORDER BY id");
    select->bind(1, std::string(after_id));
    return read_contacts(*select, static_cast<std::size_t>(std::max(limit, 1)));
  });
}

Result<std::vector<Contact>> SqliteStore::find_contacts(std::span<const std::string> ids) {
  return run("read " + std::to_string(ids.size()) + " contacts", [&]() -> Result<std::vector<Contact>> {
    auto select = statements_.use(select_contacts_sql() + " AND id IN (SELECT value FROM json_each(?1)) ORDER BY id");
    select->bind(1, json_array(ids));
    return read_contacts(*select);
  });
}

Status SqliteStore::remove_contact(std::string_view id) {
  return run("remove contact " + in_quotes(id), [&]() -> Status {
    SQLite::Statement remove(*db_, "DELETE FROM contacts WHERE id = ?1");
    remove.bind(1, std::string(id));
    if (remove.exec() == 0) return no_contact(id);
    return {};
  });
}

Status SqliteStore::mark_contact_removed(std::string_view id, Instant at) {
  return run("remove contact " + in_quotes(id), [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    SQLite::Statement mark(*db_, "UPDATE contacts SET removed_at = ?2 WHERE id = ?1 AND removed_at IS NULL");
    mark.bind(1, std::string(id));
    bind_instant(mark, 2, at);
    if (mark.exec() == 0) return no_contact(id);
    SQLite::Statement end(*db_,
                          "UPDATE outbox SET state = 'dead', last_error = 'the contact was removed' "
                          "WHERE state IN ('pending', 'failed') "
                          "AND reminder_id IN (SELECT id FROM reminders WHERE contact_id = ?1)");
    end.bind(1, std::string(id));
    end.exec();
    tx.commit();
    return {};
  });
}

bool SqliteStore::is_removed(std::string_view id) {
  SQLite::Statement select(*db_, "SELECT removed_at IS NOT NULL FROM contacts WHERE id = ?1");
  select.bind(1, std::string(id));
  return select.executeStep() && select.getColumn(0).getInt() != 0;
}

Status SqliteStore::insert_touch(std::string_view contact_id, const Touch& t) {
  SQLite::Statement insert(*db_,
                           "INSERT INTO touches (contact_id, touched_at, outcome, note, talking_point, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  insert.bind(1, std::string(contact_id));
  bind_instant(insert, 2, t.at);
  insert.bind(3, std::string(to_string(t.outcome)));
  insert.bind(4, t.note);
  insert.bind(5, t.talking_point);
  insert.bind(6, std::string(to_string(t.source)));
  try {
    insert.exec();
  } catch (const SQLite::Exception& e) {
    if (is_constraint(e, SQLITE_CONSTRAINT_FOREIGNKEY)) return no_contact(contact_id);
    throw;
  }
  if (!t.talking_point.empty()) {
    insert_talking_point_use(contact_id, t.talking_point, "touch_id", db_->getLastInsertRowid(), t.at);
  }
  return {};
}

Status SqliteStore::add_touch(std::string_view contact_id, const Touch& t) {
  return run("log a touch of contact " + in_quotes(contact_id), [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    TB_TRY_STATUS(insert_touch(contact_id, t));
    tx.commit();
    return {};
  });
}

Status SqliteStore::log_touch(const Contact& c, const Touch& t) {
  TB_TRY_STATUS(check_storable(c));
  return run("log a touch of contact " + in_quotes(c.id), [&]() -> Status {
    WriteTransaction tx(*db_, savepoints_);
    SQLite::Statement update(*db_, update_contact_sql());
    bind_contact(update, c);
    if (update.exec() == 0) return no_contact(c.id);
    TB_TRY_STATUS(insert_touch(c.id, t));
    tx.commit();
    return {};
  });
}

Result<std::vector<Touch>> SqliteStore::touches(std::string_view contact_id) {
  return run("read the touches of contact " + in_quotes(contact_id), [&]() -> Result<std::vector<Touch>> {
    auto select = statements_.use("SELECT " + std::string(k_touch_columns) +
                                  " FROM touches WHERE contact_id = ?1 ORDER BY touched_at, id");
    select->bind(1, std::string(contact_id));
    std::vector<Touch> out;
    while (select->executeStep()) {
      TB_TRY(auto touch, read_touch(*select, 0, contact_id));
      out.push_back(std::move(touch));
    }
    return out;
  });
}

}  // namespace touchbase
