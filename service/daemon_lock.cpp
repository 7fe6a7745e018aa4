#include "service/daemon_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <optional>
#include <string>
#include <thread>

namespace touchbase {
namespace {

// How long a second process waits for a holder that has just locked to write its pid.
constexpr int k_pid_read_attempts = 25;
constexpr std::chrono::milliseconds k_pid_read_pause{20};

std::string in_quotes(const std::filesystem::path& path) {
  return "'" + path.string() + "'";
}

Error lock_io_error(const std::filesystem::path& lock, std::string_view what, int error) {
  return Error::io("cannot " + std::string(what) + " the daemon lock " + in_quotes(lock) + ": " + std::strerror(error));
}

// The pid in the lock file once the holder has written it whole ("1234\n").
std::optional<long> written_pid(int fd) {
  char text[32] = {};
  ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
  if (n < 2 || text[n - 1] != '\n') return std::nullopt;
  char* end = nullptr;
  long pid = std::strtol(text, &end, 10);
  if (end != text + n - 1 || pid <= 0) return std::nullopt;
  return pid;
}

std::optional<long> holder_pid(int fd) {
  for (int attempt = 0; attempt < k_pid_read_attempts; ++attempt) {
    if (auto pid = written_pid(fd)) return pid;
    std::this_thread::sleep_for(k_pid_read_pause);
  }
  return std::nullopt;
}

Error held_by_another(int fd, const std::filesystem::path& database) {
  auto pid = holder_pid(fd);
  std::string who = pid ? "another touchbase daemon (pid " + std::to_string(*pid) + ")"
                        : "another touchbase daemon (its pid is not written yet)";
  return Error::tempfail(who + " is running on " + database.string() + "; it delivers what is due, so this one stops");
}

Status write_pid(int fd, const std::filesystem::path& lock) {
  std::string text = std::to_string(::getpid()) + "\n";
  if (::ftruncate(fd, 0) != 0) return lock_io_error(lock, "write", errno);
  ssize_t written = ::pwrite(fd, text.data(), text.size(), 0);
  if (written != static_cast<ssize_t>(text.size())) {
    return lock_io_error(lock, "write", written < 0 ? errno : ENOSPC);
  }
  return {};
}

int lock_exclusively(int fd) {
  int r;
  do {
    r = ::flock(fd, LOCK_EX | LOCK_NB);
  } while (r != 0 && errno == EINTR);
  return r;
}

}  // namespace

std::filesystem::path daemon_lock_path(const std::filesystem::path& database) {
  auto path = database;
  path += ".lock";
  return path;
}

Result<std::unique_ptr<DaemonLock>> DaemonLock::take(const std::filesystem::path& database) {
  const auto lock = daemon_lock_path(database);
  std::error_code ec;
  if (!database.parent_path().empty()) std::filesystem::create_directories(database.parent_path(), ec);
  if (ec)
    return Error::io("cannot create the database directory " + in_quotes(database.parent_path()) + ": " + ec.message());
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, k_beside_database_mode);
  // Someone who may not write the file can still learn who holds it.
  if (fd < 0 && errno == EACCES) fd = ::open(lock.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) return lock_io_error(lock, "open", errno);
  std::unique_ptr<DaemonLock> taken(new DaemonLock(database, fd));
  if (lock_exclusively(fd) != 0) {
    if (errno != EWOULDBLOCK) return lock_io_error(lock, "take", errno);
    return held_by_another(fd, database);
  }
  TB_TRY_STATUS(write_pid(fd, lock));
  return taken;
}

DaemonLock::~DaemonLock() {
  ::close(fd_);  // releases the lock
}

}  // namespace touchbase
