#pragma once
// Builds the notifier a [notifiers.NAME] table describes.

#include <chrono>
#include <memory>
#include <ostream>
#include <string_view>

#include "config/config.h"
#include "core/clock.h"
#include "core/result.h"
#include "notifiers/asio.h"
#include "notifiers/command_notifier.h"
#include "notifiers/curl_multi.h"
#include "notifiers/notifier.h"

namespace touchbase {

struct NotifierOptions {
  const Clock* clock = nullptr;  // Date headers, webhook timestamps, Retry-After dates; nullptr: the system clock
  TransferTimeouts timeouts;     // email and HTTP
  std::chrono::milliseconds command_timeout = k_default_command_timeout;
};

// "email", "google-chat", ...: the kind as written in the configuration.
std::string_view notifier_kind_name(NotifierKind kind);

// Checks what the notifier itself needs, beyond the loader's checks:
//  - chat and webhook URLs are https://, or http:// to a loopback host
//  - email: smtp:// or smtps://, a valid `from`, at least one valid `to`
//    address, a password when a username is set
//  - webhook: a "whsec_" secret that is valid base64
//  - command: a program to run
// Errors are Errc::config, name the notifier and never contain a secret.
Status validate_notifier(const NotifierConfig& config);

// The notifier for `config`. `io`, `curl`, `console` and `options.clock`
// must outlive it and its deliveries.
Result<std::unique_ptr<Notifier>> make_notifier(const NotifierConfig& config, boost::asio::io_context& io,
                                                CurlMulti& curl, std::ostream& console,
                                                const NotifierOptions& options = {});

}  // namespace touchbase
