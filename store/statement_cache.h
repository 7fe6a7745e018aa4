#pragma once
// Prepared statements kept for the life of one connection, so a query that
// runs once per delivery or once per contact is compiled once, not each time.
//
// use() lends a statement out; the lease resets it and clears its bindings
// when it ends, so no cached statement stays active between calls (an active
// statement would hold its read transaction open and keep the connection on
// an old snapshot). A statement already lent out is not lent twice: use()
// prepares a fresh one for that lease alone.
//
// Not thread-safe, like the connection it belongs to.

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <utility>

namespace touchbase {

class StatementCache {
 public:
  // One statement on loan. Move-only; ends with its scope.
  class Lease {
   public:
    Lease(SQLite::Statement& statement, bool* lent) : statement_(&statement), lent_(lent) {}
    explicit Lease(std::unique_ptr<SQLite::Statement> own) : statement_(own.get()), own_(std::move(own)) {}
    Lease(Lease&& other) noexcept;
    Lease& operator=(Lease&&) = delete;
    ~Lease();

    SQLite::Statement& operator*() const { return *statement_; }
    SQLite::Statement* operator->() const { return statement_; }

   private:
    SQLite::Statement* statement_;
    bool* lent_ = nullptr;  // the cache's flag for a cached statement
    std::unique_ptr<SQLite::Statement> own_;
  };

  // REQUIRES: `db` outlives the cache, and the cache outlives its leases.
  explicit StatementCache(SQLite::Database& db) : db_(db) {}

  // The statement for `sql`, ready to bind. Throws SQLite::Exception when
  // `sql` does not compile.
  Lease use(const std::string& sql);

 private:
  struct Entry {
    std::unique_ptr<SQLite::Statement> statement;
    bool lent = false;
  };

  SQLite::Database& db_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace touchbase
