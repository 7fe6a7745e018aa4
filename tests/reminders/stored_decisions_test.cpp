// The daemon's stored decisions against the engine's answer from scratch:
// 2,000 random contacts and histories (500 in each of 4 worlds), then random edits, logs, snoozes, pauses,
// new and removed contacts, reloads and restarts, each followed by passes;
// after each, every contact's stored decision must be what the engine (and
// with it `touchbase plan`) decides on what the store holds.

#include <gtest/gtest.h>

#include <map>
#include <memory>

#include "reminders/contact_histories.h"
#include "reminders/reminder_maker.h"
#include "scheduler/cadence_switches.h"
#include "tests/scheduler/random_world.h"
#include "tests/testing/faulty_store.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

using namespace std::chrono_literals;

// The world's cadences switch only to a later cadence, so that no `then` or
// `on_reply` loops (a config that does is refused when it is loaded).
void without_switch_loops(Config& config) {
  for (auto& [name, c] : config.cadences) {
    if (config.cadences.contains(c.then) && c.then <= name) c.then = "dormant";
    if (config.cadences.contains(c.on_reply) && c.on_reply <= name) c.on_reply = "pause";
  }
}

class StoredDecisionsTest : public ::testing::TestWithParam<std::uint64_t> {
 protected:
  void SetUp() override {
    testing::World world = worlds_.make(500, now_);
    config_ = std::make_unique<Config>(std::move(world.config));
    without_switch_loops(*config_);
    store_ = open_sqlite_store(dir_ / "touchbase.db").value();
    for (const PlanContact& pc : world.contacts) add(pc);
    next_index_ = static_cast<int>(world.contacts.size());
    restart();
  }

  void add(const PlanContact& pc) {
    ASSERT_TRUE(store_->add_contact(pc.contact).ok());
    for (const Touch& t : pc.history) ASSERT_TRUE(store_->add_touch(pc.contact.id, t).ok());
  }

  // A new daemon on config_: a restart, or a reload when config_ changed.
  void restart() {
    maker_.reset();
    engine_ = std::make_unique<CadenceEngine>(*config_);
    maker_ = std::make_unique<ReminderMaker>(*config_, *engine_, *store_);
  }

  // Passes at now_ until none is wanted at once.
  void settle() {
    for (int i = 0; i < 20; ++i) {
      auto pass = maker_->create_due_reminders(now_);
      ASSERT_TRUE(pass.ok()) << pass.error().message;
      if (!pass->unfinished) return;
    }
    FAIL() << "passes still wanted at once after 20";
  }

  Contact random_contact() {
    auto contacts = store_->list_contacts().value();
    return contacts[static_cast<std::size_t>(worlds_.uniform(0, static_cast<int>(contacts.size()) - 1))];
  }

  // One random thing a salesperson, an operator or the clock does; its name.
  std::string random_event() {
    Contact c = random_contact();
    switch (worlds_.uniform(0, 10)) {
      case 0: {
        const Touch t{now_, worlds_.pick(std::array{Outcome::touched, Outcome::replied, Outcome::no_answer}), "", ""};
        EXPECT_TRUE(store_->add_touch(c.id, t).ok());
        return "log " + c.id;
      }
      case 1:
        c.status = ContactStatus::paused;
        c.paused_until = now_ + 1h * worlds_.uniform(1, 24 * 10);
        EXPECT_TRUE(store_->update_contact(c).ok());
        return "snooze " + c.id;
      case 2:
        c.status = c.status == ContactStatus::active ? ContactStatus::paused : ContactStatus::active;
        c.paused_until.reset();
        EXPECT_TRUE(store_->update_contact(c).ok());
        return "pause or resume " + c.id;
      case 3:
        c.window = worlds_.random_window(15);
        c.cadence = "c" + std::to_string(worlds_.uniform(0, 3));
        EXPECT_TRUE(store_->update_contact(c).ok());
        return "edit " + c.id;
      case 4: add(worlds_.random_contact(next_index_++, *config_, now_)); return "add";
      case 5: EXPECT_TRUE(store_->mark_contact_removed(c.id, now_).ok()); return "remove " + c.id;
      case 6: {
        Cadence& cadence = config_->cadences.begin()->second;
        cadence.steps.front() = cadence.steps.front() == Seconds(48h) ? Seconds(72h) : Seconds(48h);
        restart();
        return "reload with another step";
      }
      case 7: {
        Owner& owner = config_->owners.begin()->second;
        owner.daily_limit = owner.daily_limit == 0 ? 2 : owner.daily_limit == 2 ? 25 : 0;
        restart();
        return "reload with another daily limit";
      }
      case 8: restart(); return "restart";
      default: now_ += Seconds(1min) * worlds_.uniform(1, 60 * 24 * 3); return "time passes";
    }
  }

