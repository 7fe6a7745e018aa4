#include "notifiers/smtp_outcome.h"

#include <algorithm>
#include <string>

#include "notifiers/transport_failure.h"

namespace touchbase {
namespace {

bool is_transient_code(int code) {
  return code >= 400 && code < 500;
}

std::string join_addresses(const std::vector<RecipientResult>& recipients, bool accepted) {
  std::string out;
  for (const auto& r : recipients) {
    if (r.accepted() != accepted) continue;
    if (!out.empty()) out += ", ";
    out += accepted ? r.address : r.address + " (" + r.reply + ")";
  }
  return out;
}

DeliveryFailure with_recipients(DeliveryFailure failure, const SmtpTranscript& transcript) {
  failure.recipients = transcript.recipients();
  return failure;
}

// Some or all recipients refused at RCPT TO.
DeliveryFailure refused_recipients(const SmtpTranscript& transcript, std::string_view endpoint) {
  const auto& recipients = transcript.recipients();
  const bool any_transient = std::any_of(recipients.begin(), recipients.end(), [](const RecipientResult& r) {
    return !r.accepted() && is_transient_code(r.code);
  });
  std::string message = std::string(endpoint) + ": the server refused " + join_addresses(recipients, false);
  const std::string delivered = join_addresses(recipients, true);
  message += delivered.empty() ? "; nobody got the message" : "; delivered to " + delivered;
  auto failure =
      any_transient ? DeliveryFailure::transient(std::move(message)) : DeliveryFailure::permanent(std::move(message));
  return with_recipients(std::move(failure), transcript);
}

}  // namespace

DeliveryResult classify_smtp(CURLcode code, const SmtpTranscript& transcript, std::string_view endpoint,
                             std::string_view detail, std::string_view url) {
  const auto& recipients = transcript.recipients();
  const bool any_refused =
      std::any_of(recipients.begin(), recipients.end(), [](const RecipientResult& r) { return !r.accepted(); });
  const bool reached_message = transcript.last_step() == SmtpTranscript::Step::message;
  if (code == CURLE_OK) {
    if (!any_refused) return {};
    return refused_recipients(transcript, endpoint);
  }
  if (any_refused && !reached_message && transcript.last_step() == SmtpTranscript::Step::rcpt_to) {
    return refused_recipients(transcript, endpoint);
  }
  const int reply = transcript.last_code();
  if (reply >= 400 && reply < 600) {
    std::string message = std::string(endpoint) + ": the server replied " +
                          std::string(describe(transcript.last_step())) + ": " + transcript.last_reply();
    auto failure = is_transient_code(reply) ? DeliveryFailure::transient(std::move(message))
                                            : DeliveryFailure::permanent(std::move(message));
    return with_recipients(std::move(failure), transcript);
  }
  return with_recipients(transport_failure(code, detail, endpoint, url), transcript);
}

}  // namespace touchbase
