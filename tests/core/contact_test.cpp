#include "core/contact.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(ContactStatus, EveryStatusRoundTripsThroughItsName) {
  for (auto s : {ContactStatus::active, ContactStatus::paused, ContactStatus::dormant, ContactStatus::closed_won,
                 ContactStatus::closed_lost, ContactStatus::closed_unqualified}) {
    EXPECT_EQ(parse_contact_status(to_string(s)), s);
  }
  EXPECT_FALSE(parse_contact_status("won").has_value());
}

TEST(Outcome, AcceptsBothSpellingsOfNoAnswer) {
  EXPECT_EQ(parse_outcome("no-answer"), Outcome::no_answer);
  EXPECT_EQ(parse_outcome("no_answer"), Outcome::no_answer);
  EXPECT_EQ(to_string(Outcome::no_answer), "no-answer");
  EXPECT_FALSE(parse_outcome("ghosted").has_value());
}

TEST(NextStepText, AnAgreedDateFollowsTheStep) {
  EXPECT_EQ(next_step_text(NextStep{"send the deck", parse_date("2026-11-24").value()}),
            "send the deck (agreed for 2026-11-24)");
  EXPECT_EQ(next_step_text(NextStep{"send the deck", std::nullopt}), "send the deck");
  EXPECT_EQ(next_step_text(NextStep{"", parse_date("2026-11-24").value()}), " (agreed for 2026-11-24)");
}

}  // namespace
}  // namespace touchbase
