#pragma once
// What the running daemon counts, and the figures it reads from the store on
// demand, rendered for /metrics (Prometheus text format 0.0.4) and for
// `touchbase status` (one JSON object).
//
// Not thread-safe: updated and read on the daemon's event loop.

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/contact.h"
#include "core/result.h"
#include "core/time.h"
#include "delivery/delivery_attempt.h"
#include "store/store.h"

namespace touchbase {

// How many delivery failures `touchbase status` lists.
inline constexpr std::size_t k_recent_failures = 10;

enum class ReloadOutcome { taken, refused };

// Figures read from the store when they are asked for: counts the store
// keeps as it writes, so a request costs the same whatever the database holds.
struct StoreFigures {
  std::map<ContactStatus, int> contacts;  // every status, zero included
  int outbox_depth = 0;                   // rows pending or waiting to retry
  int dead_rows = 0;                      // rows given up on, kept for inspection and requeue
  std::optional<Instant> next_outbox_attempt;
};

// REQUIRES: called on the thread that uses `store`.
Result<StoreFigures> read_store_figures(Store& store);

class Metrics {
 public:
  Metrics(Instant started_at, std::string config_path);

  void config_loaded(Instant at) { config_loaded_at_ = at; }
  void reload_finished(ReloadOutcome outcome) { ++(outcome == ReloadOutcome::taken ? reloads_ok_ : reloads_failed_); }
  void reminders_created(int n) { reminders_created_ += n; }
  // The contacts the last pass left out (reminders/skipped_contacts.h).
  void contacts_skipped(std::span<const SkippedContact> skipped) { skipped_.assign(skipped.begin(), skipped.end()); }
  // After each pass: when it ran, whether it failed, and the earliest
  // reminder still to come.
  void pass_finished(Instant at, const Status& outcome, std::optional<Instant> next_reminder);
  // One delivery attempt (a DeliveryObserver): counted by notifier and
  // outcome, as a retry when it was not the row's first, and as a row given up
  // on when it died or fell back; a failure joins the recent ones.
  void delivery_attempted(const DeliveryAttempt& attempt);
  // Configured notifiers appear in /metrics with zero counts before any delivery.
  void declare_notifier(std::string_view notifier);

  Instant started_at() const { return started_at_; }
  const std::string& last_pass_error() const { return last_pass_error_; }
  std::optional<Instant> last_pass_at() const { return last_pass_at_; }

  // The text for GET /metrics. `store_figures` comes from read_store_figures().
  std::string prometheus_text(const StoreFigures& store_figures) const;
  // The object `touchbase status` prints.
  nlohmann::json status_json(const StoreFigures& store_figures, Instant now) const;

 private:
  Instant started_at_;
  std::string config_path_;
  Instant config_loaded_at_;
  std::int64_t reloads_ok_ = 0;
  std::int64_t reloads_failed_ = 0;
  std::int64_t reminders_created_ = 0;
  std::map<std::string, std::map<DeliveryOutcome, std::int64_t>, std::less<>> deliveries_;
  std::int64_t retries_ = 0;
  std::int64_t dead_rows_ = 0;
  std::int64_t pass_errors_ = 0;
  std::optional<Instant> last_pass_at_;
  std::string last_pass_error_;  // empty when the last pass succeeded
  std::optional<Instant> next_reminder_at_;
  std::deque<DeliveryAttempt> recent_failures_;  // newest first
  std::vector<SkippedContact> skipped_;
};

}  // namespace touchbase
