#include "service/metrics.h"

#include <chrono>
#include <utility>

#include <fmt/format.h>

#include "core/utf8.h"

namespace touchbase {
namespace {

constexpr DeliveryOutcome k_outcomes[] = {DeliveryOutcome::delivered, DeliveryOutcome::transient_failure,
                                          DeliveryOutcome::permanent_failure};

// A label value: backslash, double quote and line feed escaped.
std::string label(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    out += c == '\n' ? std::string("\\n") : std::string(1, c);
  }
  return out;
}

double unix_seconds(Instant t) {
  return static_cast<double>(t.time_since_epoch().count());
}

// Appends "# HELP" and "# TYPE" lines, then the samples.
class Exposition {
 public:
  void family(std::string_view name, std::string_view type, std::string_view help) {
    text_ += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
  }
  void sample(std::string_view name, std::string_view labels, double value) {
    text_ += fmt::format("{}{}{}{} {}\n", name, labels.empty() ? "" : "{", labels, labels.empty() ? "" : "}", value);
  }
  std::string take() { return std::move(text_); }

 private:
  std::string text_;
};

// The row will not be tried again (a fallback row may be).
bool gave_up(DeliveryFate fate) {
  return fate == DeliveryFate::dead || fate == DeliveryFate::fell_back;
}

nlohmann::json optional_time(std::optional<Instant> t) {
  return t ? nlohmann::json(format_rfc3339(*t)) : nlohmann::json(nullptr);
}

}  // namespace

Metrics::Metrics(Instant started_at, std::string config_path)
    : started_at_(started_at), config_path_(std::move(config_path)), config_loaded_at_(started_at) {}

void Metrics::pass_finished(Instant at, const Status& outcome, std::optional<Instant> next_reminder) {
  last_pass_at_ = at;
  last_pass_error_ = outcome.ok() ? "" : outcome.error().message;
  if (!outcome.ok()) {
    ++pass_errors_;
    return;
  }
  next_reminder_at_ = next_reminder;
}

void Metrics::declare_notifier(std::string_view notifier) {
  auto& counts = deliveries_[std::string(notifier)];
  for (DeliveryOutcome o : k_outcomes) counts[o] += 0;
}

void Metrics::delivery_attempted(const DeliveryAttempt& attempt) {
  declare_notifier(attempt.notifier);
  ++deliveries_[attempt.notifier][attempt.outcome];
  if (attempt.number > 1) ++retries_;
  if (gave_up(attempt.fate)) ++dead_rows_;
  if (attempt.outcome == DeliveryOutcome::delivered) return;
  recent_failures_.push_front(attempt);
  if (recent_failures_.size() > k_recent_failures) recent_failures_.pop_back();
}

