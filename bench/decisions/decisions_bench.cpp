// The daemon with stored decisions (schema 10) against the daemon built before
// them (--base: commit d0e29ef, whose every pass read every contact, at least
// once a minute), as real processes on a real SQLite file of N contacts
// (decisions_workload.h), none due for a day:
//
//   first   the first start after schema 10 decides every contact, 4096 per
//           pass: the time from spawn to READY=1 and until no change waits,
//           and the CPU it took.
//   idle    the CPU time (utime + stime, /proc/PID/stat, clock ticks) each
//           daemon spends over S seconds of idle running, side by side, each
//           on its own copy of the database (the older one's copied before
//           schema 10, which it cannot open), and their ratio.
//   pass    the CPU time of a pass with nothing to do, the daemon woken
//           through its wake-up socket (`<database>.wake`) W times, 250 ms
//           apart: what every wake-up (a command's, a wall-clock jump's, the
//           timer's) costs at N contacts.
//   change  `touchbase snooze` and `touchbase log --outcome touched` of one
//           contact while the daemon runs: the time from the command's start
//           until the contact's stored decision changes (read-only, polled
//           every 2 ms), R runs each, a new contact each run; medians.
//   start   spawn to READY=1 on NOTIFY_SOCKET when the config did not change,
//           K runs; median.
//
// The contacts are imported with `touchbase import` (with the older binary
// when given, so that the newer one's first start migrates the file).
//
// Usage: decisions_bench --touchbase BIN [--base BIN] [--contacts N]
//        [--seconds S] [--runs R] [--starts K] [--work DIR] [--keep]

#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench/decisions/decisions_watch.h"
#include "bench/decisions/decisions_workload.h"
#include "bench/decisions/notify_listener.h"
#include "bench/delivery/child_process.h"
#include "core/time.h"

namespace touchbase::bench {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr long k_default_contacts = 1'000'000;
constexpr int k_default_seconds = 300;
constexpr int k_default_runs = 11;
constexpr int k_default_starts = 5;
constexpr auto k_first_deadline = 3600s;
constexpr auto k_change_deadline = 30s;
constexpr auto k_start_deadline = 300s;
constexpr auto k_stop_limit = 60s;
constexpr auto k_change_poll = 2ms;
constexpr auto k_progress_poll = 200ms;
constexpr double k_idle_goal_cpu_per_5_min = 1.0;
constexpr double k_idle_goal_ratio = 100;
constexpr double k_change_goal_seconds = 1.0;
constexpr double k_start_goal_seconds = 5.0;
constexpr int k_snooze_days = 10;
constexpr int k_empty_passes = 20;
constexpr auto k_empty_pass_spacing = 250ms;

struct Options {
  std::string touchbase;
  std::string base;
  std::filesystem::path work;
  long contacts = k_default_contacts;
  int seconds = k_default_seconds;
  int runs = k_default_runs;
  int starts = k_default_starts;
  bool keep = false;
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view flag = argv[i];
    if (flag == "--keep") {
      o.keep = true;
      continue;
    }
    if (i + 1 == argc) return false;
    const std::string value = argv[++i];
    if (flag == "--touchbase")
      o.touchbase = value;
    else if (flag == "--base")
      o.base = value;
    else if (flag == "--contacts")
      o.contacts = std::atol(value.c_str());
    else if (flag == "--seconds")
      o.seconds = std::atoi(value.c_str());
    else if (flag == "--runs")
      o.runs = std::atoi(value.c_str());
    else if (flag == "--starts")
      o.starts = std::atoi(value.c_str());
    else if (flag == "--work")
      o.work = value;
    else
      return false;
  }
  return !o.touchbase.empty() && o.contacts > 0 && o.seconds > 0 && o.runs > 0 && o.starts > 0;
}

Instant now() {
  return date::floor<Seconds>(std::chrono::system_clock::now());
}

double seconds_since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

