#include "service/multi_imap_connection.h"

namespace touchbase {
namespace {

class ImapTransfer final : public CurlTransfer {
 public:
  ImapTransfer(const ImapSession& session, ImapCommand command, ImapConnection::Done done)
      : exchange_(session, std::move(command)), done_(std::move(done)) {
    set_url(session.url.server);  // groups the transfer with the host's others
    exchange_.configure(easy());
  }

  void finished(CURLcode code) override { done_(exchange_.outcome(code, error_text())); }

 private:
  ImapExchange exchange_;
  ImapConnection::Done done_;
};

}  // namespace

void MultiImapConnection::run(ImapCommand command, Done done) {
  curl_.start(std::make_unique<ImapTransfer>(session_, std::move(command), std::move(done)));
}

}  // namespace touchbase
