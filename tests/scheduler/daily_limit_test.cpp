// An owner's daily limit: the most valuable follow-ups keep their day, the
// rest move to the owner's next days, none is dropped, and each says why.

#include "scheduler/daily_limit.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;

struct Fixture {
  explicit Fixture(int limit) : config(base_config()) { config.owners["alice"].daily_limit = limit; }

  // New contacts, all due Mon 23 Nov 09:00 Berlin.
  std::vector<LimitedFollowUp> items(const CadenceEngine& engine,
                                     std::initializer_list<std::pair<const char*, double>> who) {
    contacts.clear();
    contacts.reserve(who.size());
    for (auto [id, value] : who) {
      contacts.push_back(contact(id, id));
      contacts.back().value = value;
    }
    std::vector<LimitedFollowUp> out;
    for (const Contact& c : contacts) {
      Decision d = engine.next(c, {}, now);
      out.push_back(LimitedFollowUp{&c, {}, d, d.due_at});
    }
    return out;
  }

  const LimitedFollowUp& find(const std::vector<LimitedFollowUp>& items, const std::string& id) {
    for (const auto& i : items) {
      if (i.contact->id == id) return i;
    }
    throw std::runtime_error("no " + id);
  }

  Config config;
  std::vector<Contact> contacts;
  Instant now = at("2026-11-23T07:00:00Z");
};

TEST(DailyLimit, TheMostValuableKeepTheirDayTheRestMoveToTheNext) {
  Fixture f(2);
  CadenceEngine engine(f.config);
  auto items = f.items(engine, {{"a", 100}, {"b", 500}, {"c", 300}, {"d", 500}});
  apply_daily_limits(engine, items, f.now);
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(format_rfc3339(f.find(items, "b").decision.due_at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "d").decision.due_at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "c").decision.due_at), "2026-11-24T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "a").decision.due_at), "2026-11-24T08:00:00Z");
  EXPECT_EQ(f.find(items, "c").decision.why,
            "1st touch; no touch yet; Alice Moreno's daily limit of 2 is reached on Mon 23 Nov; moved to Tue 24 Nov "
            "09:00 Europe/Berlin, the default window");
  EXPECT_EQ(format_rfc3339(f.find(items, "c").decision.remind_at), "2026-11-24T07:45:00Z");
}

TEST(DailyLimit, AnOverfullNextDayPassesTheRestOnAgain) {
  Fixture f(2);
  CadenceEngine engine(f.config);
  auto items = f.items(engine, {{"a", 0}, {"b", 0}, {"c", 0}, {"d", 0}, {"e", 0}});
  apply_daily_limits(engine, items, f.now);
  // Equal value and waiting: by id.
  EXPECT_EQ(format_rfc3339(f.find(items, "b").decision.due_at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "d").decision.due_at), "2026-11-24T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "e").decision.due_at), "2026-11-25T08:00:00Z");
  EXPECT_NE(f.find(items, "e").decision.why.find("daily limit of 2 is reached on Tue 24 Nov"), std::string::npos);
}

TEST(DailyLimit, LongestWaitingGoesFirstAmongEqualValues) {
  Fixture f(1);
  CadenceEngine engine(f.config);
  auto items = f.items(engine, {{"a", 0}, {"b", 0}});
  items[1].waiting_since -= std::chrono::hours(48);
  apply_daily_limits(engine, items, f.now);
  EXPECT_EQ(format_rfc3339(f.find(items, "b").decision.due_at), "2026-11-23T08:00:00Z");
  EXPECT_EQ(format_rfc3339(f.find(items, "a").decision.due_at), "2026-11-24T08:00:00Z");
}

TEST(DailyLimit, ZeroMeansNoLimit) {
  Fixture f(0);
  CadenceEngine engine(f.config);
  auto items = f.items(engine, {{"a", 0}, {"b", 0}, {"c", 0}});
  apply_daily_limits(engine, items, f.now);
  for (const auto& i : items) EXPECT_EQ(format_rfc3339(i.decision.due_at), "2026-11-23T08:00:00Z");
}

}  // namespace
}  // namespace touchbase
