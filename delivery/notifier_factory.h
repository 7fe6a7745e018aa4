#pragma once
// The configured notifiers, built once per config, and the curl multi handle
// the email and webhook notifiers share.
//
// Confined to the event loop's thread, like the notifiers themselves.

#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "config/config.h"
#include "notifiers/asio.h"
#include "notifiers/curl_multi.h"
#include "notifiers/notifier.h"

namespace touchbase {

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

// One notifier per [notifiers.NAME]; console ones write to `console`. `io` and
// `console` must outlive the set.
Result<NotifierSet> make_notifiers(const Config& config, boost::asio::io_context& io, std::ostream& console);

}  // namespace touchbase
