#include "notifiers/discord_payload.h"

#include <algorithm>

#include "notifiers/action_links.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

using nlohmann::json;

// The talking point's text, then its link (Discord links a bare URL); the
// link goes first when the text must be cut, so it is never lost.
std::string talking_point_value(const ReminderMessage& m) {
  const std::string text = markdown_escape(m.talking_point);
  if (!is_web_link(m.talking_point_link)) return truncate_chars(text, k_discord_field_limit);
  std::string link = " " + m.talking_point_link;
  std::size_t room = k_discord_field_limit > count_chars(link) ? k_discord_field_limit - count_chars(link) : 0;
  return truncate_chars(text, room) + link;
}

json embed_fields(const ReminderMessage& m) {
  json out = json::array();
  const std::tuple<const char*, const std::string*, bool> items[] = {{"Company", &m.company, true},
                                                                     {"Stage", &m.stage, true},
                                                                     {"When", &m.due_at, false},
                                                                     {"How", &m.channel, false},
                                                                     {"Talking point", &m.talking_point, false},
                                                                     {"Next step", &m.next_step, false}};
  for (const auto& [name, value, inline_field] : items) {
    if (value->empty()) continue;
    std::string text = value == &m.talking_point ? talking_point_value(m)
                                                 : truncate_chars(markdown_escape(*value), k_discord_field_limit);
    out.push_back({{"name", name}, {"value", text}, {"inline", inline_field}});
  }
  return out;
}

std::size_t room_left(std::size_t limit, std::size_t used) {
  return limit > used ? limit - used : 0;
}

// Every character Discord counts towards an embed's total.
std::size_t embed_chars(const json& embed) {
  std::size_t n = count_chars(embed["title"].get<std::string>());
  if (embed.contains("description")) n += count_chars(embed["description"].get<std::string>());
  if (embed.contains("footer")) n += count_chars(embed["footer"]["text"].get<std::string>());
  for (const json& field : embed["fields"]) {
    n += count_chars(field["name"].get<std::string>()) + count_chars(field["value"].get<std::string>());
  }
  return n;
}

// The action links end the description, a line per row, in the room the
// description's and the embed's limits leave.
void add_action_lines(json& embed, const std::vector<ActionLink>& actions) {
  const auto rows = action_rows(actions);
  if (rows.empty()) return;
  std::string description = embed.value("description", "");
  const std::size_t separator = description.empty() ? 0 : 2;
  const std::size_t room = std::min(room_left(k_discord_description_max, count_chars(description) + separator),
                                    room_left(k_discord_embed_limit, embed_chars(embed) + separator));
  if (separator != 0) description += "\n\n";
  std::string lines = markdown_action_lines(rows, room);
  if (lines.empty()) return;
  lines.pop_back();  // no line feed after the last row
  embed["description"] = description + lines;
}

}  // namespace

json discord_payload(const ReminderMessage& m) {
  const std::string headline = single_line(render_headline(m));
  json embed = {
      {"title", truncate_chars(headline, k_discord_title_limit)},
      {"fields", embed_fields(m)},
  };
  if (!m.why.empty()) embed["description"] = truncate_chars(markdown_escape(m.why), k_discord_description_limit);
  if (is_web_link(m.talking_point_link)) embed["url"] = m.talking_point_link;
  if (!m.log_command.empty()) {
    embed["footer"] = {{"text", truncate_chars("Log it: " + m.log_command + " " + std::string(k_other_outcomes),
                                               k_discord_footer_limit)}};
  }
  add_action_lines(embed, m.actions);
  return {
      {"content", truncate_chars(markdown_escape(headline), k_discord_content_limit)},
      {"embeds", json::array({embed})},
      {"allowed_mentions", {{"parse", json::array()}}},
  };
}

}  // namespace touchbase
