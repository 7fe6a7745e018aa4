#pragma once
// The daemon's control socket: a unix stream socket next to the database
// (`<database>.sock`), through which `touchbase status` asks the running
// daemon how it is. The daemon answers each connection with one JSON object
// and closes it; the client sends nothing.
//
// Only the holder of the database's DaemonLock listens there, so only it may
// remove a socket file left by a daemon that died; a second daemon is refused
// by the lock before it comes near the socket.
//
// Confined to the io_context's thread.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/local/stream_protocol.hpp>

#include "core/result.h"
#include "service/daemon_lock.h"

namespace touchbase {

inline constexpr std::chrono::milliseconds k_control_socket_timeout{5000};

// Where the daemon using `database` listens.
std::filesystem::path control_socket_path(const std::filesystem::path& database);

// Connects to `socket` and reads the daemon's answer. Errc::unavailable when
// nothing listens there (no daemon runs) or it does not answer in time.
Result<std::string> ask_daemon(const std::filesystem::path& socket,
                               std::chrono::milliseconds timeout = k_control_socket_timeout);

class ControlSocket {
 public:
  using Answer = std::function<std::string()>;

  // Listens on the control socket of `lock`'s database, removing a socket
  // left there by a daemon that died: the lock, which must outlive the
  // socket, says none runs. Errc::io naming the path when something other
  // than a socket is there (it is left alone) or the socket cannot be made
  // (e.g. a path longer than a socket address can hold). `io` must outlive
  // the socket.
  static Result<std::unique_ptr<ControlSocket>> open(boost::asio::io_context& io, const DaemonLock& lock,
                                                     Answer answer);
  // Stops listening and removes the socket file.
  ~ControlSocket();
  ControlSocket(const ControlSocket&) = delete;
  ControlSocket& operator=(const ControlSocket&) = delete;

 private:
  ControlSocket(boost::asio::local::stream_protocol::acceptor acceptor, std::filesystem::path path, Answer answer);
  void accept();

  boost::asio::local::stream_protocol::acceptor acceptor_;
  std::filesystem::path path_;
  Answer answer_;
};

}  // namespace touchbase
