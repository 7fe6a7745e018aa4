#pragma once
// The notifiers a config describes: each [notifiers.NAME] table is checked
// and translated into its notifier's own settings (SmtpSettings, a request
// builder, a command line), and the set of them is what the daemon delivers
// through.
//
// Confined to the event loop's thread, like the notifiers themselves.

#include <chrono>
#include <map>
#include <memory>
#include <ostream>
#include <string>
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

// Checks what the notifier itself needs, beyond the loader's checks:
//  - chat and webhook URLs are https://, or http:// to a loopback host
//  - email: smtp:// or smtps://, a valid `from`, at least one valid `to`
//    address, a password when a username is set
//  - webhook: a "whsec_" secret that is valid base64
//  - command: a program to run
// Errors are Errc::config, name the notifier and never contain a secret.
Status validate_notifier(const NotifierConfig& config);

// The notifier for `config`, once validate_notifier() accepts it. `io`,
// `curl`, `console` and `options.clock` must outlive it and its deliveries.
Result<std::unique_ptr<Notifier>> make_notifier(const NotifierConfig& config, boost::asio::io_context& io,
                                                CurlMulti& curl, std::ostream& console,
                                                const NotifierOptions& options = {});

// Notifiers by name, and the curl multi handle the email and webhook ones share.
class NotifierSet {
 public:
  NotifierSet() = default;
  // `curl` is the transfer engine the notifiers added later use.
  explicit NotifierSet(std::unique_ptr<CurlMulti> curl) : curl_(std::move(curl)) {}

  void add(std::string name, std::unique_ptr<Notifier> notifier) {
    notifiers_.insert_or_assign(std::move(name), std::move(notifier));
  }
  // The notifier called `name`, or nullptr.
  Notifier* find(std::string_view name) const {
    auto it = notifiers_.find(name);
    return it == notifiers_.end() ? nullptr : it->second.get();
  }

 private:
  std::unique_ptr<CurlMulti> curl_;  // destroyed after the notifiers that use it
  std::map<std::string, std::unique_ptr<Notifier>, std::less<>> notifiers_;
};

// One notifier per [notifiers.NAME], with the system clock and the default
// timeouts; console ones write to `console`. `io` and `console` must outlive
// the set.
Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console);

}  // namespace touchbase
