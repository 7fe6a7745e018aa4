#include "delivery/unrecorded_outcomes.h"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace touchbase {

void UnrecordedOutcomes::keep_delivered(std::span<const std::int64_t> row_ids) {
  delivered_.insert(delivered_.end(), row_ids.begin(), row_ids.end());
  ids_.insert(row_ids.begin(), row_ids.end());
}

void UnrecordedOutcomes::keep_failed(UnrecordedFailure failure) {
  ids_.insert(failure.row.id);
  failed_.push_back(std::move(failure));
}

void UnrecordedOutcomes::keep_all_failed(std::span<const UnrecordedFailure> failures) {
  for (const UnrecordedFailure& f : failures) keep_failed(f);
}

void UnrecordedOutcomes::write_refused(const Error& error, Instant now) {
  const bool first = !error_.has_value();
  backoff_ = first ? k_first_record_retry : std::min(backoff_ * 2, k_max_record_retry);
  retry_at_ = now + backoff_;
  error_ = error;
  if (!first) return;
  since_ = now;
  spdlog::error(
      "cannot record delivery outcomes: {}. {} outcome(s) are kept in memory and their rows are not sent again; no "
      "new delivery starts until they are written, tried again after {}, then less and less often, at least every {}",
      error.message, size(), format_duration(backoff_), format_duration(k_max_record_retry));
}

std::optional<Instant> UnrecordedOutcomes::retry_at() const {
  if (empty()) return std::nullopt;
  return retry_at_;
}

std::optional<RecordOutage> UnrecordedOutcomes::outage() const {
  if (empty() || !error_) return std::nullopt;
  return RecordOutage{.waiting = size(), .error = *error_, .since = since_};
}

std::vector<std::int64_t> UnrecordedOutcomes::take_delivered() {
  for (std::int64_t id : delivered_) ids_.erase(id);
  return std::exchange(delivered_, {});
}

std::vector<UnrecordedFailure> UnrecordedOutcomes::take_failed() {
  for (const UnrecordedFailure& f : failed_) ids_.erase(f.row.id);
  return std::exchange(failed_, {});
}

void UnrecordedOutcomes::recovered(std::size_t written, Instant now) {
  if (!std::exchange(error_, std::nullopt)) return;
  spdlog::info("delivery outcomes are recorded again after {} ({} written); deliveries resume",
               format_duration(std::chrono::duration_cast<Seconds>(now - since_)), written);
  backoff_ = Seconds(0);
}

}  // namespace touchbase
