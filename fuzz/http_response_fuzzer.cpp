// What a webhook endpoint may answer -- any status, any Retry-After, any body
// -- classified as its header promises: 2xx delivered, anything else a
// failure whose message is valid UTF-8 of bounded length, with a wait no
// longer than k_max_retry_after.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "notifiers/http_response.h"

namespace {

using touchbase::fuzz::check;

const touchbase::Instant k_now = touchbase::Instant{std::chrono::seconds{1'790'000'000}};

void check_wait(std::optional<std::chrono::seconds> wait) {
  if (wait) check(*wait >= std::chrono::seconds{0} && *wait <= touchbase::k_max_retry_after, "waits in range");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  touchbase::HttpResponse response;
  response.status = input.ConsumeIntegralInRange<long>(0, 999);
  response.retry_after = input.ConsumeRandomLengthString(64);
  response.body = input.ConsumeRemainingBytesAsString().substr(0, touchbase::k_max_response_body);

  check_wait(touchbase::parse_retry_after(response.retry_after, k_now));
  check_wait(touchbase::parse_retry_after_body(response.body));
  const auto result = touchbase::classify_http_response(response, k_now, "https://hooks.example.com/…");
  const bool success = response.status >= 200 && response.status < 300;
  check(result.ok() == success, "2xx and only 2xx is delivered");
  if (success) return 0;
  const auto& failure = result.error();
  check(!failure.message.empty(), "a failure says what happened");
  check(touchbase::is_utf8(failure.message), "a failure's message is UTF-8");
  check(failure.message.size() < 1024, "a failure's message is short");
  check_wait(failure.retry_after);
  check(!failure.endpoint_gone || failure.is_permanent(), "a gone endpoint is a permanent failure");
  return 0;
}
