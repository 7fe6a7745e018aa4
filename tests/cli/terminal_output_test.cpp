// Contact data holding control characters -- an ANSI escape that clears the
// screen or retitles the terminal, a C1 CSI, a carriage return -- shown by the
// text commands: escaped, never raw. Data written to standard output for
// another program (export) passes byte for byte.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "tests/testing/workflow_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::HasSubstr;

constexpr std::string_view k_raw_name = "Eve\x1B[2J\x1B]0;pwned\x07";
constexpr std::string_view k_shown_name = "Eve\\x1B[2J\\x1B]0;pwned\\x07";

class TerminalOutputTest : public WorkflowTest {
 protected:
  void SetUp() override {
    ok({"contact", "add", "eve", "--name", std::string(k_raw_name), "--company",
        "\xC2\x9B"
        "31mAcme",
        "--last-touch", iso(now_ - hours(72)), "--notes", "first line\nsecond\rforged"});
    ok({"log", "eve", "--outcome", "touched", "--at", iso(now_ - hours(49)), "--note", "said \x1B[31mred\x1B[0m"});
  }

  static void expect_printable(const std::string& text, const std::string& what) {
    EXPECT_EQ(text.find('\x1B'), std::string::npos) << what << ": a raw ESC in\n" << text;
    EXPECT_EQ(text.find("\xC2\x9B"), std::string::npos) << what << ": a raw CSI in\n" << text;
    EXPECT_EQ(text.find('\r'), std::string::npos) << what << ": a raw CR in\n" << text;
    EXPECT_TRUE(is_utf8(text)) << what;
  }
};

TEST_F(TerminalOutputTest, ListShowDuePlanAndOutboxShowControlCharactersEscaped) {
  const std::vector<std::vector<std::string>> commands = {
      {"contact", "list"}, {"contact", "show", "eve"}, {"due"}, {"plan", "--now", iso(now_)}, {"outbox"}};
  for (const auto& command : commands) {
    const auto r = touchbase(command);
    const std::string what = ::testing::PrintToString(command);
    EXPECT_EQ(r.exit_code, 0) << what << ": " << r.err;
    expect_printable(r.out, what);
    expect_printable(r.err, what);
  }
  EXPECT_THAT(ok({"contact", "show", "eve"}), HasSubstr(std::string(k_shown_name)));
  EXPECT_THAT(ok({"contact", "show", "eve"}), HasSubstr("said \\x1B[31mred\\x1B[0m"));
  EXPECT_THAT(ok({"contact", "list"}), HasSubstr("\\u009B31mAcme"));
}

TEST_F(TerminalOutputTest, JsonOutputStaysJsonThatReadsBackTheSameText) {
  const std::string out = ok({"contact", "show", "eve", "--json"});
  expect_printable(out, "contact show --json");
  const auto shown = nlohmann::json::parse(out);
  EXPECT_EQ(shown["name"], k_raw_name);
  EXPECT_EQ(shown["company"],
            "\xC2\x9B"
            "31mAcme");
}

TEST_F(TerminalOutputTest, AnErrorMessageQuotingTheArgumentShowsItEscaped) {
  const auto r = touchbase({"contact", "show", "nobody\x1B[2J"});
  EXPECT_NE(r.exit_code, 0);
  expect_printable(r.err, "the error");
  EXPECT_THAT(r.err, HasSubstr("nobody\\x1B[2J"));
}

TEST_F(TerminalOutputTest, ExportToStandardOutputIsDataAndPassesUnchanged) {
  const std::string out = ok({"export", "--format", "json"});
  EXPECT_THAT(out, HasSubstr("\xC2\x9B"
                             "31mAcme"));  // JSON leaves C1 raw; the file reads back the same
}

}  // namespace
}  // namespace touchbase::testing
