#pragma once
// Secrets (notifier URLs, passwords, webhook keys) given in one of up to three
// ways: inline, from a file (*_file), or from an environment variable (*_env).
// Error messages name the key, the file or the variable, never the value.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "config/load_context.h"
#include "config/toml_reader.h"

namespace touchbase::config_detail {

struct SecretKeys {
  std::string_view inline_key;  // "" when the secret may not be written inline
  std::string_view file_key;
  std::string_view env_key;
  std::string_view what;  // "the URL", for messages
};

inline constexpr SecretKeys k_url_keys{"url", "url_file", "url_env", "the URL"};
inline constexpr SecretKeys k_password_keys{"", "password_file", "password_env", "the password"};
inline constexpr SecretKeys k_secret_keys{"", "secret_file", "secret_env", "the secret"};

struct Secret {
  std::string value;
  Value source;        // the key that gave it, for later errors about the value
  std::string origin;  // "", " (read from /run/...)" or " (from $SLACK_URL)"
};

struct SecretRead {
  bool given = false;            // at least one of the keys is present
  std::optional<Secret> secret;  // set when given exactly one way and readable
};

// Reads the secret from whichever key `table` has; errors are recorded.
SecretRead read_secret(const TableReader& table, const SecretKeys& keys, const LoadContext& ctx);

// Records "an inline password is not allowed ..." for each of `keys` that `t`
// has (e.g. "password"), and marks it handled.
void reject_inline_secrets(TableReader& t, std::span<const std::string_view> keys);

// Records "missing required key" for a secret given none of its ways.
void require_secret(const TableReader& table, const SecretKeys& keys, const SecretRead& read);

}  // namespace touchbase::config_detail
