// A soak on the fake clock: owners and contacts on a real SQLite file, the
// daemon's passes minute by minute, and at random times logged touches,
// snoozes, pauses, resumes and closes (the real commands, in-process), an
// import that edits contacts, config reloads, notifier failures (transient
// and permanent, so reminders fall back), store faults, and restarts, some
// of them a crash between a delivery and its record. At the end of every
// simulated day, and at the end, the rules of soak_checks.h must hold, and
// the memory in use must stay flat from the second day on.
//
// TOUCHBASE_SOAK_SEED, TOUCHBASE_SOAK_CONTACTS, TOUCHBASE_SOAK_DAYS set the
// seed and the size (default: a random seed, 100 contacts, 2 days); the seed
// is printed on failure. scripts/soak runs the long one.
#include <gmock/gmock.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "reminders/contact_histories.h"
#include "tests/service/soak_memory.h"
#include "tests/service/soak_world.h"

namespace touchbase::testing {
namespace {

using namespace std::chrono_literals;

long env_or(const char* name, long fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::strtol(value, nullptr, 10) : fallback;
}

SoakSize size_from_env() {
  SoakSize size;
  size.seed = static_cast<std::uint64_t>(env_or("TOUCHBASE_SOAK_SEED", static_cast<long>(std::random_device{}())));
  size.contacts = static_cast<int>(env_or("TOUCHBASE_SOAK_CONTACTS", 100));
  size.days = static_cast<int>(env_or("TOUCHBASE_SOAK_DAYS", 2));
  return size;
}

// Fails with the first few violations of one rule.
void expect_none(const std::string& rule, const std::vector<std::string>& violations) {
  std::string shown;
  for (std::size_t i = 0; i < violations.size() && i < 10; ++i) shown += "\n  " + violations[i];
  EXPECT_TRUE(violations.empty()) << rule << ": " << violations.size() << " violation(s)" << shown;
}

class SoakTest : public ::testing::Test {
 protected:
  SoakTest() : size_(size_from_env()) { spdlog::set_level(spdlog::level::off); }
  ~SoakTest() override { spdlog::set_level(spdlog::level::info); }

  void check_rules(SoakWorld& world, std::span<const FollowUpKey> due, bool quiescent) {
    const SoakState state = world.read_state();
    const SoakLog& log = world.log();
    expect_none("doubled", doubled_deliveries(log.deliveries, log.allowed_repeats));
    expect_none("min_gap", reminders_too_close(state.reminders, state.touches, k_soak_min_gap));
    expect_none("daily limit", over_daily_limit(state.reminders, world.config(), log.limits));
    expect_none("working hours", outside_working_hours(state.reminders, world.config(), log.deliveries));
    expect_none("quiet", reminded_while_quiet(state.reminders, log.quiet));
    if (quiescent) expect_none("lost", lost_reminders(state.reminders, state.notice_rows, log.deliveries, due));
  }

  SoakSize size_;
};

TEST_F(SoakTest, AWeekOfRandomUseKeepsEveryRuleAndFlatMemory) {
  SCOPED_TRACE("TOUCHBASE_SOAK_SEED=" + std::to_string(size_.seed) + " TOUCHBASE_SOAK_CONTACTS=" +
               std::to_string(size_.contacts) + " TOUCHBASE_SOAK_DAYS=" + std::to_string(size_.days));
  std::cerr << "soak: seed " << size_.seed << ", " << size_.contacts << " contacts, " << size_.days << " day(s)\n";
  SoakWorld world(size_);
  std::vector<std::size_t> memory;  // from the second day on
  for (int day = 1; day <= size_.days; ++day) {
    world.run_day();
    if (day >= 2) memory.push_back(allocated_bytes());
    check_rules(world, {}, false);
    if (HasFailure()) return;
  }
  const std::vector<FollowUpKey> due = world.due_follow_ups();
  world.drain();
  memory.push_back(allocated_bytes());
  check_rules(world, due, true);
  // The allowance for what grows with the database: SQLite's page cache and the histories a pass reads.
  const std::size_t margin = 8u * 1024 * 1024;
  expect_none("memory", memory_grew(memory, margin));
  std::cerr << "soak: " << world.log().deliveries.size() << " delivery attempts, " << world.counts() << "\n";
  if (!memory.empty()) std::cerr << "soak: memory " << memory.front() << " -> " << memory.back() << " bytes\n";
}

}  // namespace
}  // namespace touchbase::testing
