#include "notifiers/mattermost_payload.h"

#include "notifiers/action_links.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

void add_line(std::string& out, std::string_view label, const std::string& value) {
  if (value.empty()) return;
  out += "**";
  out += label;
  out += ":** ";
  out += markdown_escape(single_line(value));
  out += '\n';
}

}  // namespace

nlohmann::json mattermost_payload(const ReminderMessage& m) {
  std::string text = "#### " + markdown_escape(single_line(render_headline(m))) + "\n";
  add_line(text, "When", m.due_at);
  add_line(text, "How", m.channel);
  add_line(text, "Why now", m.why);
  add_line(text, "Next step", m.next_step);
  std::string point = markdown_escape(single_line(m.talking_point));
  if (is_web_link(m.talking_point_link)) point += " " + markdown_link("link", m.talking_point_link);
  if (!m.talking_point.empty()) text += "**Talking point:** " + point + "\n";
  if (!m.log_command.empty()) {
    text += "**Log it:** `" + single_line(m.log_command) + "` " + markdown_escape(k_other_outcomes) + "\n";
  }
  text = truncate_chars(without_channel_mentions(text), k_mattermost_text_limit);
  const std::size_t room = k_mattermost_post_limit - count_chars(text);
  return {{"text", text + markdown_action_lines(action_rows(m.actions), room)}};
}

}  // namespace touchbase
