#pragma once
// One daemon per database. `touchbase run` and `run --once` take the lock
// before they touch the database or the control socket and hold it for the
// life of the process; a second one is refused at once, whatever the first is
// doing (working, stopped with SIGSTOP, waiting on a database lock).
//
// The lock is flock(LOCK_EX) on `<database>.lock`, created mode 0600 beside
// the database, holding the holder's pid for the message a second process
// prints. The kernel releases it when the holder exits, however it exits; the
// file itself stays (removing it would let two processes lock two files).

#include <sys/types.h>

#include <filesystem>
#include <memory>

#include "core/result.h"

namespace touchbase {

// The mode of what the daemon makes beside the database (the lock, the
// control and wake-up sockets): its user's alone, as the database is.
inline constexpr mode_t k_beside_database_mode = 0600;

// Where the lock for `database` lives.
std::filesystem::path daemon_lock_path(const std::filesystem::path& database);

class DaemonLock {
 public:
  // Takes the lock for `database`, creating its folder and the lock file
  // when missing, and writes this process's pid into it. Never waits.
  // Errc::tempfail naming the holder's pid (when it has written it) when
  // another process holds the lock, also another DaemonLock of this process;
  // Errc::io naming the path when the file cannot be made, opened or locked.
  static Result<std::unique_ptr<DaemonLock>> take(const std::filesystem::path& database);
  // Releases the lock.
  ~DaemonLock();
  DaemonLock(const DaemonLock&) = delete;
  DaemonLock& operator=(const DaemonLock&) = delete;

  const std::filesystem::path& database() const { return database_; }

 private:
  DaemonLock(std::filesystem::path database, int fd) : database_(std::move(database)), fd_(fd) {}

  std::filesystem::path database_;
  int fd_;
};

}  // namespace touchbase
