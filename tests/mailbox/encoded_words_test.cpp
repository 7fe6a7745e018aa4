// RFC 2047 encoded words as mail clients write them, and as they are broken.

#include "mailbox/encoded_words.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace touchbase {
namespace {

struct Case {
  const char* input;
  const char* decoded;
};

TEST(DecodeEncodedWords, DecodesTheFormsMailClientsWrite) {
  const Case cases[] = {
      {"Re: pricing", "Re: pricing"},
      {"=?UTF-8?B?UmU6IFByZWlzZSDDvGJlcmFyYmVpdGV0?=", "Re: Preise überarbeitet"},
      {"=?utf-8?q?Re=3A_caf=C3=A9?=", "Re: café"},
      {"=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard"},
      {"=?UTF-8?B?YQ==?= =?UTF-8?B?Yg==?=", "ab"},                   // blanks between words dropped
      {"=?UTF-8?B?YQ==?=  plain  =?UTF-8?B?Yg==?=", "a  plain  b"},  // kept next to text
      {"=?UTF-8*en?Q?hi?=", "hi"},                                   // RFC 2231 language
      {"=?koi8-r?B?8NLJ18XU?=", "=?koi8-r?B?8NLJ18XU?="},            // unknown charset: as written
      {"=?UTF-8?X?abc?=", "=?UTF-8?X?abc?="},                        // unknown encoding
      {"=?UTF-8?B?@@@?=", "=?UTF-8?B?@@@?="},                        // bad base64
      {"=?UTF-8?Q?=ZZ?=", "=?UTF-8?Q?=ZZ?="},                        // bad escape
      {"=?UTF-8?B?", "=?UTF-8?B?"},                                  // unterminated
      {"tab\there", "tab here"},
  };
  for (const auto& c : cases) EXPECT_EQ(decode_encoded_words(c.input), c.decoded) << c.input;
}

TEST(DecodeEncodedWords, DecodedControlsAndBadBytesNeverReachTheText) {
  const std::string decoded = decode_encoded_words("=?UTF-8?Q?a=0D=0Ab=1B[31m=FF?=");
  EXPECT_TRUE(is_utf8(decoded));
  EXPECT_EQ(decoded.find('\n'), std::string::npos);
  EXPECT_EQ(decoded.find('\x1b'), std::string::npos);
}

}  // namespace
}  // namespace touchbase
