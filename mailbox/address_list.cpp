#include "mailbox/address_list.h"

#include "mailbox/encoded_words.h"
#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

// One mailbox's text split at top-level commas (outside quotes, comments and angle brackets).
std::vector<std::string_view> split_top_level(std::string_view value) {
  std::vector<std::string_view> parts;
  int depth = 0;  // comment nesting
  bool quoted = false;
  bool angle = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (quoted) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        quoted = false;
    } else if (depth > 0) {
      if (c == '\\')
        ++i;
      else if (c == '(')
        ++depth;
      else if (c == ')')
        --depth;
    } else if (c == '"') {
      quoted = true;
    } else if (c == '(') {
      depth = 1;
    } else if (c == '<') {
      angle = true;
    } else if (c == '>') {
      angle = false;
    } else if ((c == ',' || c == ';') && !angle) {
      parts.push_back(value.substr(start, i - start));
      start = i + 1;
    } else if (c == ':' && !angle) {
      start = i + 1;  // a group's name
    }
  }
  parts.push_back(value.substr(std::min(start, value.size())));
  return parts;
}

// `text` without comments, quoted strings unquoted.
std::string plain_words(std::string_view text) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\\' && (quoted || depth > 0) && i + 1 < text.size()) {
      if (depth == 0) out += text[i + 1];
      ++i;
    } else if (quoted) {
      if (c == '"')
        quoted = false;
      else
        out += c;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')' && depth > 0) {
      --depth;
    } else if (depth == 0) {
      if (c == '"')
        quoted = true;
      else
        out += c;
    }
  }
  return out;
}

// Where the angle address of `part` opens and closes, outside quotes and comments; npos when it has none.
std::pair<std::size_t, std::size_t> angle_address(std::string_view part) {
  int depth = 0;
  bool quoted = false;
  std::size_t open = std::string_view::npos;
  for (std::size_t i = 0; i < part.size(); ++i) {
    const char c = part[i];
    if ((quoted || depth > 0) && c == '\\') {
      ++i;
    } else if (quoted) {
      quoted = c != '"';
    } else if (c == '(' || (c == ')' && depth > 0)) {
      depth += c == '(' ? 1 : -1;
    } else if (depth == 0 && c == '"') {
      quoted = true;
    } else if (depth == 0 && c == '<') {
      open = i;
    } else if (depth == 0 && c == '>' && open != std::string_view::npos) {
      return {open, i};
    }
  }
  return {std::string_view::npos, std::string_view::npos};
}

MailAddress read_mailbox(std::string_view part) {
  const auto [open, close] = angle_address(part);
  if (close != std::string_view::npos) {
    const std::string name = plain_words(part.substr(0, open));
    return {decode_encoded_words(trim_blanks(name)),
            ascii_lower(trim_blanks(plain_words(part.substr(open + 1, close - open - 1))))};
  }
  return {"", ascii_lower(trim_blanks(plain_words(part)))};
}

}  // namespace

std::vector<MailAddress> parse_address_list(std::string_view value) {
  std::vector<MailAddress> out;
  for (const auto part : split_top_level(value)) {
    if (out.size() == k_max_addresses) break;
    MailAddress mailbox = read_mailbox(part);
    if (is_plain_address(mailbox.address)) out.push_back(std::move(mailbox));
  }
  return out;
}

std::string_view domain_of(std::string_view address) {
  const auto at = address.rfind('@');
  return at == std::string_view::npos ? std::string_view() : address.substr(at + 1);
}

std::string_view local_part_of(std::string_view address) {
  return address.substr(0, address.rfind('@'));
}

bool is_plain_address(std::string_view text) {
  const auto at = text.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 >= text.size() || text.find('@', at + 1) != text.npos) {
    return false;
  }
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= ' ' || byte == 0x7F || c == '"' || c == '<' || c == '>' || c == ',' || c == '(' || c == ')' ||
        c == ';' || c == ':' || c == '\\') {
      return false;
    }
  }
  const std::string_view domain = text.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' && domain.find("..") == std::string_view::npos;
}

}  // namespace touchbase
