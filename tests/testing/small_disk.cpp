#include "tests/testing/small_disk.h"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace touchbase::testing {

SmallDisk::SmallDisk(std::filesystem::path at, std::string_view size) : path_(std::move(at)) {
  std::filesystem::create_directories(path_);
  const std::string options = "size=" + std::string(size);
  if (::mount("tmpfs", path_.c_str(), "tmpfs", 0, options.c_str()) == 0) {
    mounted_ = true;
  } else {
    why_not_ = "cannot mount a tmpfs at " + path_.string() + " (this test needs root): " + std::strerror(errno);
  }
}

SmallDisk::~SmallDisk() {
  if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
}

bool SmallDisk::fill(std::string_view name) const {
  const int fd = ::open((path_ / name).c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return false;
  const std::vector<char> block(4096, 'x');
  while (::write(fd, block.data(), block.size()) > 0) {
  }
  const bool full = errno == ENOSPC;
  ::close(fd);
  return full;
}

}  // namespace touchbase::testing
