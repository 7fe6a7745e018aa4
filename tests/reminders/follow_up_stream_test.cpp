// The follow-ups read a page at a time, the contacts of owners with a daily
// limit planned together, against the whole table planned at once
// (whole_table_follow_ups.h): random worlds with daily limits, cadence
// switches, pauses and open reminders, at page sizes 1, 7 and 512.

#include "reminders/follow_up_stream.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "reminders/reminder_maker.h"
#include "tests/reminders/whole_table_follow_ups.h"
#include "tests/scheduler/random_world.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

const Instant k_now = parse_rfc3339("2026-11-23T09:30:00Z").value();
constexpr int k_contacts = 80;
constexpr int k_worlds = 6;

// A follow-up as one line, everything the commands print of it.
std::string line_of(const FollowUp& f) {
  return format_rfc3339(f.due_at) + " remind " + format_rfc3339(f.remind_at) + " " + f.owner + " " + f.cadence + "#" +
         std::to_string(f.step) + (f.reminded ? " reminded" : " planned in " + f.timezone) + " point " +
         (f.point ? f.point->id : "-") + " brings " + std::to_string(static_cast<int>(f.brings)) + " [" + f.bring +
         "] why: " + f.why;
}

using Lines = std::map<std::string, std::vector<std::string>>;  // by contact id, sorted

void sort_lines(Lines& lines) {
  for (auto& [id, list] : lines) std::sort(list.begin(), list.end());
}

std::string skipped_text(const std::vector<SkippedContact>& skipped) {
  std::string out;
  for (const SkippedContact& s : skipped) out += s.id + ": " + s.why + "\n";
  return out;
}

class FollowUpStreamTest : public ::testing::TestWithParam<std::size_t> {
 protected:
  // A random world stored in SQLite, with the reminders a pass at `now` makes.
  testing::World store_world(std::uint64_t seed) {
    testing::World w = testing::WorldMaker(seed).make(k_contacts, k_now);
    store_ = open_sqlite_store(dir_ / ("world-" + std::to_string(seed) + ".db")).value();
    for (const PlanContact& pc : w.contacts) {
      EXPECT_TRUE(store_->add_contact(pc.contact));
      for (const Touch& t : pc.history) EXPECT_TRUE(store_->add_touch(pc.contact.id, t));
    }
    return w;
  }

  testing::TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_P(FollowUpStreamTest, RandomWorldsReadAPageAtATimeGiveTheFollowUpsOfTheWholeTable) {
  for (std::uint64_t seed = 1; seed <= k_worlds; ++seed) {
    SCOPED_TRACE("world " + std::to_string(seed));
    testing::World w = store_world(seed);
    CadenceEngine engine(w.config);
    ReminderMaker(w.config, engine, *store_).create_due_reminders(k_now).value();
    const Instant from = k_now - 24h * 7;
    const Instant until = k_now + 24h * 30;

    FollowUps whole = testing::whole_table_follow_ups(w.config, *store_, engine, k_now, from, until).value();
    Lines expected;
    for (const FollowUp& f : whole.items) expected[whole.contacts[f.contact].id].push_back(line_of(f));
    sort_lines(expected);

    Lines paged;
    auto collect = [&](const Contact& c, std::span<const FollowUp> items, const ContactHistories&) -> Status {
      EXPECT_FALSE(paged.contains(c.id)) << c.id << " handed over twice";
      for (const FollowUp& f : items) paged[c.id].push_back(line_of(f));
      return {};
    };
    const FollowUpQuery query{k_now, until, from, "", GetParam()};
    auto skipped = stream_follow_ups(w.config, *store_, engine, query, collect).value();
    sort_lines(paged);

    EXPECT_GT(whole.items.size(), 0u);
    EXPECT_EQ(paged, expected);
    EXPECT_EQ(skipped_text(skipped), skipped_text(whole.skipped));
  }
}

INSTANTIATE_TEST_SUITE_P(PageSizes, FollowUpStreamTest, ::testing::Values(1, 7, 512));

TEST(FollowUpStream, OneContactIsPlannedAloneAndAnUnknownOneIsNoInput) {
  testing::TempDir dir;
  testing::World w = testing::WorldMaker(3).make(20, k_now);
  auto store = open_sqlite_store(dir / "t.db").value();
  for (const PlanContact& pc : w.contacts) ASSERT_TRUE(store->add_contact(pc.contact));
  CadenceEngine engine(w.config);
  std::vector<std::string> seen;
  auto collect = [&](const Contact& c, std::span<const FollowUp>, const ContactHistories&) -> Status {
    seen.push_back(c.id);
    return {};
  };
  const Instant until = k_now + 24h * 60;
  ASSERT_TRUE(stream_follow_ups(w.config, *store, engine, FollowUpQuery{k_now, until, std::nullopt, "c4", 7}, collect));
  EXPECT_LE(seen.size(), 1u);
  for (const std::string& id : seen) EXPECT_EQ(id, "c4");

  auto unknown =
      stream_follow_ups(w.config, *store, engine, FollowUpQuery{k_now, until, std::nullopt, "zz", 7}, collect);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, Errc::no_input);
  EXPECT_EQ(unknown.error().message, "no contact 'zz'");
}

TEST(FollowUpStream, AnErrorOfTheSinkStopsTheReading) {
  testing::TempDir dir;
  testing::World w = testing::WorldMaker(5).make(40, k_now);
  auto store = open_sqlite_store(dir / "t.db").value();
  for (const PlanContact& pc : w.contacts) ASSERT_TRUE(store->add_contact(pc.contact));
  CadenceEngine engine(w.config);
  int calls = 0;
  auto fail = [&](const Contact&, std::span<const FollowUp>, const ContactHistories&) -> Status {
    ++calls;
    return Error::io("cannot write /tmp/full");
  };
  auto r = stream_follow_ups(w.config, *store, engine, FollowUpQuery{k_now, k_now + 24h * 60, k_now, "", 7}, fail);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, Errc::io);
  EXPECT_EQ(r.error().message, "cannot write /tmp/full");
  EXPECT_EQ(calls, 1);
}

}  // namespace
}  // namespace touchbase
