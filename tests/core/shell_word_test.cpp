// A word printed for pasting into a POSIX shell reaches the program as that
// one word, whatever it holds: checked through a real /bin/sh.
#include "core/shell_word.h"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace touchbase {
namespace {

// What /bin/sh passes to printf for `command_line`: its arguments, one per line.
std::string words_through_sh(const std::string& command_line) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(("printf '%s\\n' " + command_line).c_str(), "r"), ::pclose);
  if (!pipe) return "(popen failed)";
  std::string out;
  std::array<char, 256> chunk{};
  while (std::size_t n = std::fread(chunk.data(), 1, chunk.size(), pipe.get())) out.append(chunk.data(), n);
  return out;
}

TEST(ShellWord, PlainIdsStayAsTheyAre) {
  EXPECT_EQ(shell_word("jane-doe"), "jane-doe");
  EXPECT_EQ(shell_word("jane@example.com"), "jane@example.com");
  EXPECT_EQ(shell_word("crm:0042/7"), "crm:0042/7");
}

TEST(ShellWord, IdsWithShellCharactersReachTheProgramAsOneWordUnchanged) {
  for (std::string id :
       {"jane doe", "o'brien",   "a;rm -rf x", "x|y",      "$HOME", "`id`", "$(id)", "\"q\"", "*",  "~root",
        "a\\b",     "tab\there", "&& echo hi", "#comment", "{a,b}", "-rf",  "'",     "''",    "!x", "é ü"}) {
    EXPECT_EQ(words_through_sh(shell_word(id)), id + "\n") << shell_word(id);
  }
}

TEST(ShellWord, TheEmptyTextIsAnEmptyWord) {
  EXPECT_EQ(shell_word(""), "''");
  EXPECT_EQ(words_through_sh(shell_word("") + " end"), "\nend\n");
}

}  // namespace
}  // namespace touchbase
