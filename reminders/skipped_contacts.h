#pragma once
// The contacts a pass leaves out and why (a time zone the system no longer
// knows, a row that does not read): each is logged once as a warning, when it
// is first met with that reason, not at every pass; the last pass's are kept
// for /metrics and `touchbase status`. A contact fixed and broken again later
// is logged again.
//
// Not thread-safe: used by ReminderMaker on the daemon's event loop.

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/contact.h"

namespace touchbase {

class SkippedContacts {
 public:
  // Starts a pass: nothing is skipped in it yet.
  void begin_pass() { current_.clear(); }
  // `contact` is left out of this pass; logged if it was not left out, for
  // this reason, in the last one.
  void skip(const SkippedContact& contact);
  // Whether contact `id` was left out of this pass so far.
  bool in_this_pass(const std::string& id) const { return current_.count(id) > 0; }
  // Ends a pass: its skipped contacts become last_pass().
  void end_pass();
  // The contacts the last finished pass left out, by id.
  const std::vector<SkippedContact>& last_pass() const { return last_; }

 private:
  std::map<std::string, std::string> current_;            // id -> why, this pass
  std::vector<SkippedContact> last_;                      // the last finished pass
  std::set<std::pair<std::string, std::string>> logged_;  // (id, why) logged and still met
};

}  // namespace touchbase
