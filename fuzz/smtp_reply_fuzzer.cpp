// What a mail server may answer to each command of a delivery, read the way
// libcurl's debug callback hands it over: the transcript never crashes, the
// classification is delivered only for a conversation that ended accepted,
// and a failure's message is valid UTF-8.

#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "notifiers/smtp_outcome.h"

namespace {

using touchbase::fuzz::check;

const char* const k_commands[] = {
    "EHLO localhost\r\n", "AUTH PLAIN\r\n", "MAIL FROM:<t@example.com>\r\n", "RCPT TO:<a@example.com>\r\n", "DATA\r\n",
    "QUIT\r\n",           "RSET\r\n"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider input(data, size);
  touchbase::SmtpTranscript transcript;
  while (input.remaining_bytes() > 1) {
    if (input.ConsumeBool()) {
      transcript.on_command(k_commands[input.ConsumeIntegralInRange<std::size_t>(0, std::size(k_commands) - 1)]);
    } else {
      transcript.on_reply(input.ConsumeRandomLengthString(300));
    }
  }
  const auto code = input.ConsumeBool() ? CURLE_OK : CURLE_RECV_ERROR;
  const auto result = touchbase::classify_smtp(code, transcript, "smtp://mail.example.com:587", "recv failure",
                                               "smtp://mail.example.com:587");
  for (const auto& recipient : transcript.recipients()) check(!recipient.address.empty(), "a recipient has an address");
  if (result.ok()) return 0;
  check(!result.error().message.empty(), "a failure says what happened");
  check(touchbase::is_utf8(result.error().message), "a failure's message is UTF-8");
  return 0;
}
