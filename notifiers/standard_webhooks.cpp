#include "notifiers/standard_webhooks.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>

namespace touchbase {

Result<std::string> decode_webhook_secret(std::string_view secret) {
  if (secret.substr(0, k_webhook_secret_prefix.size()) != k_webhook_secret_prefix) {
    return Error::config("the webhook secret must start with \"whsec_\"");
  }
  auto key = base64_decode(secret.substr(k_webhook_secret_prefix.size()));
  if (!key) return Error::config("the webhook secret after \"whsec_\" is not valid base64");
  if (key->empty()) return Error::config("the webhook secret is empty");
  return key;
}

std::string sign_webhook(std::string_view key, std::string_view id, std::int64_t timestamp, std::string_view body) {
  std::string content;
  content.reserve(id.size() + body.size() + 24);
  content.append(id).append(".").append(std::to_string(timestamp)).append(".").append(body);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(content.data()),
       content.size(), digest.data(), &length);
  return "v1," + base64_encode(std::string_view(reinterpret_cast<const char*>(digest.data()), length));
}

}  // namespace touchbase
