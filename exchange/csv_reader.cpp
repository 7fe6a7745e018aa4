#include "exchange/csv_reader.h"

#include <csv.h>

#include <algorithm>
#include <memory>

namespace touchbase {
namespace {

constexpr std::string_view k_utf8_bom = "\xEF\xBB\xBF";

struct Collector {
  std::vector<CsvRecord> records;
  CsvRecord current;
  int next_row = 1;
};

void on_field(void* data, std::size_t size, void* self) {
  auto* c = static_cast<Collector*>(self);
  c->current.fields.emplace_back(static_cast<const char*>(data), size);
}

void on_record_end(int /*terminator*/, void* self) {
  auto* c = static_cast<Collector*>(self);
  c->current.row = c->next_row++;
  const std::size_t fields = c->current.fields.size();
  c->records.push_back(std::move(c->current));
  c->current = {};
  c->current.fields.reserve(fields);  // the next record most likely has as many
}

struct ParserDeleter {
  void operator()(csv_parser* p) const {
    csv_free(p);
    delete p;
  }
};

}  // namespace

Result<std::vector<CsvRecord>> read_csv(std::string_view text) {
  if (text.starts_with(k_utf8_bom)) text.remove_prefix(k_utf8_bom.size());
  std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser);
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
    return Error::io("cannot start the CSV parser");
  }
  Collector collector;
  collector.records.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);  // at most
  std::size_t parsed = csv_parse(parser.get(), text.data(), text.size(), on_field, on_record_end, &collector);
  bool failed = parsed != text.size() || csv_fini(parser.get(), on_field, on_record_end, &collector) != 0;
  if (failed) {
    return Error::data("row " + std::to_string(collector.next_row) + ": malformed CSV (" +
                       csv_strerror(csv_error(parser.get())) +
                       "): expected RFC 4180 fields, with quotes doubled inside quoted fields");
  }
  return std::move(collector.records);
}

std::string csv_escape(std::string_view value) {
  // libcsv drops spaces and tabs around a field that is not quoted.
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  const bool padded = !value.empty() && (blank(value.front()) || blank(value.back()));
  if (value.find_first_of(",\"\r\n") == std::string_view::npos && !padded) return std::string(value);
  std::string out = "\"";
  for (char c : value) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + '"';
}

namespace {

// Whether a spreadsheet reads a cell that starts with `text` as a formula,
// once any leading quotes are taken off.
bool formula_after_quotes(std::string_view text) {
  const std::size_t first = text.find_first_not_of('\'');
  return first != std::string_view::npos && std::string_view("=+-@\t\r").find(text[first]) != std::string_view::npos;
}

}  // namespace

std::string formula_guarded(std::string_view cell) {
  if (!formula_after_quotes(cell)) return std::string(cell);
  return "'" + std::string(cell);
}

std::string formula_unguarded(std::string_view cell) {
  if (!cell.starts_with('\'') || !formula_after_quotes(cell)) return std::string(cell);
  return std::string(cell.substr(1));
}

void remove_formula_guards(std::vector<CsvRecord>& records) {
  for (std::size_t r = 1; r < records.size(); ++r) {
    for (std::string& field : records[r].fields) {
      if (field.starts_with('\'') && formula_after_quotes(field)) field.erase(0, 1);
    }
  }
}

}  // namespace touchbase
