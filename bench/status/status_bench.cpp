// What one GET /metrics or `touchbase status` reads from the store
// (Store::counts, all that read_store_figures reads), timed at a small and a large database: the median of
// R reads at each size, and their ratio. For comparison, the same figures
// read as they were before schema version 8, by reading every contact and
// every waiting and dead outbox row.
//
// Each database: N contacts, each with a reminder delivered through one
// notifier and waiting on another; a tenth of them dead instead.
//
// Usage: status_bench [--small N] [--large N] [--runs R] [--work DIR]

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace touchbase::bench {
namespace {

struct Options {
  int small = 100;
  int large = 100'000;
  int runs = 201;
  std::filesystem::path work = std::filesystem::temp_directory_path() / ("status-bench-" + std::to_string(::getpid()));
};

bool parse(int argc, char** argv, Options& o) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--small")
      o.small = std::atoi(value.c_str());
    else if (flag == "--large")
      o.large = std::atoi(value.c_str());
    else if (flag == "--runs")
      o.runs = std::atoi(value.c_str());
    else if (flag == "--work")
      o.work = value;
    else
      return false;
  }
  return argc % 2 == 1 && o.small > 0 && o.large > 0 && o.runs > 0;
}

Status fill(Store& store, int contacts) {
  std::vector<Contact> all;
  for (int i = 0; i < contacts; ++i) {
    Contact c;
    c.id = "c" + std::to_string(i);
    c.name = "Contact " + std::to_string(i);
    c.status = i % 7 == 0 ? ContactStatus::paused : ContactStatus::active;
    all.push_back(std::move(c));
  }
  TB_TRY_STATUS(store.upsert_contacts(all));
  const std::vector<std::string> notifiers{"mail", "slack"};
  Instant start = parse_rfc3339("2026-11-23T10:00:00Z").value();
  return store.in_one_transaction(
      [&]() -> Status {
        for (int i = 0; i < contacts; ++i) {
          Reminder r;
          r.contact_id = "c" + std::to_string(i);
          r.owner = "alice";
          r.cadence = "prospect";
          r.due_at = r.remind_at = r.created_at = start + Seconds(i);
          TB_TRY(auto created, store.create_reminder(r, notifiers));
          TB_TRY(auto rows, store.outbox_rows(created->id));
          TB_TRY_STATUS(store.mark_delivered(rows[0].id, r.due_at));
          if (i % 10 == 0) TB_TRY_STATUS(store.mark_attempt_failed(rows[1].id, "410", std::nullopt));
        }
        return {};
      },
      Store::Inner::all_or_nothing);
}

// The figures as read before the counts were kept: every contact, every waiting and dead row.
Status read_by_scanning(Store& store) {
  TB_TRY(auto contacts, store.list_contacts());
  constexpr OutboxState k_waiting[] = {OutboxState::pending, OutboxState::failed};
  constexpr OutboxState k_dead[] = {OutboxState::dead};
  TB_TRY(auto waiting, store.outbox_in(k_waiting));
  TB_TRY(auto dead, store.outbox_in(k_dead));
  TB_TRY(auto next, store.next_outbox_attempt());
  return contacts.size() + waiting.size() + dead.size() > 0 || next ? Status{} : Error::data("an empty store");
}

template <typename F>
double median_micros(int runs, F read) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    auto begin = std::chrono::steady_clock::now();
    if (auto done = read(); !done.ok()) {
      std::fprintf(stderr, "%s\n", done.error().message.c_str());
      std::exit(1);
    }
    times.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - begin).count());
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

struct Figures {
  double counts_us = 0;
  double scanning_us = 0;
};

Figures measure(const Options& o, int contacts) {
  auto path = o.work / ("status-" + std::to_string(contacts) + ".db");
  auto store = open_sqlite_store(path);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    std::exit(1);
  }
  if (auto filled = fill(**store, contacts); !filled.ok()) {
    std::fprintf(stderr, "%s\n", filled.error().message.c_str());
    std::exit(1);
  }
  Figures f;
  f.counts_us = median_micros(o.runs, [&] {
    auto counts = (*store)->counts();
    return counts ? Status{} : Status(counts.error());
  });
  int scanning_runs = std::max(1, std::min(o.runs, 21));
  f.scanning_us = median_micros(scanning_runs, [&] { return read_by_scanning(**store); });
  return f;
}

}  // namespace
}  // namespace touchbase::bench

int main(int argc, char** argv) {
  using namespace touchbase::bench;
  Options o;
  if (!parse(argc, argv, o)) {
    std::fprintf(stderr, "usage: status_bench [--small N] [--large N] [--runs R] [--work DIR]\n");
    return 64;
  }
  std::filesystem::create_directories(o.work);
  Figures small = measure(o, o.small);
  Figures large = measure(o, o.large);
  std::printf("%-36s %14s %14s %10s\n", "read (median)", std::to_string(o.small).c_str(),
              std::to_string(o.large).c_str(), "ratio");
  std::printf("%-36s %11.1f us %11.1f us %10.2f\n", "Store::counts (kept counts)", small.counts_us, large.counts_us,
              large.counts_us / small.counts_us);
  std::printf("%-36s %11.1f us %11.1f us %10.2f\n", "every row read (before version 8)", small.scanning_us,
              large.scanning_us, large.scanning_us / small.scanning_us);
  std::filesystem::remove_all(o.work);
  return 0;
}
