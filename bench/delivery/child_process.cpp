#include "bench/delivery/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <string_view>

extern char** environ;

namespace touchbase::bench {
namespace {

double seconds(const timeval& t) {
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
}

// This process's environment with `added` in front (an added name wins).
std::vector<std::string> environment_with(const std::vector<std::string>& added) {
  std::vector<std::string> out = added;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    const auto name = entry.substr(0, entry.find('=') + 1);
    bool overridden = false;
    for (const auto& a : added) overridden = overridden || a.starts_with(name);
    if (!overridden) out.emplace_back(entry);
  }
  return out;
}

}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                           const std::filesystem::path& out, const std::filesystem::path& err,
                           const std::vector<std::string>& env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addchdir_np(&actions, dir.c_str());
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::vector<std::string> environment = environment_with(env);
  std::vector<char*> envp;
  for (const auto& e : environment) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  start_ = std::chrono::steady_clock::now();
  if (posix_spawnp(&pid_, args[0], &actions, nullptr, args.data(), envp.data()) != 0) pid_ = -1;
  posix_spawn_file_actions_destroy(&actions);
}

ChildProcess::~ChildProcess() {
  if (pid_ <= 0 || usage_) return;
  ::kill(pid_, SIGKILL);
  reap(0);
}

std::optional<ChildUsage> ChildProcess::reap(int options) {
  if (usage_ || pid_ <= 0) return usage_;
  int status = 0;
  rusage u{};
  if (::wait4(pid_, &status, options, &u) != pid_) return std::nullopt;
  ChildUsage usage;
  usage.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  usage.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  usage.cpu_seconds = seconds(u.ru_utime) + seconds(u.ru_stime);
  usage.max_rss_kb = u.ru_maxrss;
  usage_ = usage;
  return usage_;
}

std::optional<ChildUsage> ChildProcess::poll() {
  return reap(WNOHANG);
}

ChildUsage ChildProcess::wait() {
  auto usage = reap(0);
  return usage ? *usage : ChildUsage{};
}

void ChildProcess::signal(int signal) const {
  if (pid_ > 0 && !usage_) ::kill(pid_, signal);
}

double cpu_seconds_so_far(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto after_name = stat.rfind(')');
  if (after_name == std::string::npos) return 0;
  std::istringstream fields(stat.substr(after_name + 2));
  // Fields 3.. of proc(5): state, ppid, ..., utime is field 14 and stime field 15.
  std::string field;
  double utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> field; ++i) {
    if (i == 14) utime = std::stod(field);
    if (i == 15) stime = std::stod(field);
  }
  return (utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

ChildUsage run_to_end(const std::vector<std::string>& argv, const std::filesystem::path& dir,
                      const std::filesystem::path& log, std::string* out) {
  const auto out_path = log.string() + ".out";
  ChildProcess child(argv, dir, out_path, log.string() + ".err");
  if (!child.started()) return {};
  ChildUsage usage = child.wait();
  if (out != nullptr) {
    std::ifstream in(out_path);
    out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return usage;
}

}  // namespace touchbase::bench
