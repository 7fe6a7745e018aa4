#include "exchange/column_map.h"

#include <algorithm>
#include <set>

#include "exchange/contact_fields.h"

namespace touchbase {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string known_columns() {
  std::string out;
  for (auto column : k_contact_columns) out += (out.empty() ? "" : ", ") + std::string(column);
  for (auto column : k_state_columns) out += ", " + std::string(column);
  return out;
}

Result<std::pair<std::string, std::string>> parse_entry(std::string_view entry) {
  auto eq = entry.find('=');
  if (eq == std::string_view::npos) {
    return Error::data("--map: '" + std::string(entry) +
                       "' has no '=': expected HEADER=COLUMN, e.g. 'Email Address=email'");
  }
  auto header = lower(trim_field(entry.substr(0, eq)));
  auto column = lower(trim_field(entry.substr(eq + 1)));
  if (header.empty()) return Error::data("--map: '" + std::string(entry) + "' names no header before '='");
  if (!column.empty() && !is_contact_column(column)) {
    return Error::data("--map: '" + std::string(entry) + "': '" + column +
                       "' is not a touchbase column: expected one of " + known_columns() +
                       ", or nothing to ignore the header");
  }
  return std::pair{header, column};
}

}  // namespace

Result<ColumnMap> parse_column_map(std::string_view spec) {
  ColumnMap map;
  std::set<std::string, std::less<>> headers;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    auto comma = spec.find(',', pos);
    auto entry = spec.substr(pos, comma == std::string_view::npos ? std::string_view::npos : comma - pos);
    pos = comma == std::string_view::npos ? spec.size() + 1 : comma + 1;
    if (trim_field(entry).empty()) continue;
    TB_TRY(auto parsed, parse_entry(entry));
    if (!headers.insert(parsed.first).second) {
      return Error::data("--map: header '" + parsed.first + "' is mapped twice: expected each header once");
    }
    map.entries.push_back(std::move(parsed));
  }
  return map;
}

Result<ColumnSources> resolve_header(const std::vector<std::string>& header, const ColumnMap& map) {
  std::map<std::string, std::size_t, std::less<>> index;  // lower-case name -> first cell with it
  for (std::size_t i = 0; i < header.size(); ++i) index.emplace(lower(trim_field(header[i])), i);
  ColumnSources out;
  std::set<std::string, std::less<>> mapped;
  for (const auto& [name, column] : map.entries) {
    auto it = index.find(name);
    if (it == index.end()) {
      return Error::data("row 1: --map names the header '" + name + "', which the file does not have");
    }
    mapped.insert(name);
    if (!column.empty()) out.sources[column].push_back(it->second);
  }
  for (const auto& [name, i] : index) {
    if (mapped.contains(name) || !is_contact_column(name) || out.sources.contains(name)) continue;
    out.sources[name].push_back(i);
  }
  return out;
}

std::string column_value(const ColumnSources& sources, std::string_view column,
                         const std::vector<std::string>& fields) {
  auto it = sources.sources.find(column);
  if (it == sources.sources.end()) return "";
  std::string joined;
  return std::string(column_text(column, it->second, fields, joined));
}

std::string_view column_text(std::string_view column, const std::vector<std::size_t>& cells,
                             const std::vector<std::string>& fields, std::string& joined) {
  auto field = [&](std::size_t i) { return i < fields.size() ? std::string_view(fields[i]) : std::string_view(); };
  if (cells.size() == 1) return field(cells.front());
  const std::string_view separator = column == "tags" ? "," : " ";
  joined.clear();
  for (std::size_t i : cells) {
    auto text = trim_field(field(i));
    if (text.empty()) continue;
    if (!joined.empty()) joined += separator;
    joined += text;
  }
  return joined;
}

}  // namespace touchbase
