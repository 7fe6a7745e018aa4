// The cadence engine alone: the next follow-up of 1,000,000 contacts spread
// over 30 zones and 4 cadences, one thread. Prints decisions per second (with
// and without the reasons text), heap allocations per decision, and peak
// memory. When Debian's `remind` is installed, times `remind -n` over 100,000
// reminders in the same run and prints the ratio.
//
// Usage: cadence_engine_bench [--contacts N] [--no-remind]

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <new>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "scheduler/cadence_engine.h"

namespace {

std::atomic<long long> g_allocations{0};

}  // namespace

// Counts every allocation, so the run can show that a decision makes none.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void* operator new(std::size_t size) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
#pragma GCC diagnostic pop

namespace touchbase {
namespace {

using namespace std::chrono_literals;

constexpr int k_default_contacts = 1'000'000;
constexpr int k_remind_reminders = 100'000;
constexpr std::array<const char*, 30> k_zones = {
    "America/New_York", "America/Chicago",     "America/Denver",    "America/Los_Angeles", "America/Sao_Paulo",
    "America/St_Johns", "America/Mexico_City", "Europe/London",     "Europe/Berlin",       "Europe/Paris",
    "Europe/Madrid",    "Europe/Istanbul",     "Europe/Moscow",     "Africa/Lagos",        "Africa/Johannesburg",
    "Asia/Dubai",       "Asia/Kolkata",        "Asia/Kathmandu",    "Asia/Singapore",      "Asia/Shanghai",
    "Asia/Tokyo",       "Australia/Adelaide",  "Australia/Sydney",  "Australia/Lord_Howe", "Pacific/Auckland",
    "Pacific/Chatham",  "Pacific/Kiritimati",  "Pacific/Pago_Pago", "Pacific/Honolulu",    "UTC"};
constexpr std::array<const char*, 4> k_cadences = {"prospect", "nurture", "customer", "event"};
constexpr std::array<const char*, 4> k_windows = {"tue-thu 16:00-17:30", "mon-fri 09:00-12:00,14:00-17:00",
                                                  "mon,wed,fri 08:00-09:30", "mon-sat 10:00-19:00"};
const Instant k_now = parse_rfc3339("2026-11-23T12:00:00Z").value();

Cadence cadence(const char* name, std::vector<Seconds> steps, bool repeat, bool business, std::string then) {
  Cadence c;
  c.name = name;
  c.steps = std::move(steps);
  c.repeat = repeat;
  c.business_days = business;
  c.then = std::move(then);
  return c;
}

Config make_config() {
  Config cfg;
  cfg.defaults.timezone = "America/New_York";
  cfg.defaults.contact_window = parse_window("tue-thu 16:00-17:30").value();
  cfg.defaults.cadence = "prospect";
  cfg.defaults.owner = "o0";
  Cadence prospect = cadence("prospect", {48h, 96h, 168h, 336h}, false, true, "nurture");
  prospect.min_gap = 48h;
  prospect.max_touches = RollingCap{3, Seconds(504h)};
  prospect.backoff = 1.5;
  prospect.give_up_after = 5;
  cfg.cadences["prospect"] = prospect;
  cfg.cadences["nurture"] = cadence("nurture", {Seconds(45 * 24h)}, true, false, "");
  cfg.cadences["customer"] = cadence("customer", {Seconds(14 * 24h), Seconds(30 * 24h)}, true, true, "");
  cfg.cadences["event"] = cadence("event", {24h, 48h, 72h}, false, false, "dormant");
  for (int i = 0; i < 10; ++i) {
    Owner o;
    o.id = "o" + std::to_string(i);
    o.name = "Owner " + std::to_string(i);
    o.timezone = k_zones[static_cast<std::size_t>(i * 3)];
    o.working_hours = parse_window("mon-fri 08:30-17:30").value();
    cfg.owners[o.id] = o;
  }
  for (const char* d : {"2026-11-26", "2026-12-24", "2026-12-25", "2026-12-31", "2027-01-01"}) {
    cfg.holidays.dates.push_back(parse_date(d).value());
  }
  return cfg;
}

struct World {
  std::vector<Contact> contacts;
  std::vector<Touch> touches;                                // every history, back to back
  std::vector<std::pair<std::size_t, std::size_t>> history;  // offset and length in `touches`
};

World make_world(int count) {
  World w;
  std::mt19937_64 rng(20261123);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::vector<WeeklyWindow> windows;
  for (const char* text : k_windows) windows.push_back(parse_window(text).value());
  w.contacts.resize(static_cast<std::size_t>(count));
  w.history.reserve(static_cast<std::size_t>(count));
  w.touches.reserve(static_cast<std::size_t>(count) * 3);
  for (int i = 0; i < count; ++i) {
    Contact& c = w.contacts[static_cast<std::size_t>(i)];
    c.id = "c" + std::to_string(i);
    c.timezone = k_zones[static_cast<std::size_t>(i % 30)];
    c.cadence = k_cadences[static_cast<std::size_t>(uniform(0, 3))];
    c.owner = "o" + std::to_string(uniform(0, 9));
    if (uniform(0, 1)) c.window = windows[static_cast<std::size_t>(uniform(0, 3))];
    if (uniform(0, 9) == 0) c.next_step.date = Date(date::floor<date::days>(k_now + Seconds(24h) * uniform(1, 20)));
    const std::size_t offset = w.touches.size();
    Instant t = k_now - Seconds(1h) * uniform(24, 24 * 30);
    const int n = uniform(0, 5);
    for (int k = 0; k < n && t < k_now; ++k) {
      w.touches.push_back(Touch{t, uniform(0, 7) == 0 ? Outcome::replied : Outcome::touched, "", ""});
      t += Seconds(1h) * uniform(20, 24 * 6);
    }
    w.history.emplace_back(offset, w.touches.size() - offset);
  }
  return w;
}

long rss_kib() {
  long pages = 0;
  long resident = 0;
  if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
    std::fclose(f);
  }
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

struct Run {
  double seconds = 0;
  long long allocations = 0;
  long long follow_ups = 0;
  long long checksum = 0;
};

Run decide_all(const CadenceEngine& engine, const World& w, Explain explain) {
  Decision d;
  const NextOptions options{explain, {}, {}};
  Run run;
  const std::span<const Touch> all(w.touches);
  // One warm-up decision per zone loads the zone data before the clock starts.
  for (std::size_t i = 0; i < 30 && i < w.contacts.size(); ++i) engine.next(w.contacts[i], {}, k_now, options, d);
  const long long allocations_before = g_allocations.load();
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < w.contacts.size(); ++i) {
    const auto [offset, length] = w.history[i];
    engine.next(w.contacts[i], all.subspan(offset, length), k_now, options, d);
    run.follow_ups += d.kind == Decision::Kind::follow_up ? 1 : 0;
    run.checksum += d.due_at.time_since_epoch().count() + static_cast<long long>(d.why.size());
  }
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.allocations = g_allocations.load() - allocations_before;
  return run;
}

void print_run(const char* label, const Run& run, std::size_t decisions) {
  std::printf("%-24s %8.3f s  %12.0f decisions/s  %6.3f allocations/decision  (%lld follow-ups)\n", label, run.seconds,
              static_cast<double>(decisions) / run.seconds,
              static_cast<double>(run.allocations) / static_cast<double>(decisions), run.follow_ups);
}

// A mix of weekly, monthly, repeating and business-day reminders, like follow-ups.
void write_remind_file(const std::filesystem::path& path) {
  std::ofstream out(path);
  std::mt19937_64 rng(42);
  auto uniform = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  constexpr std::array<const char*, 7> days = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  constexpr std::array<const char*, 4> months = {"Sep", "Oct", "Nov", "Dec"};
  out << "OMIT 25 Dec\nOMIT 1 Jan\n";
  for (int i = 0; i < k_remind_reminders; ++i) {
    switch (i % 4) {
      case 0: {
        const int first = uniform(0, 3);
        out << "REM " << days[static_cast<std::size_t>(first)] << " "
            << days[static_cast<std::size_t>(uniform(first + 1, 4))];
        break;
      }
      case 1: out << "REM " << uniform(1, 28) << " +3"; break;
      case 2:
        out << "REM " << months[static_cast<std::size_t>(uniform(0, 3))] << " " << uniform(1, 28) << " 2026 *"
            << uniform(2, 45);
        break;
      default: out << "REM Mon Tue Wed Thu Fri SKIP " << uniform(1, 28) << " Dec 2026"; break;
    }
    out << " AT " << uniform(8, 17) << ":" << (uniform(0, 3) * 15) << " MSG follow up c" << i << "\n";
  }
}

// Seconds `remind -n` takes over the file, or nullopt when it cannot run.
std::optional<double> time_remind(const std::filesystem::path& file) {
  std::fflush(stdout);
  const auto start = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) return std::nullopt;
  if (pid == 0) {
    if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(127);
    execlp("remind", "remind", "-n", file.c_str(), "23", "Nov", "2026", static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int run_bench(int contacts, bool with_remind) {
  const Config config = make_config();
  const CadenceEngine engine(config);
  const World world = make_world(contacts);
  const long rss_before = rss_kib();
  std::printf("cadence engine: %d contacts, %zu zones, %zu cadences, %zu owners, %zu touches, one thread\n", contacts,
              k_zones.size(), config.cadences.size(), config.owners.size(), world.touches.size());
  const Run quiet = decide_all(engine, world, Explain::no);
  const Run explained = decide_all(engine, world, Explain::yes);
  print_run("next (no reasons):", quiet, world.contacts.size());
  print_run("next (with reasons):", explained, world.contacts.size());
  std::printf("memory: peak RSS %.1f MiB; %.1f MiB holds the contacts and histories; deciding added %.1f MiB\n",
              static_cast<double>(peak_rss_kib()) / 1024, static_cast<double>(rss_before) / 1024,
              static_cast<double>(rss_kib() - rss_before) / 1024);
  const double rate = static_cast<double>(contacts) / quiet.seconds;
  std::printf("goal 2,000,000 decisions/s: %s\n", rate >= 2e6 ? "met" : "missed");
  if (!with_remind) return 0;
  const auto file = std::filesystem::temp_directory_path() / ("touchbase-bench-" + std::to_string(getpid()) + ".rem");
  write_remind_file(file);
  const auto remind_seconds = time_remind(file);
  std::filesystem::remove(file);
  if (!remind_seconds) {
    std::printf("remind -n: not available (install Debian's 'remind' to compare)\n");
    return 0;
  }
  const double remind_rate = k_remind_reminders / *remind_seconds;
  std::printf("remind -n: %d reminders in %.3f s, %.0f/s\n", k_remind_reminders, *remind_seconds, remind_rate);
  std::printf("ratio: the engine decides %.1fx as many per second as remind -n (%.1fx with reasons)\n",
              rate / remind_rate, static_cast<double>(contacts) / explained.seconds / remind_rate);
  return 0;
}

}  // namespace
}  // namespace touchbase

int main(int argc, char** argv) {
  int contacts = touchbase::k_default_contacts;
  bool with_remind = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--contacts") == 0 && i + 1 < argc) {
      contacts = std::atoi(argv[++i]);
    } else if (std::strcmp(argv[i], "--no-remind") == 0) {
      with_remind = false;
    } else {
      std::fprintf(stderr, "usage: %s [--contacts N] [--no-remind]\n", argv[0]);
      return 64;
    }
  }
  return touchbase::run_bench(contacts > 0 ? contacts : 1, with_remind);
}
