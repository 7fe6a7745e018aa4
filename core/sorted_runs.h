#pragma once
// Records sorted by a byte key without holding them all: they are kept in
// memory up to a budget, then each batch is sorted and written to a
// temporary file (a run), and merge() reads the runs back in key order
// (k-way merge). Memory is bounded by the budget plus one record per run.
//
// The runs are created in `dir` with mode 0600 and unlinked at once, so that
// nothing is left behind, whatever ends the process; their path is kept for
// the error messages. Not thread-safe.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/time.h"

namespace touchbase {

// The bytes kept in memory before a run is written.
inline constexpr std::size_t k_default_run_budget = std::size_t{8} << 20;

// $TMPDIR when set and not empty, else /tmp.
std::filesystem::path temporary_directory();

// Appends `v` so that the bytes of two encodings compare as the numbers do.
void append_key(std::string& key, std::int64_t v);
void append_key(std::string& key, Instant t);
// Ordered highest first.
void append_key_descending(std::string& key, double v);
// A string followed by a NUL, so that a shorter one sorts first (ids hold no NUL).
void append_key(std::string& key, std::string_view s);

class SortedRuns {
 public:
  explicit SortedRuns(std::filesystem::path dir = temporary_directory(), std::size_t budget = k_default_run_budget);
  ~SortedRuns();
  SortedRuns(const SortedRuns&) = delete;
  SortedRuns& operator=(const SortedRuns&) = delete;

  // Errc::io naming the file when a run cannot be created or written.
  Status add(std::string key, std::string payload);
  // Calls `each` with every record added, keys ascending (records of equal
  // keys in no given order), and forgets them. Errc::io naming the file when
  // a run cannot be read; the first error of `each` otherwise.
  // REQUIRES: called once.
  Status merge(const std::function<Status(std::string_view key, std::string_view payload)>& each);

  std::size_t runs() const { return runs_.size(); }

 private:
  struct Record {
    std::string key;
    std::string payload;
  };
  class Run;

  Status spill();

  std::filesystem::path dir_;
  std::size_t budget_;
  std::size_t held_ = 0;
  std::vector<Record> records_;
  std::vector<std::unique_ptr<Run>> runs_;
};

}  // namespace touchbase
