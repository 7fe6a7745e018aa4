#include "delivery/outbox_dispatcher.h"

#include <algorithm>
#include <unordered_map>

#include <fmt/ranges.h>
#include <spdlog/spdlog.h>
#include <boost/asio/post.hpp>

#include "reminders/contact_histories.h"
#include "reminders/reminder_message.h"

namespace touchbase {

OutboxDispatcher::OutboxDispatcher(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
                                   NotifierSet& notifiers, DeliveryObserver observer)
    : config_(config),
      store_(store),
      clock_(clock),
      notifiers_(notifiers),
      observer_(std::move(observer)),
      io_(io),
      record_timer_(io) {
  for (const auto& [name, notifier] : config.notifiers) {
    if (notifier.rate) limiter_.limit(name, *notifier.rate);
  }
}

OutboxDispatcher::~OutboxDispatcher() {
  record_delivered();
  for (const Error& e : errors_) spdlog::error("{}", e.message);
}

Status OutboxDispatcher::dispatch_ready() {
  draining_ = true;
  if (in_flight_.size() >= k_max_in_flight) return {};
  TB_TRY(auto started, start_ready(k_max_in_flight - in_flight_.size()));
  if (started == 0) draining_ = false;
  return {};
}

Result<std::size_t> OutboxDispatcher::start_ready(std::size_t room) {
  Instant now = clock_.now();
  std::size_t started = 0;
  // One transaction for reading every message, and for the failures recorded on the way.
  auto start_rows = [&]() -> Status {
    // The rows in flight or delivered are still waiting in the store, and the oldest: read past them.
    const std::size_t limit = in_flight_.size() + delivered_.size() + room;
    TB_TRY(auto rows, store_.outbox_ready(now, static_cast<int>(limit)));
    std::vector<OutboxRow> chosen;
    for (OutboxRow& row : rows) {
      if (chosen.size() == room) break;
      if (in_flight_.contains(row.id) || std::find(delivered_.begin(), delivered_.end(), row.id) != delivered_.end()) {
        continue;
      }
      if (!limiter_.try_take(row.notifier, now)) continue;
      chosen.push_back(std::move(row));
    }
    TB_TRY(auto messages, messages_for(chosen));
    for (std::size_t i = 0; i < chosen.size(); ++i) start(chosen[i], std::move(messages[i]));
    started = chosen.size();
    return {};
  };
  TB_TRY_STATUS(store_.in_one_transaction(start_rows));
  return started;
}

void OutboxDispatcher::start(const OutboxRow& row, Result<ReminderMessage> message) {
  Notifier* notifier = notifiers_.find(row.notifier);
  if (notifier == nullptr) return fail_unsent(row, "notifier '" + row.notifier + "' is not configured");
  if (gone_.contains(row.notifier)) {
    return fail_unsent(row, "notifier '" + row.notifier + "' is disabled: its endpoint is gone");
  }
  if (!message) return fail_unsent(row, message.error().message);
  message->attempt = row.attempts + 1;
  in_flight_.insert(row.id);
  notifier->deliver(*message, [this, row, contact_id = message->contact_id](DeliveryResult result) {
    finish(row, contact_id, result);
  });
}

Result<std::vector<Result<ReminderMessage>>> OutboxDispatcher::messages_for(std::span<const OutboxRow> rows) {
  std::vector<std::int64_t> reminder_ids;
  for (const OutboxRow& row : rows) {
    if (row.notice_id == 0) reminder_ids.push_back(row.reminder_id);
  }
  TB_TRY(auto kept, store_.messages_of(reminder_ids));
  std::erase_if(reminder_ids, [&](std::int64_t id) { return kept.contains(id); });
  TB_TRY(auto made, messages_made_now(reminder_ids));

  auto message_for = [&](const OutboxRow& row) -> Result<ReminderMessage> {
    if (row.notice_id != 0) return notice_message(row);
    const auto with_key = [&](Result<ReminderMessage> m) {
      if (m) m->idempotency_key = row.idempotency_key;
      return m;
    };
    if (const auto it = kept.find(row.reminder_id); it != kept.end()) return with_key(it->second);
    const auto it = made.find(row.reminder_id);
    if (it == made.end()) return Error::no_input("reminder " + std::to_string(row.reminder_id) + " is gone");
    return with_key(it->second);
  };
  std::vector<Result<ReminderMessage>> messages;
  for (const OutboxRow& row : rows) messages.push_back(message_for(row));
  return messages;
}

Result<std::unordered_map<std::int64_t, Result<ReminderMessage>>> OutboxDispatcher::messages_made_now(
    std::span<const std::int64_t> reminder_ids) {
  std::unordered_map<std::int64_t, Result<ReminderMessage>> made;
  if (reminder_ids.empty()) return made;
  TB_TRY(auto reminders, store_.find_reminders(reminder_ids));
  std::vector<std::string> contact_ids;
  for (const Reminder& r : reminders) contact_ids.push_back(r.contact_id);
  TB_TRY(auto contacts, store_.find_contacts(contact_ids));
  TB_TRY(auto histories, store_.histories_of(contact_ids));
  std::unordered_map<std::string_view, const Contact*> contact_by_id;
  for (const Contact& c : contacts) contact_by_id.emplace(c.id, &c);

  auto message_for = [&](const Reminder& r) -> Result<ReminderMessage> {
    const auto contact = contact_by_id.find(r.contact_id);
    if (contact == contact_by_id.end()) return Error::no_input("contact " + r.contact_id + " is gone");
    if (!config_.owners.contains(r.owner)) return Error::config("owner " + r.owner + " is not configured");
    return build_reminder_message(config_, r, *contact->second, reminder_facts(histories, r), "");
  };
  for (const Reminder& r : reminders) made.emplace(r.id, message_for(r));
  return made;
}

Result<ReminderMessage> OutboxDispatcher::notice_message(const OutboxRow& row) {
  TB_TRY(auto notice, store_.find_notice(row.notice_id));
  if (!notice) return Error::no_input("notice " + std::to_string(row.notice_id) + " is gone");
  if (!config_.owners.contains(notice->owner)) return Error::config("owner " + notice->owner + " is not configured");
  return build_notice_message(config_, *notice, row.idempotency_key);
}

Result<std::optional<OutboxDispatcher::Origin>> OutboxDispatcher::origin_of(const OutboxRow& row) {
  if (row.notice_id != 0) {
    TB_TRY(auto notice, store_.find_notice(row.notice_id));
    if (!notice) return std::optional<Origin>();
    return std::optional<Origin>(Origin{notice->owner, notice->created_at});
  }
  TB_TRY(auto reminder, store_.find_reminder(row.reminder_id));
  if (!reminder) return std::optional<Origin>();
  return std::optional<Origin>(Origin{reminder->owner, reminder->created_at});
}

void OutboxDispatcher::finish(const OutboxRow& row, const std::string& contact_id, const DeliveryResult& result) {
  in_flight_.erase(row.id);
  DeliveryAttempt attempt{.notifier = row.notifier,
                          .contact_id = contact_id,
                          .number = row.attempts + 1,
                          .outcome = DeliveryOutcome::delivered,
                          .fate = DeliveryFate::delivered,
                          .message = "",
                          .at = clock_.now()};
  if (result.ok()) {
    delivered_.push_back(row.id);
    delivered_through_[row.notifier].push_back(row.id);
  } else {
    // Failures are few, and recorded at once: the fallback row must exist before anything else happens.
    const DeliveryFailure& failure = result.error();
    attempt.outcome = failure.is_permanent() ? DeliveryOutcome::permanent_failure : DeliveryOutcome::transient_failure;
    attempt.fate = fail(row, failure);
    attempt.message = failure.message;
  }
  if (observer_) observer_(attempt);
  end_turn_soon();
}

void OutboxDispatcher::fail_unsent(const OutboxRow& row, const std::string& why) {
  fail(row, DeliveryFailure::permanent(why));
  end_turn_soon();
}

DeliveryFate OutboxDispatcher::fail(const OutboxRow& row, const DeliveryFailure& failure) {
  auto fate = record_failure(row, failure);
  if (fate) return *fate;
  spdlog::error("outbox {}: cannot record the outcome: {}", row.id, fate.error().message);
  keep_error(fate.error());
  return DeliveryFate::retry;
}

void OutboxDispatcher::end_turn_soon() {
  if (std::exchange(turn_end_posted_, true)) return;
  boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.expired()) return;
    turn_end_posted_ = false;
    end_turn();
  });
}

