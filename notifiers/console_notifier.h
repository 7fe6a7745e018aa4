#pragma once
// Writes reminders to a stream (stdout in the daemon): the notifier that
// needs no outside service. Text is written printable (core/utf8.h): a
// control character in contact data shows as an escape, never reaches the
// terminal raw.

#include <mutex>
#include <ostream>

#include "notifiers/notifier.h"

namespace touchbase {

class ConsoleNotifier final : public Notifier {
 public:
  // `out` must outlive the notifier.
  explicit ConsoleNotifier(std::ostream& out) : out_(out) {}
  // Writes the reminder and reports success, or a transient failure if the
  // stream is in a failed state.
  void deliver(const ReminderMessage& message, Done done) override;

 private:
  std::ostream& out_;
  std::mutex mutex_;
};

}  // namespace touchbase
