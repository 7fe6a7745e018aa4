#include "store/write_transaction.h"

#include <sqlite3.h>

namespace touchbase {

WriteTransaction::WriteTransaction(SQLite::Database& db, bool savepoint)
    : db_(db), nested_(sqlite3_get_autocommit(db.getHandle()) == 0), savepoint_(nested_ && savepoint) {
  if (!nested_) {
    db_.exec("BEGIN IMMEDIATE");
  } else if (savepoint_) {
    db_.exec("SAVEPOINT tb_write");
  }
}

WriteTransaction::~WriteTransaction() {
  if (done_ || (nested_ && !savepoint_)) return;
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
  if (!nested_) {
    db_.exec("COMMIT");
  } else if (savepoint_) {
    db_.exec("RELEASE tb_write");
  }
  done_ = true;
}

}  // namespace touchbase
