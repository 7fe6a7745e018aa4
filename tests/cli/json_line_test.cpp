// JSON objects written straight to text must read exactly as nlohmann::json
// writes them: the plan's --json output keeps its bytes.
#include "cli/json_line.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace touchbase {
namespace {

std::string dumped(const nlohmann::json& j) {
  return j.dump() + "\n";
}

TEST(JsonLine, MembersComeInKeyOrderWhateverOrderTheyWereGiven) {
  JsonLine line;
  line.add_string("why", "2nd touch");
  line.add_int("step", 2);
  line.add_bool("waits_for_talking_point", false);
  line.add_null("talking_point");
  line.add_bool("brings_next_step", true);
  line.add_string("contact", "jane");
  std::string out;
  line.end(out);
  EXPECT_EQ(out, R"({"brings_next_step":true,"contact":"jane","step":2,"talking_point":null,)"
                 R"("waits_for_talking_point":false,"why":"2nd touch"})"
                 "\n");
  EXPECT_EQ(out, dumped({{"why", "2nd touch"},
                         {"step", 2},
                         {"waits_for_talking_point", false},
                         {"talking_point", nullptr},
                         {"brings_next_step", true},
                         {"contact", "jane"}}));
}

TEST(JsonLine, NumbersNullsAndEmptyTextsReadAsNlohmannWritesThem) {
  JsonLine line;
  line.add_int("zero", 0);
  line.add_int("negative", -42);
  line.add_int("large", 9'007'199'254'740'993LL);
  line.add_string_or_null("link", "");
  line.add_string_or_null("text", "https://example.com/a?b=c");
  std::string out;
  line.end(out);
  EXPECT_EQ(out, dumped({{"zero", 0},
                         {"negative", -42},
                         {"large", 9'007'199'254'740'993LL},
                         {"link", nullptr},
                         {"text", "https://example.com/a?b=c"}}));
}

TEST(JsonLine, AKeyGivenTwiceKeepsItsFirstValueAndLinesFollowOneAnother) {
  JsonLine line;
  line.add_string("contact", "jane");
  line.add_string("contact", "john");
  std::string out;
  line.end(out);
  line.add_int("step", 1);
  line.end(out);
  EXPECT_EQ(out, dumped({{"contact", "jane"}, {"contact", "john"}}) + dumped({{"step", 1}}));
  EXPECT_EQ(out, "{\"contact\":\"jane\"}\n{\"step\":1}\n");
}

}  // namespace
}  // namespace touchbase
