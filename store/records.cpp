#include "store/records.h"

namespace touchbase {

std::string_view to_string(OutboxState s) {
  switch (s) {
    case OutboxState::pending: return "pending";
    case OutboxState::delivered: return "delivered";
    case OutboxState::failed: return "failed";
    case OutboxState::dead: return "dead";
  }
  return "pending";
}

}  // namespace touchbase
