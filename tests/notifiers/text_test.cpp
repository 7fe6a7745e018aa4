#include "notifiers/text.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace touchbase {
namespace {

TEST(TruncateChars, ShortTextIsKeptAsIs) {
  EXPECT_EQ(truncate_chars("Jane", 4), "Jane");
}

TEST(TruncateChars, LongTextEndsWithAnEllipsisWithinTheLimit) {
  const std::string cut = truncate_chars("abcdefgh", 5);
  EXPECT_EQ(cut, "abcd…");
  EXPECT_EQ(count_chars(cut), 5u);
}

TEST(TruncateChars, NeverSplitsAMultiByteCharacter) {
  // "ü" and "ß" are two bytes each; the cut falls after whole characters.
  EXPECT_EQ(truncate_chars("Müßiggang", 4), "Müß…");
  EXPECT_EQ(count_chars("Müßiggang"), 9u);
}

TEST(TruncateChars, StrayContinuationBytesCountAsTheReplacementsTheyBecome) {
  // 300 lone continuation bytes, as a broken server may answer: each becomes
  // one U+FFFD, and the limit counts those, not the bytes that made them.
  const std::string cut = truncate_chars(std::string(300, '\x80'), 10);
  EXPECT_EQ(count_chars(cut), 10u);
  EXPECT_TRUE(is_utf8(cut));
  EXPECT_EQ(cut.size(), 9 * k_replacement_character.size() + std::string_view("…").size());
}

TEST(Escaping, HtmlEscapesMarkupAndQuotes) {
  EXPECT_EQ(html_escape("<b>\"Tom\" & 'Jerry'</b>"), "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;");
}

TEST(Escaping, SlackEscapesOnlyAmpersandAndAngleBrackets) {
  EXPECT_EQ(slack_escape("<!channel> & *bold*"), "&lt;!channel&gt; &amp; *bold*");
}

TEST(Escaping, MarkdownPunctuationIsBackslashed) {
  EXPECT_EQ(markdown_escape("*a_b*"), "\\*a\\_b\\*");
}

TEST(SingleLine, ControlCharactersBecomeSpaces) {
  EXPECT_EQ(single_line(std::string("Eve\r\nBcc: x\0y\t", 14)), "Eve  Bcc: x y ");
}

TEST(ToCrlf, EveryLineEndingBecomesCrlfAndNulIsDropped) {
  EXPECT_EQ(to_crlf(std::string("a\nb\r\nc\rd\0e", 10)), "a\r\nb\r\nc\r\nde");
}

TEST(IsWebLink, OnlyHttpAndHttpsWithoutSpacesAreLinks) {
  EXPECT_TRUE(is_web_link("https://example.com/a?b=c"));
  EXPECT_TRUE(is_web_link("HTTP://example.com"));
  EXPECT_FALSE(is_web_link("javascript:alert(1)"));
  EXPECT_FALSE(is_web_link("https://example.com/a b"));
  EXPECT_FALSE(is_web_link(""));
}

}  // namespace
}  // namespace touchbase
