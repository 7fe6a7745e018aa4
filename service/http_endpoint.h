#pragma once
// A small HTTP/1.1 server (Boost.Beast) for /metrics and /healthz: GET and
// HEAD only, keep-alive, answers from a handler called on the event loop.
// It faces whatever can reach its address, so everything is bounded:
//  - at most HttpLimits::max_connections open at once; past that it stops
//    accepting (the kernel's backlog holds the rest) until one closes;
//  - a request (header and body) of at most max_request_bytes, which must
//    arrive whole within read_timeout of the previous answer or the
//    connection's start, and an answer the client must take within it;
//  - a failed accept (no descriptors left, say) pauses accepting for
//    accept_retry_delay and is logged once until an accept succeeds again;
//  - the Host header must name the listening host, localhost, or an IP
//    address (a name that resolves to us by DNS rebinding gets 421).
//
// Confined to the io_context's thread. Closing the endpoint (or destroying
// it) stops accepting; connections already open finish on their own, and
// keep the handler alive until then.

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>

#include "core/result.h"

namespace touchbase {

struct HttpLimits {
  std::size_t max_connections = 64;
  std::size_t max_request_bytes = 8 * 1024;
  std::chrono::milliseconds read_timeout{10'000};
  std::chrono::milliseconds accept_retry_delay{1'000};
};

struct HttpAnswer {
  unsigned status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

// Called with the request target's path (the query string removed).
using HttpHandler = std::function<HttpAnswer(std::string_view path)>;

// Whether a request's Host header (empty when absent) may reach a server
// listening on `listen_host`: the same host, localhost, or an IP literal,
// with any port. Names are compared without regard to ASCII case.
bool host_allowed(std::string_view host_header, std::string_view listen_host);

class HttpEndpoint {
 public:
  // Listens on `listen` ("host:port", "[v6]:port"; the host is resolved
  // now). Errc::unavailable when the address cannot be bound (in use, not
  // local), Errc::config when the host does not resolve. `io` must outlive
  // the endpoint.
  static Result<std::unique_ptr<HttpEndpoint>> open(boost::asio::io_context& io, std::string_view listen,
                                                    HttpHandler handler, HttpLimits limits = {});
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // The address and port bound, e.g. "127.0.0.1:9464".
  std::string local_address() const;
  unsigned short port() const;
  // How many connections are open now.
  std::size_t open_connections() const;

  struct Shared;  // what the connections share with the endpoint

 private:
  HttpEndpoint(boost::asio::ip::tcp::acceptor acceptor, std::shared_ptr<Shared> shared);
  void accept();
  void accept_failed(const boost::system::error_code& ec);

  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_;
  std::shared_ptr<Shared> shared_;
  bool accepting_ = false;  // an async_accept is outstanding
  bool failing_ = false;    // accepts fail; logged once
};

}  // namespace touchbase
