// Delivery throughput of the real daemon: N reminders due at the same
// instant, delivered through a signed `webhook` notifier to an HTTP sink on
// loopback, with the outbox durable in SQLite. Each run measures, in this
// order and against the same sink:
//
//   touchbase  `touchbase import` of N fresh contacts, then `touchbase run`
//              until the outbox is drained (watched read-only in SQLite):
//              reminders per second from the first delivery to the last,
//              and from the start; CPU per reminder (getrusage of the child,
//              user + system, split at the first delivery into making and
//              delivering); peak RSS.
//   floor      curl_floor: a bare libcurl multi client POSTing N bodies of
//              the same size with 16 transfers in flight; then the same
//              client sending also the headers the webhook notifier sends
//              (the three Standard Webhooks headers and User-Agent, values
//              of the same length, no signing): what those headers cost
//              inside libcurl, for reference.
//   ceiling    wrk -t1 -c16 -d5s against the same URL (GET).
//
// With --sink-pid, the CPU the sink's process spends per request is measured
// beside each of touchbase and the floor: with the daemon's CPU per reminder
// delivered it bounds the rate the machine's cores allow, however the work is
// spread over threads.
//
// Prints every run, then the medians and the ratios.
//
// Usage: delivery_bench --touchbase BIN --floor BIN --url URL [--reminders N]
//        [--runs R] [--work DIR] [--deadline SECONDS] [--once] [--no-wrk]
//        [--sink-pid PID]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "bench/delivery/child_process.h"
#include "bench/delivery/touchbase_run.h"

namespace {

using touchbase::bench::ChildUsage;
using touchbase::bench::RunMode;
using touchbase::bench::TouchbaseRun;
using touchbase::bench::TouchbaseRunOptions;

constexpr long k_default_reminders = 100'000;
constexpr int k_default_runs = 3;
constexpr double k_default_deadline_seconds = 1800;
constexpr double k_poll_seconds = 0.05;
constexpr int k_concurrency = 16;
constexpr std::size_t k_body_bytes = 1150;  // what the webhook notifier sends for this workload's reminders
// Headers as long as the ones the webhook notifier sends with this workload's reminders.
const std::vector<std::string> k_webhook_headers = {
    "webhook-id: tb-12345-sink-0123456789ab", "webhook-timestamp: 1795430400",
    "webhook-signature: v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=", "User-Agent: touchbase/0.1.0"};

struct Options {
  TouchbaseRunOptions touchbase;
  std::string floor;
  std::filesystem::path work;
  int runs = k_default_runs;
  bool wrk = true;
  pid_t sink_pid = 0;  // 0: the sink's CPU is not measured
};

struct Floor {
  double rate = 0;
  double cpu_us = 0;
  long max_rss_kb = 0;
  double sink_cpu_us = 0;  // per request
  std::string error;
};

struct RunResult {
  TouchbaseRun touchbase;
  double sink_cpu_us = 0;  // per reminder delivered
  Floor floor;
  Floor with_headers;  // the floor sending the webhook's headers too
  double wrk_rate = 0;
};

bool parse(int argc, char** argv, Options& o) {
  o.touchbase.reminders = k_default_reminders;
  o.touchbase.deadline_seconds = k_default_deadline_seconds;
  o.touchbase.poll_seconds = k_poll_seconds;
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag == "--once") {
      o.touchbase.mode = RunMode::once;
      continue;
    }
    if (flag == "--no-wrk") {
      o.wrk = false;
      continue;
    }
    if (i + 1 == argc) return false;
    const std::string value = argv[++i];
    if (flag == "--touchbase")
      o.touchbase.binary = value;
    else if (flag == "--floor")
      o.floor = value;
    else if (flag == "--url")
      o.touchbase.url = value;
    else if (flag == "--reminders")
      o.touchbase.reminders = std::atol(value.c_str());
    else if (flag == "--runs")
      o.runs = std::atoi(value.c_str());
    else if (flag == "--work")
      o.work = value;
    else if (flag == "--deadline")
      o.touchbase.deadline_seconds = std::atof(value.c_str());
    else if (flag == "--sink-pid")
      o.sink_pid = static_cast<pid_t>(std::atol(value.c_str()));
    else
      return false;
  }
  return !o.touchbase.binary.empty() && !o.floor.empty() && !o.touchbase.url.empty() && o.touchbase.reminders > 0 &&
         o.runs > 0;
}

