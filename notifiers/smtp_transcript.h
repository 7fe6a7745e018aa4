#pragma once
// What happened in an SMTP conversation, read from the commands libcurl sent
// and the replies it received (its debug callback): the reply to each RCPT TO,
// and the last reply with the step it answered. Nothing else is kept, so
// AUTH credentials never are.

#include <string>
#include <string_view>
#include <vector>

#include "notifiers/notifier.h"

namespace touchbase {

class SmtpTranscript {
 public:
  enum class Step { greeting, hello, auth, mail_from, rcpt_to, data, message, other, closing };

  // A command line the client sent ("RCPT TO:<a@example.com>\r\n").
  void on_command(std::string_view line);
  // One or more reply lines from the server ("250 OK\r\n", "250-SIZE ...\r\n").
  void on_reply(std::string_view text);

  const std::vector<RecipientResult>& recipients() const { return recipients_; }
  // The last complete reply ("554 5.6.0 Message content rejected"), its code
  // (0 if none yet) and the step it answered. The reply to QUIT or RSET,
  // which curl sends after a failure, does not count.
  const std::string& last_reply() const { return last_reply_; }
  int last_code() const { return last_code_; }
  Step last_step() const { return last_step_; }

 private:
  void on_final_reply(int code, std::string line);

  Step step_ = Step::greeting;  // what the next final reply answers
  std::string pending_recipient_;
  std::vector<RecipientResult> recipients_;
  std::string last_reply_;
  int last_code_ = 0;
  Step last_step_ = Step::greeting;
};

// "at the end of DATA", "to RCPT TO", ...: the step, for messages.
std::string_view describe(SmtpTranscript::Step step);

}  // namespace touchbase
