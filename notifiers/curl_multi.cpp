#include "notifiers/curl_multi.h"

#include <unistd.h>

#include <new>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/url.h"

namespace touchbase {
namespace {

// curl_global_init once per process, before the first handle.
void ensure_curl_initialised() {
  static const CURLcode code = curl_global_init(CURL_GLOBAL_DEFAULT);
  if (code != CURLE_OK) throw std::runtime_error("libcurl could not be initialised");
}

// Easy handles of finished transfers, reset and kept for the next ones on
// this thread: a burst does not allocate and free one per transfer.
class EasyPool {
 public:
  ~EasyPool() {
    for (CURL* easy : idle_) curl_easy_cleanup(easy);
  }

  CURL* take() {
    if (idle_.empty()) return curl_easy_init();
    CURL* easy = idle_.back();
    idle_.pop_back();
    return easy;
  }

  void give_back(CURL* easy) {
    if (idle_.size() >= k_kept) {
      curl_easy_cleanup(easy);
      return;
    }
    curl_easy_reset(easy);
    idle_.push_back(easy);
  }

 private:
  static constexpr std::size_t k_kept = 64;
  std::vector<CURL*> idle_;
};

EasyPool& easy_pool() {
  thread_local EasyPool pool;
  return pool;
}

}  // namespace

// A socket curl asked us to watch. The descriptor is borrowed: it is
// released, never closed, when curl stops using it.
struct CurlMulti::SocketWatch {
  SocketWatch(boost::asio::io_context& io, curl_socket_t fd) : descriptor(io, fd) {}
  boost::asio::posix::stream_descriptor descriptor;
  int wanted = CURL_POLL_NONE;  // CURL_POLL_IN, _OUT or _INOUT
  bool reading = false;         // an async_wait for reading is pending
  bool writing = false;
  bool forgotten = false;  // curl no longer uses the socket; pending waits are stale
};

CurlTransfer::CurlTransfer() : easy_(nullptr) {
  ensure_curl_initialised();
  easy_ = easy_pool().take();
  if (easy_ == nullptr) throw std::bad_alloc();
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, error_buffer_);
  curl_easy_setopt(easy_, CURLOPT_NOSIGNAL, 1L);
}

CurlTransfer::~CurlTransfer() {
  easy_pool().give_back(easy_);
}

void CurlTransfer::set_url(const std::string& url) {
  curl_easy_setopt(easy_, CURLOPT_URL, url.c_str());
  origin_ = origin_of(url);
}

void CurlTransfer::apply_timeouts(const TransferTimeouts& timeouts) {
  curl_easy_setopt(easy_, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(timeouts.connect.count()));
  curl_easy_setopt(easy_, CURLOPT_TIMEOUT_MS, static_cast<long>(timeouts.total.count()));
}

CurlMulti::CurlMulti(boost::asio::io_context& io, Options options)
    : io_(io), multi_(nullptr), max_host_connections_(options.max_host_connections), timer_(io) {
  ensure_curl_initialised();
  multi_ = curl_multi_init();
  if (multi_ == nullptr) throw std::bad_alloc();
  curl_multi_setopt(multi_, CURLMOPT_SOCKETFUNCTION, &CurlMulti::on_socket);
  curl_multi_setopt(multi_, CURLMOPT_SOCKETDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_TIMERFUNCTION, &CurlMulti::on_timer);
  curl_multi_setopt(multi_, CURLMOPT_TIMERDATA, this);
  curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, options.max_host_connections);
}

CurlMulti::~CurlMulti() {
  *alive_ = false;
  for (auto& [easy, transfer] : transfers_) curl_multi_remove_handle(multi_, easy);
  transfers_.clear();
  hosts_.clear();
  curl_multi_cleanup(multi_);  // closes cached connections, possibly telling on_socket
  for (auto& [fd, watch] : sockets_) {
    watch->forgotten = true;
    watch->descriptor.release();
  }
  sockets_.clear();
}

void CurlMulti::start(std::unique_ptr<CurlTransfer> transfer) {
  Host& host = hosts_[transfer->origin_];
  if (max_host_connections_ > 0 && host.running >= max_host_connections_) {
    host.waiting.push_back(std::move(transfer));
    ++waiting_;
    return;
  }
  run(std::move(transfer), host);
}

void CurlMulti::run(std::unique_ptr<CurlTransfer> transfer, Host& host) {
  CURL* easy = transfer->easy();
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETFUNCTION, &CurlMulti::on_close);
  curl_easy_setopt(easy, CURLOPT_CLOSESOCKETDATA, this);
  if (curl_multi_add_handle(multi_, easy) != CURLM_OK) {
    fail_later(std::move(transfer), CURLE_FAILED_INIT);
    return;
  }
  ++host.running;
  transfers_.emplace(easy, std::move(transfer));
}

void CurlMulti::fail_later(std::unique_ptr<CurlTransfer> transfer, CURLcode code) {
  std::shared_ptr<CurlTransfer> failed(std::move(transfer));
  boost::asio::post(io_, [failed, code, alive = std::weak_ptr<bool>(alive_)] {
    if (alive.lock()) failed->finished(code);
  });
}

// A transfer to `origin` has ended: its place goes to the first one waiting.
void CurlMulti::release(const std::string& origin) {
  const auto it = hosts_.find(origin);
  if (it == hosts_.end()) return;
  Host& host = it->second;
  --host.running;
  while (!host.waiting.empty() && (max_host_connections_ <= 0 || host.running < max_host_connections_)) {
    std::unique_ptr<CurlTransfer> next = std::move(host.waiting.front());
    host.waiting.pop_front();
    --waiting_;
    run(std::move(next), host);
  }
  if (host.running == 0 && host.waiting.empty()) hosts_.erase(it);
}

