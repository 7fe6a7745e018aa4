// [notifiers.NAME]: where reminders are delivered. Which keys apply depends
// on the kind; secrets come through secrets.h.
#include <algorithm>
#include <array>
#include <cctype>

#include "config/secrets.h"
#include "config/sections.h"
#include "config/suggest.h"

namespace touchbase::config_detail {
namespace {

constexpr std::array<std::string_view, 10> k_email_keys = {"kind", "rate", "url",      "url_file",      "url_env",
                                                           "from", "to",   "username", "password_file", "password_env"};
constexpr std::array<std::string_view, 5> k_chat_keys = {"kind", "rate", "url", "url_file", "url_env"};
constexpr std::array<std::string_view, 7> k_webhook_keys = {"kind",    "rate",        "url",       "url_file",
                                                            "url_env", "secret_file", "secret_env"};
constexpr std::array<std::string_view, 2> k_console_keys = {"kind", "rate"};
constexpr std::array<std::string_view, 3> k_command_keys = {"kind", "rate", "command"};
constexpr std::array<std::string_view, 13> k_all_keys = {
    "kind",     "rate",          "url",          "url_file",    "url_env",    "from",   "to",
    "username", "password_file", "password_env", "secret_file", "secret_env", "command"};
constexpr std::array<std::string_view, 2> k_never_inline = {"password", "secret"};
constexpr std::array k_kinds = {NotifierKind::email,   NotifierKind::slack,      NotifierKind::teams,
                                NotifierKind::discord, NotifierKind::mattermost, NotifierKind::google_chat,
                                NotifierKind::webhook, NotifierKind::console,    NotifierKind::command};
constexpr std::string_view k_webhook_secret_prefix = "whsec_";
using Schemes = std::array<std::string_view, 2>;
constexpr Schemes k_smtp_schemes = {"smtp://", "smtps://"};
constexpr Schemes k_http_schemes = {"https://", "http://"};

std::span<const std::string_view> keys_for(NotifierKind kind) {
  switch (kind) {
    case NotifierKind::email: return k_email_keys;
    case NotifierKind::webhook: return k_webhook_keys;
    case NotifierKind::console: return k_console_keys;
    case NotifierKind::command: return k_command_keys;
    case NotifierKind::slack:
    case NotifierKind::teams:
    case NotifierKind::discord:
    case NotifierKind::mattermost:
    case NotifierKind::google_chat: return k_chat_keys;
  }
  return k_all_keys;
}

bool has_prefix_ignoring_case(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         });
}

std::optional<NotifierKind> read_kind(const TableReader& t) {
  std::vector<std::string> names;
  for (auto k : k_kinds) names.emplace_back(to_string(k));
  Value v = t.required("kind", "one of " + one_of(names));
  auto text = v.string(R"(a notifier kind like "email")");
  if (!text) return std::nullopt;
  auto kind = parse_notifier_kind(*text);
  if (!kind) v.error("unknown notifier kind '" + *text + "': expected " + one_of(names) + did_you_mean(*text, names));
  return kind;
}

// Keys that belong to another kind: "'from' does not apply to ... slack".
void reject_keys_of_other_kinds(TableReader& t, NotifierKind kind) {
  auto own = keys_for(kind);
  for (auto&& [key, value] : t.table()) {
    std::string_view k = key.str();
    if (std::find(k_all_keys.begin(), k_all_keys.end(), k) == k_all_keys.end() ||
        std::find(own.begin(), own.end(), k) != own.end()) {
      continue;
    }
    t.diag().error(place_of(key.source()), join_key(t.path(), k),
                   "'" + std::string(k) + "' does not apply to a notifier of kind " + std::string(to_string(kind)));
    t.handled(k);
  }
}

// The URL, required, with one of the given schemes.
void read_url(const TableReader& t, const LoadContext& ctx, const Schemes& schemes, NotifierConfig& n) {
  auto url = read_secret(t, k_url_keys, ctx);
  require_secret(t, k_url_keys, url);
  if (!url.secret) return;
  bool ok = std::any_of(schemes.begin(), schemes.end(),
                        [&](auto s) { return has_prefix_ignoring_case(url.secret->value, s); });
  if (!ok) {
    url.secret->source.error("expected a URL starting with " + std::string(schemes[0]) + " or " +
                             std::string(schemes[1]) + url.secret->origin);
    return;
  }
  n.url = url.secret->value;
}

