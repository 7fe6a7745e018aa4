#include "store/write_transaction.h"

#include <sqlite3.h>

namespace touchbase {

WriteTransaction::WriteTransaction(SQLite::Database& db)
    : db_(db), nested_(sqlite3_get_autocommit(db.getHandle()) == 0) {
  db_.exec(nested_ ? "SAVEPOINT tb_write" : "BEGIN IMMEDIATE");
}

WriteTransaction::~WriteTransaction() {
  if (done_) return;
  try {
    if (nested_) {
      db_.exec("ROLLBACK TO tb_write");
      db_.exec("RELEASE tb_write");
    } else {
      db_.exec("ROLLBACK");
    }
  } catch (const SQLite::Exception&) {
    // SQLite has rolled back already when it cannot: a failed statement ends the transaction.
  }
}

void WriteTransaction::commit() {
  db_.exec(nested_ ? "RELEASE tb_write" : "COMMIT");
  done_ = true;
}

}  // namespace touchbase
