#pragma once
// What the cadence rules need to know about a contact's touches, read from
// the logged history plus Contact::last_touch without copying either.

#include <optional>
#include <span>

#include "config/config.h"
#include "core/contact.h"

namespace touchbase {

// The logged history, with Contact::last_touch as one more touch (outcome
// touched) when it lies before the first logged touch or after the last.
class TouchView {
 public:
  TouchView(const Contact& contact, std::span<const Touch> history);

  std::size_t size() const { return history_.size() + (extra_ ? 1 : 0); }
  // REQUIRES: i < size(). Oldest first.
  Instant at(std::size_t i) const;
  Outcome outcome(std::size_t i) const;

 private:
  std::span<const Touch> history_;
  std::optional<Instant> extra_;
  bool extra_first_ = false;
};

struct TouchSummary {
  int in_cadence = 0;                // touches after cadence_since: the due step is this + 1
  int unanswered = 0;                // trailing touched/no_answer touches in the cadence
  bool any = false;                  // any touch at all, in this cadence or before
  bool anchored = false;             // no touch in this cadence, but one before it
  bool last_replied = false;         // the last touch in the cadence was replied or a meeting
  Instant last{};                    // the latest touch, REQUIRES: any
  std::optional<Instant> cap_bound;  // the rolling cap allows no touch before this
};

TouchSummary summarize(const Contact& contact, std::span<const Touch> history, const std::optional<RollingCap>& cap);

}  // namespace touchbase
