#include "notifiers/standard_webhooks.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

// The test vector published with the Standard Webhooks libraries
// (standard-webhooks/standard-webhooks, "sign function works").
TEST(StandardWebhooks, SignatureMatchesThePublishedTestVector) {
  auto key = decode_webhook_secret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(sign_webhook(*key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, R"({"test": 2432232314})"),
            "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
}

TEST(StandardWebhooks, ASecretWithoutThePrefixIsRejectedWithoutBeingRepeated) {
  auto key = decode_webhook_secret("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().code, Errc::config);
  EXPECT_EQ(key.error().message.find("MfKQ9r8"), std::string::npos);
}

TEST(StandardWebhooks, ASecretThatIsNotBase64IsRejected) {
  EXPECT_FALSE(decode_webhook_secret("whsec_not*base64!").ok());
  EXPECT_FALSE(decode_webhook_secret("whsec_").ok());
}

TEST(Base64, RoundTripsEveryPaddingLength) {
  for (std::string text : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    auto decoded = base64_decode(base64_encode(text));
    ASSERT_TRUE(decoded.ok()) << text;
    EXPECT_EQ(*decoded, text);
  }
  EXPECT_EQ(base64_encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64_encode("fo"), "Zm8=");
}

}  // namespace
}  // namespace touchbase
