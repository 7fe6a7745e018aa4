// JSON objects written straight to text must read exactly as nlohmann::json
// writes them: the plan's --json output keeps its bytes.
#include "daemon/json_line.h"

#include <gmock/gmock.h>
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

TEST(JsonLine, EveryStringIsEscapedAsNlohmannEscapesIt) {
  const std::string strings[] = {
      "",
      "plain ASCII: 16:00-17:30, mon-fri",
      "a \"quoted\" word and a back\\slash / slash",
      "tab\there, newline\nthere, return\r, backspace\b, form feed\f",
      std::string("control \x01 \x1f and delete \x7f and NUL ") + '\0' + " inside",
      "María López, Zürich; ×1.5 for 2 unanswered; 東京; emoji \xF0\x9F\x93\x9E",
      "the edges: \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xEE\x80\x80 \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF",
  };
  for (const std::string& s : strings) {
    std::string out;
    append_json_string(out, s);
    EXPECT_EQ(out, nlohmann::json(s).dump()) << s;
  }
}

TEST(JsonLine, AStringThatIsNotUtf8ThrowsAsNlohmannThrows) {
  for (const std::string bad :
       {"\xC3", "x\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xFF", "ok \xC3\x28 then"}) {
    std::string expected;
    try {
      (void)nlohmann::json(bad).dump();
      ADD_FAILURE() << "nlohmann accepted it";
    } catch (const nlohmann::json::type_error& e) {
      expected = e.what();
    }
    std::string out = "kept";
    try {
      append_json_string(out, bad);
      ADD_FAILURE() << "accepted";
    } catch (const nlohmann::json::type_error& e) {
      EXPECT_EQ(e.what(), expected);
    }
  }
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
