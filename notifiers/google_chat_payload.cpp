#include "notifiers/google_chat_payload.h"

#include "core/url.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

using nlohmann::json;

json decorated(const char* label, const std::string& value) {
  return {{"decoratedText", {{"topLabel", label}, {"text", html_escape(value)}, {"wrapText", true}}}};
}

json paragraph(const std::string& label, const std::string& value) {
  return {{"textParagraph", {{"text", "<b>" + label + ":</b> " + html_escape(value)}}}};
}

json widgets(const ReminderMessage& m) {
  json out = json::array();
  const std::pair<const char*, const std::string*> items[] = {
      {"When", &m.due_at}, {"How", &m.channel}, {"Next step", &m.next_step}};
  for (const auto& [label, value] : items) {
    if (!value->empty()) out.push_back(decorated(label, *value));
  }
  if (!m.why.empty()) out.push_back(paragraph("Why now", m.why));
  if (!m.talking_point.empty()) out.push_back(paragraph("Talking point", m.talking_point));
  if (!m.log_command.empty()) {
    out.push_back({{"textParagraph",
                    {{"text", "<b>Log it:</b> <font color=\"#555555\">" + html_escape(m.log_command) + "</font> " +
                                  html_escape(k_other_outcomes)}}}});
  }
  if (is_web_link(m.talking_point_link)) {
    out.push_back({{"buttonList",
                    {{"buttons", json::array({{{"text", "Open the talking point"},
                                               {"onClick", {{"openLink", {{"url", m.talking_point_link}}}}}}})}}}});
  }
  return out;
}

}  // namespace

json google_chat_payload(const ReminderMessage& m) {
  std::string subtitle = m.company;
  if (!m.stage.empty()) subtitle += (subtitle.empty() ? "" : " · ") + m.stage;
  json header = {{"title", single_line(render_headline(m))}};
  if (!subtitle.empty()) header["subtitle"] = single_line(subtitle);
  return {
      {"text", truncate_chars(slack_escape(render_headline(m)), k_google_chat_text_limit)},
      {"cardsV2",
       json::array({{{"cardId", "reminder"},
                     {"card", {{"header", header}, {"sections", json::array({{{"widgets", widgets(m)}}})}}}}})},
  };
}

std::string google_chat_url(std::string_view webhook_url, const ReminderMessage& m) {
  std::string url = append_query(std::string(webhook_url), "messageReplyOption", k_google_chat_reply_option);
  url = append_query(std::move(url), "threadKey", m.contact_id);
  return append_query(std::move(url), "requestId", m.idempotency_key);
}

}  // namespace touchbase
