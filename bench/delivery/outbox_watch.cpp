#include "bench/delivery/outbox_watch.h"

#include <SQLiteCpp/Database.h>

namespace touchbase::bench {
namespace {

constexpr int k_busy_timeout_ms = 2000;

long count(SQLite::Database& db, const char* sql) {
  return db.execAndGet(sql).getInt64();
}

}  // namespace

OutboxWatch::OutboxWatch(std::filesystem::path database) : path_(std::move(database)) {}

OutboxWatch::~OutboxWatch() = default;

bool OutboxWatch::open() {
  if (db_) return true;
  try {
    db_ = std::make_unique<SQLite::Database>(path_.string(), SQLite::OPEN_READONLY, k_busy_timeout_ms);
    return db_->tableExists("outbox");
  } catch (const SQLite::Exception&) {
    db_.reset();
    return false;
  }
}

OutboxCounts OutboxWatch::poll() {
  OutboxCounts c;
  if (!open()) return c;
  try {
    c.written = count(*db_, "SELECT coalesce(max(id), 0) FROM outbox");
    c.waiting = count(*db_, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'failed')");
  } catch (const SQLite::Exception&) {
    return {};  // busy past the timeout (a checkpoint, a migration): ask again
  }
  return c;
}

OutboxCounts OutboxWatch::exact() {
  OutboxCounts c;
  if (!open()) return c;
  try {
    c.written = count(*db_, "SELECT count(*) FROM outbox");
    c.waiting = count(*db_, "SELECT count(*) FROM outbox WHERE state IN ('pending', 'failed')");
    c.delivered = count(*db_, "SELECT count(*) FROM outbox WHERE state = 'delivered'");
    c.dead = count(*db_, "SELECT count(*) FROM outbox WHERE state = 'dead'");
  } catch (const SQLite::Exception&) {
    return {};
  }
  return c;
}

}  // namespace touchbase::bench
