#include "config/point_text.h"

#include <array>
#include <utility>

#include "config/suggest.h"

namespace touchbase {
namespace {

constexpr std::array<std::pair<Placeholder, std::string_view>, 7> k_placeholder_names = {{
    {Placeholder::first_name, "first_name"},
    {Placeholder::name, "name"},
    {Placeholder::company, "company"},
    {Placeholder::title, "title"},
    {Placeholder::stage, "stage"},
    {Placeholder::days_since_last_touch, "days_since_last_touch"},
    {Placeholder::last_note, "last_note"},
}};

}  // namespace

std::string_view to_string(Placeholder p) {
  for (const auto& [placeholder, name] : k_placeholder_names) {
    if (placeholder == p) return name;
  }
  return "unknown";
}

std::optional<Placeholder> parse_placeholder(std::string_view name) {
  for (const auto& [placeholder, known] : k_placeholder_names) {
    if (known == name) return placeholder;
  }
  return std::nullopt;
}

namespace config_detail {
namespace {

std::vector<std::string> placeholder_names() {
  std::vector<std::string> names;
  for (const auto& [placeholder, name] : k_placeholder_names) names.push_back(std::string(name));
  return names;
}

std::string unknown_placeholder(std::string_view name) {
  std::vector<std::string> names = placeholder_names();
  std::string hint = did_you_mean(name, names);
  if (hint.empty()) {
    hint = ": expected one of";
    for (std::size_t i = 0; i < names.size(); ++i) hint += (i ? ", {" : " {") + names[i] + "}";
  }
  return "unknown placeholder '{" + std::string(name) + "}'" + hint + " (write {{ and }} for literal braces)";
}

// Reads the placeholder whose "{" is at text[open]; returns the index after its "}".
Result<std::size_t, TextError> read_placeholder(std::string_view text, std::size_t open, std::size_t brace,
                                                std::vector<TextPiece>& out) {
  std::size_t close = text.find('}', open + 1);
  if (close == std::string_view::npos) {
    return TextError{brace, "'{' opens a placeholder that is never closed (write {{ for a literal brace)"};
  }
  std::string_view name = text.substr(open + 1, close - open - 1);
  if (name.empty()) return TextError{brace, "empty placeholder '{}' (write {{}} for literal braces)"};
  auto placeholder = parse_placeholder(name);
  if (!placeholder) return TextError{brace, unknown_placeholder(name)};
  out.push_back(TextPiece{"", placeholder});
  return close + 1;
}

bool is_continuation_byte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// The byte offset of 1-based (line, column) in `source`, columns counted in
// code points as toml++ counts them; npos past the end.
std::size_t offset_of(std::string_view source, Place at) {
  std::size_t i = 0;
  for (int line = 1; line < at.line; ++line) {
    i = source.find('\n', i);
    if (i == std::string_view::npos) return i;
    ++i;
  }
  for (int column = 1; column < at.column && i < source.size() && source[i] != '\n'; ++column) {
    ++i;
    while (i < source.size() && is_continuation_byte(source[i])) ++i;
  }
  return i;
}

Place place_at(std::string_view source, std::size_t offset) {
  Place p{1, 1};
  for (std::size_t i = 0; i < offset && i < source.size(); ++i) {
    if (source[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!is_continuation_byte(source[i])) {
      ++p.column;
    }
  }
  return p;
}

// The end (exclusive) of the string token whose opening quote is source[begin].
std::size_t token_end(std::string_view source, std::size_t begin) {
  const char quote = source[begin];
  const bool multi_line = source.substr(begin, 3) == std::string(3, quote);
  const std::string_view closing = multi_line ? source.substr(begin, 3) : source.substr(begin, 1);
  for (std::size_t i = begin + closing.size(); i < source.size(); ++i) {
    if (quote == '"' && source[i] == '\\') {
      ++i;
      continue;
    }
    if (!multi_line && source[i] == '\n') return i;
    if (source.substr(i, closing.size()) == closing) return i;
  }
  return source.size();
}

}  // namespace

Result<std::vector<TextPiece>, TextError> parse_point_text(std::string_view text) {
  std::vector<TextPiece> out;
  std::string literal;
  std::size_t brace = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const bool doubled = i + 1 < text.size() && text[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      literal += c;
      i += 2;
    } else if (c == '}') {
      return TextError{brace, "a single '}' closes no placeholder (write }} for a literal brace)"};
    } else if (c == '{') {
      if (!literal.empty()) out.push_back(TextPiece{std::exchange(literal, {}), std::nullopt});
      auto next = read_placeholder(text, i, brace, out);
      if (!next) return std::move(next).error();
      i = *next;
      brace += 2;
    } else {
      literal += c;
      ++i;
    }
  }
  if (!literal.empty()) out.push_back(TextPiece{std::move(literal), std::nullopt});
  return out;
}

Place place_of_brace(std::string_view source, Place start, std::size_t brace) {
  const std::size_t begin = offset_of(source, start);
  if (begin >= source.size() || (source[begin] != '"' && source[begin] != '\'')) return start;
  const std::size_t end = token_end(source, begin);
  std::size_t seen = 0;
  for (std::size_t i = begin + 1; i < end; ++i) {
    const char c = source[i];
    if (c != '{' && c != '}') continue;
    if (i + 1 < end && source[i + 1] == c) {
      ++i;
      continue;
    }
    if (seen == brace) return place_at(source, i);
    ++seen;
    if (c == '{') {  // the placeholder's "}" is the next brace counted, whatever lies between
      std::size_t close = source.find('}', i + 1);
      if (close == std::string_view::npos || close >= end) return start;
      if (seen == brace) return place_at(source, close);
      ++seen;
      i = close;
    }
  }
  return start;
}

}  // namespace config_detail
}  // namespace touchbase
