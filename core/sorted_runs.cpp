#include "core/sorted_runs.h"

#include <unistd.h>

#include <algorithm>
#include <bit>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <queue>

namespace touchbase {

std::filesystem::path temporary_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? std::filesystem::path(dir) : std::filesystem::path("/tmp");
}

void append_key(std::string& key, std::int64_t v) {
  auto bits = static_cast<std::uint64_t>(v) ^ (std::uint64_t{1} << 63);  // negatives first
  for (int shift = 56; shift >= 0; shift -= 8) key.push_back(static_cast<char>((bits >> shift) & 0xff));
}

void append_key(std::string& key, Instant t) {
  append_key(key, static_cast<std::int64_t>(t.time_since_epoch().count()));
}

void append_key_descending(std::string& key, double v) {
  auto bits = std::bit_cast<std::uint64_t>(v == 0 ? 0.0 : v);  // -0 == 0
  // Ascending order of the bits: flip all of a negative, the sign of a positive; then reverse.
  bits = (bits >> 63) != 0 ? ~bits : bits | (std::uint64_t{1} << 63);
  append_key(key, static_cast<std::int64_t>(~bits ^ (std::uint64_t{1} << 63)));
}

void append_key(std::string& key, std::string_view s) {
  key.append(s);
  key.push_back('\0');
}

// One sorted run in its file, written whole, then read one record at a time.
class SortedRuns::Run {
 public:
  static Result<std::unique_ptr<Run>> create(const std::filesystem::path& dir) {
    std::string path = (dir / "touchbase-run-XXXXXX").string();
    const int fd = ::mkstemp(path.data());  // mode 0600
    if (fd < 0) return Error::io("cannot create a temporary file in " + dir.string() + ": " + std::strerror(errno));
    ::unlink(path.c_str());
    std::unique_ptr<Run> run(new Run(path, ::fdopen(fd, "w+b")));
    if (!run->file_) {
      ::close(fd);
      return Error::io("cannot open the temporary file " + path + ": " + std::strerror(errno));
    }
    return run;
  }
  ~Run() {
    if (file_) std::fclose(file_);
  }

  Status write(const Record& r) {
    if (put(r.key) && put(r.payload)) return {};
    return failed("write");
  }
  // Ends the writing and reads the first record.
  Status rewind() {
    if (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0) return failed("write");
    return next();
  }
  // Reads the next record into head(); done() after the last.
  Status next() {
    if (!get(head_.key)) {
      if (std::ferror(file_)) return failed("read");
      done_ = true;
      return {};
    }
    if (!get(head_.payload)) return std::ferror(file_) ? failed("read") : failed("read (it ends early)");
    return {};
  }
  bool done() const { return done_; }
  const Record& head() const { return head_; }

 private:
  Run(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}

  bool put(const std::string& s) {
    const auto size = static_cast<std::uint32_t>(s.size());
    return std::fwrite(&size, sizeof size, 1, file_) == 1 && std::fwrite(s.data(), 1, s.size(), file_) == s.size();
  }
  bool get(std::string& s) {
    std::uint32_t size = 0;
    if (std::fread(&size, sizeof size, 1, file_) != 1) return false;
    s.resize(size);
    return std::fread(s.data(), 1, size, file_) == size;
  }
  Status failed(const char* what) {
    const int e = errno;
    return Error::io("cannot " + std::string(what) + " the temporary file " + path_ + ": " +
                     (e ? std::strerror(e) : "unknown error"));
  }

  std::string path_;  // unlinked; for the messages
  std::FILE* file_ = nullptr;
  Record head_;
  bool done_ = false;
};

SortedRuns::SortedRuns(std::filesystem::path dir, std::size_t budget) : dir_(std::move(dir)), budget_(budget) {}

SortedRuns::~SortedRuns() = default;

Status SortedRuns::add(std::string key, std::string payload) {
  held_ += key.size() + payload.size() + sizeof(Record);
  records_.push_back({std::move(key), std::move(payload)});
  if (held_ >= budget_) return spill();
  return {};
}

Status SortedRuns::spill() {
  std::sort(records_.begin(), records_.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
  TB_TRY(auto run, Run::create(dir_));
  for (const Record& r : records_) TB_TRY_STATUS(run->write(r));
  TB_TRY_STATUS(run->rewind());  // a full disk shows here at the latest
  runs_.push_back(std::move(run));
  records_.clear();
  records_.shrink_to_fit();
  held_ = 0;
  return {};
}

Status SortedRuns::merge(const std::function<Status(std::string_view key, std::string_view payload)>& each) {
  if (!records_.empty() && !runs_.empty()) TB_TRY_STATUS(spill());
  if (runs_.empty()) {  // all in memory
    std::sort(records_.begin(), records_.end(), [](const Record& a, const Record& b) { return a.key < b.key; });
    for (const Record& r : records_) TB_TRY_STATUS(each(r.key, r.payload));
    records_.clear();
    return {};
  }
  auto later = [&](std::size_t a, std::size_t b) { return runs_[a]->head().key > runs_[b]->head().key; };
  std::priority_queue<std::size_t, std::vector<std::size_t>, decltype(later)> heads(later);
  for (std::size_t i = 0; i < runs_.size(); ++i) {
    if (!runs_[i]->done()) heads.push(i);
  }
  while (!heads.empty()) {
    const std::size_t i = heads.top();
    heads.pop();
    TB_TRY_STATUS(each(runs_[i]->head().key, runs_[i]->head().payload));
    TB_TRY_STATUS(runs_[i]->next());
    if (!runs_[i]->done()) heads.push(i);
  }
  runs_.clear();
  return {};
}

}  // namespace touchbase
