#pragma once
// A test server (one of the Python scripts in tests/servers/) run as a child
// process on 127.0.0.1. The script writes its ephemeral port to DIR/port;
// the constructor waits for that file and then for the port to accept a
// connection. The destructor stops the server.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace touchbase::testing {

inline constexpr std::string_view k_python = "/usr/bin/python3";

class ServerProcess {
 public:
  // Runs `k_python script --dir dir args...`; its output goes to dir/server.log.
  ServerProcess(std::string_view script, const std::filesystem::path& dir, const std::vector<std::string>& args);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool ready() const { return port_ > 0; }
  // Why the server is not ready (its log included).
  const std::string& error() const { return error_; }
  int port() const { return port_; }

  // The JSON lines the server recorded in dir/name, oldest first.
  std::vector<nlohmann::json> records(std::string_view name) const;

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  int port_ = 0;
  std::string error_;
};

// Whether a child leads a process group of its own, so that stopping it stops its children at once.
enum class ProcessGroup { inherited, own };

// Runs argv[0] (an absolute path) with argv, stdin from /dev/null and
// stdout and stderr appended to `log`. Returns its pid, or -1.
pid_t spawn_logged(const std::vector<std::string>& argv, const std::filesystem::path& log,
                   ProcessGroup group = ProcessGroup::inherited);

// True if something accepts TCP connections on 127.0.0.1:port.
bool accepts_connections(int port);

// True once `pid` has exited (and reaps it).
bool exited(pid_t pid);

// Sends SIGTERM to `pid` (to its whole group if it leads one of its own),
// then SIGKILL if it has not exited within 2 s; reaps it.
void terminate(pid_t pid, ProcessGroup group = ProcessGroup::inherited);

// The whole content of a file ("" if it cannot be read).
std::string slurp(const std::filesystem::path& path);

// The path of a script in tests/servers/.
std::filesystem::path server_script(std::string_view name);

// True if k_python can import `module` (e.g. "aiosmtpd").
bool python_has_module(std::string_view module);

}  // namespace touchbase::testing