std::string Metrics::prometheus_text(const StoreFigures& figures) const {
  Exposition e;
  e.family("touchbase_build_info", "gauge", "The running version.");
  e.sample("touchbase_build_info", "version=\"" TOUCHBASE_VERSION "\"", 1);
  e.family("touchbase_start_time_seconds", "gauge", "When the daemon started, in Unix seconds.");
  e.sample("touchbase_start_time_seconds", "", unix_seconds(started_at_));
  e.family("touchbase_config_loaded_timestamp_seconds", "gauge", "When the config in force was loaded.");
  e.sample("touchbase_config_loaded_timestamp_seconds", "", unix_seconds(config_loaded_at_));
  e.family("touchbase_config_reloads_total", "counter", "Reloads on SIGHUP, by result.");
  e.sample("touchbase_config_reloads_total", "result=\"success\"", static_cast<double>(reloads_ok_));
  e.sample("touchbase_config_reloads_total", "result=\"failure\"", static_cast<double>(reloads_failed_));
  e.family("touchbase_reminders_created_total", "counter", "Reminders created.");
  e.sample("touchbase_reminders_created_total", "", static_cast<double>(reminders_created_));
  e.family("touchbase_deliveries_total", "counter", "Delivery attempts, by notifier and outcome.");
  for (const auto& [notifier, counts] : deliveries_) {
    for (const auto& [outcome, n] : counts) {
      e.sample("touchbase_deliveries_total",
               fmt::format("notifier=\"{}\",outcome=\"{}\"", label(notifier), to_string(outcome)),
               static_cast<double>(n));
    }
  }
  e.family("touchbase_delivery_retries_total", "counter", "Delivery attempts that repeated an earlier one.");
  e.sample("touchbase_delivery_retries_total", "", static_cast<double>(retries_));
  e.family("touchbase_outbox_dead_total", "counter", "Outbox rows given up on (permanent failure or out of retries).");
  e.sample("touchbase_outbox_dead_total", "", static_cast<double>(dead_rows_));
  e.family("touchbase_outbox_dead_rows", "gauge", "Outbox rows given up on, still in the database.");
  e.sample("touchbase_outbox_dead_rows", "", figures.dead_rows);
  e.family("touchbase_outbox_depth", "gauge", "Outbox rows pending or waiting to retry.");
  e.sample("touchbase_outbox_depth", "", figures.outbox_depth);
  e.family("touchbase_next_reminder_timestamp_seconds", "gauge", "When the next reminder is due to be created.");
  if (next_reminder_at_) e.sample("touchbase_next_reminder_timestamp_seconds", "", unix_seconds(*next_reminder_at_));
  e.family("touchbase_next_outbox_attempt_timestamp_seconds", "gauge", "When the next delivery attempt is due.");
  if (figures.next_outbox_attempt) {
    e.sample("touchbase_next_outbox_attempt_timestamp_seconds", "", unix_seconds(*figures.next_outbox_attempt));
  }
  e.family("touchbase_contacts", "gauge", "Contacts, by status.");
  for (const auto& [status, n] : figures.contacts) {
    e.sample("touchbase_contacts", fmt::format("status=\"{}\"", to_string(status)), n);
  }
  e.family("touchbase_contacts_skipped", "gauge",
           "Contacts the last pass left out: a time zone the system does not know, a row that does not read.");
  e.sample("touchbase_contacts_skipped", "", static_cast<double>(skipped_.size()));
  e.family("touchbase_pass_errors_total", "counter", "Passes that failed (e.g. the database was unavailable).");
  e.sample("touchbase_pass_errors_total", "", static_cast<double>(pass_errors_));
  return e.take();
}

nlohmann::json Metrics::status_json(const StoreFigures& figures, Instant now) const {
  nlohmann::json contacts = nlohmann::json::object();
  for (const auto& [status, n] : figures.contacts) contacts[std::string(to_string(status))] = n;
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& f : recent_failures_) {
    failures.push_back({{"at", format_rfc3339(f.at)},
                        {"notifier", f.notifier},
                        {"contact", f.contact_id},
                        {"outcome", to_string(f.outcome)},
                        {"dead", gave_up(f.fate)},
                        {"message", f.message}});
  }
  nlohmann::json skipped = nlohmann::json::array();
  for (const SkippedContact& c : skipped_)
    skipped.push_back({{"contact", valid_utf8(c.id)}, {"why", valid_utf8(c.why)}});
  return {{"version", TOUCHBASE_VERSION},
          {"started_at", format_rfc3339(started_at_)},
          {"uptime_seconds", (now - started_at_).count()},
          {"config", config_path_},
          {"config_loaded_at", format_rfc3339(config_loaded_at_)},
          {"contacts", contacts},
          {"skipped_contacts", skipped},
          {"next_reminder_at", optional_time(next_reminder_at_)},
          {"outbox_depth", figures.outbox_depth},
          {"dead_rows", figures.dead_rows},
          {"next_outbox_attempt_at", optional_time(figures.next_outbox_attempt)},
          {"last_pass_at", optional_time(last_pass_at_)},
          {"last_pass_error", last_pass_error_.empty() ? nlohmann::json(nullptr) : nlohmann::json(last_pass_error_)},
          {"recent_failures", failures}};
}

Result<StoreFigures> read_store_figures(Store& store) {
  TB_TRY(StoreCounts counts, store.counts());
  return StoreFigures{std::move(counts.contacts), counts.outbox_waiting, counts.outbox_dead,
                      counts.next_outbox_attempt};
}

}  // namespace touchbase
