// Records sorted in runs on disk and merged back: the order of the keys, the
// temporary files (never left behind) and the errors when they cannot be
// written.

#include "core/sorted_runs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "tests/testing/small_disk.h"
#include "tests/testing/temp_dir.h"

namespace touchbase {
namespace {

std::string int_key(std::int64_t v) {
  std::string key;
  append_key(key, v);
  return key;
}

std::string value_key(double v) {
  std::string key;
  append_key_descending(key, v);
  return key;
}

std::string text_key(std::string_view a, std::string_view b) {
  std::string key;
  append_key(key, a);
  append_key(key, b);
  return key;
}

std::vector<std::string> merged(SortedRuns& runs) {
  std::vector<std::string> out;
  auto each = [&](std::string_view, std::string_view payload) -> Status {
    out.emplace_back(payload);
    return {};
  };
  EXPECT_TRUE(runs.merge(each));
  return out;
}

std::size_t files_in(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), {}));
}

TEST(SortedRunsKeys, NumbersTimesAndTextsCompareAsBytesAsTheyDoAsValues) {
  EXPECT_LT(int_key(-5), int_key(-1));
  EXPECT_LT(int_key(-1), int_key(0));
  EXPECT_LT(int_key(0), int_key(1));
  EXPECT_LT(int_key(255), int_key(256));
  EXPECT_LT(int_key(INT64_MIN), int_key(INT64_MAX));
  // Highest value first; -0 is 0.
  EXPECT_LT(value_key(5000), value_key(900));
  EXPECT_LT(value_key(0.5), value_key(0));
  EXPECT_LT(value_key(0), value_key(-1));
  EXPECT_EQ(value_key(-0.0), value_key(0.0));
  // A shorter text first, whatever follows it.
  EXPECT_LT(text_key("o1", "zz"), text_key("o10", "a"));
  EXPECT_LT(text_key("o1", "a"), text_key("o1", "ab"));
  EXPECT_LT(text_key("", "z"), text_key("a", ""));
}

TEST(SortedRuns, RecordsThatFitTheBudgetAreSortedInMemory) {
  testing::TempDir dir;
  SortedRuns runs(dir.path());
  for (int v : {3, 1, 2}) ASSERT_TRUE(runs.add(int_key(v), std::to_string(v)));
  EXPECT_EQ(runs.runs(), 0u);
  EXPECT_EQ(files_in(dir.path()), 0u);
  EXPECT_EQ(merged(runs), (std::vector<std::string>{"1", "2", "3"}));
}

TEST(SortedRuns, ManyRunsMergeInKeyOrderAndLeaveNoFileBehind) {
  // Given 5,000 records in random order and a budget of a few of them, many
  // runs are written; the merge gives every record once, keys ascending, and
  // no file is ever left in the folder.
  testing::TempDir dir;
  SortedRuns runs(dir.path(), 4096);
  std::vector<int> values(5000);
  for (int i = 0; i < 5000; ++i) values[static_cast<std::size_t>(i)] = i - 2500;
  std::shuffle(values.begin(), values.end(), std::mt19937(7));
  for (int v : values) ASSERT_TRUE(runs.add(int_key(v), "payload " + std::to_string(v)));
  EXPECT_GT(runs.runs(), 20u);
  EXPECT_EQ(files_in(dir.path()), 0u);
  std::vector<std::string> out = merged(runs);
  ASSERT_EQ(out.size(), 5000u);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(out[static_cast<std::size_t>(i)], "payload " + std::to_string(i - 2500));
  EXPECT_EQ(runs.runs(), 0u);
}

TEST(SortedRuns, EmptyPayloadsAndKeysAndBinaryBytesComeBackWhole) {
  testing::TempDir dir;
  SortedRuns runs(dir.path(), 1);  // a run per record
  const std::string binary("a\0b\xff", 4);
  ASSERT_TRUE(runs.add(int_key(2), binary));
  ASSERT_TRUE(runs.add(int_key(1), ""));
  ASSERT_TRUE(runs.add("", "first"));
  EXPECT_EQ(merged(runs), (std::vector<std::string>{"first", "", binary}));
}

TEST(SortedRuns, AnErrorOfTheCallerStopsTheMerge) {
  testing::TempDir dir;
  SortedRuns runs(dir.path(), 1);
  for (int v : {1, 2, 3}) ASSERT_TRUE(runs.add(int_key(v), std::to_string(v)));
  int calls = 0;
  auto each = [&](std::string_view, std::string_view) -> Status {
    ++calls;
    return Error::io("stdout is closed");
  };
  Status merged_all = runs.merge(each);
  ASSERT_FALSE(merged_all);
  EXPECT_EQ(merged_all.error().message, "stdout is closed");
  EXPECT_EQ(calls, 1);
}

TEST(SortedRuns, AFolderThatIsNotThereIsAnIoErrorNamingIt) {
  testing::TempDir dir;
  SortedRuns runs(dir / "missing", 1);
  Status added = runs.add(int_key(1), "x");
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::io);
  EXPECT_EQ(added.error().message,
            "cannot create a temporary file in " + (dir / "missing").string() + ": No such file or directory");
}

TEST(SortedRuns, TemporaryDirectoryIsTmpdirOrTmp) {
  const char* before = std::getenv("TMPDIR");
  const std::string saved = before ? before : "";
  ::setenv("TMPDIR", "/var/tmp/x", 1);
  EXPECT_EQ(temporary_directory(), "/var/tmp/x");
  ::setenv("TMPDIR", "", 1);
  EXPECT_EQ(temporary_directory(), "/tmp");
  if (before) {
    ::setenv("TMPDIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TMPDIR");
  }
}

TEST(SortedRuns, AFullFolderIsAnIoErrorNamingTheRunAndNothingIsLeftBehind) {
  // Given a 64 KiB tmpfs already full (root only), a run of 1 MiB cannot be
  // written: the error names the file and the disk's reason, and the folder
  // holds only what filled it.
  testing::TempDir dir;
  const testing::SmallDisk small(dir / "disk", "64k");
  if (!small.mounted()) GTEST_SKIP() << small.why_not();
  ASSERT_TRUE(small.fill());
  const auto& disk = small.path();
  SortedRuns runs(disk, std::size_t{1} << 20);
  Status added;
  const std::string payload(1000, 'p');
  for (int i = 0; i < 2000 && added; ++i) added = runs.add(int_key(i), payload);
  EXPECT_EQ(files_in(disk), 1u);
  ASSERT_FALSE(added);
  EXPECT_EQ(added.error().code, Errc::io);
  EXPECT_TRUE(
      added.error().message.starts_with("cannot write the temporary file " + (disk / "touchbase-run-").string()))
      << added.error().message;
  EXPECT_TRUE(added.error().message.ends_with(": No space left on device")) << added.error().message;
}

}  // namespace
}  // namespace touchbase
