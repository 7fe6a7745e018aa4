#pragma once
// Notifiers render a reminder for one channel and deliver it. They know
// nothing of cadences: a ReminderMessage is already-decided text.

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/message.h"
#include "core/result.h"
#include "core/utf8.h"

namespace touchbase {

// What a mail server answered to one recipient of a message (RCPT TO).
struct RecipientResult {
  std::string address;
  int code = 0;       // the SMTP reply code, e.g. 250, 451, 550
  std::string reply;  // the reply line, printable, e.g. "550 5.1.1 No such user"
  bool accepted() const { return code >= 200 && code < 300; }
};

// Why a delivery failed, and whether trying again can help. The factories make
// the message printable (core/utf8.h): an answer from outside -- a response
// body, an SMTP reply, a command's stderr -- is stored, logged and put into
// JSON as valid UTF-8 on one line, its control characters escaped.
struct DeliveryFailure {
  enum class Kind { permanent, transient };
  Kind kind = Kind::transient;
  std::string
      message;  // printable on one line; never contains a secret (webhook URLs are shortened to scheme://host/…)
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
    f.message = printable(m, LineFeeds::escape);
    return f;
  }
  static DeliveryFailure transient(std::string m, std::optional<std::chrono::seconds> after = std::nullopt) {
    DeliveryFailure f;
    f.kind = Kind::transient;
    f.message = printable(m, LineFeeds::escape);
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
