#pragma once
// Following a contact's cadence switches to its next follow-up: the engine
// calls for a switch (or dormancy) and is asked again once it is applied.
// The daemon applies and writes them, `touchbase plan` records them, and
// `log` and the others read through them, all by these rules, so the plan
// shows what the daemon does. Pure.

#include <span>
#include <utility>

#include "core/contact.h"
#include "core/result.h"
#include "scheduler/cadence_engine.h"

namespace touchbase {

// Cadence switches followed in one decision, so a loop of `then` cannot spin.
inline constexpr int k_max_cadence_switches = 8;

// Applies transition `d`, decided for `contact` on `history` at `now`: a
// switch moves it to d.next_cadence from max(now, the last touch of
// `history`) -- the touches up to that one belong to the old cadence, and an
// assumed touch may lie ahead of now; dormancy makes it dormant.
// REQUIRES: d.kind is switch_cadence or dormant.
void apply_transition(const Decision& d, std::span<const Touch> history, Instant now, Contact& contact);

// The error for a contact whose cadences switch more than k_max_cadence_switches times in one decision.
Error switch_loop_error(const Contact& contact);

// Decides `contact` on `history` at `now` into `out`, following every
// switch: each switch or dormancy is reported to `on_transition(out)`, which
// returns the Contact& to apply it to (`contact` itself, or a copy the caller
// keeps), and the contact so changed is decided again. Ends at the first
// decision that is not a switch (dormancy included, already applied).
// Errc::config when the switches do not end (switch_loop_error). With
// Explain::no, a reused `out` and no switch, it allocates nothing.
template <class OnTransition>
Status follow_cadence_switches(const CadenceEngine& engine, const Contact& contact, std::span<const Touch> history,
                               Instant now, const NextOptions& options, Decision& out, OnTransition&& on_transition) {
  const Contact* current = &contact;
  for (int i = 0; i < k_max_cadence_switches; ++i) {
    engine.next(*current, history, now, options, out);
    if (out.kind != Decision::Kind::switch_cadence && out.kind != Decision::Kind::dormant) return {};
    Contact& changed = on_transition(std::as_const(out));
    apply_transition(out, history, now, changed);
    if (out.kind == Decision::Kind::dormant) return {};
    current = &changed;
  }
  return switch_loop_error(*current);
}

// The same, applying every transition to `contact` and reporting none.
Result<Decision> decide_following_switches(const CadenceEngine& engine, Contact& contact,
                                           std::span<const Touch> history, Instant now);

}  // namespace touchbase