[[noreturn]] void fail(const std::string& what) {
  std::fprintf(stderr, "decisions_bench: %s\n", what.c_str());
  std::exit(1);
}

// One daemon's folder: its config, database and logs.
struct Site {
  std::filesystem::path dir;
  std::string binary;
  std::filesystem::path config() const { return dir / "touchbase.toml"; }
  std::filesystem::path database() const { return dir / "touchbase.db"; }
  std::vector<std::string> command(std::vector<std::string> args) const {
    std::vector<std::string> argv{binary, "--config", config().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }
};

Site make_site(const std::filesystem::path& dir, const std::string& binary) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Site s{dir, binary};
  write_decisions_config(s.config(), s.database());
  return s;
}

std::unique_ptr<ChildProcess> start_daemon(const Site& s, const NotifyListener& notify, const std::string& log) {
  auto daemon = std::make_unique<ChildProcess>(s.command({"run"}), s.dir, s.dir / (log + ".out"),
                                               s.dir / (log + ".err"), std::vector{notify.environment()});
  if (!daemon->started()) fail("cannot start " + s.binary);
  return daemon;
}

ChildUsage stop(ChildProcess& daemon) {
  daemon.signal(SIGTERM);
  const auto limit = Clock::now() + k_stop_limit;
  while (Clock::now() < limit) {
    if (auto usage = daemon.poll()) return *usage;
    std::this_thread::sleep_for(10ms);
  }
  daemon.signal(SIGKILL);
  return daemon.wait();
}

// Seconds from `spawned` to READY=1; fails the bench when none comes.
double wait_ready(NotifyListener& notify, Clock::time_point spawned, std::chrono::seconds deadline,
                  const std::string& what) {
  auto ready = notify.wait_for("READY=1", deadline);
  if (!ready) fail(what + ": no READY=1 within " + std::to_string(deadline.count()) + " s");
  return std::chrono::duration<double>(*ready - spawned).count();
}

// ---- setup and the first start ----

void import_contacts(const Options& o, const Site& site, const std::filesystem::path& csv) {
  const std::string importer = o.base.empty() ? o.touchbase : o.base;
  const auto begin = Clock::now();
  std::string out;
  auto usage = run_to_end({importer, "--config", site.config().string(), "import", csv.string()}, site.dir,
                          site.dir / "import", &out);
  if (usage.exit_code != 0) fail("touchbase import exited " + std::to_string(usage.exit_code) + "; see import.err");
  std::printf("import of %ld contacts (%s): %.1f s\n", o.contacts, o.base.empty() ? "touchbase" : "base binary",
              seconds_since(begin));
  std::fflush(stdout);
}

void copy_database(const Site& from, const Site& to) {
  for (const char* suffix : {"", "-wal"}) {
    const std::filesystem::path source = from.database().string() + suffix;
    if (std::filesystem::exists(source)) {
      std::filesystem::copy_file(source, to.database().string() + suffix,
                                 std::filesystem::copy_options::overwrite_existing);
    }
  }
}

struct FirstStart {
  double ready_seconds = 0;
  double decided_seconds = 0;
  double cpu_seconds = 0;
};

// Starts `daemon` on the migrated file and waits until it has decided every contact.
FirstStart decide_all(const Options& o, const Site& site, NotifyListener& notify,
                      std::unique_ptr<ChildProcess>& daemon) {
  FirstStart f;
  const auto spawned = Clock::now();
  daemon = start_daemon(site, notify, "daemon");
  f.ready_seconds = wait_ready(notify, spawned, k_first_deadline, "the first start");
  DecisionsWatch watch(site.database());
  while (watch.changes_pending()) {
    if (daemon->poll()) fail("the daemon exited while deciding; see " + (site.dir / "daemon.err").string());
    if (seconds_since(spawned) > std::chrono::duration<double>(k_first_deadline).count())
      fail("deciding took too long");
    std::this_thread::sleep_for(k_progress_poll);
  }
  f.decided_seconds = seconds_since(spawned);
  f.cpu_seconds = cpu_seconds_so_far(daemon->pid());
  const long decided = watch.decided();
  const long soon = watch.revisits_before(now() + std::chrono::hours(24));
  std::printf("first start after schema 10: READY after %.2f s, all %ld contacts decided after %.1f s (%.1f s CPU)\n",
              f.ready_seconds, decided, f.decided_seconds, f.cpu_seconds);
  std::printf("  decisions to revisit within a day: %ld\n", soon);
  if (decided != o.contacts) fail("expected " + std::to_string(o.contacts) + " decisions");
  std::fflush(stdout);
  return f;
}

