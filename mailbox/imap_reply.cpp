#include "mailbox/imap_reply.h"

#include <algorithm>
#include <charconv>

#include "mailbox/header_fields.h"

namespace touchbase {
namespace {

std::optional<std::uint64_t> number_at(std::string_view text, std::size_t pos, std::size_t* end = nullptr) {
  std::uint64_t value = 0;
  const char* first = text.data() + std::min(pos, text.size());
  const auto [last, ec] = std::from_chars(first, text.data() + text.size(), value);
  if (ec != std::errc() || last == first) return std::nullopt;
  if (end != nullptr) *end = static_cast<std::size_t>(last - text.data());
  return value;
}

// Calls `f` with each line of `text`, without its line end.
template <class F>
void for_each_line(std::string_view text, F f) {
  for (std::size_t pos = 0; pos < text.size();) {
    const auto end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    f(line);
    pos = end + 1;
  }
}

std::vector<Uid> all_search_uids(std::string_view untagged) {
  std::vector<Uid> uids;
  for_each_line(untagged, [&](std::string_view line) {
    if (!ascii_lower(line.substr(0, 9)).starts_with("* search")) return;
    for (std::size_t pos = 9; pos < line.size(); ++pos) {
      std::size_t end = pos;
      const auto uid = number_at(line, pos, &end);
      if (uid && *uid > 0 && *uid <= UINT32_MAX) uids.push_back(static_cast<Uid>(*uid));
      pos = std::max(pos, end);
    }
  });
  std::sort(uids.begin(), uids.end());
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  return uids;
}

// Whether a FETCH response line is for `uid` ("* 3 FETCH (UID 7 ...").
bool fetch_line_for(std::string_view line, Uid uid) {
  const std::string lower = ascii_lower(line.substr(0, 200));
  const auto fetch = lower.find(" fetch (");
  if (!lower.starts_with("* ") || fetch == std::string::npos) return false;
  const auto at = lower.find("uid ", fetch);
  const auto value = at == std::string::npos ? std::nullopt : number_at(lower, at + 4);
  return value && *value == uid;
}

}  // namespace

std::optional<Uid> uidvalidity_of(std::string_view untagged) {
  std::optional<Uid> found;
  for_each_line(untagged, [&](std::string_view line) {
    const std::string lower = ascii_lower(line.substr(0, 100));
    const auto at = lower.find("[uidvalidity ");
    if (!lower.starts_with("* ok") || at == std::string::npos) return;
    const auto value = number_at(lower, at + 13);
    if (value && *value > 0 && *value <= UINT32_MAX) found = static_cast<Uid>(*value);
  });
  return found;
}

std::vector<Uid> search_uids(std::string_view untagged, std::size_t limit) {
  auto uids = all_search_uids(untagged);
  if (uids.size() > limit) uids.resize(limit);
  return uids;
}

bool search_exceeds(std::string_view untagged, std::size_t limit) {
  return all_search_uids(untagged).size() > limit;
}

std::optional<std::string> fetched_literal(std::string_view transcript, Uid uid) {
  for (std::size_t pos = 0; pos < transcript.size();) {
    const auto end = std::min(transcript.find('\n', pos), transcript.size());
    std::string_view line = transcript.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.back() != '}' || !fetch_line_for(line, uid)) continue;
    const auto size = number_at(line, line.rfind('{') + 1);
    if (!size || pos > transcript.size() || *size > transcript.size() - pos) return std::nullopt;
    return std::string(transcript.substr(pos, *size));
  }
  return std::nullopt;
}

std::vector<std::string> listed_folders(std::string_view untagged, std::size_t limit) {
  std::vector<std::string> names;
  for_each_line(untagged, [&](std::string_view line) {
    const auto close = line.find(')');
    if (names.size() >= limit || !ascii_lower(line).starts_with("* list (") || close == std::string_view::npos) return;
    std::string_view rest = trim_blanks(line.substr(close + 1));
    const auto delimiter_end = rest.starts_with("\"") ? rest.find('"', 1) : rest.find(' ');  // "." or NIL
    if (delimiter_end == std::string_view::npos) return;
    rest = trim_blanks(rest.substr(delimiter_end + 1));
    if (rest.empty() || rest.front() == '{') return;
    if (rest.front() != '"') return names.push_back(std::string(rest));
    std::string name;
    for (std::size_t i = 1; i < rest.size() && rest[i] != '"'; ++i) {
      if (rest[i] == '\\' && i + 1 < rest.size()) ++i;
      name += rest[i];
    }
    names.push_back(std::move(name));
  });
  return names;
}

std::string imap_quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string imap_date(date::sys_days day) {
  static constexpr const char* k_months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const date::year_month_day ymd(day);
  return std::to_string(static_cast<unsigned>(ymd.day())) + "-" + k_months[static_cast<unsigned>(ymd.month()) - 1] +
         "-" + std::to_string(static_cast<int>(ymd.year()));
}

}  // namespace touchbase
