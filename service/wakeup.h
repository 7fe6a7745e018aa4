#pragma once
// Waking a running daemon when a command has changed what it plans, so the
// change takes effect within a second rather than at its next timer: a unix
// datagram socket next to the database (`<database>.wake`). The daemon binds
// it and runs a pass for every burst of datagrams; a command sends one empty
// datagram and never waits. When no daemon listens the send fails quietly:
// the commands work the same without a daemon.

#include <sys/types.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/datagram_protocol.hpp>

#include "core/result.h"

namespace touchbase {

// Where the daemon using `database` listens for wake-ups.
std::filesystem::path wakeup_socket_path(const std::filesystem::path& database);

// Tells the daemon using `database`, if one runs, that something changed.
// Never blocks and never fails: without a listener nothing happens.
void wake_daemon(const std::filesystem::path& database);

// The daemon's end. Confined to the io_context's thread.
class WakeupListener {
 public:
  // `io` must outlive the listener.
  WakeupListener(boost::asio::io_context& io, std::filesystem::path socket);
  ~WakeupListener();
  WakeupListener(const WakeupListener&) = delete;
  WakeupListener& operator=(const WakeupListener&) = delete;

  // Binds the socket, replacing a file left at its path, and calls `on_wake`
  // on the io_context once for each burst of datagrams until close().
  // Errc::io when the socket cannot be made (e.g. a path longer than a socket
  // address holds).
  Status listen(std::function<void()> on_wake);
  // Stops listening and removes the socket file, unless another listener
  // has bound its path since.
  void close();

 private:
  void receive();

  boost::asio::local::datagram_protocol::socket socket_;
  std::filesystem::path path_;
  std::function<void()> on_wake_;
  std::optional<ino_t> bound_inode_;
  std::shared_ptr<char> alive_;  // reset by close(): a receive completing later does nothing
  char buffer_[64] = {};
};

}  // namespace touchbase