// ---- idle ----

struct Idle {
  double cpu_seconds = 0;
  double base_cpu_seconds = -1;  // -1 without a base binary
  double base_ready_seconds = 0;
};

Idle measure_idle(const Options& o, const Site& base, ChildProcess& daemon) {
  Idle idle;
  std::unique_ptr<ChildProcess> older;
  NotifyListener notify(o.work / "base.notify");
  if (!o.base.empty()) {
    const auto spawned = Clock::now();
    older = start_daemon(base, notify, "daemon");
    idle.base_ready_seconds = wait_ready(notify, spawned, k_first_deadline, "the base daemon");
    std::printf("base daemon: READY after %.2f s (its first pass over every contact)\n", idle.base_ready_seconds);
  }
  std::printf("idle: %d s ...\n", o.seconds);
  std::fflush(stdout);
  const double before = cpu_seconds_so_far(daemon.pid());
  const double base_before = older ? cpu_seconds_so_far(older->pid()) : 0;
  std::this_thread::sleep_for(std::chrono::seconds(o.seconds));
  idle.cpu_seconds = cpu_seconds_so_far(daemon.pid()) - before;
  if (older) {
    idle.base_cpu_seconds = cpu_seconds_so_far(older->pid()) - base_before;
    if (older->poll()) fail("the base daemon exited; see " + (base.dir / "daemon.err").string());
    stop(*older);
  }
  if (daemon.poll()) fail("the daemon exited while idle");
  return idle;
}

// ---- a pass with nothing to do ----

// Sends the one-byte datagram a command sends after a change.
void wake(const std::filesystem::path& database) {
  sockaddr_un address{};
  const std::string path = database.string() + ".wake";
  if (path.size() >= sizeof address.sun_path) fail("the wake-up socket's path is too long: " + path);
  address.sun_family = AF_UNIX;
  std::strcpy(address.sun_path, path.c_str());
  const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
  if (fd < 0 || ::sendto(fd, "w", 1, 0, reinterpret_cast<sockaddr*>(&address), sizeof address) != 1) {
    fail("cannot send to " + path);
  }
  ::close(fd);
}

// CPU seconds per pass, over k_empty_passes wake-ups.
double measure_empty_pass(const Site& site, ChildProcess& daemon) {
  const double before = cpu_seconds_so_far(daemon.pid());
  for (int i = 0; i < k_empty_passes; ++i) {
    wake(site.database());
    std::this_thread::sleep_for(k_empty_pass_spacing);
  }
  const double per_pass = (cpu_seconds_so_far(daemon.pid()) - before) / k_empty_passes;
  std::printf("a pass with nothing to do: %.1f ms CPU (%d wake-ups)\n", per_pass * 1000, k_empty_passes);
  std::fflush(stdout);
  return per_pass;
}

// ---- a change ----

struct Change {
  double to_decision_seconds = -1;  // -1: the decision did not change before the deadline
  double command_seconds = 0;
};

