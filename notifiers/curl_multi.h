#pragma once
// libcurl's multi interface driven by an Asio io_context. curl tells us which
// sockets to watch (CURLMOPT_SOCKETFUNCTION) and when to call it back
// (CURLMOPT_TIMERFUNCTION); each socket is watched with async_wait on a
// posix::stream_descriptor that borrows the descriptor (curl keeps
// ownership and closes it, through on_close, which first lets it go), and the
// timeout is a steady_timer. A connection kept for reuse stays registered. Transfers
// therefore run on the io_context's thread: no thread per request, no
// polling loop. The multi handle keeps finished transfers' connections open
// for reuse and limits connections per host.
//
// The limit per host is kept here as well as in curl: a transfer to a host
// whose connections are all busy waits in this class, in start order, and is
// handed to curl when one of them finishes. (curl would keep such transfers
// pending and set each of them up again every time any transfer ends: about
// four times per transfer under a burst.) The time a transfer waits does not
// count against its timeouts, which start when it is handed to curl: a
// transfer is never failed for having waited. Every transfer ends within its
// timeouts once handed over, so the waiting ones move on.
//
// Thread-confined: create, use and destroy a CurlMulti on the thread that runs
// its io_context.

#include <curl/curl.h>

#include <chrono>
#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>

#include "notifiers/asio.h"

namespace touchbase {

inline constexpr long k_default_max_host_connections = 4;
inline constexpr std::chrono::milliseconds k_default_connect_timeout = std::chrono::seconds(10);
inline constexpr std::chrono::milliseconds k_default_transfer_timeout = std::chrono::seconds(30);

// Limits for one transfer; CurlTransfer applies them to its handle.
struct TransferTimeouts {
  std::chrono::milliseconds connect = k_default_connect_timeout;  // TCP and TLS set-up
  std::chrono::milliseconds total =
      k_default_transfer_timeout;  // the whole transfer from when it is sent, connecting included
};

// One transfer: an easy handle (reused from earlier transfers on the same
// thread, reset to its defaults) and everything the handle points to (bodies,
// header lists, MIME trees), which must live as long as the transfer.
// Subclasses set the handle up in their constructor and get the outcome in
// finished().
class CurlTransfer {
 public:
  CurlTransfer();
  virtual ~CurlTransfer();
  CurlTransfer(const CurlTransfer&) = delete;
  CurlTransfer& operator=(const CurlTransfer&) = delete;

  CURL* easy() const { return easy_; }
  // curl's description of the last failure ("" if none). May name hosts but
  // not paths; callers still scrub it before showing it.
  std::string error_text() const { return error_buffer_; }

  // Called exactly once, on the io_context, when the transfer has ended.
  virtual void finished(CURLcode code) = 0;

 protected:
  // Sets the URL; transfers to the same origin (origin_of) share a host's connections.
  void set_url(const std::string& url);
  // Sets the connect and total timeouts.
  void apply_timeouts(const TransferTimeouts& timeouts);

 private:
  friend class CurlMulti;

  CURL* easy_;
  char error_buffer_[CURL_ERROR_SIZE] = {};
  std::string origin_;
};

class CurlMulti {
 public:
  struct Options {
    long max_host_connections = k_default_max_host_connections;
  };

  // `io` must outlive the CurlMulti. Throws if libcurl cannot be initialised.
  explicit CurlMulti(boost::asio::io_context& io) : CurlMulti(io, Options{}) {}
  CurlMulti(boost::asio::io_context& io, Options options);
  // Abandons transfers still running or waiting: their finished() is not called.
  ~CurlMulti();
  CurlMulti(const CurlMulti&) = delete;
  CurlMulti& operator=(const CurlMulti&) = delete;

  // Takes the transfer and runs it, or queues it while its host's
  // connections are all busy. finished() is called later on the io_context,
  // never from within start(). finished() may start other transfers but must
  // not destroy the CurlMulti.
  void start(std::unique_ptr<CurlTransfer> transfer);

  // Transfers started and not yet finished, waiting ones included.
  std::size_t active() const { return transfers_.size() + waiting_; }

 private:
  struct SocketWatch;
  struct Host {
    long running = 0;  // handed to curl
    std::deque<std::unique_ptr<CurlTransfer>> waiting;
  };

  void run(std::unique_ptr<CurlTransfer> transfer, Host& host);
  void fail_later(std::unique_ptr<CurlTransfer> transfer, CURLcode code);
  void release(const std::string& origin);

  static int on_socket(CURL* easy, curl_socket_t fd, int what, void* self, void* socket_data);
  static int on_timer(CURLM* multi, long timeout_ms, void* self);
  static int on_close(void* self, curl_socket_t fd);
  void set_timeout(long timeout_ms);

  void watch(curl_socket_t fd, int what);
  void forget(curl_socket_t fd);
  void arm(curl_socket_t fd, const std::shared_ptr<SocketWatch>& watch);
  void on_ready(curl_socket_t fd, const std::shared_ptr<SocketWatch>& watch, int select_flag);
  void on_timeout();
  void finish_completed();

  boost::asio::io_context& io_;
  CURLM* multi_;
  long max_host_connections_;          // 0 or less: no limit
  std::map<std::string, Host> hosts_;  // by origin
  std::size_t waiting_ = 0;
  boost::asio::steady_timer timer_;
  bool timer_armed_ = false;     // an async_wait on timer_ is pending
  bool timeout_posted_ = false;  // a zero timeout is posted and has not run yet
  std::map<curl_socket_t, std::shared_ptr<SocketWatch>> sockets_;
  std::map<CURL*, std::unique_ptr<CurlTransfer>> transfers_;
  std::shared_ptr<bool> alive_ = std::make_shared<bool>(true);  // for work posted to the io_context
};

}  // namespace touchbase
