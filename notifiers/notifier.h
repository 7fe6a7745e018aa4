#pragma once
// Notifiers render a reminder for one channel and deliver it. They know
// nothing of cadences: a ReminderMessage is already-decided text.

#include <chrono>
#include <functional>
#include <optional>
#include <string>

#include "core/result.h"

namespace touchbase {

// Everything a salesperson needs to act on a reminder, as display text.
struct ReminderMessage {
  std::string idempotency_key;  // repeated by every attempt of the same delivery
  std::string owner_name;
  std::string contact_id;
  std::string contact_name;
  std::string company;
  std::string stage;
  std::string channel;             // how to reach the contact: "call +1 555 0100" or "email jane@example.com"
  std::string due_at;              // when to follow up, in the contact's and the owner's zones
  std::string why;                 // the rules that decided the time
  std::string talking_point;       // text, or a plain statement that none fits
  std::string talking_point_link;  // may be empty
  std::string next_step;           // agreed at the last touch; may be empty
  std::string log_command;         // the one command that logs the outcome
  bool late = false;               // sent after downtime, past its time
};

// Why a delivery failed, and whether trying again can help.
struct DeliveryFailure {
  enum class Kind { permanent, transient };
  Kind kind = Kind::transient;
  std::string message;
  std::optional<std::chrono::seconds> retry_after;  // honoured for transient failures

  static DeliveryFailure permanent(std::string m) { return {Kind::permanent, std::move(m), std::nullopt}; }
  static DeliveryFailure transient(std::string m, std::optional<std::chrono::seconds> after = std::nullopt) {
    return {Kind::transient, std::move(m), after};
  }
};

using DeliveryResult = Result<void, DeliveryFailure>;

class Notifier {
 public:
  using Done = std::function<void(DeliveryResult)>;
  virtual ~Notifier() = default;

  // Starts delivering `message` and calls `done` exactly once with the
  // outcome, on the caller's event loop (possibly before deliver returns).
  virtual void deliver(const ReminderMessage& message, Done done) = 0;
};

}  // namespace touchbase
