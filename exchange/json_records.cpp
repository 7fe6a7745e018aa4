#include "exchange/json_records.h"

#include <map>

#include <nlohmann/json.hpp>

namespace touchbase {
namespace {

using Json = nlohmann::json;

std::string as_text(const Json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const Json& item : value) joined += (joined.empty() ? "" : ",") + as_text(item);
    return joined;
  }
  return value.dump();
}

// The objects of the text with their rows.
Result<std::vector<std::pair<int, Json>>> parse_objects(std::string_view text) {
  std::vector<std::pair<int, Json>> objects;
  auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '[') {
    Json array = Json::parse(text, nullptr, false);
    if (array.is_discarded()) return Error::data("malformed JSON: expected an array of objects, one per contact");
    int row = 1;
    for (Json& item : array) objects.emplace_back(++row, std::move(item));
  } else {
    int line_number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
      auto end = text.find('\n', pos);
      auto line = text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
      pos = end == std::string_view::npos ? text.size() : end + 1;
      ++line_number;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      Json object = Json::parse(line, nullptr, false);
      if (object.is_discarded()) {
        return Error::data("line " + std::to_string(line_number) + ": malformed JSON: expected one object per line");
      }
      objects.emplace_back(line_number, std::move(object));
    }
  }
  for (const auto& [row, object] : objects) {
    if (!object.is_object()) return Error::data("row " + std::to_string(row) + ": expected a JSON object");
  }
  return objects;
}

}  // namespace

Result<std::vector<CsvRecord>> read_json_records(std::string_view text) {
  TB_TRY(auto objects, parse_objects(text));
  CsvRecord header{1, {}};
  std::map<std::string, std::size_t> column_of;
  for (const auto& [row, object] : objects) {
    for (const auto& [key, value] : object.items()) {
      if (column_of.emplace(key, header.fields.size()).second) header.fields.push_back(key);
    }
  }
  std::vector<CsvRecord> records{header};
  for (const auto& [row, object] : objects) {
    CsvRecord record{row, std::vector<std::string>(header.fields.size())};
    for (const auto& [key, value] : object.items()) record.fields[column_of.at(key)] = as_text(value);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace touchbase
