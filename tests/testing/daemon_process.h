#pragma once
// The real touchbase binary run as a daemon by a test: started as a child
// process with a chosen environment, talked to through signals, a test
// NOTIFY_SOCKET, its control socket and its http endpoint, and waited for
// with deadlines (never a fixed sleep).

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace touchbase::testing {

inline constexpr std::chrono::seconds k_process_deadline{10};

// Polls `condition` every few milliseconds until it holds or `deadline` passes.
bool eventually(
    const std::function<bool()>& condition,
    std::chrono::milliseconds deadline = std::chrono::duration_cast<std::chrono::milliseconds>(k_process_deadline));

// A unix datagram socket the test binds, standing in for systemd's.
class NotifySocket {
 public:
  explicit NotifySocket(std::filesystem::path path);
  ~NotifySocket();
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  const std::filesystem::path& path() const { return path_; }
  // The next message, or std::nullopt when none comes before the deadline.
  std::optional<std::string> next(std::chrono::milliseconds deadline = std::chrono::milliseconds(10'000));
  // Reads messages until one contains `field` (e.g. "READY=1"); it, or std::nullopt.
  // Every message read is kept in received().
  std::optional<std::string> wait_for(std::string_view field,
                                      std::chrono::milliseconds deadline = std::chrono::milliseconds(10'000));
  const std::vector<std::string>& received() const { return received_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<std::string> received_;
};

class DaemonProcess {
 public:
  // Starts `touchbase args...` in `dir`; `env` ("NAME=value") is added to
  // the environment. stdout and stderr go to dir/daemon.out and dir/daemon.err.
  DaemonProcess(const std::vector<std::string>& args, const std::filesystem::path& dir,
                const std::vector<std::string>& env = {});
  // Kills the process if it still runs.
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

  pid_t pid() const { return pid_; }
  void signal(int signal) const;
  // The exit code once it exits before the deadline (-1 when killed by a
  // signal), std::nullopt if it still runs then.
  std::optional<int> wait_exit(std::chrono::milliseconds deadline = std::chrono::milliseconds(10'000));
  std::string out() const;
  std::string err() const;

 private:
  std::filesystem::path dir_;
  pid_t pid_ = -1;
  std::optional<int> exit_code_;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int free_local_port();

struct HttpReply {
  int status = 0;
  std::string headers;
  std::string body;
};

// `method path` to 127.0.0.1:`port` (HTTP/1.1, Connection: close); the reply read to its end.
std::optional<HttpReply> http_request(int port, const std::string& method, const std::string& path);
std::optional<HttpReply> http_get(int port, const std::string& path);

}  // namespace touchbase::testing
