#pragma once
// Watching a running daemon's stored decisions from outside, through a
// read-only SQLite connection (WAL lets it read while the daemon writes).
// Every query is an index look-up, so that polling a few milliseconds apart
// barely perturbs the daemon, except decided() and revisits_before(), which
// count.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "core/time.h"

namespace SQLite {
class Database;
}

namespace touchbase::bench {

class DecisionsWatch {
 public:
  explicit DecisionsWatch(std::filesystem::path database);
  ~DecisionsWatch();

  // Some contact waits to be decided; also while the database, or its
  // schema 10, is not there yet, or stays busy past a timeout.
  bool changes_pending();
  // The contact's stored decision as text ("due_at remind_at revisit_at",
  // NULL for none), or std::nullopt when none is stored or it cannot be read.
  std::optional<std::string> decision(const std::string& contact_id);
  // Stored decisions; -1 when they cannot be read.
  long decided();
  // Stored decisions whose revisit_at is before `t`; -1 when they cannot be read.
  long revisits_before(Instant t);

 private:
  bool open();

  std::filesystem::path path_;
  std::unique_ptr<SQLite::Database> db_;
};

}  // namespace touchbase::bench