void OutboxDispatcher::end_turn() {
  if (draining_ && in_flight_.size() <= k_max_in_flight / 2) {
    auto started = start_ready(k_max_in_flight - in_flight_.size());
    if (!started) keep_error(started.error());
    if (!started || *started == 0) draining_ = false;
  }
  if (delivered_.size() >= k_record_batch || in_flight_.empty() || !draining_) {
    record_delivered();
  } else {
    record_soon();
  }
  if (idle() && on_idle_) on_idle_();
}

void OutboxDispatcher::record_soon() {
  if (std::exchange(record_timer_armed_, true)) return;
  record_timer_.expires_after(k_record_delay);
  record_timer_.async_wait([this, alive = std::weak_ptr<bool>(alive_)](const boost::system::error_code& ec) {
    if (alive.expired() || ec) return;
    record_timer_armed_ = false;
    record_delivered();
    if (idle() && on_idle_) on_idle_();
  });
}

void OutboxDispatcher::record_delivered() {
  if (delivered_.empty()) return;
  const std::vector<std::int64_t> rows = std::exchange(delivered_, {});
  // One line per notifier for the whole batch: a burst does not write a line per reminder.
  for (const auto& [notifier, ids] : std::exchange(delivered_through_, {})) {
    spdlog::info("outbox {}: delivered through {}", fmt::join(ids, ", "), notifier);
  }
  auto marked = store_.mark_batch_delivered(rows, clock_.now());
  if (!marked) {
    // They stay pending in the store and are sent again, with the same keys, by a later pass.
    spdlog::error("cannot record {} delivered outbox row(s): {}", rows.size(), marked.error().message);
    keep_error(marked.error());
  } else if (static_cast<std::size_t>(*marked) < rows.size()) {
    spdlog::warn("{} delivered outbox row(s) no longer exist: their contacts were deleted meanwhile",
                 rows.size() - static_cast<std::size_t>(*marked));
  }
}

