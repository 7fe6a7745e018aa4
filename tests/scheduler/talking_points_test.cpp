// Choosing and filling in the talking point a follow-up carries.
#include "scheduler/talking_points.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <tuple>

#include "scheduler/plan_points.h"
#include "tests/scheduler/engine_fixture.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

TalkingPoint point(std::string id, std::vector<std::string> stages = {}, std::vector<std::string> tags = {},
                   std::vector<int> steps = {}) {
  TalkingPoint p;
  p.id = id;
  p.text = "text of " + id;
  p.stages = std::move(stages);
  p.tags = std::move(tags);
  p.steps = std::move(steps);
  return p;
}

TalkingPoint expiring(std::string id, std::string_view expires) {
  TalkingPoint p = point(std::move(id));
  p.expires = day(expires);
  return p;
}

Contact fintech_proposal() {
  Contact c = contact();
  c.stage = "proposal";
  c.tags = {"saas", "fintech"};
  return c;
}

// What the daemon asks for `c`'s touch number `step` on 23 Nov 2026, owner alice.
struct Ask {
  Contact c = fintech_proposal();
  int step = 2;
  std::vector<std::string> used;
  std::vector<Touch> touches;
  bool brought = false;
  Date today = day("2026-11-23");
  std::string owner = "alice";

  PointChoice in(const std::vector<TalkingPoint>& library) const {
    return choose_talking_point(library, PointRequest{&c, owner, step, touches, used, brought, today});
  }
  std::string id_in(const std::vector<TalkingPoint>& library) const {
    PointChoice choice = in(library);
    return choice.point ? choice.point->id : "(none)";
  }
};

TEST(TalkingPoints, AStageTagAndStepPointBeatsLessSpecificOnes) {
  std::vector<TalkingPoint> library = {point("a-generic"), point("b-tag", {}, {"fintech"}),
                                       point("c-stage", {"proposal"}), point("d-stage-tag", {"proposal"}, {"fintech"}),
                                       point("e-all", {"proposal"}, {"fintech"}, {2})};
  EXPECT_EQ(match_score(library[0]), 0);
  EXPECT_EQ(match_score(library[4]), 7);
  Ask ask;
  std::vector<std::string> order;
  for (int i = 0; i < 6; ++i) {
    order.push_back(ask.id_in(library));
    ask.used.push_back(order.back());
  }
  EXPECT_THAT(order, ElementsAre("e-all", "d-stage-tag", "c-stage", "b-tag", "a-generic", "(none)"));
}

TEST(TalkingPoints, APointForAnotherStageTagOrStepNeverFits) {
  std::vector<TalkingPoint> library = {point("other-stage", {"discovery"}), point("other-tag", {}, {"retail"}),
                                       point("other-step", {}, {}, {1, 3})};
  EXPECT_EQ(Ask{}.in(library).kind, PointChoice::Kind::none);
  Ask third;
  third.step = 3;
  EXPECT_EQ(third.id_in(library), "other-step");
}

TEST(TalkingPoints, AmongEqualsTheSoonestToExpireGoesFirstThenTheSmallerId) {
  std::vector<TalkingPoint> library = {point("b-lasting"), expiring("c-december", "2026-12-10"), point("a-lasting"),
                                       expiring("d-soon", "2026-12-05")};
  Ask ask;
  std::vector<std::string> order;
  for (int i = 0; i < 4; ++i) {
    order.push_back(ask.id_in(library));
    ask.used.push_back(order.back());
  }
  EXPECT_THAT(order, ElementsAre("d-soon", "c-december", "a-lasting", "b-lasting"));
}

TEST(TalkingPoints, AnExpiredPointIsNotChosenAfterItsDay) {
  std::vector<TalkingPoint> library = {expiring("news", "2026-12-01")};
  Ask ask;
  ask.today = day("2026-12-01");
  EXPECT_EQ(ask.id_in(library), "news");
  ask.today = day("2026-12-02");
  EXPECT_EQ(ask.id_in(library), "(none)");
}

