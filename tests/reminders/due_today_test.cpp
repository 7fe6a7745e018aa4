// What `touchbase due` lists: per contact the latest follow-up due by the end
// of its owner's day, grouped by owner, most valuable first.

#include "reminders/due_today.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

Instant at(std::string_view text) {
  return parse_rfc3339(text).value();
}

const Instant k_now = at("2026-11-25T08:00:00Z");  // Wed 09:00 in Berlin, 03:00 in New York

Config two_owners() {
  Config config;
  config.defaults.owner = "alice";
  config.owners["alice"].id = "alice";
  config.owners["alice"].timezone = "Europe/Berlin";
  config.owners["bob"].id = "bob";
  config.owners["bob"].timezone = "America/New_York";
  return config;
}

FollowUps follow_ups() {
  FollowUps all;
  for (auto [id, value] : {std::pair{"ann", 100.0}, {"ben", 900.0}, {"cat", 50.0}, {"dan", 900.0}, {"eve", 5000.0}}) {
    Contact c;
    c.id = id;
    c.value = value;
    all.contacts.push_back(c);
  }
  auto add = [&](std::size_t contact, std::string owner, std::string_view due) {
    FollowUp f;
    f.contact = contact;
    f.owner = std::move(owner);
    f.due_at = at(due);
    all.items.push_back(f);
  };
  // Ordered by due_at, as FollowUps::items are.
  add(0, "alice", "2026-11-20T15:00:00Z");
  add(1, "alice", "2026-11-24T09:00:00Z");
  add(3, "alice", "2026-11-25T07:00:00Z");
  add(0, "alice", "2026-11-25T10:00:00Z");
  add(4, "alice", "2026-11-25T23:00:00Z");  // midnight in Berlin: tomorrow for alice
  add(2, "bob", "2026-11-26T03:00:00Z");    // 22:00 in New York: today for bob
  return all;
}

struct Row {
  std::string contact;
  std::string due;
  bool overdue;
  friend bool operator==(const Row&, const Row&) = default;
  friend std::ostream& operator<<(std::ostream& os, const Row& r) {
    return os << r.contact << " " << r.due << (r.overdue ? " overdue" : "");
  }
};

std::vector<Row> rows(const std::vector<DueItem>& items) {
  std::vector<Row> out;
  for (const DueItem& item : items) {
    out.push_back({item.contact->id, format_rfc3339(item.follow_up->due_at), item.overdue});
  }
  return out;
}

TEST(DueToday, EachContactsLatestFollowUpDueByTheEndOfItsOwnersDayByOwnerMostValuableFirst) {
  const Config config = two_owners();
  const FollowUps all = follow_ups();
  EXPECT_EQ(rows(due_today(config, all, "", k_now)), (std::vector<Row>{{"ben", "2026-11-24T09:00:00Z", true},
                                                                       {"dan", "2026-11-25T07:00:00Z", true},
                                                                       {"ann", "2026-11-25T10:00:00Z", false},
                                                                       {"cat", "2026-11-26T03:00:00Z", false}}));
}

TEST(DueToday, OnlyTheOwnerAskedFor) {
  const Config config = two_owners();
  const FollowUps all = follow_ups();
  EXPECT_EQ(rows(due_today(config, all, "bob", k_now)), (std::vector<Row>{{"cat", "2026-11-26T03:00:00Z", false}}));
}

TEST(DueToday, NothingBeforeTheFirstFollowUp) {
  const Config config = two_owners();
  const FollowUps all = follow_ups();
  EXPECT_TRUE(due_today(config, all, "", at("2026-11-19T08:00:00Z")).empty());
}

}  // namespace
}  // namespace touchbase
