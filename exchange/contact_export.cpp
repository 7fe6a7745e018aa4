#include "exchange/contact_export.h"

#include <charconv>

#include "core/utf8.h"
#include "exchange/contact_fields.h"
#include "exchange/contact_json.h"
#include "exchange/csv_reader.h"

namespace touchbase {
namespace {

std::string optional_time(const std::optional<Instant>& t) {
  return t ? format_rfc3339(*t) : "";
}

// The shortest text that reads back as `value`: 48000, 1250.5.
std::string format_number(double value) {
  char buffer[32];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, end);
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + item;
  return out;
}

// The cells of one contact, in the order of the header.
std::vector<std::string> cells(const Contact& c) {
  return {
      c.id,
      c.name,
      c.email,
      c.phone,
      c.company,
      c.title,
      c.owner,
      c.timezone,
      c.region,
      c.window ? format_window(*c.window) : "",
      c.cadence,
      c.stage,
      join(c.tags),
      format_number(c.value),
      optional_time(c.last_touch),
      c.notes,
      std::string(to_string(c.status)),
      optional_time(c.paused_until),
      optional_time(c.cadence_since),
      c.next_step.text,
      c.next_step.date ? format_date(*c.next_step.date) : "",
      optional_time(c.bounced_at),
  };
}

void append_line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    out += csv_escape(formula_guarded(valid_utf8(fields[i])));
  }
  out += '\n';
}

}  // namespace

std::string export_csv(std::span<const Contact> contacts) {
  std::vector<std::string> header(std::begin(k_contact_columns), std::end(k_contact_columns));
  header.insert(header.end(), std::begin(k_state_columns), std::end(k_state_columns));
  std::string out;
  append_line(out, header);
  for (const Contact& c : contacts) append_line(out, cells(c));
  return out;
}

std::string export_json_lines(std::span<const Contact> contacts) {
  std::string out;
  JsonLine line;
  for (const Contact& c : contacts) {
    add_contact(line, c);
    line.end(out);
  }
  return out;
}

}  // namespace touchbase
