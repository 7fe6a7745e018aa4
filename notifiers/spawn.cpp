#include "notifiers/spawn.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>

#include <cstdlib>

namespace touchbase {
namespace {

constexpr const char* k_inherited[] = {"PATH", "HOME", "LANG", "LC_ALL", "LC_CTYPE", "TZ", "USER", "LOGNAME", "TMPDIR"};

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (const auto& s : strings) out.push_back(const_cast<char*>(s.c_str()));
  out.push_back(nullptr);
  return out;
}

// RAII for the spawn attributes and file actions.
struct SpawnSetup {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attributes);
  }
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
};

int prepare(SpawnSetup& setup, int stdin_fd, int stderr_fd) {
  sigset_t none;
  sigset_t all;
  sigemptyset(&none);
  sigfillset(&all);
  int rc = posix_spawnattr_setflags(&setup.attributes,
                                    POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  if (rc == 0) rc = posix_spawnattr_setpgroup(&setup.attributes, 0);
  if (rc == 0) rc = posix_spawnattr_setsigmask(&setup.attributes, &none);
  if (rc == 0) rc = posix_spawnattr_setsigdefault(&setup.attributes, &all);
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&setup.actions, stdin_fd, STDIN_FILENO);
  if (rc == 0) rc = posix_spawn_file_actions_adddup2(&setup.actions, stderr_fd, STDERR_FILENO);
  if (rc == 0) rc = posix_spawn_file_actions_addopen(&setup.actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&setup.actions, STDERR_FILENO + 1);
  return rc;
}

}  // namespace

SpawnResult spawn_child(const std::vector<std::string>& argv, const std::vector<std::string>& env, int stdin_fd,
                        int stderr_fd) {
  SpawnSetup setup;
  if (const int rc = prepare(setup, stdin_fd, stderr_fd); rc != 0) return {-1, rc};
  auto args = c_strings(argv);
  auto environment = c_strings(env);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, args[0], &setup.actions, &setup.attributes, args.data(), environment.data());
  if (rc != 0) return {-1, rc};
  return {pid, 0};
}

std::vector<std::string> inherited_environment() {
  std::vector<std::string> env;
  for (const char* name : k_inherited) {
    if (const char* value = std::getenv(name)) env.push_back(std::string(name) + "=" + value);
  }
  return env;
}

}  // namespace touchbase
