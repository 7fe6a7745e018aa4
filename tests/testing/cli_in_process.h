#pragma once
// Running touchbase's command line inside the test process, at a FakeClock's
// time, and capturing what it prints on stdout and stderr (log lines, which
// spdlog writes to the file descriptor, are not captured). A binary that
// includes this links touchbase_cli.

#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/command_line.h"
#include "tests/testing/run_command.h"

namespace touchbase::testing {

inline CommandResult run_touchbase_in_process(const std::vector<std::string>& args, const Clock& clock) {
  std::vector<const char*> argv{"touchbase"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  auto* cout_buffer = std::cout.rdbuf(out.rdbuf());
  auto* cerr_buffer = std::cerr.rdbuf(err.rdbuf());
  CommandResult r;
  r.exit_code = run_command_line(static_cast<int>(argv.size()), argv.data(), clock);
  std::cout.rdbuf(cout_buffer);
  std::cerr.rdbuf(cerr_buffer);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace touchbase::testing
