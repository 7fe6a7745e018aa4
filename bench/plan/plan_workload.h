#pragma once
// The plan and import benchmarks' workload: a config with 200 owners, 4
// cadences (as in cadence_engine_bench), holidays and a few talking points;
// contacts spread over 30 zones, with their own windows, stages, tags, values
// and next steps. A third of the contacts were never touched, a third have a
// last touch known from before touchbase (the CSV's last_touch), a third have
// 1 to 5 touches logged in touchbase (one in eight a reply).
//
// The same contacts as a `remind` script: one REM line each, repeating every
// N days from the contact's next follow-up, N being the gap its cadence gives
// at its current step (weekends skipped for business-day cadences), at the
// start of its window.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/contact.h"
#include "core/result.h"

namespace touchbase::bench {

struct PlanContactProfile {
  std::string id;
  std::string zone;
  std::string cadence;
  std::string owner;
  int window = -1;                    // index into the workload's windows; -1 for the config's default
  std::vector<Touch> touches;         // to log, oldest first
  std::optional<Instant> last_touch;  // imported
  std::optional<Date> next_step_date;
};

struct PlanWorkload {
  Instant now;  // what the plan is made from: the first instant of a month
  std::vector<PlanContactProfile> contacts;
};

// `count` contacts; the same ones for the same count.
PlanWorkload make_plan_workload(long count);

// The config, with the SQLite file at `database`.
void write_plan_config(const std::filesystem::path& path, const std::filesystem::path& database);
// The CSV `touchbase import` reads.
void write_contacts_csv(const std::filesystem::path& path, const PlanWorkload& w);
// Logs every contact's touches through the store, into the database of
// contacts already imported.
Status log_touches(const std::filesystem::path& database, const PlanWorkload& w);

// "1 Nov 2026", as remind reads a date.
std::string remind_date(Date d);
// The equivalent reminders for `remind -s1`, the config's holidays omitted.
void write_remind_script(const std::filesystem::path& path, const PlanWorkload& w);

}  // namespace touchbase::bench
