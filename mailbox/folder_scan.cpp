#include "mailbox/folder_scan.h"

#include <memory>

#include "mailbox/classify.h"

namespace touchbase {
namespace {

std::string header_fetch(Uid uid) {
  return "UID FETCH " + std::to_string(uid) + " (BODY.PEEK[HEADER.FIELDS (" + std::string(k_fetched_fields) + ")])";
}

std::string report_fetch(Uid uid) {
  return "UID FETCH " + std::to_string(uid) + " (BODY.PEEK[TEXT]<0." + std::to_string(k_max_report_bytes) + ">)";
}

// One scan in progress; keeps itself alive through the callbacks it hands out.
class FolderScanner : public std::enable_shared_from_this<FolderScanner> {
 public:
  FolderScanner(ImapConnection& connection, ScanRequest request, ScanDone done)
      : connection_(connection), request_(std::move(request)), done_(std::move(done)) {}

  void start() {
    examine([self = shared_from_this()] { self->search(); });
  }

 private:
  // Opens the folder read-only; checks its UIDVALIDITY has not changed since the scan began.
  void examine(std::function<void()> next) {
    connection_.run({"EXAMINE " + imap_quoted(request_.folder)},
                    [self = shared_from_this(), next = std::move(next)](MailboxResult<ImapReply> reply) {
                      if (!reply) return self->fail_examine(std::move(reply).error());
                      const auto validity = uidvalidity_of(reply->untagged);
                      if (!validity) return self->fail("the server gave no UIDVALIDITY for the folder");
                      if (self->scan_.mark.uidvalidity != 0 && *validity != self->scan_.mark.uidvalidity) {
                        return self->fail("the folder was renumbered during the scan");
                      }
                      self->scan_.mark.uidvalidity = *validity;
                      next();
                    });
  }

  void search() {
    const auto& last = request_.last;
    const bool resume = last && last->uidvalidity == scan_.mark.uidvalidity;
    scan_.renumbered = last && !resume;
    scan_.mark.last_uid = resume ? last->last_uid : 0;
    const std::string command = resume ? "UID SEARCH UID " + std::to_string(last->last_uid + 1ULL) + ":*"
                                       : "UID SEARCH SINCE " + imap_date(request_.since);
    connection_.run({command}, [self = shared_from_this()](MailboxResult<ImapReply> reply) {
      if (!reply) return self->finish(std::move(reply).error());
      self->take_uids(reply->untagged);
      self->next_message();
    });
  }

  void take_uids(const std::string& untagged) {
    for (Uid uid : search_uids(untagged, request_.max_messages + 1)) {
      if (uid > scan_.mark.last_uid) uids_.push_back(uid);  // "n:*" always holds the highest UID
    }
    scan_.more = uids_.size() > request_.max_messages || search_exceeds(untagged, request_.max_messages + 1);
    if (uids_.size() > request_.max_messages) uids_.resize(request_.max_messages);
  }

  void next_message() {
    if (next_ == uids_.size()) return finish(std::move(scan_));
    if (reopen_) {
      reopen_ = false;
      return examine([self = shared_from_this()] { self->next_message(); });
    }
    const Uid uid = uids_[next_++];
    connection_.run({header_fetch(uid)}, [self = shared_from_this(), uid](MailboxResult<ImapReply> reply) {
      if (!reply) return self->finish(std::move(reply).error());
      auto header = fetched_literal(reply->transcript, uid);
      if (!header) return self->skip(uid);
      self->scan_.messages.push_back({uid, read_mail_header(*header), ""});
      if (may_be_bounce(self->scan_.messages.back().header)) return self->fetch_report(uid);
      self->passed(uid);
    });
  }

  void fetch_report(Uid uid) {
    reopen_ = true;
    connection_.run({report_fetch(uid), ConnectionAfter::closed},
                    [self = shared_from_this(), uid](MailboxResult<ImapReply> reply) {
                      if (!reply) return self->finish(std::move(reply).error());
                      self->scan_.messages.back().report = fetched_literal(reply->transcript, uid).value_or("");
                      self->passed(uid);
                    });
  }

  void skip(Uid uid) {
    ++scan_.unreadable;
    passed(uid);
  }

  void passed(Uid uid) {
    scan_.mark.last_uid = uid;
    next_message();
  }

  void fail_examine(MailboxFailure failure) {
    if (failure.command_refused) failure.kind = MailboxFailure::Kind::permanent;  // no such folder, or not ours
    finish(std::move(failure));
  }

  void fail(std::string_view what) {
    finish(MailboxFailure::transient("folder \"" + request_.folder + "\": " + std::string(what)));
  }

  void finish(MailboxResult<FolderScan> result) {
    if (auto done = std::move(done_)) done(std::move(result));
  }

  ImapConnection& connection_;
  ScanRequest request_;
  ScanDone done_;
  FolderScan scan_;
  std::vector<Uid> uids_;
  std::size_t next_ = 0;
  bool reopen_ = false;  // the last command closed the connection: EXAMINE again
};

}  // namespace

void scan_folder(ImapConnection& connection, ScanRequest request, ScanDone done) {
  std::make_shared<FolderScanner>(connection, std::move(request), std::move(done))->start();
}

void list_folders(ImapConnection& connection, std::function<void(MailboxResult<std::vector<std::string>>)> done) {
  connection.run({"LIST \"\" \"*\""}, [done = std::move(done)](MailboxResult<ImapReply> reply) {
    if (!reply) return done(std::move(reply).error());
    done(listed_folders(reply->untagged, k_max_folders_listed));
  });
}

}  // namespace touchbase
