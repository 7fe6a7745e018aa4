#include "inbox/mailbox_poll.h"

#include <memory>

namespace touchbase {
namespace {

struct PollFolder {
  std::string name;
  FolderRole role;
};

MailboxFailure store_failure(const Error& error) {
  return MailboxFailure::transient("the store: " + error.message);
}

// One poll in progress; keeps itself alive through the callbacks it hands out.
class MailboxPoll : public std::enable_shared_from_this<MailboxPoll> {
 public:
  MailboxPoll(ImapConnection& connection, Store& store, const Config& config, std::string owner, Instant now,
              PollDone done)
      : connection_(connection),
        store_(store),
        mailbox_(*config.owners.at(owner).mailbox),
        recorder_(config, store, owner),
        owner_(std::move(owner)),
        now_(now),
        done_(std::move(done)) {
    folders_.push_back({parse_mailbox_url(mailbox_.url).value().folder, FolderRole::inbox});
    if (!mailbox_.sent.empty()) folders_.push_back({mailbox_.sent, FolderRole::sent});
  }

  void next() {
    if (next_ == folders_.size()) return done_(std::move(outcome_));
    const PollFolder& folder = folders_[next_++];
    auto mark = store_.mailbox_mark(owner_, folder.name);
    if (!mark) return done_(store_failure(mark.error()));
    std::optional<FolderMark> last;
    if (*mark) last = FolderMark{(*mark)->uidvalidity, (*mark)->last_uid};
    const auto since = date::floor<date::days>(now_ - mailbox_.since);
    scan_folder(connection_, {folder.name, last, since},
                [self = shared_from_this(), folder](MailboxResult<FolderScan> scan) {
                  if (!scan) return self->done_(std::move(scan).error());
                  self->record(folder, *scan);
                });
  }

 private:
  void record(const PollFolder& folder, const FolderScan& scan) {
    auto recorded = recorder_.record(scan, folder.name, folder.role, now_);
    if (!recorded) return done_(store_failure(recorded.error()));
    const auto stored = store_.set_mailbox_mark(owner_, folder.name, {scan.mark.uidvalidity, scan.mark.last_uid});
    if (!stored) return done_(store_failure(stored.error()));
    add(*recorded, scan.more);
    next();
  }

  void add(const MailRecord& r, bool more) {
    outcome_.recorded.touches += r.touches;
    outcome_.recorded.notes += r.notes;
    outcome_.recorded.bounces += r.bounces;
    outcome_.recorded.notices += r.notices;
    outcome_.more = outcome_.more || more;
  }

  ImapConnection& connection_;
  Store& store_;
  const MailboxConfig& mailbox_;
  MailRecorder recorder_;
  std::string owner_;
  Instant now_;
  PollDone done_;
  std::vector<PollFolder> folders_;
  std::size_t next_ = 0;
  PollOutcome outcome_;
};

}  // namespace

void poll_mailbox(ImapConnection& connection, Store& store, const Config& config, const std::string& owner, Instant now,
                  PollDone done) {
  std::make_shared<MailboxPoll>(connection, store, config, owner, now, std::move(done))->next();
}

}  // namespace touchbase
