#pragma once
// A write transaction (BEGIN IMMEDIATE), or, when the connection is already
// inside one, a savepoint: its writes stand or fall together, and, nested,
// with the enclosing transaction's. Lets Store::in_one_transaction() gather
// many of the store's own transactions into one commit.

#include <SQLiteCpp/Database.h>

namespace touchbase {

class WriteTransaction {
 public:
  // Throws SQLite::Exception when the transaction cannot begin (busy).
  explicit WriteTransaction(SQLite::Database& db);
  // Rolls back what was not committed.
  ~WriteTransaction();
  WriteTransaction(const WriteTransaction&) = delete;
  WriteTransaction& operator=(const WriteTransaction&) = delete;

  void commit();

 private:
  SQLite::Database& db_;
  bool nested_;
  bool done_ = false;
};

}  // namespace touchbase
