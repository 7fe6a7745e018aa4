// What a reply does to a cadence, read from its on_reply key.

#include "scheduler/reply_rule.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

using Kind = ReplyRule::Kind;

struct ReplyCase {
  const char* name;
  const char* on_reply;
  Kind kind;
  const char* rule_name;
};

const ReplyCase k_cases[] = {
    {"PauseIsTheDefault", "", Kind::pause, "pause"},
    {"PausePauses", "pause", Kind::pause, "pause"},
    {"StopStops", "stop", Kind::stop, "stop"},
    {"AnyOtherValueNamesTheCadenceToMoveTo", "customer", Kind::switch_cadence, "customer"},
};

class ReplyRules : public ::testing::TestWithParam<ReplyCase> {};

TEST_P(ReplyRules, Case) {
  const ReplyCase& c = GetParam();
  Cadence cadence;
  cadence.on_reply = c.on_reply;
  const ReplyRule rule = reply_rule(cadence);
  EXPECT_EQ(rule.kind, c.kind);
  EXPECT_EQ(rule.name, c.rule_name);
}

INSTANTIATE_TEST_SUITE_P(OnReply, ReplyRules, ::testing::ValuesIn(k_cases),
                         [](const auto& param_info) { return std::string(param_info.param.name); });

}  // namespace
}  // namespace touchbase
