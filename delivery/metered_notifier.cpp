#include "delivery/metered_notifier.h"

#include <charconv>

namespace touchbase {
namespace {

constexpr std::string_view k_key_prefix = "tb-";

// Whether the row of a failed attempt died, as the caller recorded it.
bool row_died(Store& store, const std::string& key, DeliveryOutcome outcome) {
  bool dead = outcome == DeliveryOutcome::permanent_failure;
  auto reminder_id = reminder_id_of_key(key);
  if (!reminder_id) return dead;
  auto rows = store.outbox_rows(*reminder_id);
  if (!rows) return dead;
  for (const OutboxRow& row : *rows) {
    if (row.idempotency_key == key) dead = row.state == OutboxState::dead;
  }
  return dead;
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
  auto count = [name = name_, key = message.idempotency_key, contact = message.contact_id, retry = message.attempt > 1,
                &metrics = metrics_, &store = store_, &clock = clock_, done = std::move(done)](DeliveryResult result) {
    done(result);
    if (result.ok()) return metrics.delivery(name, DeliveryOutcome::delivered, retry, false);
    DeliveryOutcome outcome =
        result.error().is_permanent() ? DeliveryOutcome::permanent_failure : DeliveryOutcome::transient_failure;
    bool dead = row_died(store, key, outcome);
    metrics.delivery(name, outcome, retry, dead);
    metrics.failure({clock.now(), name, contact, outcome, dead, result.error().message});
  };
  inner_.deliver(message, std::move(count));
}

}  // namespace touchbase
