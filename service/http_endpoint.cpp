#include "service/http_endpoint.h"

#include <spdlog/spdlog.h>
#include <optional>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace touchbase {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using boost::asio::ip::tcp;

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<const HttpHandler> handler)
      : stream_(std::move(socket)), handler_(std::move(handler)) {}

  void read() {
    parser_.emplace();
    parser_->body_limit(k_max_http_request_bytes);
    parser_->header_limit(k_max_http_request_bytes);
    stream_.expires_after(k_http_idle_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->answer(self->parser_->release());
    });
  }

 private:
  void answer(const http::request<http::string_body>& request) {
    response_ = make_response(request);
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || !self->response_.keep_alive()) return self->close();
      self->read();
    });
  }

  http::response<http::string_body> make_response(const http::request<http::string_body>& request) const {
    HttpAnswer answer;
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
      answer = {405, "text/plain; charset=utf-8", "only GET and HEAD are served\n"};
    } else {
      std::string_view target(request.target().data(), request.target().size());
      answer = (*handler_)(target.substr(0, target.find('?')));
    }
    http::response<http::string_body> response{static_cast<http::status>(answer.status), request.version()};
    response.set(http::field::server, "touchbase/" TOUCHBASE_VERSION);
    response.set(http::field::content_type, answer.content_type);
    if (answer.status == 405) response.set(http::field::allow, "GET, HEAD");
    response.keep_alive(request.keep_alive());
    response.body() = std::move(answer.body);
    response.prepare_payload();
    if (request.method() == http::verb::head) response.body().clear();
    return response;
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  std::shared_ptr<const HttpHandler> handler_;
};

// "127.0.0.1:9464" -> ("127.0.0.1", "9464"); "[::1]:9464" -> ("::1", "9464").
std::pair<std::string, std::string> split_host_port(std::string_view listen) {
  auto colon = listen.rfind(':');
  std::string_view host = listen.substr(0, colon);
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  return {std::string(host), std::string(listen.substr(colon + 1))};
}

Result<tcp::endpoint> resolve(boost::asio::io_context& io, std::string_view listen) {
  auto [host, port] = split_host_port(listen);
  tcp::resolver resolver(io);
  boost::system::error_code ec;
  auto results = resolver.resolve(host, port, tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || results.empty()) {
    return Error::config("http_listen: cannot resolve '" + host + "': " + (ec ? ec.message() : "no address"));
  }
  return results.begin()->endpoint();
}

}  // namespace

Result<std::unique_ptr<HttpEndpoint>> HttpEndpoint::open(boost::asio::io_context& io, std::string_view listen,
                                                         HttpHandler handler) {
  TB_TRY(tcp::endpoint endpoint, resolve(io, listen));
  tcp::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) return Error::unavailable("http_listen: cannot listen on " + std::string(listen) + ": " + ec.message());
  std::unique_ptr<HttpEndpoint> server(new HttpEndpoint(std::move(acceptor), std::move(handler)));
  server->accept();
  return server;
}

HttpEndpoint::HttpEndpoint(tcp::acceptor acceptor, HttpHandler handler)
    : acceptor_(std::move(acceptor)), handler_(std::make_shared<const HttpHandler>(std::move(handler))) {}

HttpEndpoint::~HttpEndpoint() {
  boost::system::error_code ignored;
  acceptor_.close(ignored);
}

std::string HttpEndpoint::local_address() const {
  auto endpoint = acceptor_.local_endpoint();
  auto address = endpoint.address();
  std::string host = address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
  return host + ":" + std::to_string(endpoint.port());
}

unsigned short HttpEndpoint::port() const {
  return acceptor_.local_endpoint().port();
}

void HttpEndpoint::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (ec == boost::asio::error::operation_aborted) return;  // closed
    if (!ec) std::make_shared<Session>(std::move(socket), handler_)->read();
    if (ec) spdlog::warn("http: accept failed: {}", ec.message());
    accept();
  });
}

}  // namespace touchbase
