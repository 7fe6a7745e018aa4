#pragma once
// What becomes of an outbox row whose delivery failed: a pure function of the
// row's attempts, when its reminder (or notice) was made, the failure, `now`
// and the fallback notifier; the dispatcher writes the outcome to the store.
//
//  - A transient failure is retried after retry_delay(), if that retry falls
//    within k_retry_budget of when the reminder was made.
//  - Otherwise (a permanent failure, or out of budget) the reminder goes to
//    the fallback notifier when there is one (fell_back), else the row is dead.

#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "core/time.h"
#include "delivery/delivery_attempt.h"
#include "notifiers/notifier.h"

namespace touchbase {

inline constexpr Seconds k_first_retry_delay{30};
inline constexpr Seconds k_max_retry_delay{std::chrono::hours(1)};
inline constexpr Seconds k_retry_budget{std::chrono::hours(24)};

// The delay after failed attempt number `attempt` (1 for the first): doubling
// from k_first_retry_delay up to k_max_retry_delay, with up to 20% random
// jitter, and never shorter than `retry_after`.
Seconds retry_delay(int attempt, std::optional<Seconds> retry_after, std::mt19937& random);

struct FailureFate {
  DeliveryFate fate = DeliveryFate::dead;  // retry, fell_back or dead
  Instant retry_at;                        // when `fate` is retry: the next attempt
  std::string fallback;                    // when `fate` is fell_back: the notifier the reminder goes to
};

// The fate of a row whose attempt number `attempt` failed with `failure` at
// `now`; its reminder was made at `made_at`. `fallback`: the owner's next
// notifier that is not disabled, if any.
FailureFate fate_of_failure(int attempt, Instant made_at, const DeliveryFailure& failure, Instant now,
                            const std::optional<std::string>& fallback, std::mt19937& random);

}  // namespace touchbase
