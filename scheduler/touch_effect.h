#pragma once
// What logging a touch does to the contact it is logged for, at once (the
// engine reads the touch itself for everything else). Pure.

#include "config/config.h"
#include "core/contact.h"
#include "scheduler/reply_rule.h"

namespace touchbase {

struct TouchEffect {
  enum class Kind {
    none,              // the cadence carries on
    active_again,      // a dormant contact is active again, its cadence afresh from the touch
    date_comes_first,  // a reply would pause or stop the cadence (`reply`), but the agreed date comes first
    stopped,           // the cadence stops after the reply: the engine plans nothing more
    paused,            // paused after the reply, until resumed
    moved,             // moved to the cadence on_reply names, afresh from the touch
  };
  Kind kind = Kind::none;
  ReplyRule reply;  // the rule a reply met; unset for none and active_again
};

// Applies touch `t` and the next step agreed at it to `contact`, whose
// cadence is `cadence` (Config::cadence_for): the next step is set; a dormant
// contact is active again from the touch; a reply (replied or meeting) acts
// on the cadence as its on_reply says (reply_rule), unless an agreed date
// comes first. `cadence` must outlive the result.
TouchEffect apply_touch(const Cadence& cadence, const Touch& t, const NextStep& next, Contact& contact);

// What the effect did to the follow-ups, for a short notice: "follow-ups
// paused", "follow-ups stopped", "moved to cadence nurture", "the agreed
// date comes first"; "" when the cadence carries on. `contact` as apply_touch left it.
std::string follow_ups_after(const TouchEffect& effect, const Contact& contact);

// When a touch learnt later (from mail) happened: `at` kept between the
// contact's last touch and `now`; `now` when `at` is unknown.
Instant touch_time_within(std::optional<Instant> at, std::optional<Instant> last_touch, Instant now);

}  // namespace touchbase
