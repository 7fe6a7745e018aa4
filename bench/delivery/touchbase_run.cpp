#include "bench/delivery/touchbase_run.h"

#include <signal.h>

#include <chrono>
#include <optional>
#include <thread>

#include "bench/delivery/child_process.h"
#include "bench/delivery/outbox_watch.h"
#include "bench/delivery/workload.h"

namespace touchbase::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr auto k_stop_limit = std::chrono::seconds(30);

double seconds_between(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double>(b - a).count();
}

// Polls the outbox until every reminder is delivered, the process exits, or
// the deadline passes; fills in the timings.
void watch_drain(const TouchbaseRunOptions& o, ChildProcess& daemon, OutboxWatch& watch, TouchbaseRun& r) {
  const auto start = Clock::now();
  std::optional<Clock::time_point> first;
  auto last = start;
  for (;;) {
    const bool exited = daemon.poll().has_value();
    const OutboxCounts c = watch.poll();
    last = Clock::now();
    if (!first && c.written > 0 && c.waiting < c.written) {
      first = last;
      if (!exited) r.cpu_to_first_seconds = cpu_seconds_so_far(daemon.pid());
    }
    if (c.written == o.reminders && c.waiting == 0) break;
    if (exited) break;  // run --once finished, or the daemon failed: the counts tell
    if (seconds_between(start, last) > o.deadline_seconds) {
      r.error = "stopped at the deadline of " + std::to_string(static_cast<long>(o.deadline_seconds)) + " s";
      break;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(o.poll_seconds));
  }
  r.to_first_seconds = seconds_between(start, first.value_or(last));
  r.delivering_seconds = seconds_between(first.value_or(last), last);
}

ChildUsage stop(ChildProcess& daemon) {
  daemon.signal(SIGTERM);
  const auto limit = Clock::now() + k_stop_limit;
  while (Clock::now() < limit) {
    if (auto usage = daemon.poll()) return *usage;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  daemon.signal(SIGKILL);
  return daemon.wait();
}

std::string describe(const OutboxCounts& c, long expected) {
  return std::to_string(c.delivered) + " of " + std::to_string(expected) + " delivered (" + std::to_string(c.written) +
         " outbox rows, " + std::to_string(c.waiting) + " waiting, " + std::to_string(c.dead) + " dead)";
}

}  // namespace

TouchbaseRun run_touchbase(const TouchbaseRunOptions& o, const std::filesystem::path& dir) {
  TouchbaseRun r;
  const Workload w = write_workload(dir, o.reminders, o.url);
  const auto imported = run_to_end({o.binary, "--config", w.config.string(), "import", w.contacts.string()}, dir,
                                   dir / "import", nullptr);
  if (imported.exit_code != 0) {
    r.error =
        "touchbase import exited " + std::to_string(imported.exit_code) + "; see " + (dir / "import.err").string();
    return r;
  }
  r.import_seconds = imported.wall_seconds;

  std::vector<std::string> argv{o.binary, "--config", w.config.string(), "run"};
  if (o.mode == RunMode::once) argv.emplace_back("--once");
  ChildProcess daemon(argv, dir, dir / "touchbase.out", dir / "touchbase.err");
  if (!daemon.started()) {
    r.error = "cannot start " + o.binary;
    return r;
  }
  OutboxWatch watch(w.database);
  watch_drain(o, daemon, watch, r);
  const ChildUsage usage = stop(daemon);
  r.cpu_seconds = usage.cpu_seconds;
  r.max_rss_kb = usage.max_rss_kb;

  const OutboxCounts final_counts = watch.exact();
  r.delivered = final_counts.delivered;
  if (r.delivered != o.reminders) {
    if (!r.error.empty()) r.error += ": ";
    r.error += describe(final_counts, o.reminders) + "; see " + (dir / "touchbase.err").string();
  }
  return r;
}

}  // namespace touchbase::bench