// key=value pairs from curl_floor's line.
std::map<std::string, std::string> pairs(const std::string& line) {
  std::map<std::string, std::string> out;
  std::istringstream in(line);
  for (std::string item; in >> item;) {
    auto eq = item.find('=');
    if (eq != std::string::npos) out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

double per_second(double count, double seconds) {
  return seconds > 0 ? count / seconds : 0;
}

double cpu_us_per(double cpu_seconds, long count) {
  return count > 0 ? cpu_seconds * 1e6 / static_cast<double>(count) : 0;
}

// The sink's CPU seconds so far, or 0 when it is not measured.
double sink_cpu_seconds(const Options& o) {
  return o.sink_pid > 0 ? touchbase::bench::cpu_seconds_so_far(o.sink_pid) : 0;
}

Floor run_floor(const Options& o, const std::filesystem::path& dir, const std::vector<std::string>& headers,
                const std::string& name) {
  std::vector<std::string> args = {o.floor, "--url", o.touchbase.url, "--requests",
                                   std::to_string(o.touchbase.reminders)};
  args.insert(args.end(),
              {"--concurrency", std::to_string(k_concurrency), "--body-bytes", std::to_string(k_body_bytes)});
  for (const std::string& header : headers) args.insert(args.end(), {"--header", header});
  std::string out;
  const double sink_before = sink_cpu_seconds(o);
  const ChildUsage usage = touchbase::bench::run_to_end(args, dir, dir / name, &out);
  const double sink_seconds = sink_cpu_seconds(o) - sink_before;
  Floor f;
  auto kv = pairs(out);
  if (usage.exit_code != 0 || !kv.contains("rate")) {
    f.error = "curl_floor exited " + std::to_string(usage.exit_code) + ": " + out;
    return f;
  }
  f.rate = std::stod(kv["rate"]);
  f.cpu_us = std::stod(kv["cpu_us"]);
  f.max_rss_kb = usage.max_rss_kb;
  f.sink_cpu_us = cpu_us_per(sink_seconds, o.touchbase.reminders);
  return f;
}

double run_wrk(const Options& o, const std::filesystem::path& dir) {
  std::string out;
  touchbase::bench::run_to_end({"wrk", "-t1", "-c" + std::to_string(k_concurrency), "-d5s", o.touchbase.url}, dir,
                               dir / "wrk", &out);
  auto at = out.find("Requests/sec:");
  return at == std::string::npos ? 0 : std::atof(out.c_str() + at + 13);
}

void print_run(int i, const RunResult& r) {
  const TouchbaseRun& t = r.touchbase;
  std::printf(
      "run %d: touchbase import %.1f s, first delivery after %.1f s, delivering %.1f s: %.0f/s (%.0f/s from the "
      "start), %.0f us CPU per reminder (%.0f making, %.0f delivering), peak RSS %.1f MB%s%s\n",
      i, t.import_seconds, t.to_first_seconds, t.delivering_seconds, per_second(t.delivered, t.delivering_seconds),
      per_second(t.delivered, t.total_seconds()), cpu_us_per(t.cpu_seconds, t.delivered),
      cpu_us_per(t.cpu_to_first_seconds, t.delivered), cpu_us_per(t.cpu_seconds - t.cpu_to_first_seconds, t.delivered),
      static_cast<double>(t.max_rss_kb) / 1024, t.error.empty() ? "" : "; ", t.error.c_str());
  std::printf("run %d: bare libcurl %.0f/s, %.1f us CPU per request, peak RSS %.1f MB%s%s", i, r.floor.rate,
              r.floor.cpu_us, static_cast<double>(r.floor.max_rss_kb) / 1024, r.floor.error.empty() ? "" : "; ",
              r.floor.error.c_str());
  std::printf("; with the webhook's headers %.0f/s, %.1f us%s%s", r.with_headers.rate, r.with_headers.cpu_us,
              r.with_headers.error.empty() ? "" : "; ", r.with_headers.error.c_str());
  if (r.wrk_rate > 0) std::printf("; wrk %.0f/s", r.wrk_rate);
  std::printf("\n");
  if (r.sink_cpu_us > 0) {
    std::printf("run %d: the sink's CPU per request: %.1f us beside touchbase, %.1f us beside bare libcurl\n", i,
                r.sink_cpu_us, r.floor.sink_cpu_us);
  }
  std::fflush(stdout);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  if (v.empty()) return 0;
  return v.size() % 2 == 1 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

template <typename F>
double median_of(const std::vector<RunResult>& runs, F f) {
  std::vector<double> v;
  for (const auto& r : runs) v.push_back(f(r));
  return median(v);
}

void print_summary(const Options& o, const std::vector<RunResult>& runs) {
  auto rate =
      median_of(runs, [](auto& r) { return per_second(r.touchbase.delivered, r.touchbase.delivering_seconds); });
  auto rate_all =
      median_of(runs, [](auto& r) { return per_second(r.touchbase.delivered, r.touchbase.total_seconds()); });
  auto cpu = median_of(runs, [](auto& r) { return cpu_us_per(r.touchbase.cpu_seconds, r.touchbase.delivered); });
  auto delivering_cpu = median_of(runs, [](auto& r) {
    return cpu_us_per(r.touchbase.cpu_seconds - r.touchbase.cpu_to_first_seconds, r.touchbase.delivered);
  });
  auto rss = median_of(runs, [](auto& r) { return static_cast<double>(r.touchbase.max_rss_kb) / 1024; });
  auto floor_rate = median_of(runs, [](auto& r) { return r.floor.rate; });
  auto floor_cpu = median_of(runs, [](auto& r) { return r.floor.cpu_us; });
  auto headers_rate = median_of(runs, [](auto& r) { return r.with_headers.rate; });
  auto headers_cpu = median_of(runs, [](auto& r) { return r.with_headers.cpu_us; });
  auto wrk = median_of(runs, [](auto& r) { return r.wrk_rate; });
  std::printf("\nmedians of %zu run(s), %ld reminders each:\n", runs.size(), o.touchbase.reminders);
  std::printf("  touchbase    %8.0f reminders/s first to last delivery (%.0f/s from the start)\n", rate, rate_all);
  std::printf("               %8.1f us CPU per reminder, peak RSS %.1f MB\n", cpu, rss);
  std::printf("  bare libcurl %8.0f requests/s, %.1f us CPU per request\n", floor_rate, floor_cpu);
  std::printf("    with the webhook's headers %.0f requests/s, %.1f us CPU per request\n", headers_rate, headers_cpu);
  if (wrk > 0) std::printf("  wrk          %8.0f requests/s\n", wrk);
  std::printf("  touchbase / bare libcurl rate: %.2f (goal >= 0.80; from the start: %.2f)\n",
              per_second(rate, floor_rate), per_second(rate_all, floor_rate));
  std::printf("  touchbase / bare libcurl CPU:  %.1fx (goal <= 1.5x; delivering alone: %.1fx)\n",
              per_second(cpu, floor_cpu), per_second(delivering_cpu, floor_cpu));
  std::printf("  against bare libcurl with the webhook's headers: rate %.2f, CPU %.1fx\n",
              per_second(rate, headers_rate), per_second(cpu, headers_cpu));
  std::printf("  peak RSS: %.1f MB (goal < 64 MB)\n", rss);
  if (wrk > 0) std::printf("  wrk / touchbase rate:          %.1fx\n", per_second(wrk, rate));
  const auto sink_cpu = median_of(runs, [](auto& r) { return r.sink_cpu_us; });
  if (sink_cpu > 0) {
    // The cores hold delivering and the sink; no spreading over threads can do better.
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const double bound = cores * 1e6 / (delivering_cpu + sink_cpu);
    std::printf(
        "  the sink's CPU per request: %.1f us; %u cores at this CPU allow at most %.0f reminders/s,"
        " %.2f of bare libcurl's rate\n",
        sink_cpu, cores, bound, per_second(bound, floor_rate));
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr,
                 "usage: delivery_bench --touchbase BIN --floor BIN --url URL [--reminders N] [--runs R] [--work DIR]"
                 " [--deadline SECONDS] [--once] [--no-wrk] [--sink-pid PID]\n");
    return 64;
  }
  if (o.work.empty()) o.work = std::filesystem::temp_directory_path() / "touchbase-delivery-bench";
  // The programs run in the work folder.
  o.touchbase.binary = std::filesystem::absolute(o.touchbase.binary).string();
  o.floor = std::filesystem::absolute(o.floor).string();
  std::printf("%ld reminders to %s, %d run(s), work in %s\n", o.touchbase.reminders, o.touchbase.url.c_str(), o.runs,
              o.work.c_str());
  std::vector<RunResult> runs;
  bool all_delivered = true;
  for (int i = 1; i <= o.runs; ++i) {
    const auto dir = o.work / ("run-" + std::to_string(i));
    std::filesystem::remove_all(dir);
    RunResult r;
    const double sink_before = sink_cpu_seconds(o);
    r.touchbase = touchbase::bench::run_touchbase(o.touchbase, dir);
    r.sink_cpu_us = cpu_us_per(sink_cpu_seconds(o) - sink_before, r.touchbase.delivered);
    r.floor = run_floor(o, dir, {}, "floor");
    r.with_headers = run_floor(o, dir, k_webhook_headers, "floor-headers");
    if (o.wrk) r.wrk_rate = run_wrk(o, dir);
    all_delivered = all_delivered && r.touchbase.error.empty();
    print_run(i, r);
    runs.push_back(r);
  }
  print_summary(o, runs);
  return all_delivered ? 0 : 1;
}
