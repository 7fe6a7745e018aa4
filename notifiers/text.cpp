#include "notifiers/text.h"

#include <algorithm>
#include <cctype>

#include "core/utf8.h"

namespace touchbase {
namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  return std::equal(prefix.begin(), prefix.end(), text.begin(), [](char a, char b) {
    return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
  });
}

}  // namespace

std::size_t count_chars(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(static_cast<unsigned char>(c)); }));
}

std::string truncate_chars(std::string_view any_bytes, std::size_t max_chars) {
  const std::string valid = valid_utf8(any_bytes);
  const std::string_view text = valid;
  if (count_chars(text) <= max_chars) return valid;
  if (max_chars == 0) return {};
  // Keep max_chars - 1 code points and add the ellipsis.
  std::size_t kept = 0;
  std::size_t end = 0;
  while (end < text.size()) {
    if (!is_continuation(static_cast<unsigned char>(text[end]))) {
      if (kept == max_chars - 1) break;
      ++kept;
    }
    ++end;
  }
  return std::string(text.substr(0, end)) + "…";
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string slack_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_escape(std::string_view text) {
  static constexpr std::string_view k_special = "\\`*_~[]()#>|<";
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (k_special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string without_channel_mentions(std::string_view text) {
  static constexpr std::string_view k_zero_width_space = "\u200B";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    out += text[i];
    if (text[i] != '@') continue;
    const std::string_view rest = text.substr(i + 1);
    if (starts_with_ci(rest, "channel") || starts_with_ci(rest, "all") || starts_with_ci(rest, "here")) {
      out += k_zero_width_space;
    }
  }
  return out;
}

std::string single_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
  }
  return out;
}

std::string to_crlf(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\0') continue;
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\r\n";
    } else if (c == '\n') {
      out += "\r\n";
    } else {
      out += c;
    }
  }
  return out;
}

bool is_web_link(std::string_view link) {
  if (!starts_with_ci(link, "https://") && !starts_with_ci(link, "http://")) return false;
  return std::none_of(link.begin(), link.end(), [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u <= 0x20 || u == 0x7F;
  });
}

}  // namespace touchbase
