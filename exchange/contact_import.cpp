#include "exchange/contact_import.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "core/utf8.h"

namespace touchbase {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

// Reads the data rows of one file, given where each column comes from.
class RowReader {
 public:
  RowReader(const ImportOptions& options, const ColumnSources& sources) : options_(options), sources_(sources) {
    for (const Contact& c : options.existing) {
      by_id_.emplace(c.id, &c);
      if (!c.email.empty()) by_email_.emplace(lower(c.email), &c);
    }
  }

  void read(const CsvRecord& record, ImportResult& result) {
    row_ = record.row;
    errors_ = &result.errors;
    if (!utf8(record)) return;
    Contact c;
    bool known = false;
    if (!start(record, c, known)) return;
    for (const auto& [column, cells] : sources_.sources) {
      if (column == "id") continue;
      const std::string_view text = column_text(column, cells, record.fields, joined_);
      if (auto s = set_contact_field(c, column, text, options_.rules); !s) error(column, s.error().message);
    }
    if (!known && !sources_.sources.contains("name")) {
      error("name", "'" + c.id + "' is a new contact and needs a name: the file has no name column");
    }
    result.contacts.push_back(std::move(c));
    result.rows.push_back(row_);
  }

 private:
  // The contact the row names, as stored, or a new one with its id; false
  // when the row cannot name one.
  bool start(const CsvRecord& record, Contact& c, bool& known) {
    std::string id = trim_field(column_value(sources_, "id", record.fields));
    std::string email = trim_field(column_value(sources_, "email", record.fields));
    const Contact* stored = nullptr;
    if (!id.empty()) {
      auto it = by_id_.find(id);
      if (it != by_id_.end()) stored = it->second;
    } else if (!email.empty()) {
      auto [first, last] = by_email_.equal_range(lower(email));
      if (std::distance(first, last) > 1) {
        std::string ids;
        for (auto it = first; it != last; ++it) ids += (ids.empty() ? "" : ", ") + it->second->id;
        return error("email", "'" + email + "' is the email of several contacts (" + ids + "): give the id");
      }
      if (first != last) stored = first->second;
      id = stored ? stored->id : lower(email);
    } else if (sources_.sources.contains("email")) {
      return error("id", "the row has neither an id nor an email: expected one of them to tell the contact");
    } else {
      return error("id", "the id is empty: expected a unique id for the contact");
    }
    auto [prior, fresh] = first_row_of_id_.emplace(id, row_);
    if (!fresh) error("id", "duplicate id '" + id + "': row " + std::to_string(prior->second) + " has it too");
    known = stored != nullptr;
    if (stored) c = *stored;
    c.id = id;
    return true;
  }

  // Whether every cell the row's columns read is UTF-8; an error for each that is not.
  bool utf8(const CsvRecord& record) {
    bool all = true;
    for (const auto& [column, cells] : sources_.sources) {
      if (is_utf8(column_text(column, cells, record.fields, joined_))) continue;
      all = error(column,
                  "not UTF-8: save the file as UTF-8, or import it with --encoding windows-1252 (or its encoding)");
    }
    return all;
  }

  bool error(std::string_view column, const std::string& message) {
    errors_->push_back("row " + std::to_string(row_) + ", column '" + std::string(column) + "': " + message);
    return false;
  }

  const ImportOptions& options_;
  const ColumnSources& sources_;
  std::map<std::string, const Contact*, std::less<>> by_id_;
  std::multimap<std::string, const Contact*, std::less<>> by_email_;
  std::unordered_map<std::string, int> first_row_of_id_;
  std::string joined_;  // a column fed by several cells
  int row_ = 0;
  std::vector<std::string>* errors_ = nullptr;
};

}  // namespace

ImportResult import_records(const std::vector<CsvRecord>& records, const ImportOptions& options) {
  ImportResult result;
  if (records.empty()) return {{}, {}, {"the file is empty: expected a header row naming the columns"}};
  auto sources = resolve_header(records.front().fields, options.map);
  if (!sources) return {{}, {}, {sources.error().message}};
  if (!sources->sources.contains("id") && !sources->sources.contains("email")) {
    return {
        {}, {}, {"row 1: no 'id' or 'email' column: the header must name one of them (and name, for new contacts)"}};
  }
  RowReader reader(options, *sources);
  result.contacts.reserve(records.size() - 1);
  result.rows.reserve(records.size() - 1);
  for (auto it = records.begin() + 1; it != records.end(); ++it) reader.read(*it, result);
  if (!result.errors.empty()) {
    result.contacts.clear();
    result.rows.clear();
  }
  return result;
}

ImportResult import_contacts(std::string_view csv, const ImportOptions& options) {
  auto records = read_csv(csv);
  if (!records) return {{}, {}, {records.error().message}};
  remove_formula_guards(*records);
  return import_records(*records, options);
}

ImportResult import_contacts(std::string_view csv, const ImportRules& rules) {
  ImportOptions options;
  options.rules = rules;
  return import_contacts(csv, options);
}

}  // namespace touchbase
