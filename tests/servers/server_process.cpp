#include "tests/servers/server_process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace touchbase::testing {
namespace {

constexpr auto k_start_limit = std::chrono::seconds(10);
constexpr auto k_poll_interval = std::chrono::milliseconds(5);

}  // namespace

pid_t spawn_logged(const std::vector<std::string>& argv, const std::filesystem::path& log, ProcessGroup group) {
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  if (group == ProcessGroup::own) {
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return rc == 0 ? pid : -1;
}

bool accepts_connections(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

bool exited(pid_t pid) {
  int status = 0;
  return ::waitpid(pid, &status, WNOHANG) == pid;
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void terminate(pid_t pid, ProcessGroup group) {
  const pid_t target = group == ProcessGroup::own ? -pid : pid;
  ::kill(target, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!exited(pid)) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(target, SIGKILL);
      ::waitpid(pid, nullptr, 0);
      return;
    }
    std::this_thread::sleep_for(k_poll_interval);
  }
}

ServerProcess::ServerProcess(std::string_view script, const std::filesystem::path& dir,
                             const std::vector<std::string>& args)
    : dir_(dir) {
  std::vector<std::string> argv = {std::string(k_python), server_script(script).string(), "--dir", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  pid_ = spawn_logged(argv, dir / "server.log");
  if (pid_ < 0) {
    error_ = "cannot start " + std::string(k_python);
    return;
  }
  const auto deadline = std::chrono::steady_clock::now() + k_start_limit;
  int port = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (port == 0 && std::filesystem::exists(dir / "port")) port = std::stoi(slurp(dir / "port"));
    if (port > 0 && accepts_connections(port)) {
      port_ = port;
      return;
    }
    if (exited(pid_)) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(k_poll_interval);
  }
  error_ = "the server did not start; its log:\n" + slurp(dir / "server.log");
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) terminate(pid_);
}

std::vector<nlohmann::json> ServerProcess::records(std::string_view name) const {
  std::vector<nlohmann::json> out;
  std::ifstream in(dir_ / name);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(nlohmann::json::parse(line));
  }
  return out;
}

std::filesystem::path server_script(std::string_view name) {
  return std::filesystem::path(TOUCHBASE_TEST_SERVERS_DIR) / name;
}

bool python_has_module(std::string_view module) {
  const std::vector<std::string> argv = {std::string(k_python), "-c", "import " + std::string(module)};
  if (::access(argv[0].c_str(), X_OK) != 0) return false;
  const pid_t pid = spawn_logged(argv, "/dev/null");
  if (pid < 0) return false;
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace touchbase::testing
