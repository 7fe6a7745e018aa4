// Snooze, pause, resume and close: what each does to a contact, and when a
// snooze or a pause is refused.

#include "scheduler/contact_state.h"

#include <gtest/gtest.h>

#include "tests/scheduler/engine_fixture.h"

namespace touchbase {
namespace {

using namespace touchbase::testing;

const Instant k_now = at("2026-11-23T09:00:00Z");
const Instant k_later = at("2026-11-26T09:00:00Z");
const Instant k_since = at("2026-11-01T09:00:00Z");

enum class Change { snooze, pause, pause_with_date };

struct StateCase {
  const char* name;
  Change change;
  ContactStatus before;
  Instant until;
  std::optional<StateRefusal> refused;
  ContactStatus after;
  std::optional<Instant> paused_until_after;
};

const StateCase k_cases[] = {
    {"ASnoozeKeepsTheContactActiveUntilThen", Change::snooze, ContactStatus::active, k_later, std::nullopt,
     ContactStatus::active, k_later},
    {"ASnoozeOfAPausedContactMakesItActiveUntilThen", Change::snooze, ContactStatus::paused, k_later, std::nullopt,
     ContactStatus::active, k_later},
    {"ASnoozeUntilNowIsRefused", Change::snooze, ContactStatus::active, k_now, StateRefusal::until_passed,
     ContactStatus::active, std::nullopt},
    {"ASnoozeOfADormantContactIsRefused", Change::snooze, ContactStatus::dormant, k_later, StateRefusal::not_followed,
     ContactStatus::dormant, std::nullopt},
    {"ASnoozeOfAClosedContactIsRefusedBeforeItsDate", Change::snooze, ContactStatus::closed_lost, k_now,
     StateRefusal::not_followed, ContactStatus::closed_lost, std::nullopt},
    {"APauseWithoutADateLastsUntilResumed", Change::pause, ContactStatus::active, k_later, std::nullopt,
     ContactStatus::paused, std::nullopt},
    {"APauseWithADateLastsUntilThen", Change::pause_with_date, ContactStatus::active, k_later, std::nullopt,
     ContactStatus::paused, k_later},
    {"APauseUntilThePastIsRefused", Change::pause_with_date, ContactStatus::active, k_now - Seconds(1),
     StateRefusal::until_passed, ContactStatus::active, std::nullopt},
    {"APauseOfAWonContactIsRefused", Change::pause, ContactStatus::closed_won, k_later, StateRefusal::not_followed,
     ContactStatus::closed_won, std::nullopt},
};

class ContactStates : public ::testing::TestWithParam<StateCase> {};

TEST_P(ContactStates, Case) {
  const StateCase& c = GetParam();
  Contact jane = contact();
  jane.status = c.before;
  jane.cadence_since = k_since;
  StateChange done = c.change == Change::snooze  ? snooze_contact(jane, c.until, k_now)
                     : c.change == Change::pause ? pause_contact(jane, std::nullopt, k_now)
                                                 : pause_contact(jane, c.until, k_now);
  EXPECT_EQ(done.ok() ? std::nullopt : std::optional(done.error()), c.refused);
  EXPECT_EQ(jane.status, c.after);
  EXPECT_EQ(jane.paused_until, c.paused_until_after);
  EXPECT_EQ(jane.cadence_since, k_since);  // neither starts the cadence afresh
}

INSTANTIATE_TEST_SUITE_P(SnoozeAndPause, ContactStates, ::testing::ValuesIn(k_cases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

TEST(ContactState, ResumingFollowsAnyContactUpAgainItsCadenceAfreshFromNow) {
  for (ContactStatus before : {ContactStatus::paused, ContactStatus::dormant, ContactStatus::closed_won}) {
    Contact jane = contact();
    jane.status = before;
    jane.paused_until = k_later;
    jane.cadence_since = k_since;
    resume_contact(jane, k_now);
    EXPECT_EQ(jane.status, ContactStatus::active) << to_string(before);
    EXPECT_EQ(jane.paused_until, std::nullopt);
    EXPECT_EQ(jane.cadence_since, k_now);
  }
}

TEST(ContactState, ClosingSetsTheStatusOfItsReason) {
  const std::pair<CloseReason, ContactStatus> k_reasons[] = {
      {CloseReason::won, ContactStatus::closed_won},
      {CloseReason::lost, ContactStatus::closed_lost},
      {CloseReason::unqualified, ContactStatus::closed_unqualified}};
  for (auto [reason, status] : k_reasons) {
    Contact jane = contact();
    close_contact(jane, reason);
    EXPECT_EQ(jane.status, status);
  }
}

}  // namespace
}  // namespace touchbase
