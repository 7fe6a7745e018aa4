#include "notifiers/smtp_notifier.h"

#include "core/url.h"
#include "notifiers/email_message.h"
#include "notifiers/smtp_outcome.h"
#include "notifiers/smtp_transcript.h"

namespace touchbase {
namespace {

// CURLOPT_MAIL_RCPT_ALLOWFAILS was spelled with three Ls before curl 8.2.
#if LIBCURL_VERSION_NUM >= 0x080200
constexpr CURLoption k_mail_rcpt_allow_fails = CURLOPT_MAIL_RCPT_ALLOWFAILS;
#else
constexpr CURLoption k_mail_rcpt_allow_fails = CURLOPT_MAIL_RCPT_ALLLOWFAILS;
#endif

struct SlistDeleter {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;

Slist make_slist(const std::vector<std::string>& lines) {
  curl_slist* list = nullptr;
  for (const auto& line : lines) list = curl_slist_append(list, line.c_str());
  return Slist(list);
}

// One message: the easy handle, its MIME tree and lists, and the transcript.
class SmtpTransfer final : public CurlTransfer {
 public:
  SmtpTransfer(const SmtpSettings& settings, SmtpSecurity security, EmailMessage mail, const TransferTimeouts& timeouts,
               std::function<void(DeliveryResult)> done, std::string endpoint)
      : mail_(std::move(mail)),
        url_(settings.url),
        endpoint_(std::move(endpoint)),
        done_(std::move(done)),
        recipients_(make_slist(mail_.envelope_to)),
        headers_(make_slist(mail_.headers)) {
    CURL* easy = this->easy();
    set_url(url_);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(easy, CURLOPT_USE_SSL,
                     security == SmtpSecurity::plain_loopback ? CURLUSESSL_NONE : CURLUSESSL_ALL);
    if (!settings.username.empty()) {
      curl_easy_setopt(easy, CURLOPT_USERNAME, settings.username.c_str());
      curl_easy_setopt(easy, CURLOPT_PASSWORD, settings.password.c_str());
    }
    curl_easy_setopt(easy, CURLOPT_MAIL_FROM, mail_.envelope_from.c_str());
    curl_easy_setopt(easy, CURLOPT_MAIL_RCPT, recipients_.get());
    curl_easy_setopt(easy, k_mail_rcpt_allow_fails, 1L);
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_.get());
    build_mime();
    curl_easy_setopt(easy, CURLOPT_MIMEPOST, mime_);
    // The debug callback is how the per-recipient replies are read.
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &SmtpTransfer::on_debug);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
    apply_timeouts(timeouts);
  }

  ~SmtpTransfer() override {
    curl_easy_setopt(easy(), CURLOPT_MIMEPOST, nullptr);
    curl_mime_free(mime_);
  }

  void finished(CURLcode code) override { done_(classify_smtp(code, transcript_, endpoint_, error_text(), url_)); }

 private:
  static void add_text_part(curl_mime* mime, const std::string& data, const char* type) {
    curl_mimepart* part = curl_mime_addpart(mime);
    curl_mime_data(part, data.data(), data.size());
    curl_mime_type(part, type);
    curl_mime_encoder(part, "quoted-printable");
  }

  // multipart/mixed (curl's top level) holding one multipart/alternative:
  // the text part first, the HTML part last.
  void build_mime() {
    mime_ = curl_mime_init(easy());
    curl_mime* alternative = curl_mime_init(easy());
    add_text_part(alternative, mail_.text, "text/plain; charset=utf-8");
    add_text_part(alternative, mail_.html, "text/html; charset=utf-8");
    curl_mimepart* part = curl_mime_addpart(mime_);
    curl_mime_subparts(part, alternative);  // the part owns `alternative` now
    curl_mime_type(part, "multipart/alternative");
    curl_mime_headers(part, curl_slist_append(nullptr, "Content-Disposition: inline"), 1);
  }

  static int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* self) {
    auto& transcript = static_cast<SmtpTransfer*>(self)->transcript_;
    if (type == CURLINFO_HEADER_OUT) transcript.on_command(std::string_view(data, size));
    if (type == CURLINFO_HEADER_IN) transcript.on_reply(std::string_view(data, size));
    return 0;
  }

  EmailMessage mail_;
  std::string url_;
  std::string endpoint_;
  std::function<void(DeliveryResult)> done_;
  Slist recipients_;
  Slist headers_;
  curl_mime* mime_ = nullptr;
  SmtpTranscript transcript_;
};

}  // namespace

Status validate(const SmtpSettings& settings) {
  TB_TRY(const UrlParts parts, parse_url(settings.url));
  if (parts.scheme != "smtp" && parts.scheme != "smtps") {
    return Error::config("an email notifier's url must start with smtp:// (STARTTLS) or smtps:// (implicit TLS), not " +
                         parts.scheme + "://");
  }
  if (settings.to.empty()) return Error::config("an email notifier needs at least one address in `to`");
  return {};
}

SmtpSecurity smtp_security(std::string_view url) {
  const auto parts = parse_url(url);
  if (parts && parts->scheme == "smtps") return SmtpSecurity::implicit_tls;
  if (parts && parts->scheme == "smtp" && is_loopback_host(parts->host)) return SmtpSecurity::plain_loopback;
  return SmtpSecurity::starttls;
}

SmtpNotifier::SmtpNotifier(SmtpSettings settings, CurlMulti& curl, const Clock& clock, TransferTimeouts timeouts)
    : settings_(std::move(settings)),
      security_(smtp_security(settings_.url)),
      endpoint_("email " + redact_url(settings_.url)),
      curl_(curl),
      clock_(clock),
      timeouts_(timeouts) {}

void SmtpNotifier::deliver(const ReminderMessage& message, Done done) {
  EmailMessage mail = build_email(message, settings_.from, settings_.to, clock_.now());
  curl_.start(
      std::make_unique<SmtpTransfer>(settings_, security_, std::move(mail), timeouts_, std::move(done), endpoint_));
}

}  // namespace touchbase
