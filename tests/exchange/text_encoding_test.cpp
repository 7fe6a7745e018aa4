// Files in another encoding than UTF-8, converted with iconv.
#include "exchange/text_encoding.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace touchbase {
namespace {

using ::testing::HasSubstr;

TEST(ToUtf8, Windows1252TextBecomesTheSameCharactersInUtf8) {
  auto text = to_utf8("id,name\njurgen,J\xFCrgen M\xFCller \x80 \x93quoted\x94\n", "windows-1252");
  ASSERT_TRUE(text.ok()) << text.error().message;
  EXPECT_EQ(*text, "id,name\njurgen,Jürgen Müller € “quoted”\n");
}

TEST(ToUtf8, AnEncodingIconvDoesNotKnowIsAUsageError) {
  auto text = to_utf8("x", "klingon-1");
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, Errc::usage);
  EXPECT_THAT(text.error().message, HasSubstr("'klingon-1' is not an encoding this system knows"));
}

TEST(ToUtf8, AByteThatIsNoCharacterOfTheEncodingNamesItsLine) {
  auto text = to_utf8("id,name\nok,fine\nbad,\x81 here\n", "windows-1252");  // 0x81 is unassigned in 1252
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.error().code, Errc::data);
  EXPECT_THAT(text.error().message, HasSubstr("line 3: byte 0x81 is not windows-1252 text"));
}

TEST(ToUtf8, ALargeFileGrowsItsBufferAsItGoes) {
  const std::string latin1(100'000, '\xE9');  // é, two bytes each in UTF-8
  auto text = to_utf8(latin1, "latin1");
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->size(), 200'000u);
  EXPECT_EQ(text->substr(0, 4), "éé");
}

}  // namespace
}  // namespace touchbase
