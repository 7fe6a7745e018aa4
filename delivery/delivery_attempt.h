#pragma once
// What the outbox dispatcher tells an observer (the daemon's metrics) about
// each delivery attempt a notifier answered: what the notifier said, and what
// became of the row.

#include <functional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace touchbase {

// What the notifier answered.
enum class DeliveryOutcome { delivered, transient_failure, permanent_failure };

inline std::string_view to_string(DeliveryOutcome outcome) {
  switch (outcome) {
    case DeliveryOutcome::delivered: return "delivered";
    case DeliveryOutcome::transient_failure: return "transient_failure";
    case DeliveryOutcome::permanent_failure: return "permanent_failure";
  }
  return "unknown";
}

// What became of the outbox row after the attempt.
enum class DeliveryFate {
  delivered,  // it leaves the outbox
  retry,      // it is tried again later, with the same key
  fell_back,  // it gave up; the reminder went to the owner's next notifier
  dead,       // it gave up, with no notifier left to try
};

struct DeliveryAttempt {
  std::string notifier;
  std::string contact_id;
  int number = 1;  // 1 for the row's first attempt
  DeliveryOutcome outcome = DeliveryOutcome::delivered;
  DeliveryFate fate = DeliveryFate::delivered;
  std::string message;  // the failure's; empty when delivered
  Instant at;
};

// Called on the dispatcher's event loop, once per attempt: for a failure
// after its fate was written to the store (when the store refused it, the row
// stays ready and the fate is retry); for a success before it is written, as
// successes are written in batches.
using DeliveryObserver = std::function<void(const DeliveryAttempt&)>;

}  // namespace touchbase
