#include "notifiers/http_notifier.h"

#include "core/url.h"
#include "notifiers/transport_failure.h"

namespace touchbase {

HttpNotifier::HttpNotifier(std::string channel, std::string url, RequestBuilder build, CurlMulti& curl,
                           const Clock& clock, TransferTimeouts timeouts)
    : endpoint_(std::move(channel) + " " + redact_url(url)),
      build_(std::move(build)),
      curl_(curl),
      clock_(clock),
      timeouts_(timeouts) {}

void HttpNotifier::deliver(const ReminderMessage& message, Done done) {
  HttpRequest request = build_(message, clock_.now());
  auto on_done = [done = std::move(done), endpoint = endpoint_, url = request.url, clock = &clock_](
                     CURLcode code, const HttpResponse& response, const std::string& error_text) {
    if (code != CURLE_OK) {
      done(transport_failure(code, error_text, endpoint, url));
      return;
    }
    done(classify_http_response(response, clock->now(), endpoint));
  };
  post_json(curl_, std::move(request), timeouts_, std::move(on_done));
}

}  // namespace touchbase
