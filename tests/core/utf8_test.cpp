// Text from outside is checked and, where it must be, made valid UTF-8.
#include "core/utf8.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(Utf8, WellFormedTextOfEveryLengthIsUtf8) {
  EXPECT_TRUE(is_utf8(""));
  EXPECT_TRUE(is_utf8("plain ASCII, 16:00-17:30"));
  EXPECT_TRUE(is_utf8("María López, Zürich; 東京; emoji \xF0\x9F\x93\x9E"));
  EXPECT_TRUE(is_utf8("edges: \xC2\x80 \xDF\xBF \xE0\xA0\x80 \xED\x9F\xBF \xF0\x90\x80\x80 \xF4\x8F\xBF\xBF"));
}

TEST(Utf8, Windows1252BytesOverlongsSurrogatesAndCutSequencesAreNot) {
  for (std::string_view bad : {"J\xFCrgen", "\x80 euro", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                               "\xFF", "cut \xF0\x9F"}) {
    EXPECT_FALSE(is_utf8(bad)) << bad;
  }
}

TEST(Utf8, EachMaximalIllFormedSubsequenceBecomesOneReplacementCharacter) {
  EXPECT_EQ(valid_utf8("J\xFCrgen"), "J\xEF\xBF\xBDrgen");
  EXPECT_EQ(valid_utf8("\xF0\x9F\x93 then"), "\xEF\xBF\xBD then");        // three of four: one
  EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");          // never a lead: one each
  EXPECT_EQ(valid_utf8("\xE2\x82\x80\x80"), "\xE2\x82\x80\xEF\xBF\xBD");  // U+2080, then a stray
  EXPECT_EQ(valid_utf8("\xE2\x82 x"), "\xEF\xBF\xBD x");                  // two of three
  EXPECT_EQ(valid_utf8("Zürich"), "Zürich");
}

}  // namespace
}  // namespace touchbase
