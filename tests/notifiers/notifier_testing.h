#pragma once
// Shared by the notifier tests: a typical reminder, and running a delivery
// on an io_context until its Done is called.

#include <gtest/gtest.h>

#include <chrono>
#include <optional>

#include "notifiers/asio.h"
#include "notifiers/notifier.h"

namespace touchbase::testing {

// Jane Doe at Acme GmbH, with every field filled in.
inline ReminderMessage sample_message() {
  ReminderMessage m;
  m.idempotency_key = "rem-42-alice-mail";
  m.owner_name = "Alice Moreno";
  m.contact_id = "jane-doe";
  m.contact_name = "Jane Doe";
  m.company = "Acme GmbH";
  m.stage = "proposal";
  m.channel = "call +49 30 1234567";
  m.due_at = "Tue 16:00 Europe/Berlin (09:00 America/Chicago)";
  m.why = "3rd touch, 9 days after the last, no reply yet; Tuesday 16:00 in Berlin is the window Jane asked for";
  m.talking_point = "Share the Q4 onboarding benchmark: median time-to-value fell 18%";
  m.talking_point_link = "https://example.com/benchmark";
  m.next_step = "send the pricing deck";
  m.log_command = "touchbase log jane-doe --outcome touched";
  return m;
}

// A signed token's length and alphabet (base64url), different per action.
inline std::string sample_action_url(const std::string& name) {
  std::string token;
  while (token.size() < 180) token += name + "_Zx9-";
  return "https://touchbase.example.com/a/" + token.substr(0, 180);
}

// The ten action links of a reminder, in the message's order.
inline std::vector<ActionLink> sample_actions() {
  const std::pair<const char*, const char*> names[] = {{"touched", "Touched"},         {"replied", "Replied"},
                                                       {"meeting", "Meeting booked"},  {"no-answer", "No answer"},
                                                       {"snooze-1d", "Snooze 1 day"},  {"snooze-3d", "Snooze 3 days"},
                                                       {"snooze-1w", "Snooze 1 week"}, {"pause", "Pause"},
                                                       {"page", "Jane Doe's page"},    {"today", "Today's follow-ups"}};
  std::vector<ActionLink> actions;
  for (const auto& [name, label] : names) actions.push_back({name, label, sample_action_url(name)});
  return actions;
}

// sample_message() with sample_actions().
inline ReminderMessage sample_message_with_actions() {
  ReminderMessage m = sample_message();
  m.actions = sample_actions();
  return m;
}

struct Delivery {
  std::optional<DeliveryResult> result;  // nullopt: Done was not called in time
  bool on_io_context = false;            // Done ran inside io_context::run
};

// Delivers `m` and runs `io` until Done is called or `limit` passes.
inline Delivery deliver_and_wait(Notifier& notifier, const ReminderMessage& m, boost::asio::io_context& io,
                                 std::chrono::milliseconds limit = std::chrono::seconds(10)) {
  Delivery delivery;
  const auto start = std::chrono::steady_clock::now();
  notifier.deliver(m, [&](DeliveryResult r) {
    delivery.result = std::move(r);
    delivery.on_io_context = io.get_executor().running_in_this_thread();
  });
  io.restart();
  while (!delivery.result && std::chrono::steady_clock::now() - start < limit) {
    io.run_one_for(std::chrono::milliseconds(50));
  }
  return delivery;
}

}  // namespace touchbase::testing
