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
  if (!unrecorded_.empty()) retry_unrecorded(clock_.now());  // a last try
  if (auto outage = unrecorded_.outage()) {
    spdlog::error(
        "{} delivery outcome(s) could not be recorded ({}): their rows stay in the outbox and are sent "
        "again, with the same keys, by the next start",
        outage->waiting, outage->error.message);
  }
  for (const Error& e : errors_) spdlog::error("{}", e.message);
}

Status OutboxDispatcher::dispatch_ready() {
  const Instant now = clock_.now();
  if (unrecorded_.due(now)) retry_unrecorded(now);
  // Nothing starts while outcomes wait: a crash would send all of them again.
  draining_ = unrecorded_.empty();
  if (!draining_) return {};
  TB_TRY(auto started, start_ready());
  if (started == 0 && held_for_room_.empty()) draining_ = false;
  return {};
}

Result<std::size_t> OutboxDispatcher::start_ready() {
  Instant now = clock_.now();
  std::size_t started = 0;
  held_for_room_.clear();
  // One transaction for reading every message, and for the failures recorded on the way.
  auto start_rows = [&]() -> Status {
    // The rows in flight or delivered are still waiting in the store, and the oldest: read past them.
    const std::size_t limit = in_flight_.size() + delivered_.size() + unrecorded_.size() + k_max_in_flight;
    TB_TRY(auto rows, store_.outbox_ready(now, static_cast<int>(limit)));
    std::vector<OutboxRow> chosen = choose(rows, now);
    TB_TRY(auto messages, messages_for(chosen));
    for (std::size_t i = 0; i < chosen.size(); ++i) start(chosen[i], std::move(messages[i]));
    started = chosen.size();
    return {};
  };
  TB_TRY_STATUS(store_.in_one_transaction(start_rows));
  return started;
}

std::vector<OutboxRow> OutboxDispatcher::choose(std::vector<OutboxRow>& ready, Instant now) {
  std::map<std::string, std::size_t, std::less<>> chosen_through;
  std::vector<OutboxRow> chosen;
  for (OutboxRow& row : ready) {
    if (busy(row.id)) continue;
    std::size_t& count = chosen_through[row.notifier];
    const auto flying = in_flight_through_.find(row.notifier);
    if ((flying == in_flight_through_.end() ? 0 : flying->second) + count >= k_max_in_flight) {
      held_for_room_.insert(row.notifier);
      continue;
    }
    if (!limiter_.try_take(row.notifier, now)) continue;
    ++count;
    chosen.push_back(std::move(row));
  }
  return chosen;
}

bool OutboxDispatcher::busy(std::int64_t row_id) const {
  return in_flight_.contains(row_id) || unrecorded_.holds(row_id) ||
         std::find(delivered_.begin(), delivered_.end(), row_id) != delivered_.end();
}

// A notifier whose share was full is read for again once half of it is free; any other at every turn.
bool OutboxDispatcher::worth_claiming() const {
  if (held_for_room_.empty()) return true;
  return std::any_of(held_for_room_.begin(), held_for_room_.end(), [&](const std::string& notifier) {
    const auto flying = in_flight_through_.find(notifier);
    return flying == in_flight_through_.end() || flying->second <= k_max_in_flight / 2;
  });
}

void OutboxDispatcher::start(const OutboxRow& row, Result<ReminderMessage> message) {
  Notifier* notifier = notifiers_.find(row.notifier);
  if (notifier == nullptr) return fail_unsent(row, "notifier '" + row.notifier + "' is not configured");
  if (gone_.contains(row.notifier)) {
    return fail_unsent(row, "notifier '" + row.notifier + "' is disabled: its endpoint is gone");
  }
  if (!message) return fail_unsent(row, message.error().message);
  message->attempt = row.attempts + 1;
  in_flight_.emplace(row.id, row.notifier);
  ++in_flight_through_[row.notifier];
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
  if (const auto flying = in_flight_through_.find(row.notifier); flying != in_flight_through_.end()) {
    if (--flying->second == 0) in_flight_through_.erase(flying);
  }
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
  // While outcomes wait, no write is tried before their time: each could wait for a lock.
  if (!unrecorded_.empty()) {
    unrecorded_.keep_failed({row, failure});
    return DeliveryFate::retry;
  }
  auto fate = record_failure(row, failure);
  if (fate) return *fate;
  unrecorded_.keep_failed({row, failure});
  write_refused(fate.error(), clock_.now());
  return DeliveryFate::retry;
}

void OutboxDispatcher::retry_unrecorded(Instant now) {
  const std::size_t waiting = unrecorded_.size();
  const std::vector<std::int64_t> delivered = unrecorded_.take_delivered();
  if (!delivered.empty()) {
    if (auto marked = store_.mark_batch_delivered(delivered, now); !marked) {
      unrecorded_.keep_delivered(delivered);
      return write_refused(marked.error(), now);
    }
  }
  const std::vector<UnrecordedFailure> failed = unrecorded_.take_failed();
  for (std::size_t i = 0; i < failed.size(); ++i) {
    if (auto fate = record_failure(failed[i].row, failed[i].failure); !fate) {
      unrecorded_.keep_all_failed(std::span(failed).subspan(i));
      return write_refused(fate.error(), now);
    }
  }
  unrecorded_.recovered(waiting, now);
}

void OutboxDispatcher::write_refused(const Error& error, Instant now) {
  unrecorded_.write_refused(error, now);
  draining_ = false;
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
  if (draining_ && worth_claiming()) {
    auto started = start_ready();
    if (!started) keep_error(started.error());
    if (!started || (*started == 0 && held_for_room_.empty())) draining_ = false;
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
  if (!unrecorded_.empty()) return unrecorded_.keep_delivered(rows);  // written with them, in their time
  auto marked = store_.mark_batch_delivered(rows, clock_.now());
  if (!marked) {
    // Pending in the store, and the oldest: kept, so that no later claim sends them again.
    unrecorded_.keep_delivered(rows);
    write_refused(marked.error(), clock_.now());
  } else if (static_cast<std::size_t>(*marked) < rows.size()) {
    spdlog::warn("{} delivered outbox row(s) no longer exist: their contacts were deleted meanwhile",
                 rows.size() - static_cast<std::size_t>(*marked));
  }
}

// A store that cannot be read ends the drain; the daemon tries again later.
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
  TB_TRY_STATUS(write_fate(row, failure, fate, now));
  if (fate.fate == DeliveryFate::retry) {
    spdlog::warn("outbox {}: {} failed (attempt {}), retrying at {}: {}", row.id, row.notifier, attempt,
                 format_rfc3339(fate.retry_at), failure.message);
  } else {
    spdlog::error("outbox {}: {} failed for good after {} attempt(s): {}{}", row.id, row.notifier, attempt,
                  failure.message, fate.fallback.empty() ? "" : "; falling back to " + fate.fallback);
  }
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
