#include "service/http_endpoint.h"

#include <spdlog/spdlog.h>
#include <algorithm>
#include <optional>

#include <boost/asio/ip/address.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace touchbase {

namespace beast = boost::beast;
namespace http = beast::http;
using boost::asio::ip::tcp;

struct HttpEndpoint::Shared {
  HttpHandler handler;
  HttpLimits limits;
  std::string listen_host;
  std::size_t open = 0;
  std::function<void()> on_close;  // the endpoint's, while it lives: accept again if it had stopped
};

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// "example.com:9464" -> "example.com"; "[::1]:9464" -> "::1".
std::string_view host_part(std::string_view host_port) {
  if (host_port.starts_with('[')) {
    const auto end = host_port.find(']');
    return end == std::string_view::npos ? host_port : host_port.substr(1, end - 1);
  }
  return host_port.substr(0, host_port.find(':'));
}

HttpAnswer refused(unsigned status, std::string body) {
  return {status, "text/plain; charset=utf-8", std::move(body)};
}

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<HttpEndpoint::Shared> shared)
      : stream_(std::move(socket)), shared_(std::move(shared)) {
    ++shared_->open;
  }
  ~Session() {
    --shared_->open;
    if (shared_->on_close) shared_->on_close();
  }

  void read() {
    parser_.emplace();
    parser_->body_limit(shared_->limits.max_request_bytes);
    parser_->header_limit(static_cast<std::uint32_t>(shared_->limits.max_request_bytes));
    stream_.expires_after(shared_->limits.read_timeout);
    http::async_read(stream_, buffer_, *parser_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec) return self->close();
      self->answer(self->parser_->release());
    });
  }

 private:
  void answer(const http::request<http::string_body>& request) {
    response_ = make_response(request);
    stream_.expires_after(shared_->limits.read_timeout);
    http::async_write(stream_, response_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
      if (ec || !self->response_.keep_alive()) return self->close();
      self->read();
    });
  }

  HttpAnswer answer_for(const http::request<http::string_body>& request) const {
    if (request.method() != http::verb::get && request.method() != http::verb::head) {
      return refused(405, "only GET and HEAD are served\n");
    }
    const auto host = request[http::field::host];
    if (!host_allowed(std::string_view(host.data(), host.size()), shared_->listen_host)) {
      return refused(421, "this server answers to its own address only\n");
    }
    std::string_view target(request.target().data(), request.target().size());
    return shared_->handler(target.substr(0, target.find('?')));
  }

  http::response<http::string_body> make_response(const http::request<http::string_body>& request) const {
    HttpAnswer answer = answer_for(request);
    http::response<http::string_body> response{static_cast<http::status>(answer.status), request.version()};
    response.set(http::field::server, "touchbase/" TOUCHBASE_VERSION);
    response.set(http::field::content_type, answer.content_type);
    response.set(http::field::cache_control, "no-store");
    if (answer.status == 405) response.set(http::field::allow, "GET, HEAD");
    response.keep_alive(request.keep_alive() && answer.status != 421);
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
  std::shared_ptr<HttpEndpoint::Shared> shared_;
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

bool host_allowed(std::string_view host_header, std::string_view listen_host) {
  if (host_header.empty()) return true;  // HTTP/1.0: no name to rebind
  const std::string host = lower(host_part(host_header));
  if (host == "localhost" || host == lower(listen_host)) return true;
  boost::system::error_code ec;
  boost::asio::ip::make_address(host, ec);
  return !ec;
}

Result<std::unique_ptr<HttpEndpoint>> HttpEndpoint::open(boost::asio::io_context& io, std::string_view listen,
                                                         HttpHandler handler, HttpLimits limits) {
  TB_TRY(tcp::endpoint endpoint, resolve(io, listen));
  tcp::acceptor acceptor(io);
  boost::system::error_code ec;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(boost::asio::socket_base::max_listen_connections, ec);
  if (ec) return Error::unavailable("http_listen: cannot listen on " + std::string(listen) + ": " + ec.message());
  auto shared = std::make_shared<Shared>(Shared{std::move(handler), limits, split_host_port(listen).first, 0, {}});
  std::unique_ptr<HttpEndpoint> server(new HttpEndpoint(std::move(acceptor), std::move(shared)));
  server->accept();
  return server;
}

HttpEndpoint::HttpEndpoint(tcp::acceptor acceptor, std::shared_ptr<Shared> shared)
    : acceptor_(std::move(acceptor)), retry_(acceptor_.get_executor()), shared_(std::move(shared)) {
  shared_->on_close = [this] {
    if (!accepting_) accept();
  };
}

HttpEndpoint::~HttpEndpoint() {
  shared_->on_close = nullptr;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  retry_.cancel();
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

std::size_t HttpEndpoint::open_connections() const {
  return shared_->open;
}

void HttpEndpoint::accept() {
  if (shared_->open >= shared_->limits.max_connections || !acceptor_.is_open()) return;  // a close resumes
  accepting_ = true;
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (ec == boost::asio::error::operation_aborted) return;  // closed: `this` may be gone
    accepting_ = false;
    if (ec) return accept_failed(ec);
    if (std::exchange(failing_, false)) spdlog::info("http: accepting connections again");
    std::make_shared<Session>(std::move(socket), shared_)->read();
    accept();
  });
}

void HttpEndpoint::accept_failed(const boost::system::error_code& ec) {
  if (!std::exchange(failing_, true)) {
    spdlog::warn("http: cannot accept connections: {}; trying again every {} ms", ec.message(),
                 shared_->limits.accept_retry_delay.count());
  }
  accepting_ = true;  // the timer stands for the accept it will start
  retry_.expires_after(shared_->limits.accept_retry_delay);
  retry_.async_wait([this](boost::system::error_code wait_ec) {
    if (wait_ec) return;  // cancelled: `this` may be gone
    accepting_ = false;
    accept();
  });
}

}  // namespace touchbase
