#pragma once
// UTF-8 as Unicode defines it (table 3-7): for text that comes from outside --
// files, HTTP and SMTP answers, a command's output, mail headers -- before it
// is stored, logged or written as JSON.

#include <cstddef>
#include <string>
#include <string_view>

namespace touchbase {

// The sequence that starts `text` at `i` (REQUIRES: i < text.size()): its
// length when well formed, else the length of its maximal ill-formed prefix
// (at least 1), which stands for one U+FFFD (Unicode 15, 3.9).
struct Utf8Sequence {
  std::size_t length = 0;
  bool valid = false;
};
Utf8Sequence utf8_sequence(std::string_view text, std::size_t i);

// U+FFFD REPLACEMENT CHARACTER, in UTF-8.
inline constexpr std::string_view k_replacement_character = "\xEF\xBF\xBD";

bool is_utf8(std::string_view text);

// `text` with each maximal ill-formed subsequence replaced by U+FFFD.
std::string valid_utf8(std::string_view text);

// Whether printable() keeps line feeds, for text shown over several lines.
enum class LineFeeds { escape, keep };

// `text` made safe for a terminal, a log line or another program: valid
// UTF-8 (as valid_utf8()), with every control character shown as an escape
// a reader can see -- C0 controls as "\xNN", DEL and C1 controls (U+0080 to
// U+009F) as "\u00NN" -- so that no ESC, CR or other control reaches the
// reader raw. TAB stays; LF stays only with LineFeeds::keep. A backslash is
// left as it is: the output is for reading, not for parsing back. JSON stays
// JSON through it: a JSON writer escapes C0 controls itself, and "\u00NN" is
// JSON's own escape for DEL and C1 controls.
std::string printable(std::string_view text, LineFeeds line_feeds);

// Whether printable(text, line_feeds) == text, without building the copy.
bool is_printable(std::string_view text, LineFeeds line_feeds);

}  // namespace touchbase