// A socket curl stops watching is most often a connection going back to its
// cache, to be used again by the next transfer: it stays registered with the
// io_context, unwatched, until curl closes it (on_close).
int CurlMulti::on_socket(CURL*, curl_socket_t fd, int what, void* self, void*) {
  auto* multi = static_cast<CurlMulti*>(self);
  try {
    multi->watch(fd, what == CURL_POLL_REMOVE ? CURL_POLL_NONE : what);
  } catch (const std::exception&) {
    return -1;  // the descriptor could not be registered; curl fails the transfer
  }
  return 0;
}

int CurlMulti::on_close(void* self, curl_socket_t fd) {
  static_cast<CurlMulti*>(self)->forget(fd);
  return ::close(fd);
}

int CurlMulti::on_timer(CURLM*, long timeout_ms, void* self) {
  static_cast<CurlMulti*>(self)->set_timeout(timeout_ms);
  return 0;
}

// curl asks for this whenever its earliest deadline changes: for every
// transfer added and most that end, hundreds of times a second under load.
// Arming the timer costs a system call each time, so: a zero timeout is
// posted instead, and a timer already armed for an earlier instant is kept.
// Calling curl back early is harmless: it finds nothing due and asks again.
// Even a zero timeout goes through the io_context: curl must not be called
// back from within its own callback.
void CurlMulti::set_timeout(long timeout_ms) {
  if (timeout_ms < 0) {
    if (std::exchange(timer_armed_, false)) timer_.cancel();
    return;
  }
  if (timeout_ms == 0) {
    if (std::exchange(timeout_posted_, true)) return;
    boost::asio::post(io_, [this, alive = std::weak_ptr<bool>(alive_)] {
      if (alive.expired()) return;
      timeout_posted_ = false;
      on_timeout();
    });
    return;
  }
  const auto at = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  if (timer_armed_ && timer_.expiry() <= at) return;
  timer_armed_ = true;
  timer_.expires_at(at);
  timer_.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;  // cancelled, or armed again for another instant
    timer_armed_ = false;
    on_timeout();
  });
}

void CurlMulti::watch(curl_socket_t fd, int what) {
  auto& watch = sockets_[fd];
  if (!watch) {
    if (what == CURL_POLL_NONE) return;
    watch = std::make_shared<SocketWatch>(io_, fd);
  }
  watch->wanted = what;
  arm(fd, watch);
}

void CurlMulti::forget(curl_socket_t fd) {
  // Before curl closes the descriptor, so that a new one with the same number starts afresh.
  const auto it = sockets_.find(fd);
  if (it == sockets_.end()) return;
  it->second->forgotten = true;
  it->second->descriptor.release();  // aborts pending waits; curl closes the descriptor
  sockets_.erase(it);
}

void CurlMulti::arm(curl_socket_t fd, const std::shared_ptr<SocketWatch>& watch) {
  using Descriptor = boost::asio::posix::stream_descriptor;
  if ((watch->wanted & CURL_POLL_IN) != 0 && !watch->reading) {
    watch->reading = true;
    watch->descriptor.async_wait(Descriptor::wait_read, [this, fd, watch](const boost::system::error_code& ec) {
      watch->reading = false;
      if (watch->forgotten || ec == boost::asio::error::operation_aborted) return;
      if ((watch->wanted & CURL_POLL_IN) == 0 && !ec) return;  // no longer wanted
      on_ready(fd, watch, ec ? CURL_CSELECT_ERR : CURL_CSELECT_IN);
    });
  }
  if ((watch->wanted & CURL_POLL_OUT) != 0 && !watch->writing) {
    watch->writing = true;
    watch->descriptor.async_wait(Descriptor::wait_write, [this, fd, watch](const boost::system::error_code& ec) {
      watch->writing = false;
      if (watch->forgotten || ec == boost::asio::error::operation_aborted) return;
      if ((watch->wanted & CURL_POLL_OUT) == 0 && !ec) return;
      on_ready(fd, watch, ec ? CURL_CSELECT_ERR : CURL_CSELECT_OUT);
    });
  }
}

void CurlMulti::on_ready(curl_socket_t fd, const std::shared_ptr<SocketWatch>& watch, int select_flag) {
  int running = 0;
  curl_multi_socket_action(multi_, fd, select_flag, &running);
  finish_completed();
  // Wait again if curl still wants this socket (and it is the same one: a
  // closed descriptor's number may have been reused meanwhile).
  const auto it = sockets_.find(fd);
  if (it != sockets_.end() && it->second == watch) arm(fd, watch);
}

void CurlMulti::on_timeout() {
  int running = 0;
  curl_multi_socket_action(multi_, CURL_SOCKET_TIMEOUT, 0, &running);
  finish_completed();
}

void CurlMulti::finish_completed() {
  std::vector<std::pair<CURL*, CURLcode>> done;
  int queued = 0;
  while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
    if (message->msg == CURLMSG_DONE) done.emplace_back(message->easy_handle, message->data.result);
  }
  for (const auto& [easy, code] : done) {
    curl_multi_remove_handle(multi_, easy);
    auto node = transfers_.extract(easy);
    if (node.empty()) continue;
    release(node.mapped()->origin_);
    node.mapped()->finished(code);
  }
}

}  // namespace touchbase
