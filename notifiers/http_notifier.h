#pragma once
// The chat and webhook notifiers (Slack, Teams, Discord, Mattermost, Google
// Chat, generic signed webhook): each is this class with its own request
// builder, a pure function from the reminder to the URL, headers and JSON
// body. The response is classified by classify_http_response().

#include <functional>
#include <string>

#include "core/clock.h"
#include "notifiers/curl_multi.h"
#include "notifiers/http_post.h"
#include "notifiers/notifier.h"

namespace touchbase {

class HttpNotifier final : public Notifier {
 public:
  // The request for a reminder, built at `now`.
  using RequestBuilder = std::function<HttpRequest(const ReminderMessage& m, Instant now)>;

  // `channel` ("slack") and the redacted `url` name the endpoint in failure
  // messages. `curl` and `clock` must outlive the notifier and its deliveries.
  HttpNotifier(std::string channel, std::string url, RequestBuilder build, CurlMulti& curl, const Clock& clock,
               TransferTimeouts timeouts);

  // Call on the io_context's thread (the CurlMulti is confined to it).
  void deliver(const ReminderMessage& message, Done done) override;

 private:
  std::string endpoint_;  // channel and redacted URL
  RequestBuilder build_;
  CurlMulti& curl_;
  const Clock& clock_;
  TransferTimeouts timeouts_;
};

}  // namespace touchbase
