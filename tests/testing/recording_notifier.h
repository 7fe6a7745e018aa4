#pragma once
// A Notifier that records every message and answers with scripted outcomes
// (success once the script runs out).

#include <deque>
#include <vector>

#include "notifiers/notifier.h"

namespace touchbase::testing {

class RecordingNotifier final : public Notifier {
 public:
  void deliver(const ReminderMessage& message, Done done) override {
    delivered.push_back(message);
    DeliveryResult result;
    if (!script.empty()) {
      result = script.front();
      script.pop_front();
    }
    done(result);
  }

  std::vector<ReminderMessage> delivered;
  std::deque<DeliveryResult> script;  // outcomes of the next attempts, in order
};

}  // namespace touchbase::testing