void read_email(const TableReader& t, const LoadContext& ctx, NotifierConfig& n) {
  read_url(t, ctx, k_smtp_schemes, n);
  if (auto from = t.required("from", R"(an address like "touchbase <touchbase@example.com>")").non_empty_string()) {
    n.from = *from;
  }
  Value to = t.required("to", R"(an array of addresses like ["alice@example.com"])");
  if (auto list = to.strings(R"(an array of addresses like ["alice@example.com"])")) {
    if (list->empty()) to.error(R"(expected at least one address, like ["alice@example.com"])");
    n.to = std::move(*list);
  }
  if (auto user = t.get("username").non_empty_string()) n.username = *user;
  auto password = read_secret(t, k_password_keys, ctx);
  if (!password.secret) return;
  if (!t.has("username")) return password.secret->source.error("a password needs a username: add username");
  n.password = password.secret->value;
}

void read_webhook(const TableReader& t, const LoadContext& ctx, NotifierConfig& n) {
  read_url(t, ctx, k_http_schemes, n);
  auto secret = read_secret(t, k_secret_keys, ctx);
  require_secret(t, k_secret_keys, secret);
  if (!secret.secret) return;
  const std::string& s = secret.secret->value;
  if (!s.starts_with(k_webhook_secret_prefix) || s.size() == k_webhook_secret_prefix.size()) {
    return secret.secret->source.error("expected a Standard Webhooks secret starting with whsec_" +
                                       secret.secret->origin);
  }
  n.secret = s;
}

void read_command(const TableReader& t, NotifierConfig& n) {
  Value v = t.required("command", R"(an array like ["notify-send", "touchbase"])");
  auto argv = v.strings(R"(an array like ["notify-send", "touchbase"])");
  if (!argv) return;
  if (argv->empty() || argv->front().empty()) {
    return v.error(R"(expected the program to run and its arguments, like ["notify-send", "touchbase"])");
  }
  n.command = std::move(*argv);
}

// `rate = "1/s"`, or "unlimited"; absent: the kind's documented limit.
void read_rate(const TableReader& t, NotifierConfig& n) {
  n.rate = default_rate(n.kind);
  Value v = t.get("rate");
  auto text = v.string(R"(a rate like "1/s", "60/m" or "unlimited")");
  if (!text) return;
  if (*text == "unlimited") {
    n.rate.reset();
    return;
  }
  auto rate = parse_rate(*text);
  if (!rate) return v.error(rate.error().message + R"(, or "unlimited")");
  n.rate = *rate;
}

NotifierConfig read_notifier(const std::string& name, const Value& v, const LoadContext& ctx) {
  NotifierConfig n;
  n.name = name;
  auto kind = read_kind(TableReader(v, k_all_keys));
  TableReader t(v, kind ? keys_for(*kind) : std::span<const std::string_view>(k_all_keys));
  reject_inline_secrets(t, k_never_inline);
  if (!kind) {
    t.report_unknown_keys();
    return n;
  }
  n.kind = *kind;
  reject_keys_of_other_kinds(t, *kind);
  switch (*kind) {
    case NotifierKind::email: read_email(t, ctx, n); break;
    case NotifierKind::webhook: read_webhook(t, ctx, n); break;
    case NotifierKind::console: break;
    case NotifierKind::command: read_command(t, n); break;
    case NotifierKind::slack:
    case NotifierKind::teams:
    case NotifierKind::discord:
    case NotifierKind::mattermost:
    case NotifierKind::google_chat: read_url(t, ctx, k_http_schemes, n); break;
  }
  read_rate(t, n);
  t.report_unknown_keys();
  return n;
}

}  // namespace

void read_notifiers(const TableReader& root, LoadContext& ctx, std::map<std::string, NotifierConfig>& out) {
  for_each_named_table(root, "notifiers", "a table like [notifiers.alice-mail]",
                       [&](const std::string& name, const Value& v) { out[name] = read_notifier(name, v, ctx); });
}

}  // namespace touchbase::config_detail
