#include "daemon/outbox_dispatcher.h"

#include <spdlog/spdlog.h>

#include "daemon/reminder_message.h"

namespace touchbase {

Seconds retry_delay(int attempts, std::optional<Seconds> retry_after, std::mt19937& random) {
  Seconds delay = k_first_retry_delay;
  for (int i = 1; i < attempts && delay < k_max_retry_delay; ++i) delay *= 2;
  delay = std::min(delay, k_max_retry_delay);
  std::uniform_int_distribution<Seconds::rep> jitter(0, delay.count() / 5);
  delay += Seconds(jitter(random));
  return std::max(delay, retry_after.value_or(Seconds(0)));
}

Status OutboxDispatcher::dispatch_ready() {
  TB_TRY(auto rows, store_.outbox_ready(clock_.now(), k_dispatch_batch));
  for (const OutboxRow& row : rows) {
    if (!in_flight_.contains(row.id)) start(row);
  }
  return {};
}

void OutboxDispatcher::start(const OutboxRow& row) {
  auto fail = [&](const std::string& why) { finish(row, DeliveryFailure::permanent(why)); };
  auto notifier = notifiers_.find(row.notifier);
  if (notifier == notifiers_.end()) return fail("notifier '" + row.notifier + "' is not configured");
  auto reminder = store_.find_reminder(row.reminder_id);
  if (!reminder || !*reminder) return fail("reminder " + std::to_string(row.reminder_id) + " is gone");
  auto contact = store_.find_contact((*reminder)->contact_id);
  if (!contact || !*contact) return fail("contact " + (*reminder)->contact_id + " is gone");
  if (!config_.owners.contains((*reminder)->owner)) return fail("owner " + (*reminder)->owner + " is not configured");

  in_flight_.insert(row.id);
  ReminderMessage message = build_reminder_message(config_, **reminder, **contact, row.idempotency_key);
  notifier->second->deliver(message, [this, row](DeliveryResult result) { finish(row, result); });
}

void OutboxDispatcher::finish(const OutboxRow& row, const DeliveryResult& result) {
  in_flight_.erase(row.id);
  Status recorded;
  if (result.ok()) {
    spdlog::info("outbox {}: delivered through {}", row.id, row.notifier);
    recorded = store_.mark_delivered(row.id, clock_.now());
  } else {
    auto reminder = store_.find_reminder(row.reminder_id);
    Instant created = reminder && *reminder ? (*reminder)->created_at : clock_.now();
    recorded = record_failure(row, result.error(), created);
  }
  if (!recorded) {
    spdlog::error("outbox {}: cannot record the outcome: {}", row.id, recorded.error().message);
    errors_.push_back(recorded.error());
  }
  if (idle() && on_idle_) on_idle_();
}

Status OutboxDispatcher::record_failure(const OutboxRow& row, const DeliveryFailure& failure, Instant created_at) {
  Instant now = clock_.now();
  std::optional<Instant> next;
  if (failure.kind == DeliveryFailure::Kind::transient) {
    Instant candidate = now + retry_delay(row.attempts + 1, failure.retry_after, random_);
    if (candidate - created_at <= k_retry_budget) next = candidate;
  }
  if (next) {
    spdlog::warn("outbox {}: {} failed (attempt {}), retrying at {}: {}", row.id, row.notifier, row.attempts + 1,
                 format_rfc3339(*next), failure.message);
  } else {
    spdlog::error("outbox {}: {} failed for good after {} attempt(s): {}", row.id, row.notifier, row.attempts + 1,
                  failure.message);
  }
  return store_.mark_attempt_failed(row.id, failure.message, next);
}

}  // namespace touchbase
