// Two commands of the real binary over N contacts (plan_workload.h), each
// run R times, medians printed:
//
//   plan     `touchbase plan --days D --json` over the N imported contacts
//            (a third with touches logged), from the first of a month,
//            against `remind -s1` (a month's calendar) over N equivalent
//            repeating reminders: wall time of each, the ratio, and
//            touchbase's CPU time and peak RSS.
//   import   `touchbase import` of the N contacts' CSV into a fresh
//            database each run: contacts per second, against the sqlite3
//            shell's `.import` of the same CSV into a plain table (same
//            page size, journal mode and synchronous setting), the ceiling.
//
// Usage: plan_bench --touchbase BIN [--contacts N] [--runs R] [--days D]
//        [--work DIR] [--remind BIN] [--sqlite3 BIN] [--only plan|import]

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/delivery/child_process.h"
#include "bench/plan/plan_workload.h"
#include "store/database_file.h"

namespace touchbase::bench {
namespace {

constexpr long k_default_contacts = 100'000;
constexpr int k_default_runs = 5;
constexpr int k_default_days = 30;
constexpr double k_plan_goal_ratio = 10;
constexpr double k_import_goal_rate = 50'000;

struct Options {
  std::string touchbase;
  std::string remind = "/usr/bin/remind";
  std::string sqlite3 = "/usr/bin/sqlite3";
  std::filesystem::path work;
  long contacts = k_default_contacts;
  int runs = k_default_runs;
  int days = k_default_days;
  bool plan = true;
  bool import = true;
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--touchbase")
      o.touchbase = value;
    else if (flag == "--contacts")
      o.contacts = std::atol(value.c_str());
    else if (flag == "--runs")
      o.runs = std::atoi(value.c_str());
    else if (flag == "--days")
      o.days = std::atoi(value.c_str());
    else if (flag == "--work")
      o.work = value;
    else if (flag == "--remind")
      o.remind = value;
    else if (flag == "--sqlite3")
      o.sqlite3 = value;
    else if (flag == "--only" && (value == "plan" || value == "import"))
      (value == "plan" ? o.import : o.plan) = false;
    else
      return false;
  }
  return argc % 2 == 1 && !o.touchbase.empty() && o.contacts > 0 && o.runs > 0 && o.days > 0;
}

bool executable(const std::string& path) {
  return !path.empty() && ::access(path.c_str(), X_OK) == 0;
}

long count_lines(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(1 << 16);
  long lines = 0;
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0) {
    lines += std::count(buffer.begin(), buffer.begin() + in.gcount(), '\n');
  }
  return lines;
}