  // Every contact's stored decision against the engine's on the store's contents.
  void expect_decisions_as_from_scratch(const std::string& after) {
    auto contacts = store_->list_contacts().value();
    auto histories = store_->histories_of_all_contacts().value();
    std::vector<std::string> ids;
    for (const Contact& contact : contacts) ids.push_back(contact.id);
    std::map<std::string, StoredDecision> decisions;
    auto stored_decisions = store_->find_decisions(ids).value();
    for (StoredDecision& d : stored_decisions) decisions.emplace(d.contact_id, std::move(d));
    for (Contact& contact : contacts) {
      Contact switched = contact;
      auto d = decide_following_switches(*engine_, switched, engine_history(histories, contact.id), now_);
      ASSERT_TRUE(d.ok()) << d.error().message;
      const auto stored = decisions.find(contact.id);
      ASSERT_NE(stored, decisions.end()) << contact.id << " has no stored decision after " << after;
      if (d->kind == Decision::Kind::follow_up) {
        EXPECT_EQ(stored->second.due_at, d->due_at) << contact.id << " after " << after;
        EXPECT_EQ(stored->second.remind_at, d->remind_at) << contact.id << " after " << after;
      } else {
        EXPECT_EQ(stored->second.due_at, std::nullopt) << contact.id << " after " << after << ": " << d->why;
      }
    }
  }

  testing::WorldMaker worlds_{GetParam()};
  Instant now_ = date::sys_days(date::year{2026} / 11 / 16) + 9h;
  testing::TempDir dir_;
  std::unique_ptr<Config> config_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<CadenceEngine> engine_;
  std::unique_ptr<ReminderMaker> maker_;
  int next_index_ = 0;
};

TEST_P(StoredDecisionsTest, EqualTheEnginesAnswerFromScratchAfterEveryRandomEventAndItsPasses) {
  settle();
  expect_decisions_as_from_scratch("the first passes");
  for (int step = 0; step < 40 && !HasFailure(); ++step) {
    const std::string event = random_event();
    settle();
    expect_decisions_as_from_scratch("event " + std::to_string(step) + ": " + event);
  }
}

TEST_P(StoredDecisionsTest, APassReadsOnlyTheContactsChangedOrDueNeverTheWholeTable) {
  settle();
  testing::FaultyStore counting(*store_);
  ReminderMaker maker(*config_, *engine_, counting);
  ASSERT_TRUE(maker.create_due_reminders(now_).ok());
  Contact edited = random_contact();
  edited.notes = "met at the fair";
  ASSERT_TRUE(store_->update_contact(edited).ok());
  auto pass = maker.create_due_reminders(now_);
  ASSERT_TRUE(pass.ok()) << pass.error().message;

  EXPECT_EQ(counting.calls(testing::StoreCall::list_contacts), 0);
  EXPECT_EQ(counting.calls(testing::StoreCall::list_contacts_after), 0);
  EXPECT_EQ(counting.calls(testing::StoreCall::histories_of_all_contacts), 0);
  // The edited contact, read as a change: one page.
  EXPECT_EQ(counting.calls(testing::StoreCall::find_contacts), 1);
}

INSTANTIATE_TEST_SUITE_P(Seeds, StoredDecisionsTest, ::testing::Values(1, 2, 3, 4));

}  // namespace
}  // namespace touchbase
