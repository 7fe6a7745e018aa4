#include "bench/decisions/decisions_watch.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

namespace touchbase::bench {
namespace {

constexpr int k_busy_timeout_ms = 2000;

}  // namespace

DecisionsWatch::DecisionsWatch(std::filesystem::path database) : path_(std::move(database)) {}

DecisionsWatch::~DecisionsWatch() = default;

bool DecisionsWatch::open() {
  try {
    if (!db_) db_ = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READONLY, k_busy_timeout_ms);
    return db_->tableExists("contact_changes");
  } catch (const SQLite::Exception&) {
    db_.reset();
    return false;
  }
}

bool DecisionsWatch::changes_pending() {
  if (!open()) return true;
  try {
    return db_->execAndGet("SELECT EXISTS (SELECT 1 FROM contact_changes)").getInt() != 0;
  } catch (const SQLite::Exception&) {
    return true;
  }
}

std::optional<std::string> DecisionsWatch::decision(const std::string& contact_id) {
  if (!open()) return std::nullopt;
  try {
    SQLite::Statement select(*db_,
                             "SELECT quote(due_at) || ' ' || quote(remind_at) || ' ' || quote(revisit_at)"
                             " FROM decisions WHERE contact_id = ?1");
    select.bind(1, contact_id);
    if (!select.executeStep()) return std::nullopt;
    return select.getColumn(0).getString();
  } catch (const SQLite::Exception&) {
    return std::nullopt;
  }
}

long DecisionsWatch::decided() {
  if (!open()) return -1;
  try {
    return db_->execAndGet("SELECT count(*) FROM decisions").getInt64();
  } catch (const SQLite::Exception&) {
    return -1;
  }
}

long DecisionsWatch::revisits_before(Instant t) {
  if (!open()) return -1;
  try {
    SQLite::Statement select(*db_, "SELECT count(*) FROM decisions WHERE revisit_at < ?1");
    select.bind(1, static_cast<std::int64_t>(t.time_since_epoch().count()));
    select.executeStep();
    return select.getColumn(0).getInt64();
  } catch (const SQLite::Exception&) {
    return -1;
  }
}

}  // namespace touchbase::bench
