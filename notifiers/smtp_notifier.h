#pragma once
// Email through an SMTP server, with libcurl on the CurlMulti.
//   smtp://host[:port]   STARTTLS is required, unless the host is loopback
//                        (localhost, 127.0.0.0/8, ::1), where a local relay
//                        is spoken to in plain text
//   smtps://host[:port]  implicit TLS
// AUTH is used when a username is set. Each reminder is one
// multipart/alternative message (text, then HTML) to every `to` address; its
// Message-ID derives from the idempotency key, so a repeated attempt is
// recognisably the same message. See smtp_outcome.h for how replies are read.

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "notifiers/curl_multi.h"
#include "notifiers/mail_headers.h"
#include "notifiers/notifier.h"

namespace touchbase {

struct SmtpSettings {
  std::string url;
  std::string username;  // empty: no AUTH
  std::string password;
  Mailbox from;
  std::vector<Mailbox> to;
};

// Checks the URL's scheme and host and that there is at least one recipient.
// Errors never repeat the password.
Status validate(const SmtpSettings& settings);

// How a connection to the server is protected.
enum class SmtpSecurity {
  starttls,        // smtp:// to any other host: STARTTLS or no delivery
  implicit_tls,    // smtps://
  plain_loopback,  // smtp:// to localhost, 127.0.0.0/8 or ::1
};
// REQUIRES: validate() accepted the URL.
SmtpSecurity smtp_security(std::string_view url);

class SmtpNotifier final : public Notifier {
 public:
  // REQUIRES: validate(settings) is ok. `curl` and `clock` must outlive the
  // notifier and its deliveries.
  SmtpNotifier(SmtpSettings settings, CurlMulti& curl, const Clock& clock, TransferTimeouts timeouts);

  // Call on the io_context's thread (the CurlMulti is confined to it).
  void deliver(const ReminderMessage& message, Done done) override;

 private:
  SmtpSettings settings_;
  SmtpSecurity security_;
  std::string endpoint_;  // "email smtp://host:port/…"
  CurlMulti& curl_;
  const Clock& clock_;
  TransferTimeouts timeouts_;
};

}  // namespace touchbase
