#include "store/statement_cache.h"

namespace touchbase {

StatementCache::Lease::Lease(Lease&& other) noexcept
    : statement_(other.statement_), lent_(std::exchange(other.lent_, nullptr)), own_(std::move(other.own_)) {
  other.statement_ = nullptr;
}

StatementCache::Lease::~Lease() {
  if (statement_ == nullptr || own_) return;
  statement_->tryReset();
  try {
    statement_->clearBindings();
  } catch (const SQLite::Exception&) {
    // sqlite3_clear_bindings cannot fail; a binding left over is overwritten by the next use anyway.
  }
  *lent_ = false;
}

StatementCache::Lease StatementCache::use(const std::string& sql) {
  auto found = entries_.find(sql);
  if (found == entries_.end()) {
    auto statement = std::make_unique<SQLite::Statement>(db_, sql);
    found = entries_.emplace(sql, Entry{std::move(statement), false}).first;
  }
  Entry& entry = found->second;
  if (entry.lent) return Lease(std::make_unique<SQLite::Statement>(db_, sql));
  entry.lent = true;
  return Lease(*entry.statement, &entry.lent);
}

}  // namespace touchbase
