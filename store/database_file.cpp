#include "store/database_file.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <string>

#include "store/migrations.h"
#include "store/sqlite_errors.h"

namespace touchbase {
namespace {

std::string in_quotes(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

// Reads only: the file header's application_id and user_version, and whether
// the file holds any schema at all.
Status check_identity(SQLite::Database& db, const std::filesystem::path& path) {
  try {
    int application_id = db.execAndGet("PRAGMA application_id").getInt();
    int version = user_version(db);
    int objects = db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt();
    bool empty = application_id == 0 && objects == 0;
    if (application_id != k_application_id && !empty) {
      return Error::data(in_quotes(path) + " is not a touchbase database (it holds another application's data); " +
                         "it was left unchanged");
    }
    if (version > newest_schema_version()) {
      return Error::data(in_quotes(path) + " was created by a newer touchbase (schema " + std::to_string(version) +
                         ", this one knows up to " + std::to_string(newest_schema_version()) +
                         "); it was left unchanged");
    }
    return {};
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() == SQLITE_NOTADB) {
      return Error::data(in_quotes(path) + " is not a touchbase database (not an SQLite file at all); " +
                         "it was left unchanged");
    }
    throw;
  }
}

Status configure(SQLite::Database& db, const std::filesystem::path& path) {
  db.exec("PRAGMA foreign_keys = ON");
  // A new file gets 16 KiB pages (before WAL fixes them): making a burst of
  // reminders then reads and writes a third as many pages, each a system call,
  // as with SQLite's 4 KiB. A file that has pages keeps their size.
  db.exec("PRAGMA page_size = " + std::to_string(k_page_size));
  std::string mode = db.execAndGet("PRAGMA journal_mode = WAL").getString();
  if (mode != "wal") {
    return Error::io("cannot use write-ahead logging for " + in_quotes(path) + " (journal mode stays '" + mode +
                     "'); is it on a network file system?");
  }
  db.exec("PRAGMA synchronous = NORMAL");
  // Savepoints journal the pages they change in memory, not in a temporary file.
  db.exec("PRAGMA temp_store = MEMORY");
  return {};
}

// Nothing reads SQLite's memory statistics, which take a mutex for every
// allocation. Effective only before SQLite's first use in the process.
void skip_memory_statistics() {
  static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)once;
}

Status prepare(SQLite::Database& db, const std::filesystem::path& path) {
  if (sqlite3_db_readonly(db.getHandle(), "main") == 1) {
    return Error::io("cannot open database " + in_quotes(path) + " for writing: permission denied");
  }
  TB_TRY_STATUS(check_identity(db, path));
  TB_TRY_STATUS(configure(db, path));
  return migrate(db, schema_migrations());
}

// A new database is made here, mode 0600, rather than by SQLite (0644 less the
// umask): contacts are nobody else's business. SQLite gives the -wal and -shm
// files the main file's mode. An existing file keeps its mode; any other
// failure is left for SQLite to report.
void create_private_file(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0) ::close(fd);
}

}  // namespace

Result<std::unique_ptr<SQLite::Database>> open_database(const std::filesystem::path& path,
                                                        std::chrono::milliseconds busy_timeout) {
  auto dir = path.parent_path();
  std::error_code ec;
  if (!dir.empty() && !std::filesystem::is_directory(dir, ec)) {
    return Error::io("cannot open database " + in_quotes(path) + ": directory " + in_quotes(dir) + " does not exist");
  }
  skip_memory_statistics();
  create_private_file(path);
  std::unique_ptr<SQLite::Database> db;
  try {
    db = std::make_unique<SQLite::Database>(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                                            static_cast<int>(busy_timeout.count()));
  } catch (const SQLite::Exception& e) {
    return Error::io("cannot open database " + in_quotes(path) + ": " + e.what());
  }
  TB_TRY_STATUS(guarded("open database", path.string(), [&] { return prepare(*db, path); }));
  return db;
}

}  // namespace touchbase
