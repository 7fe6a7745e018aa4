#pragma once
// Running the real touchbase binary from a test and capturing what it says.

#include <filesystem>
#include <string>
#include <vector>

namespace touchbase::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs `touchbase args...` (the binary this build made) in `dir`,
// with `env` added to the environment ("NAME=value" items).
CommandResult run_touchbase(const std::vector<std::string>& args, const std::filesystem::path& dir,
                            const std::vector<std::string>& env = {});

// The repository's root.
std::filesystem::path source_dir();

}  // namespace touchbase::testing
