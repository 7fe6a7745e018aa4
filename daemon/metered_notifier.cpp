#include "daemon/metered_notifier.h"

#include <charconv>

namespace touchbase {
namespace {

constexpr std::string_view k_key_prefix = "tb-";

struct RowAfterAttempt {
  bool retry = false;
  bool dead = false;
};

// The row as the caller recorded it: attempts counts this one.
RowAfterAttempt read_row(Store& store, const std::string& key, DeliveryOutcome outcome) {
  RowAfterAttempt after;
  after.dead = outcome == DeliveryOutcome::permanent_failure;
  auto reminder_id = reminder_id_of_key(key);
  if (!reminder_id) return after;
  auto rows = store.outbox_rows(*reminder_id);
  if (!rows) return after;
  for (const OutboxRow& row : *rows) {
    if (row.idempotency_key != key) continue;
    after.retry = row.attempts > 1;
    after.dead = row.state == OutboxState::dead;
  }
  return after;
}

}  // namespace

std::optional<std::int64_t> reminder_id_of_key(std::string_view key) {
  if (!key.starts_with(k_key_prefix)) return std::nullopt;
  key.remove_prefix(k_key_prefix.size());
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(key.data(), key.data() + key.size(), id);
  if (ec != std::errc{} || end == key.data() || end == key.data() + key.size() || *end != '-') return std::nullopt;
  return id;
}

void MeteredNotifier::deliver(const ReminderMessage& message, Done done) {
  // Captured by value: nothing here needs this notifier once the outcome is known.
  auto count = [name = name_, key = message.idempotency_key, contact = message.contact_id, &metrics = metrics_,
                &store = store_, &clock = clock_, done = std::move(done)](DeliveryResult result) {
    done(result);
    DeliveryOutcome outcome = result.ok()                     ? DeliveryOutcome::delivered
                              : result.error().is_permanent() ? DeliveryOutcome::permanent_failure
                                                              : DeliveryOutcome::transient_failure;
    RowAfterAttempt row = read_row(store, key, outcome);
    metrics.delivery(name, outcome, row.retry, row.dead);
    if (!result.ok()) metrics.failure({clock.now(), name, contact, outcome, row.dead, result.error().message});
  };
  inner_.deliver(message, std::move(count));
}

}  // namespace touchbase
