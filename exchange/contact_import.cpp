#include "exchange/contact_import.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace touchbase {
namespace {

std::string trim(std::string_view s) {
  auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

std::vector<std::string> split_tags(std::string_view text) {
  std::vector<std::string> tags;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    auto sep = text.find_first_of(",;", pos);
    auto tag = trim(text.substr(pos, sep == std::string_view::npos ? std::string_view::npos : sep - pos));
    if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(tag);
    if (sep == std::string_view::npos) break;
    pos = sep + 1;
  }
  return tags;
}

Result<double> parse_value(std::string_view text) {
  double v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc{} || end != text.data() + text.size() || !std::isfinite(v) || v < 0) {
    return Error::data("'" + std::string(text) + "' is not a deal value: expected a number like 12000 or 4999.50");
  }
  return v;
}

Status check_known(std::string_view what, const std::string& name, const std::set<std::string, std::less<>>& known) {
  if (known.empty() || known.contains(name)) return {};
  std::string list;
  for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
  return Error::data("unknown " + std::string(what) + " '" + name + "': expected one of " + list);
}

// Column name -> index in the header; unknown columns are left out.
std::map<std::string, std::size_t, std::less<>> index_columns(const std::vector<std::string>& header) {
  std::map<std::string, std::size_t, std::less<>> index;
  for (std::size_t i = 0; i < header.size(); ++i) {
    auto name = trim(header[i]);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char ch) { return std::tolower(ch); });
    if (std::find(std::begin(k_contact_columns), std::end(k_contact_columns), name) != std::end(k_contact_columns)) {
      index.emplace(name, i);
    }
  }
  return index;
}

}  // namespace

Status set_contact_field(Contact& c, std::string_view column, std::string_view raw, const ImportRules& rules) {
  std::string value = trim(raw);
  if (column == "name") {
    if (value.empty()) return Error::data("the name is empty: expected the contact's name");
    c.name = value;
  } else if (column == "email") {
    if (!value.empty() && value.find('@') == std::string::npos) {
      return Error::data("'" + value + "' is not an email address: expected name@domain");
    }
    c.email = value;
  } else if (column == "phone") {
    c.phone = value;
  } else if (column == "company") {
    c.company = value;
  } else if (column == "title") {
    c.title = value;
  } else if (column == "owner") {
    if (!value.empty()) TB_TRY_STATUS(check_known("owner", value, rules.owners));
    c.owner = value;
  } else if (column == "timezone") {
    if (!value.empty()) TB_TRY_STATUS(find_zone(value));
    c.timezone = value;
  } else if (column == "window") {
    c.window.reset();
    if (!value.empty()) {
      TB_TRY(auto w, parse_window(value));
      c.window = std::move(w);
    }
  } else if (column == "cadence") {
    if (!value.empty()) TB_TRY_STATUS(check_known("cadence", value, rules.cadences));
    c.cadence = value;
  } else if (column == "stage") {
    c.stage = value;
  } else if (column == "tags") {
    c.tags = split_tags(value);
  } else if (column == "value") {
    c.value = 0;
    if (!value.empty()) {
      TB_TRY(c.value, parse_value(value));
    }
  } else if (column == "last_touch") {
    c.last_touch.reset();
    if (!value.empty()) {
      TB_TRY(c.last_touch, parse_rfc3339(value));
    }
  } else if (column == "notes") {
    c.notes = std::string(raw);
  } else {
    return Error::usage("unknown contact field '" + std::string(column) + "'");
  }
  return {};
}

ImportResult import_contacts(std::string_view csv, const ImportRules& rules) {
  ImportResult result;
  auto records = read_csv(csv);
  if (!records) return {{}, {records.error().message}};
  if (records->empty()) return {{}, {"the file is empty: expected a header row naming the columns"}};
  auto columns = index_columns(records->front().fields);
  for (std::string_view required : {"id", "name"}) {
    if (!columns.contains(required)) {
      result.errors.push_back("row 1: no '" + std::string(required) + "' column: the header must name id and name");
    }
  }
  if (!result.errors.empty()) return result;

  std::map<std::string, int, std::less<>> first_row_of_id;
  for (auto it = records->begin() + 1; it != records->end(); ++it) {
    auto error = [&](std::string_view column, const std::string& message) {
      result.errors.push_back("row " + std::to_string(it->row) + ", column '" + std::string(column) + "': " + message);
    };
    Contact c;
    std::string id = columns.at("id") < it->fields.size() ? trim(it->fields[columns.at("id")]) : "";
    if (id.empty()) error("id", "the id is empty: expected a unique id for the contact");
    if (auto [prior, fresh] = first_row_of_id.emplace(id, it->row); !fresh && !id.empty()) {
      error("id", "duplicate id '" + id + "': row " + std::to_string(prior->second) + " has it too");
    }
    c.id = id;
    for (const auto& [column, index] : columns) {
      if (column == "id") continue;
      std::string_view value = index < it->fields.size() ? std::string_view(it->fields[index]) : "";
      if (auto s = set_contact_field(c, column, value, rules); !s) error(column, s.error().message);
    }
    result.contacts.push_back(std::move(c));
  }
  if (!result.errors.empty()) result.contacts.clear();
  return result;
}

}  // namespace touchbase
