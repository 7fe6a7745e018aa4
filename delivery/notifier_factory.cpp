#include "delivery/notifier_factory.h"

#include "core/url.h"
#include "notifiers/console_notifier.h"
#include "notifiers/discord_payload.h"
#include "notifiers/http_notifier.h"
#include "notifiers/mattermost_payload.h"
#include "notifiers/request_builders.h"
#include "notifiers/slack_payload.h"
#include "notifiers/smtp_notifier.h"
#include "notifiers/standard_webhooks.h"
#include "notifiers/teams_payload.h"

namespace touchbase {
namespace {

Error named(const NotifierConfig& config, const Error& error) {
  return Error::config("notifier \"" + config.name + "\" (" + std::string(to_string(config.kind)) +
                       "): " + error.message);
}

bool is_http_kind(NotifierKind kind) {
  switch (kind) {
    case NotifierKind::slack:
    case NotifierKind::teams:
    case NotifierKind::discord:
    case NotifierKind::mattermost:
    case NotifierKind::google_chat:
    case NotifierKind::webhook: return true;
    default: return false;
  }
}

Status validate_http_url(const std::string& url) {
  if (url.empty()) return Error::config("a url is required (url, url_file or url_env)");
  TB_TRY(const UrlParts parts, parse_url(url));
  if (parts.scheme == "https") return {};
  if (parts.scheme == "http" && is_loopback_host(parts.host)) return {};
  if (parts.scheme == "http") return Error::config("the url must be https:// (http:// only to a loopback host)");
  return Error::config("the url must be https://, not " + parts.scheme + "://");
}

Result<SmtpSettings> smtp_settings(const NotifierConfig& config) {
  if (config.url.empty()) return Error::config("a url is required, e.g. smtp://smtp.example.com:587");
  if (config.from.empty()) return Error::config("`from` is required");
  SmtpSettings settings{config.url, config.username, config.password, {}, {}};
  TB_TRY(settings.from, parse_mailbox(config.from));
  for (const auto& to : config.to) {
    TB_TRY(Mailbox box, parse_mailbox(to));
    settings.to.push_back(std::move(box));
  }
  if (!config.username.empty() && config.password.empty()) {
    return Error::config("a username needs a password (password_file or password_env)");
  }
  TB_TRY_STATUS(validate(settings));
  return settings;
}

// REQUIRES: validate_notifier(config) is ok and config.kind is an HTTP kind.
HttpNotifier::RequestBuilder request_builder(const NotifierConfig& config) {
  switch (config.kind) {
    case NotifierKind::slack: return chat_request(config.url, slack_payload);
    case NotifierKind::teams: return chat_request(config.url, teams_payload);
    case NotifierKind::discord: return chat_request(config.url, discord_payload);
    case NotifierKind::mattermost: return chat_request(config.url, mattermost_payload);
    case NotifierKind::google_chat: return google_chat_request(config.url);
    default: return signed_webhook_request(config.url, std::move(decode_webhook_secret(config.secret)).value());
  }
}

const Clock& system_clock() {
  static const SystemClock clock;
  return clock;
}

}  // namespace

Status validate_notifier(const NotifierConfig& config) {
  Status status;
  if (is_http_kind(config.kind)) status = validate_http_url(config.url);
  if (status.ok() && config.kind == NotifierKind::webhook) {
    auto key = decode_webhook_secret(config.secret);
    if (!key) status = key.error();
  }
  if (status.ok() && config.kind == NotifierKind::email) {
    auto settings = smtp_settings(config);
    if (!settings) status = settings.error();
  }
  if (status.ok() && config.kind == NotifierKind::command && config.command.empty()) {
    status = Error::config("`command` needs the program to run (an array: program, then its arguments)");
  }
  if (!status.ok()) return named(config, status.error());
  return {};
}

Result<std::unique_ptr<Notifier>> make_notifier(const NotifierConfig& config, boost::asio::io_context& io,
                                                CurlMulti& curl, std::ostream& console,
                                                const NotifierOptions& options) {
  TB_TRY_STATUS(validate_notifier(config));
  const Clock& clock = options.clock != nullptr ? *options.clock : system_clock();
  std::unique_ptr<Notifier> notifier;
  switch (config.kind) {
    case NotifierKind::console: notifier = std::make_unique<ConsoleNotifier>(console); break;
    case NotifierKind::command:
      notifier = std::make_unique<CommandNotifier>(config.command, io, options.command_timeout);
      break;
    case NotifierKind::email:
      notifier =
          std::make_unique<SmtpNotifier>(std::move(smtp_settings(config)).value(), curl, clock, options.timeouts);
      break;
    default:
      notifier = std::make_unique<HttpNotifier>(std::string(to_string(config.kind)), config.url,
                                                request_builder(config), curl, clock, options.timeouts);
  }
  return notifier;
}

Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console) {
  std::unique_ptr<CurlMulti> curl;
  try {
    curl = std::make_unique<CurlMulti>(io);
  } catch (const std::exception& e) {
    return Error::unavailable(std::string("cannot start libcurl: ") + e.what());
  }
  CurlMulti& shared = *curl;
  NotifierSet set(std::move(curl));
  for (const auto& [name, notifier_config] : config.notifiers) {
    TB_TRY(auto notifier, make_notifier(notifier_config, io, shared, console));
    set.add(name, std::move(notifier));
  }
  return set;
}

}  // namespace touchbase
