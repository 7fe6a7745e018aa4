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

TEST(Printable, AnsiEscapeSequencesAndCarriageReturnsAreShownNotObeyed) {
  EXPECT_EQ(printable("Jane\x1B[31m red\rforged", LineFeeds::escape), "Jane\\x1B[31m red\\x0Dforged");
  EXPECT_EQ(printable("bell\x07 nul", LineFeeds::escape), "bell\\x07 nul");
  EXPECT_EQ(printable(std::string_view("a\0b", 3), LineFeeds::escape), "a\\x00b");
  EXPECT_EQ(printable("del\x7F", LineFeeds::escape), "del\\u007F");
}

TEST(Printable, LineFeedsAreEscapedForOneLineAndKeptForSeveral) {
  EXPECT_EQ(printable("one\ntwo\tcolumn", LineFeeds::escape), "one\\x0Atwo\tcolumn");
  EXPECT_EQ(printable("one\ntwo\tcolumn", LineFeeds::keep), "one\ntwo\tcolumn");
}

TEST(Printable, C1ControlsLikeTheEightBitCsiAreEscaped) {
  // U+009B is CSI: some terminals obey it as ESC [.
  EXPECT_EQ(printable("x\xC2\x9B"
                      "31m \xC2\x85",
                      LineFeeds::escape),
            "x\\u009B31m \\u0085");
  EXPECT_EQ(printable("\xC2\xA0nbsp", LineFeeds::escape), "\xC2\xA0nbsp");  // U+00A0 is no control
}

TEST(Printable, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  EXPECT_EQ(printable("J\xFCrgen \xFF\x1B", LineFeeds::escape), "J\xEF\xBF\xBDrgen \xEF\xBF\xBD\\x1B");
  // A lone 0x9B byte (CSI in Latin-1) is not UTF-8: never passed on raw.
  EXPECT_EQ(printable("\x9B"
                      "2J",
                      LineFeeds::keep),
            "\xEF\xBF\xBD"
            "2J");
}

TEST(Printable, PrintableTextIsUnchanged) {
  for (std::string_view text : {"", "María López, Zürich; 東京 \xF0\x9F\x93\x9E", "back\\slash", "tab\there"}) {
    EXPECT_TRUE(is_printable(text, LineFeeds::escape)) << text;
    EXPECT_EQ(printable(text, LineFeeds::escape), text);
  }
  EXPECT_FALSE(is_printable("a\nb", LineFeeds::escape));
  EXPECT_TRUE(is_printable("a\nb", LineFeeds::keep));
}

TEST(Printable, JsonStaysJsonThatReadsTheSame) {
  // What a JSON writer leaves raw (DEL, C1 controls) becomes JSON's own escape.
  EXPECT_EQ(printable("{\"name\": \"a\x7F\xC2\x9B\"}\n", LineFeeds::keep), "{\"name\": \"a\\u007F\\u009B\"}\n");
}

}  // namespace
}  // namespace touchbase
