#include "daemon/outbox_dispatcher.h"

#include <algorithm>

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

OutboxDispatcher::OutboxDispatcher(const Config& config, Store& store, const Clock& clock, NotifierSet& notifiers)
    : config_(config), store_(store), clock_(clock), notifiers_(notifiers) {
  for (const auto& [name, notifier] : config.notifiers) {
    if (notifier.rate) limiter_.limit(name, *notifier.rate);
  }
}

Status OutboxDispatcher::dispatch_ready() {
  Instant now = clock_.now();
  TB_TRY(auto rows, store_.outbox_ready(now, k_dispatch_batch));
  for (const OutboxRow& row : rows) {
    if (!in_flight_.contains(row.id) && limiter_.try_take(row.notifier, now)) start(row);
  }
  return {};
}

void OutboxDispatcher::start(const OutboxRow& row) {
  auto fail = [&](const std::string& why) { finish(row, DeliveryFailure::permanent(why)); };
  Notifier* notifier = notifiers_.find(row.notifier);
  if (notifier == nullptr) return fail("notifier '" + row.notifier + "' is not configured");
  if (gone_.contains(row.notifier)) return fail("notifier '" + row.notifier + "' is disabled: its endpoint is gone");
  auto reminder = store_.find_reminder(row.reminder_id);
  if (!reminder || !*reminder) return fail("reminder " + std::to_string(row.reminder_id) + " is gone");
  auto contact = store_.find_contact((*reminder)->contact_id);
  if (!contact || !*contact) return fail("contact " + (*reminder)->contact_id + " is gone");
  if (!config_.owners.contains((*reminder)->owner)) return fail("owner " + (*reminder)->owner + " is not configured");

  in_flight_.insert(row.id);
  ReminderMessage message = build_reminder_message(config_, **reminder, **contact, row.idempotency_key);
  notifier->deliver(message, [this, row](DeliveryResult result) { finish(row, result); });
}

void OutboxDispatcher::finish(const OutboxRow& row, const DeliveryResult& result) {
  in_flight_.erase(row.id);
  Status recorded;
  if (result.ok()) {
    spdlog::info("outbox {}: delivered through {}", row.id, row.notifier);
    recorded = store_.mark_delivered(row.id, clock_.now());
  } else {
    recorded = record_failure(row, result.error());
  }
  if (!recorded) {
    spdlog::error("outbox {}: cannot record the outcome: {}", row.id, recorded.error().message);
    errors_.push_back(recorded.error());
  }
  if (idle() && on_idle_) on_idle_();
}

std::string OutboxDispatcher::fallback_for(const OutboxRow& row, const std::string& owner) const {
  auto it = config_.owners.find(owner);
  if (it == config_.owners.end()) return "";
  const auto& notify = it->second.notify;
  auto current = std::find(notify.begin(), notify.end(), row.notifier);
  for (auto next = current == notify.end() ? notify.end() : current + 1; next != notify.end(); ++next) {
    if (!gone_.contains(*next)) return *next;
  }
  return "";
}

Status OutboxDispatcher::record_failure(const OutboxRow& row, const DeliveryFailure& failure) {
  Instant now = clock_.now();
  if (failure.endpoint_gone && gone_.insert(row.notifier).second) {
    spdlog::error("notifier {}: the endpoint is gone; disabled until the next start or reload", row.notifier);
  }
  TB_TRY(auto reminder, store_.find_reminder(row.reminder_id));
  Instant created = reminder ? reminder->created_at : now;
  if (failure.kind == DeliveryFailure::Kind::transient) {
    Instant next = now + retry_delay(row.attempts + 1, failure.retry_after, random_);
    if (next - created <= k_retry_budget) {
      spdlog::warn("outbox {}: {} failed (attempt {}), retrying at {}: {}", row.id, row.notifier, row.attempts + 1,
                   format_rfc3339(next), failure.message);
      return store_.mark_attempt_failed(row.id, failure.message, next);
    }
  }
  std::string fallback = reminder ? fallback_for(row, reminder->owner) : "";
  spdlog::error("outbox {}: {} failed for good after {} attempt(s): {}{}", row.id, row.notifier, row.attempts + 1,
                failure.message, fallback.empty() ? "" : "; falling back to " + fallback);
  if (fallback.empty()) return store_.mark_attempt_failed(row.id, failure.message, std::nullopt);
  return store_.fall_back(row.id, failure.message, fallback, now);
}

}  // namespace touchbase
