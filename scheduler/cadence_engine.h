#pragma once
// The cadence engine: when is a contact's next follow-up due, and why.
// Pure: no I/O, no clock; `now` and the history are parameters, so the daemon
// and `touchbase plan` get the same answer for the same inputs.
//
// Thread-safety: a CadenceEngine is immutable after construction and may be
// shared between threads. It keeps a reference to the Config, which must
// outlive it.

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/contact.h"

namespace touchbase {

// The next follow-up of a contact, or the transition the cadence calls for.
struct Decision {
  enum class Kind {
    follow_up,       // due_at/remind_at/step are set
    none,            // nothing is due: closed, paused, dormant, or stopped by a reply
    switch_cadence,  // give-up or steps ran out: move to `next_cadence` (then ask again)
    dormant,         // give-up with then = "dormant": no more follow-ups, audit list
  };
  Kind kind = Kind::none;
  std::string cadence;  // the cadence that decided
  int step = 0;         // 1-based number of the touch that is due
  Instant due_at;       // when to contact the contact (UTC)
  Instant remind_at;    // when to remind the owner (UTC), <= due_at
  std::string next_cadence;
  std::string why;  // the rules that decided, as one line of text
};

class CadenceEngine {
 public:
  // REQUIRES: config is valid (load_config succeeded).
  explicit CadenceEngine(const Config& config);

  // The next follow-up of `contact` given its touches since it entered its
  // current cadence (`history`, oldest first). The result is never before
  // `now` unless it is a follow-up already due (due_at <= now means overdue).
  Decision next(const Contact& contact, std::span<const Touch> history, Instant now) const;

  const Config& config() const { return config_; }

 private:
  const Config& config_;
};

}  // namespace touchbase
