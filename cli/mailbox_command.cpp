// touchbase mailbox test OWNER: logs in to the owner's mailbox, lists its
// folders, and says how many messages of the last `since` concern contacts.
// Writes nothing: folders are opened read-only and no mark is stored.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "cli/commands.h"
#include "core/utf8.h"
#include "inbox/mail_recorder.h"
#include "mailbox/classify.h"
#include "mailbox/contact_match.h"
#include "mailbox/folder_scan.h"

namespace touchbase {
namespace {

struct FolderTally {
  std::size_t messages = 0;
  std::map<MessageKind, std::size_t> concerning;  // messages that concern a contact, by kind
  bool more = false;
};

Result<MailboxConfig> mailbox_of(const Config& config, const std::string& owner) {
  const auto it = config.owners.find(owner);
  if (it == config.owners.end()) return Error::usage("no owner '" + owner + "' in the config");
  if (!it->second.mailbox) return Error::config("owner '" + owner + "' has no [owners." + owner + ".mailbox]");
  return *it->second.mailbox;
}

Error error_of(const MailboxFailure& failure) {
  return failure.kind == MailboxFailure::Kind::permanent ? Error::config(failure.message)
                                                         : Error::unavailable(failure.message);
}

Result<std::vector<std::string>> folders_of(ImapConnection& connection) {
  std::optional<MailboxResult<std::vector<std::string>>> out;
  list_folders(connection, [&](auto result) { out = std::move(result); });
  if (!out->ok()) return error_of(out->error());
  return std::move(*out).value();
}

Result<FolderScan> scan_since(ImapConnection& connection, const std::string& folder, date::sys_days since) {
  std::optional<MailboxResult<FolderScan>> out;
  scan_folder(connection, {folder, std::nullopt, since}, [&](auto result) { out = std::move(result); });
  if (!out->ok()) return error_of(out->error());
  return std::move(*out).value();
}

Result<FolderTally> tally(Store& store, std::span<const std::string> owners, const FolderScan& scan, FolderRole role,
                          MatchBy match) {
  FolderTally out{scan.messages.size(), {}, scan.more};
  for (const auto& message : scan.messages) {
    const Classification what = classify(message.header, message.report, role);
    if (what.kind == MessageKind::unrelated) continue;
    TB_TRY(auto contacts, contacts_concerned(store, owners, what, match));
    if (!contacts.empty()) ++out.concerning[what.kind];
  }
  return out;
}

std::string kind_name(MessageKind kind) {
  switch (kind) {
    case MessageKind::reply: return "replies";
    case MessageKind::automatic_reply: return "automatic replies";
    case MessageKind::bounce: return "bounces";
    case MessageKind::sent: return "sent to contacts";
    case MessageKind::unrelated: break;
  }
  return "other";
}

void print_tally(const std::string& folder, const FolderTally& t, date::sys_days since) {
  std::size_t concerning = 0;
  std::string kinds;
  for (const auto& [kind, n] : t.concerning) {
    concerning += n;
    kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n, kind_name(kind));
  }
  std::cout << fmt::format("{}: {} message{} since {}{}, {} concerning contacts{}\n",
                           printable(folder, LineFeeds::escape), t.messages, t.messages == 1 ? "" : "s",
                           format_date(date::year_month_day(since)), t.more ? " (only the first read)" : "", concerning,
                           kinds.empty() ? "" : " (" + kinds + ")");
}

Status test_folder(ImapConnection& connection, Store& store, std::span<const std::string> owners,
                   const std::string& folder, FolderRole role, MatchBy match, date::sys_days since) {
  TB_TRY(FolderScan scan, scan_since(connection, folder, since));
  TB_TRY(FolderTally t, tally(store, owners, scan, role, match));
  print_tally(folder, t, since);
  return {};
}

Status test_mailbox(const Cli& cli, const std::string& owner) {
  TB_TRY(Config config, load_validated_config(cli));
  TB_TRY(MailboxConfig mailbox, mailbox_of(config, owner));
  auto url = parse_mailbox_url(mailbox.url);
  if (!url) return Error::config("owners." + owner + ".mailbox.url: " + url.error().message);
  TB_TRY(auto store, open_command_store(config));
  BlockingImapConnection connection({*url, mailbox.username, mailbox.password, ""});
  TB_TRY(auto folders, folders_of(connection));
  std::cout << fmt::format("logged in to {} as {}\n", url->server, printable(mailbox.username, LineFeeds::escape));
  std::string names;
  for (const auto& f : folders) names += (names.empty() ? "" : ", ") + printable(f, LineFeeds::escape);
  std::cout << "folders: " << names << "\n";
  const auto since = date::floor<date::days>(cli.clock.now() - mailbox.since);
  const std::vector<std::string> owners = contact_owners(config, owner);
  const MatchBy match = mailbox.match == MailboxMatch::domain ? MatchBy::domain : MatchBy::address;
  TB_TRY_STATUS(test_folder(connection, *store, owners, url->folder, FolderRole::inbox, match, since));
  if (!mailbox.sent.empty()) {
    TB_TRY_STATUS(test_folder(connection, *store, owners, mailbox.sent, FolderRole::sent, match, since));
  }
  return {};
}

}  // namespace

void add_mailbox_commands(CLI::App& app, Cli& cli) {
  auto* mailbox = app.add_subcommand("mailbox", "The owners' mailboxes, read for replies and sent mail");
  mailbox->require_subcommand(1);
  auto owner = std::make_shared<std::string>();
  auto* test = mailbox->add_subcommand(
      "test", "Log in, list the folders and count the recent messages that concern contacts; writes nothing");
  test->add_option("owner", *owner, "The owner whose [owners.OWNER.mailbox] to read")->required();
  test->callback([&cli, owner] { cli.action = [&cli, owner] { return test_mailbox(cli, *owner); }; });
}

}  // namespace touchbase
