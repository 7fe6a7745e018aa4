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

// The path of a script in tests/servers/.
std::filesystem::path server_script(std::string_view name);

// True if k_python can import `module` (e.g. "aiosmtpd").
bool python_has_module(std::string_view module);

}  // namespace touchbase::testing
