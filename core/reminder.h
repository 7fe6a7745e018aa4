#pragma once
// A reminder: the decision to remind an owner of one follow-up. The store
// keeps them; the history rules (scheduler/history.h) read them as touches.

#include <cstdint>
#include <string>

#include "core/time.h"

namespace touchbase {

// At most one reminder exists per (contact_id, due_at): a follow-up is never
// reminded twice.
struct Reminder {
  std::int64_t id = 0;  // assigned by the store
  std::string contact_id;
  std::string owner;
  std::string cadence;
  int step = 1;  // 1-based touch number
  Instant due_at;
  Instant remind_at;
  std::string talking_point;  // id, empty when none fitted
  std::string why;            // the reasons, as text
  bool late = false;          // created after its remind_at had passed (downtime)
  Instant created_at;
};

}  // namespace touchbase
