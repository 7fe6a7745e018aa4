#pragma once
// What a follow-up brings to the conversation: the agreed next step, or a
// talking point from the library that suits the contact and the touch and
// that the contact has not heard yet. Pure: the store's facts and the date
// are parameters. The daemon, `touchbase plan`, `due`, `calendar` and
// `points` all choose through choose_talking_point(), so they agree.
//
// The rules, in order:
// 1. The next step agreed at the last logged touch (Contact::next_step.text)
//    comes first: the first follow-up after that touch brings it up instead
//    of a library point ("You promised to send the pricing deck").
// 2. Otherwise a library point that fits. A point fits when
//    - its owner is empty or is the contact's owner (private points);
//    - its tags are empty or share one with the contact's tags;
//    - its stages are empty or hold the contact's stage;
//    - its steps are empty or hold the touch number due;
//    - it has not expired: `expires` is on or after `today`, the owner's
//      local date when the reminder goes out (a point with expires =
//      2026-12-01 is used on 1 December in the owner's zone, not on the 2nd);
//    - the contact has not been given it (by a reminder or a logged touch);
//    - the contact has a value for each of its placeholders (a company for
//      {company}, a logged touch for {days_since_last_touch}, a note for
//      {last_note}), so no sentence goes out with a hole in it.
// 3. Among the points that fit, the most specific wins: match_score() is 4
//    for naming stages, 2 for naming tags, 1 for naming steps (so stage +
//    tag + step = 7 beats a generic point's 0). Among equals, the freshest:
//    the one that expires soonest goes first, so timely news goes out before
//    it goes stale; points without an expiry come after every dated one.
//    Last, the smaller id, so the choice never depends on file order.
// 4. None fits: Kind::none. The reminder says so; a cadence with
//    require_talking_point makes the follow-up wait instead.

#include <span>
#include <string>
#include <string_view>

#include "config/config.h"
#include "core/contact.h"

namespace touchbase {

// What one follow-up brings, and for whom.
struct PointRequest {
  const Contact* contact = nullptr;
  std::string_view owner;             // the contact's owner id, after defaults
  int step = 1;                       // the touch number due, 1-based
  std::span<const Touch> touches;     // the logged touches, oldest first (no assumed ones)
  std::span<const std::string> used;  // ids of the points the contact has been given
  bool next_step_brought = false;     // a follow-up since the last logged touch brought the next step up
  Date today;                         // the owner's local date when the reminder goes out
};

struct PointChoice {
  enum class Kind { next_step, point, none };
  Kind kind = Kind::none;
  const TalkingPoint* point = nullptr;  // set for Kind::point; points into the library
};

// REQUIRES: request.contact is set.
PointChoice choose_talking_point(std::span<const TalkingPoint> library, const PointRequest& request);

// Whether `point` fits `request` (rule 2 above).
bool fits(const TalkingPoint& point, const PointRequest& request);
// How specific the point is (rule 3 above): 0 to 7.
int match_score(const TalkingPoint& point);

// The point's text with its placeholders filled from `contact` and its
// logged `touches` (oldest first) as of `at`, the follow-up's due time:
// {first_name} is the name up to its first space; {days_since_last_touch} is
// the whole days (24 h) from the last logged touch, or Contact::last_touch
// when later, to `at`; {last_note} is the latest non-empty note. A value the
// contact lacks is left empty.
std::string render_talking_point(const TalkingPoint& point, const Contact& contact, std::span<const Touch> touches,
                                 Instant at);

// What the salesperson brings up, as one line: the point's text filled in
// (render_talking_point), the agreed next step (next_step_point), or that
// none fits (no_point_text).
std::string bring_text(const PointChoice& choice, const Contact& contact, std::span<const Touch> touches, Instant at);

// The agreed next step as the talking point: "You promised to send the
// pricing deck (agreed for 2026-11-24)". REQUIRES: next_step.text is not empty.
std::string next_step_point(const NextStep& next_step);

// The contact's segment of the library, for people: "fintech,saas / proposal",
// "untagged / any stage".
std::string segment_of(const Contact& contact);

// What a reminder says when nothing fits: "No fresh talking point for
// fintech / proposal — add one to the library".
std::string no_point_text(const Contact& contact);

}  // namespace touchbase
