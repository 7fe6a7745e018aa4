#include "cli/printable_output.h"

#include "core/utf8.h"

namespace touchbase {

PrintableStreambuf::~PrintableStreambuf() {
  std::lock_guard lock(mutex_);
  emit(pending_.size());
  target_->pubsync();
}

PrintableStreambuf::int_type PrintableStreambuf::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  const char ch = traits_type::to_char_type(c);
  return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

std::streamsize PrintableStreambuf::xsputn(const char* s, std::streamsize n) {
  std::lock_guard lock(mutex_);
  pending_.append(s, static_cast<std::size_t>(n));
  const std::size_t last_line_feed = pending_.rfind('\n');
  if (last_line_feed != std::string::npos && !emit(last_line_feed + 1)) return 0;
  return n;
}

int PrintableStreambuf::sync() {
  std::lock_guard lock(mutex_);
  if (!emit(pending_.size())) return -1;
  return target_->pubsync();
}

bool PrintableStreambuf::emit(std::size_t end) {
  const std::string text = printable(std::string_view(pending_).substr(0, end), LineFeeds::keep);
  pending_.erase(0, end);
  const auto size = static_cast<std::streamsize>(text.size());
  return target_->sputn(text.data(), size) == size;
}

PrintableOutput::PrintableOutput(std::ostream& stream)
    : stream_(stream), previous_(stream.rdbuf()), buffer_(previous_) {
  stream_.rdbuf(&buffer_);
}

PrintableOutput::~PrintableOutput() {
  stream_.flush();
  stream_.rdbuf(previous_);
}

}  // namespace touchbase
