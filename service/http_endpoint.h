#pragma once
// A small HTTP/1.1 server (Boost.Beast) for /metrics and /healthz: GET and
// HEAD only, keep-alive, requests of at most k_max_http_request_bytes, each
// connection closed after k_http_idle_timeout without a request. Answers come
// from a handler called on the event loop.
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

#include "core/result.h"

namespace touchbase {

inline constexpr std::size_t k_max_http_request_bytes = 8 * 1024;
inline constexpr std::chrono::seconds k_http_idle_timeout{30};

struct HttpAnswer {
  unsigned status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
};

// Called with the request target's path (the query string removed).
using HttpHandler = std::function<HttpAnswer(std::string_view path)>;

class HttpEndpoint {
 public:
  // Listens on `listen` ("host:port", "[v6]:port"; the host is resolved
  // now). Errc::unavailable when the address cannot be bound (in use, not
  // local), Errc::config when the host does not resolve. `io` must outlive
  // the endpoint.
  static Result<std::unique_ptr<HttpEndpoint>> open(boost::asio::io_context& io, std::string_view listen,
                                                    HttpHandler handler);
  ~HttpEndpoint();
  HttpEndpoint(const HttpEndpoint&) = delete;
  HttpEndpoint& operator=(const HttpEndpoint&) = delete;

  // The address and port bound, e.g. "127.0.0.1:9464".
  std::string local_address() const;
  unsigned short port() const;

 private:
  HttpEndpoint(boost::asio::ip::tcp::acceptor acceptor, HttpHandler handler);
  void accept();

  boost::asio::ip::tcp::acceptor acceptor_;
  std::shared_ptr<const HttpHandler> handler_;
};

}  // namespace touchbase
