#pragma once
// Polls the owners' mailboxes on the daemon's loop (inbox/mailbox_poll.h),
// through a CurlMulti of its own on the same io_context: reading mail never
// blocks a pass or a delivery. Each owner's mailbox is polled at start and
// then every `poll`; sooner when a poll left messages for the next; with
// exponential backoff (from `poll`, up to k_max_mailbox_backoff) after
// network errors. A permanent failure (a login refused, a certificate that
// does not verify, a missing folder) is logged and told to the owner once,
// in a notice, and tried again every k_max_mailbox_backoff without telling
// again until a poll succeeds. states() is what `touchbase status` shows.
//
// Confined to the io_context's thread.

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp needs std::exchange

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.h"
#include "core/clock.h"
#include "inbox/mailbox_poll.h"
#include "notifiers/curl_multi.h"
#include "store/store.h"

namespace touchbase {

inline constexpr Seconds k_max_mailbox_backoff = std::chrono::hours(1);
inline constexpr Seconds k_mailbox_more_after{5};

struct MailboxState {
  std::string owner;
  std::string state;  // "waiting" (not read yet), "ok", "retrying" (network) or "failing" (permanent)
  std::string error;  // the last failure, while there is one
  std::optional<Instant> last_read;
};

class MailboxPoller {
 public:
  // References must outlive the poller. `on_recorded` runs after a poll recorded anything.
  MailboxPoller(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
                std::function<void()> on_recorded);
  ~MailboxPoller();
  MailboxPoller(const MailboxPoller&) = delete;
  MailboxPoller& operator=(const MailboxPoller&) = delete;

  void start();
  // No poll starts after this; one under way finishes.
  void stop();
  std::vector<MailboxState> states() const;

 private:
  struct OwnerPoll;
  void poll(OwnerPoll& owner);
  void on_polled(OwnerPoll& owner, MailboxResult<PollOutcome> outcome);
  void on_failure(OwnerPoll& owner, const MailboxFailure& failure);
  void tell_owner(const OwnerPoll& owner, const MailboxFailure& failure);
  void arm(OwnerPoll& owner, Seconds after);

  boost::asio::io_context& io_;
  const Config& config_;
  Store& store_;
  const Clock& clock_;
  std::function<void()> on_recorded_;
  bool running_ = false;
  std::vector<std::unique_ptr<OwnerPoll>> owners_;
  std::unique_ptr<CurlMulti> curl_;  // destroyed first: transfers under way are abandoned, unanswered
};

}  // namespace touchbase
