// JSON objects written straight to text must read exactly as nlohmann::json
// writes them: the plan's --json output keeps its bytes.
#include "core/json_line.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <nlohmann/json.hpp>
#include <random>

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

TEST(JsonLine, DoublesOfUpTo15DigitsReadAsNlohmannWritesThem) {
  // Deal values as people write them, and the layouts' edges.
  const double values[] = {0.0,     -0.0,       1.0,     48000.0,           1250.5,  0.25,     -3.75,  0.1,   0.0001,
                           0.00001, 1e15,       1e16,    123456789012345.0, 1.5e300, 2.5e-300, 5e-324, -1e-7, 99.99,
                           1e21,    123456.789, 0.000123};
  for (double v : values) EXPECT_EQ(format_json_number(v), nlohmann::json(v).dump()) << v;
}

TEST(JsonLine, EveryFiniteDoubleIsWrittenAsTheShortestTextThatReadsItBack) {
  std::mt19937_64 random(18);
  std::uniform_int_distribution<std::uint64_t> bits;
  for (int i = 0; i < 2000; ++i) {
    const double v = std::bit_cast<double>(bits(random));
    if (!std::isfinite(v)) continue;
    const std::string text = format_json_number(v);
    EXPECT_EQ(nlohmann::json::parse(text).get<double>(), v) << text;
    EXPECT_LE(text.size(), nlohmann::json(v).dump().size()) << text;
  }
}

TEST(JsonLine, ArraysAndNestedObjectsReadAsNlohmannWritesThem) {
  JsonLine touch;
  touch.add_string("outcome", "replied");
  touch.add_null("talking_point");
  const std::string first = touch.end_value();
  JsonLine line;
  line.add_string_array("tags", {"fintech", "saas"});
  line.add_string_array("none", {});
  line.add_number("value", 48000);
  line.add_json("touches", "[" + first + "]");
  std::string out;
  line.end(out);
  EXPECT_EQ(out, dumped({{"tags", {"fintech", "saas"}},
                         {"none", nlohmann::json::array()},
                         {"value", 48000.0},
                         {"touches", {{{"outcome", "replied"}, {"talking_point", nullptr}}}}}));
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
