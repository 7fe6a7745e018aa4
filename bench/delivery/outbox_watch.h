#pragma once
// Watching a running daemon's outbox from outside, through a read-only
// SQLite connection (WAL lets it read while the daemon writes).
//
// The poll is kept cheap so it barely perturbs the run: the rows still
// waiting are counted on the outbox's partial index, and the rows written so
// far are max(id), which holds on a fresh database where rows are only ever
// added. exact() counts every state with full scans, for the end.

#include <filesystem>
#include <memory>

namespace SQLite {
class Database;
}

namespace touchbase::bench {

struct OutboxCounts {
  long written = 0;    // outbox rows so far
  long waiting = 0;    // pending or failed
  long delivered = 0;  // exact() only
  long dead = 0;       // exact() only
};

class OutboxWatch {
 public:
  explicit OutboxWatch(std::filesystem::path database);
  ~OutboxWatch();

  // Cheap counts; zeroes while the database or its outbox is not there yet,
  // or stays busy past a timeout.
  OutboxCounts poll();
  // Every state counted; zeroes if the database cannot be read.
  OutboxCounts exact();

 private:
  bool open();

  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace touchbase::bench
