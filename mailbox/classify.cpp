#include "mailbox/classify.h"

#include <algorithm>

#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

bool is_report_sender(const MailHeader& header) {
  return std::any_of(header.from.begin(), header.from.end(), [](const MailAddress& a) {
    const std::string local = ascii_lower(local_part_of(a.address));
    return local == "mailer-daemon" || local == "postmaster";
  });
}

bool is_delivery_report(const MailHeader& header) {
  return header.content_type == "multipart/report" && header.report_type == "delivery-status";
}

bool is_automatic(const MailHeader& header) {
  static constexpr std::string_view k_precedences[] = {"bulk", "junk", "list", "auto_reply"};
  const bool precedence =
      std::find(std::begin(k_precedences), std::end(k_precedences), header.precedence) != std::end(k_precedences);
  return (!header.auto_submitted.empty() && header.auto_submitted != "no") || header.x_autoreply || precedence ||
         header.list_id;
}

void add_unique(std::vector<std::string>& out, std::string address) {
  if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(std::move(address));
}

std::vector<std::string> addresses_of(const std::vector<MailAddress>& a, const std::vector<MailAddress>& b = {}) {
  std::vector<std::string> out;
  for (const auto* list : {&a, &b}) {
    for (const auto& mailbox : *list) add_unique(out, mailbox.address);
  }
  return out;
}

bool is_address_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte > ' ' && byte < 0x7F && std::string_view("<>()[],;:\"'\\").find(c) == std::string_view::npos;
}

// The address in `value` of "rfc822; jane@example.com" (lower case), or "".
std::string rfc822_address(std::string_view value) {
  const auto semicolon = value.find(';');
  if (semicolon == std::string_view::npos || ascii_lower(trim_blanks(value.substr(0, semicolon))) != "rfc822") {
    return "";
  }
  std::string address = ascii_lower(trim_blanks(value.substr(semicolon + 1)));
  if (address.size() > 2 && address.front() == '<' && address.back() == '>')
    address = address.substr(1, address.size() - 2);
  return is_plain_address(address) ? address : "";
}

}  // namespace

bool may_be_bounce(const MailHeader& header) {
  return header.content_type == "multipart/report" || is_report_sender(header);
}

std::vector<std::string> failed_recipients(std::string_view report) {
  std::vector<std::string> out;
  std::string recipient;  // of the current per-recipient block
  for (std::size_t pos = 0; pos < report.size() && out.size() < k_max_bounced_addresses;) {
    const auto end = std::min(report.find('\n', pos), report.size());
    std::string_view line = report.substr(pos, end - pos);
    pos = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    line = trim_blanks(line);
    const std::string lower = ascii_lower(line.substr(0, line.find(':')));
    const std::string_view value = line.find(':') == std::string_view::npos ? "" : line.substr(line.find(':') + 1);
    if (line.empty()) recipient.clear();
    if (lower == "final-recipient") recipient = rfc822_address(value);
    if (lower == "action" && !recipient.empty() && ascii_lower(trim_blanks(value)).starts_with("failed")) {
      add_unique(out, recipient);
    }
  }
  return out;
}

std::vector<std::string> addresses_in_text(std::string_view text, std::size_t limit) {
  std::vector<std::string> out;
  for (auto at = text.find('@'); at != std::string_view::npos && out.size() < limit; at = text.find('@', at + 1)) {
    std::size_t start = at;
    while (start > 0 && is_address_char(text[start - 1])) --start;
    std::size_t end = at + 1;
    while (end < text.size() && is_address_char(text[end])) ++end;
    std::string candidate = ascii_lower(text.substr(start, end - start));
    while (!candidate.empty() && candidate.back() == '.') candidate.pop_back();
    if (is_plain_address(candidate)) add_unique(out, std::move(candidate));
  }
  return out;
}

Classification classify(const MailHeader& header, std::string_view report, FolderRole folder) {
  if (folder == FolderRole::sent) return {MessageKind::sent, addresses_of(header.to, header.cc)};
  report = report.substr(0, k_max_report_bytes);
  if (is_delivery_report(header)) {
    auto failed = failed_recipients(report);
    return failed.empty() ? Classification{} : Classification{MessageKind::bounce, std::move(failed)};
  }
  if (header.content_type == "multipart/report") return {};  // read receipts and other reports
  if (is_report_sender(header)) {
    auto named = addresses_in_text(report, k_max_bounced_addresses);
    return named.empty() ? Classification{} : Classification{MessageKind::bounce, std::move(named)};
  }
  if (is_automatic(header)) return {MessageKind::automatic_reply, addresses_of(header.from)};
  return {MessageKind::reply, addresses_of(header.from)};
}

}  // namespace touchbase
