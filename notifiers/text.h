#pragma once
// Text helpers shared by the channel renderers: escaping for each markup,
// and cutting text to a channel's length limits without splitting a
// UTF-8 character.

#include <cstddef>
#include <string>
#include <string_view>

namespace touchbase {

// The number of Unicode code points (UTF-8 continuation bytes not counted).
std::size_t count_chars(std::string_view text);
// At most `max_chars` code points of valid UTF-8 (any bytes in: each
// ill-formed sequence counts as the one U+FFFD it becomes, as valid_utf8());
// text that had to be cut ends with "…".
std::string truncate_chars(std::string_view text, std::size_t max_chars);

// &, <, > and quotes as HTML entities.
std::string html_escape(std::string_view text);
// &, <, > as entities: what Slack's mrkdwn (and Google Chat's text) require.
std::string slack_escape(std::string_view text);
// Markdown's punctuation backslash-escaped (Mattermost, Discord, Teams),
// so contact data shows literally.
std::string markdown_escape(std::string_view text);

// Mattermost's channel-wide mentions (@channel, @all, @here, in any case)
// made inert: a ZERO WIDTH SPACE after the '@', which the reader does not see
// and which ends the word Mattermost looks for.
std::string without_channel_mentions(std::string_view text);

// Text for one line: CR, LF, NUL and other control characters become spaces.
std::string single_line(std::string_view text);
// Line endings normalised to CRLF; NUL removed.
std::string to_crlf(std::string_view text);

// True for links a reader may safely follow: http:// and https://.
bool is_web_link(std::string_view link);

}  // namespace touchbase
