#pragma once
// The daemon's control socket: a unix stream socket next to the database
// (`<database>.sock`), through which `touchbase status` asks the running
// daemon how it is. The daemon answers each connection with one JSON object
// and closes it; the client sends nothing.
//
// The socket also marks the database as taken: a second daemon (or
// `run --once`) on the same database finds it answering and refuses to start,
// so two processes never deliver the same outbox rows at once.
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

  // Listens on `path`, replacing a stale socket file left by a daemon that
  // died. Errc::unavailable when a daemon already answers there; Errc::io
  // when the socket cannot be made (e.g. a path longer than a socket
  // address can hold). `io` must outlive the socket.
  static Result<std::unique_ptr<ControlSocket>> open(boost::asio::io_context& io, const std::filesystem::path& path,
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
