#include "service/wakeup.h"

#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <boost/asio/buffer.hpp>

#include "service/daemon_lock.h"

namespace touchbase {
namespace {

using boost::asio::local::datagram_protocol;

constexpr std::string_view k_wakeup_suffix = ".wake";
constexpr char k_wakeup_message[] = "w";

std::optional<ino_t> inode_of(const std::filesystem::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return st.st_ino;
}

}  // namespace

std::filesystem::path wakeup_socket_path(const std::filesystem::path& database) {
  auto path = database;
  path += k_wakeup_suffix;
  return path;
}

void wake_daemon(const std::filesystem::path& database) {
  try {
    boost::asio::io_context io;
    datagram_protocol::socket socket(io, datagram_protocol());
    socket.non_blocking(true);
    datagram_protocol::endpoint daemon(wakeup_socket_path(database).string());
    boost::system::error_code ignored;  // no daemon (ENOENT, ECONNREFUSED) or a full queue (it wakes anyway)
    socket.send_to(boost::asio::buffer(k_wakeup_message, 1), daemon, 0, ignored);
  } catch (const boost::system::system_error&) {
    // No socket to make or a path too long for one: no daemon can listen there either.
  }
}

WakeupListener::WakeupListener(boost::asio::io_context& io, std::filesystem::path socket)
    : socket_(io), path_(std::move(socket)) {}

WakeupListener::~WakeupListener() {
  close();
}

Status WakeupListener::listen(std::function<void()> on_wake) {
  close();
  std::error_code fs_error;
  if (std::filesystem::is_socket(path_, fs_error)) std::filesystem::remove(path_, fs_error);  // left by a daemon
  try {
    datagram_protocol::endpoint endpoint(path_.string());
    socket_.open(datagram_protocol());
    socket_.bind(endpoint);
    if (::chmod(path_.c_str(), k_beside_database_mode) != 0) {
      throw boost::system::system_error(errno, boost::system::system_category());
    }
    socket_.non_blocking(true);
  } catch (const boost::system::system_error& e) {
    boost::system::error_code ignored;
    socket_.close(ignored);
    return Error::io("cannot listen for wake-ups on " + path_.string() + ": " + e.code().message());
  }
  bound_inode_ = inode_of(path_);
  on_wake_ = std::move(on_wake);
  alive_ = std::make_shared<char>();
  receive();
  return {};
}

void WakeupListener::close() {
  alive_.reset();
  if (!socket_.is_open()) return;
  boost::system::error_code ignored;
  socket_.close(ignored);
  if (bound_inode_ && inode_of(path_) == bound_inode_) ::unlink(path_.c_str());
  bound_inode_.reset();
}

void WakeupListener::receive() {
  std::weak_ptr<char> alive = alive_;
  socket_.async_receive(boost::asio::buffer(buffer_), [this, alive](const boost::system::error_code& ec, std::size_t) {
    if (alive.expired()) return;  // closed, perhaps destroyed
    if (ec) {
      spdlog::warn("wake-ups on {} stopped: {}", path_.string(), ec.message());
      return;
    }
    boost::system::error_code drained;
    while (!drained) socket_.receive(boost::asio::buffer(buffer_), 0, drained);  // one pass for a burst
    on_wake_();
    if (!alive.expired()) receive();
  });
}

}  // namespace touchbase
