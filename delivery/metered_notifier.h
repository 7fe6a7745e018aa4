#pragma once
// A Notifier that passes deliveries on to another and counts their outcomes
// in Metrics: by notifier and outcome, retries, rows that died, and the
// recent failures. An attempt is a retry when the message says so; whether a
// failed attempt's row died it learns from the outbox row itself, read back
// once the caller has recorded the failure (a caller records failures at
// once; successes it may record later).
//
// Not thread-safe: the event loop's thread only, like the notifier it wraps.

#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "notifiers/notifier.h"
#include "service/metrics.h"
#include "store/store.h"

namespace touchbase {

// The reminder id in an idempotency key "tb-<reminder id>-<notifier>-<hash>"
// (store/records.h), or std::nullopt when the key has another form.
std::optional<std::int64_t> reminder_id_of_key(std::string_view key);

class MeteredNotifier final : public Notifier {
 public:
  // `inner` must outlive this notifier; `metrics`, `store` and `clock` every
  // delivery started here.
  MeteredNotifier(std::string name, Notifier& inner, Metrics& metrics, Store& store, const Clock& clock)
      : name_(std::move(name)), inner_(inner), metrics_(metrics), store_(store), clock_(clock) {}

  // Calls `done` (which records a failure in the outbox), then counts the outcome.
  void deliver(const ReminderMessage& message, Done done) override;

 private:
  std::string name_;
  Notifier& inner_;
  Metrics& metrics_;
  Store& store_;
  const Clock& clock_;
};

}  // namespace touchbase