TEST(TalkingPoints, TheAgreedNextStepComesFirstOnceAfterTheTouchThatAgreedIt) {
  std::vector<TalkingPoint> library = {point("benchmark")};
  Ask ask;
  ask.c.next_step = {"send the pricing deck", day("2026-11-24")};
  PointChoice first = ask.in(library);
  EXPECT_EQ(first.kind, PointChoice::Kind::next_step);
  EXPECT_EQ(first.point, nullptr);
  EXPECT_EQ(bring_text(first, ask.c, {}, at("2026-11-24T15:00:00Z")),
            "You promised to send the pricing deck (agreed for 2026-11-24)");
  ask.brought = true;
  EXPECT_EQ(ask.id_in(library), "benchmark");
}

TEST(TalkingPoints, APrivatePointIsOnlyForItsOwnersContacts) {
  TalkingPoint mine = point("alices-case-study");
  mine.owner = "alice";
  std::vector<TalkingPoint> library = {mine};
  Ask alice;
  EXPECT_EQ(alice.id_in(library), "alices-case-study");
  Ask bob;
  bob.owner = "bob";
  EXPECT_EQ(bob.id_in(library), "(none)");
}

TEST(TalkingPoints, NothingFitsWhenTheContactHasHeardEveryPoint) {
  std::vector<TalkingPoint> library = {point("a"), point("b")};
  Ask ask;
  ask.used = {"b", "a"};
  PointChoice choice = ask.in(library);
  EXPECT_EQ(choice.kind, PointChoice::Kind::none);
  EXPECT_EQ(bring_text(choice, ask.c, {}, at("2026-11-24T15:00:00Z")),
            "No fresh talking point for saas,fintech / proposal — add one to the library");
  EXPECT_EQ(segment_of(contact()), "untagged / any stage");
}

TalkingPoint templated() {
  TalkingPoint p = point("templated");
  p.text = "Hi {first_name} ({title} at {company}, {stage}): {days_since_last_touch} days since \"{last_note}\"";
  using P = Placeholder;
  auto hole = [](P placeholder) { return TextPiece{"", placeholder}; };
  auto text = [](std::string s) { return TextPiece{std::move(s), std::nullopt}; };
  p.pieces = {text("Hi "),
              hole(P::first_name),
              text(" ("),
              hole(P::title),
              text(" at "),
              hole(P::company),
              text(", "),
              hole(P::stage),
              text("): "),
              hole(P::days_since_last_touch),
              text(" days since \""),
              hole(P::last_note),
              text("\"")};
  return p;
}

TEST(TalkingPoints, RenderingFillsEachPlaceholderFromTheContactAndItsTouches) {
  Contact c = fintech_proposal();
  c.name = "Jane Q. Doe";
  c.title = "CFO";
  c.company = "Acme GmbH";
  std::vector<Touch> touches = {Touch{at("2026-11-10T10:00:00Z"), Outcome::replied, "liked the demo", ""},
                                Touch{at("2026-11-20T10:00:00Z"), Outcome::touched, "", ""}};
  EXPECT_EQ(render_talking_point(templated(), c, touches, at("2026-11-23T09:59:00Z")),
            "Hi Jane (CFO at Acme GmbH, proposal): 2 days since \"liked the demo\"");
  c.last_touch = at("2026-11-21T08:00:00Z");  // known from before, later than the last logged one
  EXPECT_EQ(render_talking_point(templated(), c, touches, at("2026-11-23T09:59:00Z")),
            "Hi Jane (CFO at Acme GmbH, proposal): 2 days since \"liked the demo\"");
  c.last_touch = at("2026-11-22T08:00:00Z");
  EXPECT_EQ(render_talking_point(templated(), c, touches, at("2026-11-23T09:59:00Z")),
            "Hi Jane (CFO at Acme GmbH, proposal): 1 days since \"liked the demo\"");
}

