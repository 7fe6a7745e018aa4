#include "service/control_socket.h"

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <spdlog/spdlog.h>
#include <boost/asio/write.hpp>

namespace touchbase {
namespace {

using boost::asio::local::stream_protocol;

// A connected client socket, closed on destruction.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

 private:
  int fd_;
};

Result<sockaddr_un> socket_address(const std::filesystem::path& path) {
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  const std::string& text = path.native();
  if (text.size() >= sizeof address.sun_path) {
    return Error::io("the control socket path " + text + " is longer than " +
                     std::to_string(sizeof address.sun_path - 1) + " bytes; use a shorter daemon.database path");
  }
  std::memcpy(address.sun_path, text.c_str(), text.size() + 1);
  return address;
}

// Waits for `events` on `fd` until the deadline; false on timeout or error.
bool wait_for(int fd, short events, std::chrono::steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, static_cast<int>(left.count()));
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

Error nobody_there(const std::filesystem::path& socket, std::string_view why) {
  return Error::unavailable("no touchbase daemon is running for this database (" + socket.string() + ": " +
                            std::string(why) + ")");
}

// A socket file there was left by a daemon that died; anything else is not ours to remove.
Status remove_stale_socket(const std::filesystem::path& path) {
  std::error_code ec;
  auto status = std::filesystem::symlink_status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) return {};
  if (ec) return Error::io("cannot look at the control socket " + path.string() + ": " + ec.message());
  if (status.type() != std::filesystem::file_type::socket) {
    return Error::io("cannot listen on the control socket " + path.string() +
                     ": something other than a socket is there; touchbase leaves it alone: move it away");
  }
  if (!std::filesystem::remove(path, ec) && ec) {
    return Error::io("cannot remove the stale control socket " + path.string() + ": " + ec.message());
  }
  return {};
}

}  // namespace

std::filesystem::path control_socket_path(const std::filesystem::path& database) {
  auto path = database;
  path += ".sock";
  return path;
}

Result<std::string> ask_daemon(const std::filesystem::path& socket, std::chrono::milliseconds timeout) {
  TB_TRY(sockaddr_un address, socket_address(socket));
  Fd fd(::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0));
  if (fd.get() < 0) return Error::io(std::string("cannot make a socket: ") + std::strerror(errno));
  if (::connect(fd.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    return nobody_there(socket, std::strerror(errno));
  }
  auto deadline = std::chrono::steady_clock::now() + timeout;
  std::string answer;
  char buffer[4096];
  while (wait_for(fd.get(), POLLIN, deadline)) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return nobody_there(socket, std::strerror(errno));
    if (n == 0) return answer;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  return nobody_there(socket, "no answer within " + std::to_string(timeout.count()) + " ms");
}

Result<std::unique_ptr<ControlSocket>> ControlSocket::open(boost::asio::io_context& io, const DaemonLock& lock,
                                                           Answer answer) {
  const auto path = control_socket_path(lock.database());
  TB_TRY(sockaddr_un address, socket_address(path));
  (void)address;
  TB_TRY_STATUS(remove_stale_socket(path));
  stream_protocol::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(stream_protocol(), ec);
  if (!ec) acceptor.bind(stream_protocol::endpoint(path.string()), ec);
  if (!ec && ::chmod(path.c_str(), k_beside_database_mode) != 0) ec.assign(errno, boost::system::system_category());
  if (!ec) acceptor.listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) return Error::io("cannot listen on the control socket " + path.string() + ": " + ec.message());
  std::unique_ptr<ControlSocket> socket(new ControlSocket(std::move(acceptor), path, std::move(answer)));
  socket->accept();
  return socket;
}

ControlSocket::ControlSocket(stream_protocol::acceptor acceptor, std::filesystem::path path, Answer answer)
    : acceptor_(std::move(acceptor)), path_(std::move(path)), answer_(std::move(answer)) {}

ControlSocket::~ControlSocket() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  std::error_code ec;
  std::filesystem::remove(path_, ec);
}

void ControlSocket::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, stream_protocol::socket peer) {
    if (ec == boost::asio::error::operation_aborted) return;  // closed
    if (ec) {
      spdlog::warn("control socket: accept failed: {}", ec.message());
    } else {
      auto connection = std::make_shared<stream_protocol::socket>(std::move(peer));
      auto text = std::make_shared<std::string>(answer_() + "\n");
      boost::asio::async_write(*connection, boost::asio::buffer(*text),
                               [connection, text](boost::system::error_code, std::size_t) {});
    }
    accept();
  });
}

}  // namespace touchbase
