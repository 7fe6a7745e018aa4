#include "service/mailbox_poller.h"

#include <spdlog/spdlog.h>

#include <algorithm>

#include "service/multi_imap_connection.h"

namespace touchbase {

struct MailboxPoller::OwnerPoll {
  OwnerPoll(boost::asio::io_context& io, CurlMulti& curl, ImapSession session, std::string id, Seconds every)
      : connection(curl, std::move(session)), timer(io), poll_every(every) {
    state.owner = std::move(id);
    state.state = "waiting";
  }
  MultiImapConnection connection;
  boost::asio::steady_timer timer;
  Seconds poll_every;
  int failures = 0;      // transient ones in a row
  bool told = false;     // the owner was told of the permanent failure
  bool polling = false;  // a poll is under way
  MailboxState state;
};

MailboxPoller::MailboxPoller(boost::asio::io_context& io, const Config& config, Store& store, const Clock& clock,
                             std::function<void()> on_recorded)
    : io_(io),
      config_(config),
      store_(store),
      clock_(clock),
      on_recorded_(std::move(on_recorded)),
      curl_(std::make_unique<CurlMulti>(io)) {
  for (const auto& [id, owner] : config.owners) {
    if (!owner.mailbox) continue;
    const MailboxConfig& m = *owner.mailbox;
    auto url = parse_mailbox_url(m.url);
    if (!url) {
      spdlog::error("owners.{}.mailbox.url: {}; the mailbox is not read", id, url.error().message);
      continue;
    }
    owners_.push_back(
        std::make_unique<OwnerPoll>(io, *curl_, ImapSession{*url, m.username, m.password, ""}, id, m.poll));
  }
}

MailboxPoller::~MailboxPoller() {
  curl_.reset();
}

void MailboxPoller::start() {
  running_ = true;
  for (auto& owner : owners_) arm(*owner, Seconds(0));
}

void MailboxPoller::stop() {
  running_ = false;
  for (auto& owner : owners_) owner->timer.cancel();
}

std::vector<MailboxState> MailboxPoller::states() const {
  std::vector<MailboxState> out;
  for (const auto& owner : owners_) out.push_back(owner->state);
  return out;
}

void MailboxPoller::arm(OwnerPoll& owner, Seconds after) {
  if (!running_) return;
  owner.timer.expires_after(after);
  owner.timer.async_wait([this, &owner](const boost::system::error_code& ec) {
    if (!ec && running_ && !owner.polling) poll(owner);
  });
}

void MailboxPoller::poll(OwnerPoll& owner) {
  owner.polling = true;
  poll_mailbox(owner.connection, store_, config_, owner.state.owner, clock_.now(),
               [this, &owner](MailboxResult<PollOutcome> outcome) { on_polled(owner, std::move(outcome)); });
}

void MailboxPoller::on_polled(OwnerPoll& owner, MailboxResult<PollOutcome> outcome) {
  owner.polling = false;
  if (!outcome) return on_failure(owner, outcome.error());
  const MailRecord& r = outcome->recorded;
  if (r.touches + r.notes + r.bounces + r.notices > 0) {
    spdlog::info("mailbox of {}: {} touches, {} notes, {} bounces recorded", owner.state.owner, r.touches, r.notes,
                 r.bounces);
    if (on_recorded_) on_recorded_();
  }
  owner.failures = 0;
  owner.told = false;
  owner.state = {owner.state.owner, "ok", "", clock_.now()};
  arm(owner, outcome->more ? k_mailbox_more_after : owner.poll_every);
}

void MailboxPoller::on_failure(OwnerPoll& owner, const MailboxFailure& failure) {
  owner.state.error = failure.message;
  if (failure.kind == MailboxFailure::Kind::permanent) {
    owner.state.state = "failing";
    if (!owner.told) {
      spdlog::error("mailbox of {}: {}", owner.state.owner, failure.message);
      tell_owner(owner, failure);
      owner.told = true;
    }
    return arm(owner, k_max_mailbox_backoff);
  }
  owner.state.state = "retrying";
  spdlog::warn("mailbox of {}: {}", owner.state.owner, failure.message);
  const int doublings = std::min(owner.failures++, 10);
  arm(owner, std::min<Seconds>(owner.poll_every * (1 << doublings), k_max_mailbox_backoff));
}

void MailboxPoller::tell_owner(const OwnerPoll& owner, const MailboxFailure& failure) {
  const Owner& o = config_.owners.at(owner.state.owner);
  Notice notice;
  notice.owner = o.id;
  notice.headline = "touchbase cannot read your mailbox";
  notice.body = failure.message + "\nReplies are not recorded until this is fixed; `touchbase mailbox test " + o.id +
                "` checks the settings.";
  notice.created_at = clock_.now();
  const std::vector<std::string> first(o.notify.begin(), o.notify.begin() + (o.notify.empty() ? 0 : 1));
  auto created = store_.create_notice(notice, {}, first);
  if (!created) spdlog::error("mailbox of {}: the notice could not be stored: {}", o.id, created.error().message);
  if (created && on_recorded_) on_recorded_();
}

}  // namespace touchbase
