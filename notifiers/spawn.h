#pragma once
// Starting a child process with posix_spawn: no shell, its own process
// group, default signal dispositions and an empty signal mask, only the given
// descriptors (as 0, 1 and 2) inherited.

#include <sys/types.h>

#include <string>
#include <vector>

namespace touchbase {

struct SpawnResult {
  pid_t pid = -1;
  int error = 0;  // errno when the child could not be started (pid == -1)
};

// Runs `argv` (argv[0] searched on PATH when it has no '/') with `env` as
// its environment, `stdin_fd` as its stdin and `stderr_fd` as its stderr;
// stdout is /dev/null. The descriptors stay open in the caller.
SpawnResult spawn_child(const std::vector<std::string>& argv, const std::vector<std::string>& env, int stdin_fd,
                        int stderr_fd);

// The environment variables a child inherits from ours (PATH, HOME, LANG,
// LC_ALL, LC_CTYPE, TZ, USER, LOGNAME, TMPDIR), as "NAME=value".
std::vector<std::string> inherited_environment();

}  // namespace touchbase
