#pragma once
// Where log lines go and how they look. setup_logging() logs to stderr: when stderr is connected to the systemd
// journal, each line is "<PRIORITY>message" (sd-daemon(3) prefixes; the
// journal adds the time stamp itself); otherwise spdlog's usual
// "[time] [touchbase] [level] message".

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <spdlog/common.h>
#include <spdlog/formatter.h>

namespace touchbase {

// Logs to stderr at `level` (trace | debug | info | warn | error), in the
// journal's form when stderr is the journal. Calling it again changes the level.
void setup_logging(std::string_view level);

// True when $JOURNAL_STREAM ("DEVICE:INODE") names the file stderr is open on.
bool stderr_is_journal();
// The same test on given values, for tests: `journal_stream` is
// $JOURNAL_STREAM (std::nullopt when unset).
bool is_journal_stream(std::optional<std::string_view> journal_stream, unsigned long long dev,
                       unsigned long long inode);

// The syslog priority of a level: trace and debug 7, info 6, warn 4, error 3, critical 2.
int syslog_priority(spdlog::level::level_enum level);

// A formatter for `pattern`, spdlog's flags plus two of ours:
//   %*  the line's syslog priority
//   %&  the message, printable on one line (core/utf8.h): a line feed, ESC or
//       byte that is not UTF-8 in contact data or in an answer from outside
//       shows escaped, so it can neither forge a log line nor reach a
//       terminal raw.
std::unique_ptr<spdlog::formatter> make_log_formatter(std::string_view pattern);

// The pattern setup_logging() uses for the journal, and otherwise.
inline constexpr std::string_view k_journal_pattern = "<%*>%&";
inline constexpr std::string_view k_terminal_pattern = "[%Y-%m-%d %H:%M:%S.%e] [%n] [%^%l%$] %&";

}  // namespace touchbase
