// [daemon]'s keys for the one-click action links: where to listen, how links
// are written, the signing keys (a secret, one per line) and how long a link
// lasts.
#include <algorithm>

#include "config/secrets.h"
#include "config/sections.h"
#include "core/url.h"

namespace touchbase::config_detail {
namespace {

constexpr SecretKeys k_action_key_keys{"", "actions_secret_file", "actions_secret_env", "the action links' key"};

// https://host[:port][/path], or http:// to a loopback host (no proxy in
// front: a test, a demo); no query, fragment or credentials. The trailing '/'
// is dropped.
void read_public_url(const Value& v, DaemonConfig& out) {
  auto url = v.non_empty_string(R"(a URL like "https://touchbase.example.com")");
  if (!url) return;
  auto parts = parse_url(*url);
  if (!parts) return v.error("'" + *url + "' is not a URL: " + parts.error().message);
  bool plain_loopback = parts->scheme == "http" && is_loopback_host(parts->host);
  if (parts->scheme != "https" && !plain_loopback) {
    return v.error("expected an https:// URL (http:// only to localhost or 127.0.0.1): links carry tokens");
  }
  if (url->find_first_of("?#@") != std::string::npos) {
    return v.error("expected a URL without credentials, query or fragment: links are written below it");
  }
  while (url->ends_with('/')) url->pop_back();
  out.public_url = *url;
}

// One key per line (blank lines and surrounding spaces ignored), each of at
// least k_min_action_key_bytes.
void read_action_keys(const TableReader& t, const LoadContext& ctx, DaemonConfig& out) {
  auto read = read_secret(t, k_action_key_keys, ctx);
  require_secret(t, k_action_key_keys, read);
  if (!read.secret) return;
  std::string_view text = read.secret->value;
  int line = 0;
  while (!text.empty()) {
    ++line;
    auto end = std::min(text.find('\n'), text.size());
    std::string key(text.substr(0, end));
    text.remove_prefix(std::min(end + 1, text.size()));
    key.erase(0, key.find_first_not_of(" \t\r"));
    key.erase(key.find_last_not_of(" \t\r") + 1);
    if (key.empty()) continue;
    if (key.size() < k_min_action_key_bytes) {
      return read.secret->source.error("key " + std::to_string(line) + " is " + std::to_string(key.size()) +
                                       " characters long: expected at least " + std::to_string(k_min_action_key_bytes) +
                                       read.secret->origin + " (make one with: openssl rand -base64 48)");
    }
    out.action_keys.push_back(std::move(key));
  }
  if (out.action_keys.empty()) read.secret->source.error("expected at least one key" + read.secret->origin);
}

void read_link_ttl(const Value& v, DaemonConfig& out) {
  auto ttl = v.duration();
  if (!ttl) return;
  if (*ttl < k_min_action_link_ttl || *ttl > k_max_action_link_ttl) {
    return v.error("expected between " + format_duration(k_min_action_link_ttl) + " and " +
                   format_duration(k_max_action_link_ttl) + ", got " + format_duration(*ttl));
  }
  out.action_link_ttl = *ttl;
}

}  // namespace

void read_actions(const TableReader& t, const LoadContext& ctx, DaemonConfig& out) {
  read_listen_address(t.get("actions_listen"), out.actions_listen);
  read_link_ttl(t.get("action_link_ttl"), out);
  if (out.actions_listen.empty()) {
    for (auto key : {"public_url", "actions_secret_file", "actions_secret_env"}) {
      if (t.has(key)) t.get(key).error("applies only with actions_listen, which turns the action links on");
    }
    return;
  }
  read_public_url(t.required("public_url", R"(a URL like "https://touchbase.example.com")"), out);
  read_action_keys(t, ctx, out);
}

}  // namespace touchbase::config_detail