// A store that cannot record outcomes ends the drain: rows would otherwise be sent again and again.
void OutboxDispatcher::keep_error(const Error& error) {
  errors_.push_back(error);
  draining_ = false;
}

std::optional<std::string> OutboxDispatcher::fallback_for(const OutboxRow& row, const std::string& owner) const {
  auto it = config_.owners.find(owner);
  if (it == config_.owners.end()) return std::nullopt;
  const auto& notify = it->second.notify;
  auto current = std::find(notify.begin(), notify.end(), row.notifier);
  for (auto next = current == notify.end() ? notify.end() : current + 1; next != notify.end(); ++next) {
    if (!gone_.contains(*next)) return *next;
  }
  return std::nullopt;
}

Result<DeliveryFate> OutboxDispatcher::record_failure(const OutboxRow& row, const DeliveryFailure& failure) {
  Instant now = clock_.now();
  if (failure.endpoint_gone && gone_.insert(row.notifier).second) {
    spdlog::error("notifier {}: the endpoint is gone; disabled until the next start or reload", row.notifier);
  }
  TB_TRY(auto origin, origin_of(row));
  const int attempt = row.attempts + 1;
  const FailureFate fate = fate_of_failure(attempt, origin ? origin->created_at : now, failure, now,
                                           origin ? fallback_for(row, origin->owner) : std::nullopt, random_);
  if (fate.fate == DeliveryFate::retry) {
    spdlog::warn("outbox {}: {} failed (attempt {}), retrying at {}: {}", row.id, row.notifier, attempt,
                 format_rfc3339(fate.retry_at), failure.message);
  } else {
    spdlog::error("outbox {}: {} failed for good after {} attempt(s): {}{}", row.id, row.notifier, attempt,
                  failure.message, fate.fallback.empty() ? "" : "; falling back to " + fate.fallback);
  }
  TB_TRY_STATUS(write_fate(row, failure, fate, now));
  return fate.fate;
}

Status OutboxDispatcher::write_fate(const OutboxRow& row, const DeliveryFailure& failure, const FailureFate& fate,
                                    Instant now) {
  switch (fate.fate) {
    case DeliveryFate::retry: return store_.mark_attempt_failed(row.id, failure.message, fate.retry_at);
    case DeliveryFate::fell_back: return store_.fall_back(row.id, failure.message, fate.fallback, now);
    default: return store_.mark_attempt_failed(row.id, failure.message, std::nullopt);
  }
}

}  // namespace touchbase
