// The header of a message read from the owner's mailbox, and a bounce's body:
// whatever bytes arrive, the subject is one line of UTF-8, every address is
// a plain lower-case local@domain, counts stay within their bounds, and the
// classification names only such addresses.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "fuzz/fuzz_check.h"
#include "mailbox/classify.h"
#include "mailbox/header_fields.h"

namespace {

using touchbase::fuzz::check;

void check_addresses(const std::vector<touchbase::MailAddress>& list) {
  check(list.size() <= touchbase::k_max_addresses, "an address list is bounded");
  for (const auto& a : list) {
    check(touchbase::is_plain_address(a.address), "an address is a plain local@domain");
    check(a.address == touchbase::ascii_lower(a.address), "an address is lower case");
    check(touchbase::is_utf8(a.name), "a display name is UTF-8");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const auto split = input.find("\r\n\r\n");
  const std::string_view block = input.substr(0, split);
  const std::string_view body = split == std::string_view::npos ? "" : input.substr(split + 4);
  const auto header = touchbase::read_mail_header(block);
  check(touchbase::is_utf8(header.subject), "the subject is UTF-8");
  check(header.subject.find_first_of("\r\n") == std::string::npos, "the subject is one line");
  check(touchbase::is_printable(header.message_id, touchbase::LineFeeds::escape), "the Message-ID is printable");
  check_addresses(header.from);
  check_addresses(header.to);
  check_addresses(header.cc);
  for (auto folder : {touchbase::FolderRole::inbox, touchbase::FolderRole::sent}) {
    const auto result = touchbase::classify(header, body, folder);
    for (const auto& address : result.addresses)
      check(touchbase::is_plain_address(address), "a classified address is plain");
    if (result.kind == touchbase::MessageKind::bounce) {
      check(result.addresses.size() <= touchbase::k_max_bounced_addresses, "a bounce names a bounded number");
    }
  }
  return 0;
}
