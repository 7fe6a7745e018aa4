#pragma once
// One measured run of the real daemon over a fresh workload: `touchbase
// import` of the contacts, then `touchbase run` (or `run --once`) until every
// reminder is delivered to the sink, watched through the outbox.

#include <filesystem>
#include <string>

namespace touchbase::bench {

enum class RunMode { daemon, once };

struct TouchbaseRunOptions {
  std::string binary;
  std::string url;
  long reminders = 0;
  RunMode mode = RunMode::daemon;
  double deadline_seconds = 0;  // stop waiting for the drain after this long
  double poll_seconds = 0;      // how often the outbox is looked at
};

struct TouchbaseRun {
  std::string error;  // empty when every reminder was delivered
  long delivered = 0;
  double import_seconds = 0;
  double to_first_seconds = 0;    // from the start to the first delivery seen: startup and making reminders
  double delivering_seconds = 0;  // from the first delivery seen to the last
  double cpu_seconds = 0;         // user + system over the whole run
  double cpu_to_first_seconds = 0;
  long max_rss_kb = 0;

  double total_seconds() const { return to_first_seconds + delivering_seconds; }
};

TouchbaseRun run_touchbase(const TouchbaseRunOptions& options, const std::filesystem::path& dir);

}  // namespace touchbase::bench