Change time_change(const Site& site, DecisionsWatch& watch, const std::string& id, std::vector<std::string> args,
                   const std::string& log) {
  Change c;
  const auto before = watch.decision(id);
  if (!before) fail("no stored decision for " + id);
  const auto begin = Clock::now();
  ChildProcess command(site.command(args), site.dir, site.dir / (log + ".out"), site.dir / (log + ".err"));
  if (!command.started()) fail("cannot start " + site.binary);
  std::optional<ChildUsage> exited;
  while (seconds_since(begin) < std::chrono::duration<double>(k_change_deadline).count()) {
    if (!exited) exited = command.poll();
    if (auto now = watch.decision(id); now && *now != *before) {
      c.to_decision_seconds = seconds_since(begin);
      break;
    }
    std::this_thread::sleep_for(k_change_poll);
  }
  while (!exited) {
    exited = command.poll();
    std::this_thread::sleep_for(k_change_poll);
  }
  if (exited->exit_code != 0) {
    fail(args.front() + " exited " + std::to_string(exited->exit_code) + "; see " + log + ".err");
  }
  c.command_seconds = exited->wall_seconds;
  return c;
}

std::string snooze_until() {
  return format_date(Date(date::floor<date::days>(now()) + date::days(k_snooze_days)));
}

struct Changes {
  std::vector<double> snooze, log, snooze_command, log_command;
};

void record(std::vector<double>& to_decision, std::vector<double>& command, const Change& c, const char* what,
            int run) {
  std::printf("  %s run %d: decision changed after %.3f s (the command exited after %.3f s)\n", what, run,
              c.to_decision_seconds, c.command_seconds);
  std::fflush(stdout);
  to_decision.push_back(c.to_decision_seconds < 0 ? 1e9 : c.to_decision_seconds);
  command.push_back(c.command_seconds);
}

Changes measure_changes(const Options& o, const Site& site) {
  Changes out;
  DecisionsWatch watch(site.database());
  const long step = o.contacts / (2 * o.runs + 1);
  const std::string until = snooze_until();
  std::printf("changes: %d run(s) each, snooze until %s\n", o.runs, until.c_str());
  for (int r = 0; r < o.runs; ++r) {
    const std::string snoozed = decisions_contact_id(step * (2 * r + 1));
    const std::string touched = decisions_contact_id(step * (2 * r + 2));
    record(out.snooze, out.snooze_command,
           time_change(site, watch, snoozed, {"snooze", snoozed, until}, "snooze-" + std::to_string(r)), "snooze",
           r + 1);
    record(out.log, out.log_command,
           time_change(site, watch, touched, {"log", touched, "--outcome", "touched"}, "log-" + std::to_string(r)),
           "log", r + 1);
  }
  return out;
}

// ---- start-up ----

std::vector<double> measure_starts(const Options& o, const Site& site) {
  std::vector<double> out;
  for (int i = 0; i < o.starts; ++i) {
    NotifyListener notify(o.work / "start.notify");
    const auto spawned = Clock::now();
    auto daemon = start_daemon(site, notify, "start-" + std::to_string(i));
    out.push_back(wait_ready(notify, spawned, k_start_deadline, "start " + std::to_string(i + 1)));
    const ChildUsage usage = stop(*daemon);
    std::printf("  start %d: READY after %.3f s (exit %d)\n", i + 1, out.back(), usage.exit_code);
    std::fflush(stdout);
  }
  return out;
}

// ---- summary ----

const char* met(bool ok) {
  return ok ? "met" : "NOT met";
}

void print_idle(const Options& o, const Idle& idle) {
  const double per_5_min = idle.cpu_seconds * 300.0 / o.seconds;
  const double tick = 1.0 / static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::printf("idle, %d s, %ld contacts:\n", o.seconds, o.contacts);
  std::printf("  stored decisions   %8.2f s CPU (%.2f s per 5 min; goal < %.0f: %s)\n", idle.cpu_seconds, per_5_min,
              k_idle_goal_cpu_per_5_min, met(per_5_min < k_idle_goal_cpu_per_5_min));
  if (idle.base_cpu_seconds < 0) return;
  std::printf("  every contact read %8.2f s CPU (base binary)\n", idle.base_cpu_seconds);
  if (idle.base_cpu_seconds < tick) return;
  const double ratio = idle.base_cpu_seconds / std::max(idle.cpu_seconds, tick);
  std::printf("  base / stored: %s%.0fx (goal >= %.0fx: %s)\n", idle.cpu_seconds < tick ? ">= " : "", ratio,
              k_idle_goal_ratio, met(ratio >= k_idle_goal_ratio));
}

