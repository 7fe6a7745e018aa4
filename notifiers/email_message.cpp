#include "notifiers/email_message.h"

#include "notifiers/action_links.h"
#include "notifiers/render_text.h"
#include "notifiers/text.h"

namespace touchbase {
namespace {

void add_row(std::string& out, std::string_view label, const std::string& value_html) {
  out += "<tr><th align=\"left\" valign=\"top\" style=\"padding-right:12px\">";
  out += label;
  out += "</th><td>";
  out += value_html;
  out += "</td></tr>\n";
}

void add_text_row(std::string& out, std::string_view label, const std::string& value) {
  if (!value.empty()) add_row(out, label, html_escape(value));
}

std::string talking_point_html(const ReminderMessage& m) {
  std::string html = html_escape(m.talking_point);
  if (is_web_link(m.talking_point_link)) {
    html += " <a href=\"" + html_escape(m.talking_point_link) + "\">" + html_escape(m.talking_point_link) + "</a>";
  } else if (!m.talking_point_link.empty()) {
    html += " " + html_escape(m.talking_point_link);
  }
  return html;
}

// Inline styles only: mail clients drop style sheets and outside assets.
// Buttons are inline blocks with room to tap, wrapping on a narrow screen.
constexpr std::string_view k_button_style =
    "display:inline-block;margin:0 8px 8px 0;padding:10px 16px;border-radius:6px;"
    "font-family:sans-serif;font-size:15px;line-height:20px;text-decoration:none;";
constexpr std::string_view k_outcome_style = "background-color:#1a5fb4;border:1px solid #1a5fb4;color:#ffffff;";
constexpr std::string_view k_later_style = "background-color:#ffffff;border:1px solid #1a5fb4;color:#1a5fb4;";

std::string anchor(const ActionLink& link, std::string_view style) {
  std::string html = "<a href=\"" + html_escape(link.url) + "\"";
  if (!style.empty()) html += " style=\"" + std::string(style) + "\"";
  return html + ">" + html_escape(single_line(link.label)) + "</a>";
}

// A paragraph per row: the outcomes as filled buttons, the snoozes and the
// pause as outlined ones, the pages as plain links.
void add_action_rows(std::string& out, const std::vector<ActionLink>& actions) {
  const auto rows = action_rows(actions);
  if (rows.empty()) return;
  out += "<p style=\"margin:16px 0 8px\"><strong>" + html_escape(k_action_heading) + "</strong></p>\n";
  for (const ActionRow& row : rows) {
    out += "<p style=\"margin:0 0 8px\">";
    for (std::size_t i = 0; i < row.links.size(); ++i) {
      if (row.kind == ActionKind::page) {
        out += (i == 0 ? "" : " &middot; ") + anchor(row.links[i], "");
      } else {
        const std::string_view colours = row.kind == ActionKind::outcome ? k_outcome_style : k_later_style;
        out += anchor(row.links[i], std::string(k_button_style) + std::string(colours)) + "\n";
      }
    }
    out += "</p>\n";
  }
}

}  // namespace

std::string render_html(const ReminderMessage& m) {
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" +
                    html_escape(single_line(render_headline(m))) + "</title></head>\n<body>\n<h2>" +
                    html_escape(single_line(render_headline(m))) + "</h2>\n<table>\n";
  add_text_row(out, "When", m.due_at);
  add_text_row(out, "How", m.channel);
  add_text_row(out, "Why now", m.why);
  add_text_row(out, "Next step", m.next_step);
  if (!m.talking_point.empty() || !m.talking_point_link.empty()) add_row(out, "Talking point", talking_point_html(m));
  if (!m.log_command.empty())
    add_row(out, "Log it", "<code>" + html_escape(m.log_command) + "</code> " + html_escape(k_other_outcomes));
  out += "</table>\n";
  add_action_rows(out, m.actions);
  out += "</body></html>\n";
  return to_crlf(out);
}

EmailMessage build_email(const ReminderMessage& m, const Mailbox& from, const std::vector<Mailbox>& to, Instant now) {
  EmailMessage mail;
  mail.envelope_from = "<" + from.address + ">";
  for (const Mailbox& box : to) mail.envelope_to.push_back("<" + box.address + ">");
  mail.headers = {
      "Date: " + format_mail_date(now),
      address_field("From", {from}),
      address_field("To", to),
      unstructured_field("Subject", truncate_chars(single_line(render_headline(m)), k_max_subject_chars)),
      "Message-ID: " + message_id(m.idempotency_key, address_domain(from.address)),
      "Auto-Submitted: auto-generated",
  };
  mail.text = to_crlf(render_text(m));
  mail.html = render_html(m);
  return mail;
}

}  // namespace touchbase
