#include "delivery/retry_policy.h"

#include <algorithm>

namespace touchbase {

Seconds retry_delay(int attempt, std::optional<Seconds> retry_after, std::mt19937& random) {
  Seconds delay = k_first_retry_delay;
  for (int i = 1; i < attempt && delay < k_max_retry_delay; ++i) delay *= 2;
  delay = std::min(delay, k_max_retry_delay);
  std::uniform_int_distribution<Seconds::rep> jitter(0, delay.count() / 5);
  delay += Seconds(jitter(random));
  return std::max(delay, retry_after.value_or(Seconds(0)));
}

FailureFate fate_of_failure(int attempt, Instant made_at, const DeliveryFailure& failure, Instant now,
                            const std::optional<std::string>& fallback, std::mt19937& random) {
  if (failure.is_transient()) {
    Instant next = now + retry_delay(attempt, failure.retry_after, random);
    if (next - made_at <= k_retry_budget) return {DeliveryFate::retry, next, ""};
  }
  if (fallback) return {DeliveryFate::fell_back, {}, *fallback};
  return {DeliveryFate::dead, {}, ""};
}

}  // namespace touchbase
