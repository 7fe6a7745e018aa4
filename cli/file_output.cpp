#include "cli/file_output.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

namespace touchbase {
namespace {

Error cannot_write(const std::filesystem::path& path, std::string_view why) {
  return Error::io("cannot write " + path.string() + ": " + std::string(why));
}

Status write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Error::io(std::strerror(errno));
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return {};
}

// Writes what `produce` gives, syncs and closes the temporary file. The
// reason when a write fails, with `write_failed` set; else the error of `produce`.
Status fill(int fd, const std::function<Status(const ContentWriter&)>& produce, bool& write_failed) {
  auto write = [&](std::string_view piece) -> Status {
    Status w = write_all(fd, piece);
    if (!w) write_failed = true;
    return w;
  };
  Status written = produce(write);
  if (written && ::fsync(fd) != 0) {
    written = Error::io(std::strerror(errno));
    write_failed = true;
  }
  if (::close(fd) != 0 && written) {
    written = Error::io(std::strerror(errno));
    write_failed = true;
  }
  return written;
}

// The rename is durable once the folder holding both names is synced.
Status sync_folder(const std::filesystem::path& path) {
  auto folder = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Error::io(std::strerror(errno));
  int r = ::fsync(fd);
  int error = errno;
  ::close(fd);
  if (r != 0) return Error::io(std::strerror(error));
  return {};
}

}  // namespace

std::filesystem::path replacement_path(const std::filesystem::path& path) {
  auto temporary = path;
  temporary += ".tmp-" + std::to_string(::getpid());
  return temporary;
}

Status replace_file(const std::filesystem::path& path, std::string_view content) {
  return replace_file(path, [content](const ContentWriter& write) { return write(content); });
}

Status replace_file(const std::filesystem::path& path,
                    const std::function<Status(const ContentWriter& write)>& produce) {
  const auto temporary = replacement_path(path);
  int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) {
    return cannot_write(path, "the temporary file " + temporary.string() + " is already there; it was left alone");
  }
  if (fd < 0) return cannot_write(path, std::strerror(errno));
  bool write_failed = false;
  Status filled = fill(fd, produce, write_failed);
  if (filled && std::rename(temporary.c_str(), path.c_str()) != 0) {
    filled = Error::io(std::strerror(errno));
    write_failed = true;
  }
  if (!filled) {
    ::unlink(temporary.c_str());
    return write_failed ? cannot_write(path, filled.error().message) : std::move(filled).error();
  }
  if (Status synced = sync_folder(path); !synced) {
    return Error::io("wrote " + path.string() + " but cannot sync its folder: " + synced.error().message);
  }
  return {};
}

}  // namespace touchbase
