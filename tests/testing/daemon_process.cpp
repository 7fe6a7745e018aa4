#include "tests/testing/daemon_process.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>
#include <thread>

#include "tests/testing/temp_dir.h"

extern char** environ;

namespace touchbase::testing {
namespace {

using Clock = std::chrono::steady_clock;

sockaddr_un unix_address(const std::filesystem::path& path) {
  sockaddr_un a{};
  a.sun_family = AF_UNIX;
  if (path.native().size() >= sizeof a.sun_path) throw std::runtime_error("socket path too long: " + path.string());
  std::strcpy(a.sun_path, path.c_str());
  return a;
}

}  // namespace

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds deadline) {
  auto end = Clock::now() + deadline;
  while (!condition()) {
    if (Clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

NotifySocket::NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
  fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  auto a = unix_address(path_);
  if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    throw std::runtime_error("cannot bind " + path_.string() + ": " + std::strerror(errno));
  }
}

NotifySocket::~NotifySocket() {
  if (fd_ >= 0) ::close(fd_);
}

std::optional<std::string> NotifySocket::next(std::chrono::milliseconds deadline) {
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(deadline.count())) <= 0) return std::nullopt;
  char buffer[4096];
  ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
  if (n < 0) return std::nullopt;
  received_.emplace_back(buffer, static_cast<std::size_t>(n));
  return received_.back();
}

std::optional<std::string> NotifySocket::wait_for(std::string_view field, std::chrono::milliseconds deadline) {
  auto end = Clock::now() + deadline;
  while (Clock::now() < end) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now());
    auto message = next(std::max(left, std::chrono::milliseconds(1)));
    if (!message) return std::nullopt;
    if (message->find(field) != std::string::npos) return message;
  }
  return std::nullopt;
}

DaemonProcess::DaemonProcess(const std::vector<std::string>& args, const std::filesystem::path& dir,
                             const std::vector<std::string>& env)
    : dir_(dir) {
  std::vector<std::string> argv{TOUCHBASE_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> environment = env;
  for (char** e = environ; *e != nullptr; ++e) {
    std::string_view entry(*e);
    auto name = entry.substr(0, entry.find('=') + 1);
    bool overridden = false;
    for (const auto& given : env) overridden = overridden || given.starts_with(name);
    if (!overridden) environment.emplace_back(entry);
  }
  std::vector<char*> raw_argv, raw_env;
  for (auto& a : argv) raw_argv.push_back(a.data());
  for (auto& e : environment) raw_env.push_back(e.data());
  raw_argv.push_back(nullptr);
  raw_env.push_back(nullptr);
  auto out_path = (dir / "daemon.out").string(), err_path = (dir / "daemon.err").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ > 0) return;
  // The child: only async-signal-safe calls until exec.
  int out = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  ::dup2(out, 1);
  ::dup2(err, 2);
  if (::chdir(dir.c_str()) != 0) ::_exit(127);
  ::execve(raw_argv[0], raw_argv.data(), raw_env.data());
  ::_exit(127);
}

DaemonProcess::~DaemonProcess() {
  if (!exit_code_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

void DaemonProcess::signal(int signal) const {
  ::kill(pid_, signal);
}

std::optional<int> DaemonProcess::wait_exit(std::chrono::milliseconds deadline) {
  if (exit_code_) return exit_code_;
  eventually(
      [&] {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) != pid_) return false;
        exit_code_ = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return true;
      },
      deadline);
  return exit_code_;
}

std::string DaemonProcess::out() const {
  return read_file(dir_ / "daemon.out");
}

std::string DaemonProcess::err() const {
  return read_file(dir_ / "daemon.err");
}

int free_local_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof a;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &size) != 0) {
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(a.sin_port);
}

std::optional<HttpReply> http_get(int port, const std::string& path) {
  return http_request(port, "GET", path);
}

std::optional<HttpReply> http_request(int port, const std::string& method, const std::string& path) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return std::nullopt;
  }
  std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  if (::write(fd, request.data(), request.size()) != static_cast<ssize_t>(request.size())) {
    ::close(fd);
    return std::nullopt;
  }
  std::string response;
  char buffer[4096];
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, 5000) > 0) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;
    response.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  auto end_of_head = response.find("\r\n\r\n");
  if (response.size() < 12 || end_of_head == std::string::npos) return std::nullopt;
  HttpReply reply;
  reply.status = std::stoi(response.substr(9, 3));
  reply.headers = response.substr(0, end_of_head);
  reply.body = response.substr(end_of_head + 4);
  return reply;
}

}  // namespace touchbase::testing
