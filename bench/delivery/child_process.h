#pragma once
// Programs the delivery benchmark runs and measures: started with
// posix_spawn, their output sent to files, reaped with wait4 so their own
// CPU time and peak memory are known.

#include <sys/resource.h>
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace touchbase::bench {

struct ChildUsage {
  int exit_code = -1;       // -1 when killed by a signal
  double wall_seconds = 0;  // from spawn to exit
  double cpu_seconds = 0;   // user + system
  long max_rss_kb = 0;      // ru_maxrss
};

class ChildProcess {
 public:
  // Runs `argv` in `dir`; stdout and stderr go to `out` and `err`. `env`
  // ("NAME=value") is added to this process's environment for the child.
  ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& dir, const std::filesystem::path& out,
               const std::filesystem::path& err, const std::vector<std::string>& env = {});
  // Kills the child if it still runs.
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  // The child's usage once it has exited (without waiting), else std::nullopt.
  std::optional<ChildUsage> poll();
  // Waits for the child to exit.
  ChildUsage wait();
  void signal(int signal) const;

 private:
  std::optional<ChildUsage> reap(int options);

  pid_t pid_ = -1;
  std::chrono::steady_clock::time_point start_;
  std::optional<ChildUsage> usage_;
};

// CPU seconds (user + system) the running process `pid` has used so far,
// read from /proc/PID/stat (clock-tick resolution); 0 if it cannot be read.
double cpu_seconds_so_far(pid_t pid);

// Runs `argv` to its end and returns its usage and standard output.
ChildUsage run_to_end(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                      const std::filesystem::path& log, std::string* out);

}  // namespace touchbase::bench
