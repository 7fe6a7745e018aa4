#include "mailbox/imap_connection.h"

#include <new>

namespace touchbase {

BlockingImapConnection::BlockingImapConnection(ImapSession session)
    : session_(std::move(session)), easy_(curl_easy_init()) {
  if (easy_ == nullptr) throw std::bad_alloc();
}

BlockingImapConnection::~BlockingImapConnection() {
  curl_easy_cleanup(easy_);
}

void BlockingImapConnection::run(ImapCommand command, Done done) {
  ImapExchange exchange(session_, std::move(command));
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_reset(easy_);  // keeps the open connection
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error);
  exchange.configure(easy_);
  const CURLcode code = curl_easy_perform(easy_);
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, nullptr);
  done(exchange.outcome(code, error));
}

}  // namespace touchbase
