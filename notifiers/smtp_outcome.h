#pragma once
// What an SMTP delivery's result means:
//   every recipient accepted and the message accepted    delivered
//   a 4xx reply (at any step)                            transient
//   a 5xx reply (at any step)                            permanent
//   some recipients refused, the message accepted by     a failure (transient if any refusal was
//   the rest                                             4xx), listing who has the message
//   no reply (connection, TLS, timeout)                  as transport_failure()
// Pure: the transcript and curl's code come in as values.

#include <curl/curl.h>

#include <string_view>

#include "notifiers/notifier.h"
#include "notifiers/smtp_transcript.h"

namespace touchbase {

// `endpoint` names the server in messages (already redacted); `detail` is
// curl's error text; `url` is scrubbed from it.
DeliveryResult classify_smtp(CURLcode code, const SmtpTranscript& transcript, std::string_view endpoint,
                             std::string_view detail, std::string_view url);

}  // namespace touchbase
