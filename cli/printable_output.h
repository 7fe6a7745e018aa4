#pragma once
// What the commands print reaches the terminal printable (core/utf8.h): a
// control character or a byte that is not UTF-8 in contact data, in a note or
// in a stored failure shows escaped, never raw. Line feeds and tabs stay.
// JSON stays JSON that reads the same (see printable()).

#include <mutex>
#include <ostream>
#include <streambuf>
#include <string>

namespace touchbase {

// Passes what is written on to `target`, printable, a line at a time (and
// whatever is pending when flushed). Safe to write from several threads.
// `target` must outlive it.
class PrintableStreambuf final : public std::streambuf {
 public:
  explicit PrintableStreambuf(std::streambuf* target) : target_(target) {}
  ~PrintableStreambuf() override;
  PrintableStreambuf(const PrintableStreambuf&) = delete;
  PrintableStreambuf& operator=(const PrintableStreambuf&) = delete;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* s, std::streamsize n) override;
  int sync() override;

 private:
  // REQUIRES: mutex_ held. Writes pending_'s first `end` bytes; false if the target failed.
  bool emit(std::size_t end);

  std::streambuf* target_;
  std::string pending_;  // guarded by mutex_
  std::mutex mutex_;
};

// For its lifetime, `stream` writes through a PrintableStreambuf over the
// buffer it had, which it gets back (flushed) at the end.
class PrintableOutput {
 public:
  explicit PrintableOutput(std::ostream& stream);
  ~PrintableOutput();
  PrintableOutput(const PrintableOutput&) = delete;
  PrintableOutput& operator=(const PrintableOutput&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* previous_;
  PrintableStreambuf buffer_;
};

}  // namespace touchbase