TEST(TalkingPoints, APointIsSkippedForAContactThatCannotFillItsPlaceholders) {
  std::vector<TalkingPoint> library = {templated(), point("z-plain")};
  Ask ask;
  ask.c.title = "CFO";
  ask.c.company = "Acme";
  EXPECT_EQ(ask.id_in(library), "z-plain");  // no touch, so no note and no days since
  ask.touches = {Touch{at("2026-11-20T10:00:00Z"), Outcome::touched, "asked for the deck", ""}};
  EXPECT_EQ(ask.id_in(library), "templated");
  ask.c.company.clear();
  EXPECT_EQ(ask.id_in(library), "z-plain");
}

// Every day and hour is a window, so the plan walks one touch a day.
Config daily_config(std::string owner_zone = "Europe/Berlin") {
  Config c = base_config();
  c.defaults.contact_window = window("mon-sun 00:00-24:00");
  c.owners["alice"].working_hours = window("mon-sun 00:00-24:00");
  c.owners["alice"].timezone = std::move(owner_zone);
  c.cadences["basic"] = plain_cadence("basic", {"1d"});
  return c;
}

std::vector<std::string> planned_ids(const Config& config, const Contact& c, Instant now, int days) {
  CadenceEngine engine(config);
  std::vector<PlanContact> input = {{c, {}}};
  Plan plan = plan_follow_ups(engine, input, now, now + date::days(days)).value();
  PointContacts contacts;
  contacts.emplace(c.id, PointContact{&input[0].contact, {}});
  std::vector<std::string> ids;
  for (const PointChoice& choice : choose_planned_points(engine, plan.follow_ups, contacts, now)) {
    ids.push_back(choice.point ? choice.point->id : choice.kind == PointChoice::Kind::next_step ? "(next step)" : "-");
  }
  return ids;
}

TEST(PlannedPoints, TwentyTouchesNeverRepeatAPoint) {
  Config config = daily_config();
  for (int i = 1; i <= 12; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "p%02d", i);
    config.talking_points.push_back(point(id));
  }
  config.talking_points.push_back(point("step-3", {}, {}, {3}));
  config.talking_points.push_back(point("proposal", {"proposal"}));
  config.talking_points.push_back(point("retail", {}, {"retail"}));
  Contact c = fintech_proposal();
  c.next_step = {"send the pricing deck", std::nullopt};
  auto ids = planned_ids(config, c, at("2026-11-23T10:00:00Z"), 20);
  ASSERT_EQ(ids.size(), 20u);
  EXPECT_THAT(ids, ElementsAre("(next step)", "proposal", "step-3", "p01", "p02", "p03", "p04", "p05", "p06", "p07",
                               "p08", "p09", "p10", "p11", "p12", "-", "-", "-", "-", "-"));
  std::set<std::string> given;
  for (const auto& id : ids) {
    if (id.size() > 1 && id != "(next step)") {
      EXPECT_TRUE(given.insert(id).second) << id << " twice";
    }
  }
}

TEST(PlannedPoints, ExpiryIsReadInTheOwnersZoneOnTheBoundaryDay) {
  // 1 Dec 2026 10:59 UTC is still 1 Dec in Auckland (23:59 NZDT); at 11:00 UTC it is 2 Dec there.
  for (auto [zone, remind, expected] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"UTC", "2026-12-01T23:59:00Z", "news"},
           {"UTC", "2026-12-02T00:00:00Z", "-"},
           {"Pacific/Auckland", "2026-12-01T10:59:00Z", "news"},
           {"Pacific/Auckland", "2026-12-01T11:00:00Z", "-"}}) {
    Config config = daily_config(zone);
    config.defaults.lead_time = Seconds(0);
    config.talking_points.push_back(expiring("news", "2026-12-01"));
    Contact c = contact();
    c.timezone = "UTC";
    EXPECT_THAT(planned_ids(config, c, at(remind), 1), ElementsAre(expected)) << zone << " at " << remind;
  }
}

}  // namespace
}  // namespace touchbase::testing
