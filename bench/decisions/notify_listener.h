#pragma once
// A unix datagram socket the benchmark binds and passes to the daemon as
// NOTIFY_SOCKET, standing in for systemd's, to see when it sends READY=1.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string_view>

namespace touchbase::bench {

class NotifyListener {
 public:
  // Binds `path` (removing a stale one); bound() tells whether that worked.
  explicit NotifyListener(std::filesystem::path path);
  ~NotifyListener();
  NotifyListener(const NotifyListener&) = delete;
  NotifyListener& operator=(const NotifyListener&) = delete;

  bool bound() const { return fd_ >= 0; }
  // "NOTIFY_SOCKET=<path>", for the child's environment.
  std::string environment() const;
  // Reads messages until one holds `field` (e.g. "READY=1"); when it came, or
  // std::nullopt when none did within `deadline`.
  std::optional<std::chrono::steady_clock::time_point> wait_for(std::string_view field,
                                                                std::chrono::milliseconds deadline);

 private:
  std::filesystem::path path_;
  int fd_ = -1;
};

}  // namespace touchbase::bench
