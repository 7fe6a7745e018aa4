#pragma once
// A write transaction (BEGIN IMMEDIATE), or, when the connection is already
// inside one, a savepoint: its writes stand or fall together, and, nested,
// with the enclosing transaction's. Lets Store::in_one_transaction() gather
// many of the store's own transactions into one commit. Nested without a
// savepoint, it is only a part of the enclosing transaction: a failure is
// undone only when the enclosing transaction rolls back.

#include <SQLiteCpp/Database.h>

namespace touchbase {

class WriteTransaction {
 public:
  // Throws SQLite::Exception when the transaction cannot begin (busy).
  explicit WriteTransaction(SQLite::Database& db, bool savepoint = true);
  // Rolls back what was not committed.
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  SQLite::Database& db_;
  bool nested_;
  bool savepoint_;  // nested_ and a savepoint was taken
  bool done_ = false;
};

}  // namespace touchbase
