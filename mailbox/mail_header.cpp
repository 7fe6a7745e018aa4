#include "mailbox/mail_header.h"

#include "mailbox/encoded_words.h"
#include "mailbox/header_fields.h"
#include "mailbox/mail_date.h"

namespace touchbase {
namespace {

constexpr std::size_t k_max_message_id = 998;

std::string field_or_empty(const std::vector<HeaderField>& fields, std::string_view name) {
  const std::string* value = find_field(fields, name);
  return value == nullptr ? std::string() : *value;
}

// The first token of a structured value ("auto-replied; x=y" -> "auto-replied"), lower case.
std::string first_token(std::string_view value) {
  const auto end = value.find_first_of(";( \t");
  return ascii_lower(trim_blanks(value.substr(0, end)));
}

// The value of parameter `name` in a Content-Type ("report-type=delivery-status"), lower case.
std::string parameter(std::string_view content_type, std::string_view name) {
  const std::string lower = ascii_lower(content_type);
  for (auto pos = lower.find(';'); pos != std::string::npos; pos = lower.find(';', pos + 1)) {
    const std::string_view rest = trim_blanks(std::string_view(lower).substr(pos + 1));
    if (!rest.starts_with(name) || rest.substr(name.size()).find('=') != 0) continue;
    std::string_view value = trim_blanks(rest.substr(name.size() + 1));
    value = value.substr(0, value.find_first_of("; \t"));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
    return std::string(value);
  }
  return "";
}

std::string printable_message_id(std::string_view value) {
  std::string id(trim_blanks(value.substr(0, k_max_message_id)));
  for (char& c : id) {
    if (static_cast<unsigned char>(c) <= ' ' || static_cast<unsigned char>(c) >= 0x7F) c = '?';
  }
  return id;
}

}  // namespace

MailHeader read_mail_header(std::string_view block) {
  const auto fields = parse_header_fields(block);
  MailHeader header;
  header.from = parse_address_list(field_or_empty(fields, "from"));
  header.to = parse_address_list(field_or_empty(fields, "to"));
  header.cc = parse_address_list(field_or_empty(fields, "cc"));
  header.date = parse_mail_date(field_or_empty(fields, "date"));
  header.subject = decode_encoded_words(field_or_empty(fields, "subject"));
  header.message_id = printable_message_id(field_or_empty(fields, "message-id"));
  header.auto_submitted = first_token(field_or_empty(fields, "auto-submitted"));
  header.x_autoreply = find_field(fields, "x-autoreply") != nullptr || find_field(fields, "x-autorespond") != nullptr;
  header.precedence = first_token(field_or_empty(fields, "precedence"));
  header.list_id = find_field(fields, "list-id") != nullptr;
  const std::string content_type = field_or_empty(fields, "content-type");
  header.content_type = first_token(content_type);
  header.report_type = parameter(content_type, "report-type");
  return header;
}

}  // namespace touchbase
