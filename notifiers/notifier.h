#pragma once
// Notifiers render a reminder for one channel and deliver it. They know
// nothing of cadences: a ReminderMessage is already-decided text.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace touchbase {

// Everything a salesperson needs to act on a reminder, as display text.
// A notice (headline set) is about several contacts at once: the contact
// fields are empty and `why` holds its lines.
struct ReminderMessage {
  std::string idempotency_key;  // repeated by every attempt of the same delivery
  std::string headline;         // a notice's title; empty for a reminder
  std::string owner_name;
  std::string contact_id;
  std::string contact_name;
  std::string company;
  std::string stage;
  std::string channel;             // how to reach the contact: "call +1 555 0100" or "email jane@example.com"
  std::string due_at;              // when to follow up, in the contact's and the owner's zones
  std::string why;                 // the rules that decided the time
  std::string talking_point;       // text (the agreed next step, a point), or a plain statement that none fits
  std::string talking_point_link;  // may be empty
  std::string next_step;           // agreed at the last touch; empty when none, or when it is the talking point
  std::string log_command;         // the one command that logs the outcome
  bool late = false;               // sent after downtime, past its time
  int attempt = 1;                 // which attempt of this delivery it is, from 1
};

// What a mail server answered to one recipient of a message (RCPT TO).
struct RecipientResult {
  std::string address;
  int code = 0;       // the SMTP reply code, e.g. 250, 451, 550
  std::string reply;  // the reply line, e.g. "550 5.1.1 No such user"
  bool accepted() const { return code >= 200 && code < 300; }
};

// Why a delivery failed, and whether trying again can help.
struct DeliveryFailure {
  enum class Kind { permanent, transient };
  Kind kind = Kind::transient;
  std::string message;  // never contains a secret (webhook URLs are shortened to scheme://host/…)
  std::optional<std::chrono::seconds> retry_after;  // honoured for transient failures
  // The endpoint no longer exists (HTTP 410 Gone): the caller may disable the
  // notifier instead of trying it again for later reminders. Always permanent.
  bool endpoint_gone = false;
  // Email only: the server's answer for each recipient, when the envelope got
  // that far. Recipients that accepted already have the message.
  std::vector<RecipientResult> recipients;

  static DeliveryFailure permanent(std::string m) {
    DeliveryFailure f;
    f.kind = Kind::permanent;
    f.message = std::move(m);
    return f;
  }
  static DeliveryFailure transient(std::string m, std::optional<std::chrono::seconds> after = std::nullopt) {
    DeliveryFailure f;
    f.kind = Kind::transient;
    f.message = std::move(m);
    f.retry_after = after;
    return f;
  }
  static DeliveryFailure gone(std::string m) {
    DeliveryFailure f = permanent(std::move(m));
    f.endpoint_gone = true;
    return f;
  }
  bool is_permanent() const { return kind == Kind::permanent; }
  bool is_transient() const { return kind == Kind::transient; }
};

using DeliveryResult = Result<void, DeliveryFailure>;

class Notifier {
 public:
  using Done = std::function<void(DeliveryResult)>;
  virtual ~Notifier() = default;

  // Starts delivering `message` and calls `done` exactly once with the
  // outcome, on the caller's event loop (possibly before deliver returns).
  // The notifier copies what it needs from `message`. Deliveries may overlap.
  virtual void deliver(const ReminderMessage& message, Done done) = 0;
};

}  // namespace touchbase
