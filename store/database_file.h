#pragma once
// Opening the SQLite file: who it belongs to, its settings, its schema.

#include <SQLiteCpp/Database.h>

#include <chrono>
#include <filesystem>
#include <memory>

#include "core/result.h"

namespace touchbase {

// The page size of a database file open_database() creates.
inline constexpr int k_page_size = 16384;

// Opens (creating if missing) the database at `path` and brings it to the
// newest schema: WAL journal, synchronous=NORMAL, foreign keys on, and
// `busy_timeout` for waiting on other processes' locks. A file it creates has
// mode 0600 (so have its -wal and -shm) and pages of k_page_size bytes; an
// existing one keeps its own mode and page size. The connection
// has no mutex of its own: one thread at a time may use it.
//
// Nothing is written until the file is known to be a touchbase database (or
// empty): a file that is not SQLite, another application's database, or one
// from a newer touchbase is refused with Errc::data and left as it was. A
// path that cannot be opened for writing is Errc::io, naming the path.
Result<std::unique_ptr<SQLite::Database>> open_database(const std::filesystem::path& path,
                                                        std::chrono::milliseconds busy_timeout);

}  // namespace touchbase