std::string first_line(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

template <typename Run, typename F>
double median_of(const std::vector<Run>& runs, F f) {
  std::vector<double> v;
  for (const Run& r : runs) v.push_back(f(r));
  return median(v);
}

double mb(long kb) {
  return static_cast<double>(kb) / 1024;
}

// A child that must have exited 0; the error names it and its log otherwise.
std::string check_exit(const std::string& what, const ChildUsage& usage, const std::filesystem::path& log) {
  if (usage.exit_code == 0) return "";
  return what + " exited " + std::to_string(usage.exit_code) + " (see " + log.string() +
         ".err): " + first_line(log.string() + ".err");
}

// ---- plan ----

struct PlanRun {
  ChildUsage touchbase;
  long follow_ups = 0;
  ChildUsage remind;
  long remind_lines = 0;
  std::string error;
};

struct PlanSetup {
  std::filesystem::path dir;
  std::filesystem::path config;
  std::filesystem::path script;  // empty without remind
  std::string now;
  std::string remind_from;
};

// Imports the contacts, logs their touches and writes the remind script.
std::string set_up_plan(const Options& o, const PlanWorkload& w, const std::filesystem::path& csv, PlanSetup& s) {
  s.dir = o.work / "plan";
  std::filesystem::remove_all(s.dir);
  std::filesystem::create_directories(s.dir);
  s.config = s.dir / "touchbase.toml";
  write_plan_config(s.config, s.dir / "touchbase.db");
  const auto log = s.dir / "import";
  auto usage = run_to_end({o.touchbase, "--config", s.config.string(), "import", csv.string()}, s.dir, log, nullptr);
  if (auto error = check_exit("touchbase import", usage, log); !error.empty()) return error;
  if (auto logged = log_touches(s.dir / "touchbase.db", w); !logged)
    return "logging touches: " + logged.error().message;
  s.now = format_rfc3339(w.now);
  s.remind_from = remind_date(Date(date::floor<date::days>(w.now)));
  if (executable(o.remind)) {
    s.script = s.dir / "follow-ups.rem";
    write_remind_script(s.script, w);
  }
  return "";
}

PlanRun run_plan(const Options& o, const PlanSetup& s, int i) {
  PlanRun r;
  const auto log = s.dir / ("plan-" + std::to_string(i));
  r.touchbase = run_to_end(
      {o.touchbase, "--config", s.config.string(), "plan", "--now", s.now, "--days", std::to_string(o.days), "--json"},
      s.dir, log, nullptr);
  r.error = check_exit("touchbase plan", r.touchbase, log);
  r.follow_ups = count_lines(log.string() + ".out");
  if (!r.error.empty() || s.script.empty()) return r;
  const auto remind_log = s.dir / ("remind-" + std::to_string(i));
  std::vector<std::string> argv = {o.remind, "-s1", s.script.string()};
  for (std::size_t from = 0, space = 0; space != std::string::npos; from = space + 1) {
    space = s.remind_from.find(' ', from);
    argv.push_back(s.remind_from.substr(from, space - from));
  }
  r.remind = run_to_end(argv, s.dir, remind_log, nullptr);
  r.error = check_exit("remind", r.remind, remind_log);
  r.remind_lines = count_lines(remind_log.string() + ".out");
  return r;
}

void print_plan_run(int i, const PlanRun& r) {
  std::printf("plan run %d: touchbase plan %.3f s (%.3f s CPU), %ld follow-ups, peak RSS %.1f MB", i,
              r.touchbase.wall_seconds, r.touchbase.cpu_seconds, r.follow_ups, mb(r.touchbase.max_rss_kb));
  if (r.remind_lines > 0) {
    std::printf("; remind -s1 %.3f s (%.3f s CPU), %ld reminders", r.remind.wall_seconds, r.remind.cpu_seconds,
                r.remind_lines);
  }
  std::printf("%s%s\n", r.error.empty() ? "" : "; ", r.error.c_str());
  std::fflush(stdout);
}

void print_plan_summary(const Options& o, const std::vector<PlanRun>& runs) {
  const double wall = median_of(runs, [](const PlanRun& r) { return r.touchbase.wall_seconds; });
  const double cpu = median_of(runs, [](const PlanRun& r) { return r.touchbase.cpu_seconds; });
  const double rss = median_of(runs, [](const PlanRun& r) { return mb(r.touchbase.max_rss_kb); });
  std::printf("\nplan, medians of %zu run(s), %ld contacts, %d days:\n", runs.size(), o.contacts, o.days);
  std::printf("  touchbase plan --json  %8.3f s wall, %.3f s CPU, peak RSS %.1f MB, %ld follow-ups\n", wall, cpu, rss,
              runs.front().follow_ups);
  if (runs.front().remind_lines == 0) {
    std::printf("  remind: not run (install Debian's 'remind' to compare)\n");
    return;
  }
  const double remind_wall = median_of(runs, [](const PlanRun& r) { return r.remind.wall_seconds; });
  const double remind_cpu = median_of(runs, [](const PlanRun& r) { return r.remind.cpu_seconds; });
  std::printf("  remind -s1             %8.3f s wall, %.3f s CPU, %ld reminders\n", remind_wall, remind_cpu,
              runs.front().remind_lines);
  std::printf("  remind / touchbase wall: %.1fx (goal >= %.0fx: %s); CPU: %.1fx\n", remind_wall / wall,
              k_plan_goal_ratio, remind_wall / wall >= k_plan_goal_ratio ? "met" : "missed", remind_cpu / cpu);
}

bool bench_plan(const Options& o, const PlanWorkload& w, const std::filesystem::path& csv) {
  PlanSetup setup;
  std::printf("plan: importing %ld contacts and logging their touches in %s\n", o.contacts, (o.work / "plan").c_str());
  std::fflush(stdout);
  if (auto error = set_up_plan(o, w, csv, setup); !error.empty()) {
    std::printf("plan: %s\n", error.c_str());
    return false;
  }
  std::vector<PlanRun> runs;
  for (int i = 1; i <= o.runs; ++i) {
    runs.push_back(run_plan(o, setup, i));
    print_plan_run(i, runs.back());
    if (!runs.back().error.empty()) return false;
  }
  print_plan_summary(o, runs);
  return true;
}

// ---- import ----

struct ImportRun {
  ChildUsage touchbase;
  ChildUsage sqlite3;
  std::string error;
};

ImportRun run_import(const Options& o, const std::filesystem::path& csv, int i) {
  ImportRun r;
  const auto dir = o.work / ("import-" + std::to_string(i));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  write_plan_config(dir / "touchbase.toml", dir / "touchbase.db");
  std::string out;
  r.touchbase = run_to_end({o.touchbase, "--config", (dir / "touchbase.toml").string(), "import", csv.string()}, dir,
                           dir / "import", &out);
  r.error = check_exit("touchbase import", r.touchbase, dir / "import");
  if (r.error.empty() && out.find("imported " + std::to_string(o.contacts) + " contacts") == std::string::npos) {
    r.error = "touchbase import said: " + out;
  }
  if (!r.error.empty() || !executable(o.sqlite3)) return r;
  r.sqlite3 = run_to_end(
      {o.sqlite3, (dir / "plain.db").string(), "PRAGMA page_size = " + std::to_string(touchbase::k_page_size) + ";",
       "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = NORMAL;", ".import --csv " + csv.string() + " contacts",
       "SELECT count(*) FROM contacts;"},
      dir, dir / "sqlite3", &out);
  r.error = check_exit("sqlite3", r.sqlite3, dir / "sqlite3");
  if (r.error.empty() && out.find("\n" + std::to_string(o.contacts) + "\n") == std::string::npos) {
    r.error = "sqlite3 .import said: " + out;
  }
  return r;
}

double rate(long contacts, const ChildUsage& usage) {
  return usage.wall_seconds > 0 ? static_cast<double>(contacts) / usage.wall_seconds : 0;
}

void print_import_run(const Options& o, int i, const ImportRun& r) {
  std::printf("import run %d: touchbase import %.3f s (%.3f s CPU), %.0f contacts/s, peak RSS %.1f MB", i,
              r.touchbase.wall_seconds, r.touchbase.cpu_seconds, rate(o.contacts, r.touchbase),
              mb(r.touchbase.max_rss_kb));
  if (r.sqlite3.wall_seconds > 0) {
    std::printf("; sqlite3 .import %.3f s, %.0f rows/s", r.sqlite3.wall_seconds, rate(o.contacts, r.sqlite3));
  }
  std::printf("%s%s\n", r.error.empty() ? "" : "; ", r.error.c_str());
  std::fflush(stdout);
}

void print_import_summary(const Options& o, const std::vector<ImportRun>& runs) {
  const double touchbase = median_of(runs, [&](const ImportRun& r) { return rate(o.contacts, r.touchbase); });
  const double cpu = median_of(runs, [](const ImportRun& r) { return r.touchbase.cpu_seconds; });
  const double rss = median_of(runs, [](const ImportRun& r) { return mb(r.touchbase.max_rss_kb); });
  std::printf("\nimport, medians of %zu run(s), %ld contacts, a fresh database each:\n", runs.size(), o.contacts);
  std::printf("  touchbase import  %8.0f contacts/s (goal >= %.0f: %s), %.3f s CPU, peak RSS %.1f MB\n", touchbase,
              k_import_goal_rate, touchbase >= k_import_goal_rate ? "met" : "missed", cpu, rss);
  if (runs.front().sqlite3.wall_seconds == 0) {
    std::printf("  sqlite3: not run (install Debian's 'sqlite3' for the ceiling)\n");
    return;
  }
  const double ceiling = median_of(runs, [&](const ImportRun& r) { return rate(o.contacts, r.sqlite3); });
  std::printf("  sqlite3 .import   %8.0f rows/s into a plain table\n", ceiling);
  std::printf("  touchbase / sqlite3 .import: %.2f\n", touchbase / ceiling);
}

bool bench_import(const Options& o, const std::filesystem::path& csv) {
  std::vector<ImportRun> runs;
  for (int i = 1; i <= o.runs; ++i) {
    runs.push_back(run_import(o, csv, i));
    print_import_run(o, i, runs.back());
    if (!runs.back().error.empty()) return false;
  }
  print_import_summary(o, runs);
  return true;
}

int run_bench(Options& o) {
  if (o.work.empty()) o.work = std::filesystem::temp_directory_path() / "touchbase-plan-bench";
  o.touchbase = std::filesystem::absolute(o.touchbase).string();
  std::filesystem::create_directories(o.work);
  const PlanWorkload workload = make_plan_workload(o.contacts);
  const auto csv = o.work / "contacts.csv";
  write_contacts_csv(csv, workload);
  std::printf("%ld contacts, %d run(s), work in %s\n", o.contacts, o.runs, o.work.c_str());
  bool ok = true;
  if (o.plan) ok = bench_plan(o, workload, csv) && ok;
  if (o.import) {
    if (o.plan) std::printf("\n");
    ok = bench_import(o, csv) && ok;
  }
  return ok ? 0 : 1;
}

}  // namespace
}  // namespace touchbase::bench

int main(int argc, char** argv) {
  touchbase::bench::Options o;
  if (!touchbase::bench::parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: plan_bench --touchbase BIN [--contacts N] [--runs R] [--days D] [--work DIR] [--remind BIN]"
                 " [--sqlite3 BIN] [--only plan|import]\n");
    return 64;
  }
  return touchbase::bench::run_bench(o);
}
