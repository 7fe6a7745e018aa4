#include "tests/testing/run_command.h"

#include <sys/wait.h>

#include <cstdlib>

#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

}  // namespace

CommandResult run_touchbase(const std::vector<std::string>& args, const std::filesystem::path& dir,
                            const std::vector<std::string>& env) {
  std::string command = "cd " + quote(dir.string()) + " && env";
  for (const auto& e : env) command += " " + quote(e);
  command += " " + quote(TOUCHBASE_BINARY);
  for (const auto& a : args) command += " " + quote(a);
  auto out = dir / ".stdout";
  auto err = dir / ".stderr";
  command += " </dev/null >" + quote(out.string()) + " 2>" + quote(err.string());
  int status = std::system(command.c_str());
  CommandResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(out);
  r.err = read_file(err);
  return r;
}

std::filesystem::path source_dir() {
  return TOUCHBASE_SOURCE_DIR;
}

}  // namespace touchbase::testing
