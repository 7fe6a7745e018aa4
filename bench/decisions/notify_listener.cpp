#include "bench/decisions/notify_listener.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string>

namespace touchbase::bench {

NotifyListener::NotifyListener(std::filesystem::path path) : path_(std::move(path)) {
  sockaddr_un address{};
  if (path_.string().size() >= sizeof address.sun_path) return;
  address.sun_family = AF_UNIX;
  std::strcpy(address.sun_path, path_.c_str());
  std::filesystem::remove(path_);
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd_ >= 0 && ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
  }
}

NotifyListener::~NotifyListener() {
  if (fd_ < 0) return;
  ::close(fd_);
  std::filesystem::remove(path_);
}

std::string NotifyListener::environment() const {
  return "NOTIFY_SOCKET=" + path_.string();
}

std::optional<std::chrono::steady_clock::time_point> NotifyListener::wait_for(std::string_view field,
                                                                              std::chrono::milliseconds deadline) {
  using Clock = std::chrono::steady_clock;
  const auto end = Clock::now() + deadline;
  while (fd_ >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(std::max<long>(left.count(), 1))) <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
    const auto received = Clock::now();
    if (n > 0 && std::string_view(buffer, static_cast<std::size_t>(n)).find(field) != std::string_view::npos) {
      return received;
    }
  }
  return std::nullopt;
}

}  // namespace touchbase::bench
