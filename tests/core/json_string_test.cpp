// JSON strings written straight to text must read exactly as nlohmann::json
// writes them (with its `replace` error handler): the plan's --json output and
// the webhook bodies keep their bytes, and text that is not UTF-8 never fails.
#include "core/json_string.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace touchbase {
namespace {

const std::string k_not_utf8[] = {"\xC3",
                                  "x\xC0\xAF",
                                  "\xE0\x80\x80",
                                  "\xED\xA0\x80",
                                  "\xF4\x90\x80\x80",
                                  "\xFF",
                                  "ok \xC3\x28 then",
                                  "J\xFCrgen said \"hi\"\n",
                                  "cut off \xF0\x9F",
                                  "\xF0\x9F\x93 three of four, then \xE2\x82 two of three\x80\x80"};

TEST(JsonString, EveryStringIsEscapedAsNlohmannEscapesIt) {
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

TEST(JsonString, TextThatIsNotUtf8HasEachBadSequenceReplacedAsNlohmannReplacesIt) {
  for (const std::string& bad : k_not_utf8) {
    std::string out = "kept:";
    append_json_string(out, bad);
    EXPECT_EQ(out, "kept:" + nlohmann::json(bad).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) << bad;
  }
}

TEST(JsonString, EveryAsciiByteIsWrittenAsNlohmannWritesIt) {
  std::string every_ascii_byte(1, '\0');
  for (int c = 1; c < 0x80; ++c) every_ascii_byte += static_cast<char>(c);
  std::string out;
  append_json_string(out, every_ascii_byte);
  EXPECT_EQ(out, nlohmann::json(every_ascii_byte).dump());
}

}  // namespace
}  // namespace touchbase