void print_summary(const Options& o, const FirstStart& first, const Idle& idle, double empty_pass, const Changes& c,
                   const std::vector<double>& starts) {
  std::printf("\nsummary, %ld contacts:\n", o.contacts);
  std::printf("first start after schema 10: READY %.2f s, every contact decided %.1f s, %.1f s CPU\n",
              first.ready_seconds, first.decided_seconds, first.cpu_seconds);
  print_idle(o, idle);
  std::printf("a pass with nothing to do: %.1f ms CPU\n", empty_pass * 1000);
  const double snooze = median(c.snooze), log = median(c.log);
  std::printf("change to stored decision, medians of %d:\n", o.runs);
  std::printf("  touchbase snooze   %.3f s (the command %.3f s; goal < %.0f s: %s)\n", snooze, median(c.snooze_command),
              k_change_goal_seconds, met(snooze < k_change_goal_seconds));
  std::printf("  touchbase log      %.3f s (the command %.3f s; goal < %.0f s: %s)\n", log, median(c.log_command),
              k_change_goal_seconds, met(log < k_change_goal_seconds));
  const double start = median(starts);
  std::printf("start-up to READY=1, config unchanged, median of %d: %.3f s (goal < %.0f s: %s)\n", o.starts, start,
              k_start_goal_seconds, met(start < k_start_goal_seconds));
}

int run_bench(Options& o) {
  if (o.work.empty()) o.work = std::filesystem::temp_directory_path() / "touchbase-decisions-bench";
  o.touchbase = std::filesystem::absolute(o.touchbase).string();
  if (!o.base.empty()) o.base = std::filesystem::absolute(o.base).string();
  std::filesystem::create_directories(o.work);
  std::printf("%ld contacts, idle %d s, %d change run(s), %d start(s), work in %s\n", o.contacts, o.seconds, o.runs,
              o.starts, o.work.c_str());
  const Site site = make_site(o.work / "stored", o.touchbase);
  const Site base = make_site(o.work / "base", o.base);
  const auto csv = o.work / "contacts.csv";
  write_decisions_csv(csv, o.contacts, now());
  import_contacts(o, site, csv);
  if (!o.base.empty()) copy_database(site, base);

  NotifyListener notify(o.work / "stored.notify");
  if (!notify.bound()) fail("cannot bind " + (o.work / "stored.notify").string());
  std::unique_ptr<ChildProcess> daemon;
  const FirstStart first = decide_all(o, site, notify, daemon);
  const Idle idle = measure_idle(o, base, *daemon);
  print_idle(o, idle);
  const double empty_pass = measure_empty_pass(site, *daemon);
  const Changes changes = measure_changes(o, site);
  stop(*daemon);
  std::printf("start-up: %d run(s)\n", o.starts);
  const std::vector<double> starts = measure_starts(o, site);
  print_summary(o, first, idle, empty_pass, changes, starts);
  if (!o.keep) std::filesystem::remove_all(o.work);
  return 0;
}

}  // namespace
}  // namespace touchbase::bench

int main(int argc, char** argv) {
  touchbase::bench::Options o;
  if (!touchbase::bench::parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: decisions_bench --touchbase BIN [--base BIN] [--contacts N] [--seconds S] [--runs R]"
                 " [--starts K] [--work DIR] [--keep]\n");
    return 64;
  }
  return touchbase::bench::run_bench(o);
}
