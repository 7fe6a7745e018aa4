#include "service/logging.h"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <memory>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/utf8.h"

namespace touchbase {
namespace {

constexpr const char* k_logger_name = "touchbase";

// %* in a pattern: the line's syslog priority.
class PriorityFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    auto digit = static_cast<char>('0' + syslog_priority(msg.level));
    dest.push_back(digit);
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<PriorityFlag>(); }
};

// %& in a pattern: the message, printable on one line.
class PrintableMessageFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const std::string_view payload(msg.payload.data(), msg.payload.size());
    if (is_printable(payload, LineFeeds::escape)) {
      dest.append(payload.data(), payload.data() + payload.size());
      return;
    }
    const std::string text = printable(payload, LineFeeds::escape);
    dest.append(text.data(), text.data() + text.size());
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<PrintableMessageFlag>(); }
};

std::optional<unsigned long long> parse_number(std::string_view text) {
  unsigned long long n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return n;
}

std::shared_ptr<spdlog::logger> make_logger(bool journal) {
  if (journal) {
    auto logger = spdlog::stderr_logger_mt(k_logger_name);
    logger->set_formatter(make_log_formatter(k_journal_pattern));
    return logger;
  }
  auto logger = spdlog::stderr_color_mt(k_logger_name);
  logger->set_formatter(make_log_formatter(k_terminal_pattern));
  return logger;
}

}  // namespace

std::unique_ptr<spdlog::formatter> make_log_formatter(std::string_view pattern) {
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<PriorityFlag>('*').add_flag<PrintableMessageFlag>('&').set_pattern(std::string(pattern));
  return formatter;
}

bool is_journal_stream(std::optional<std::string_view> journal_stream, unsigned long long dev,
                       unsigned long long inode) {
  if (!journal_stream) return false;
  auto colon = journal_stream->find(':');
  if (colon == std::string_view::npos) return false;
  auto want_dev = parse_number(journal_stream->substr(0, colon));
  auto want_inode = parse_number(journal_stream->substr(colon + 1));
  return want_dev && want_inode && *want_dev == dev && *want_inode == inode;
}

bool stderr_is_journal() {
  const char* env = std::getenv("JOURNAL_STREAM");
  struct stat st {};
  if (env == nullptr || fstat(2, &st) != 0) return false;
  return is_journal_stream(env, st.st_dev, st.st_ino);
}

int syslog_priority(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug: return 7;  // LOG_DEBUG
    case spdlog::level::info: return 6;   // LOG_INFO
    case spdlog::level::warn: return 4;   // LOG_WARNING
    case spdlog::level::err: return 3;    // LOG_ERR
    default: return 2;                    // LOG_CRIT
  }
}

void setup_logging(std::string_view level) {
  auto logger = spdlog::get(k_logger_name);
  if (!logger) logger = make_logger(stderr_is_journal());
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
}

}  // namespace touchbase
