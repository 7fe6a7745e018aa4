#include "config/paths.h"

#include <sys/stat.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::config_detail {
namespace {

using touchbase::testing::ScopedEnv;
using touchbase::testing::TempDir;

TEST(ExpandVariables, BracedAndBareNamesAreReplaced) {
  ScopedEnv env("CREDENTIALS_DIRECTORY", "/run/credentials/touchbase.service");
  EXPECT_EQ(expand_variables("${CREDENTIALS_DIRECTORY}/slack-url").value(),
            "/run/credentials/touchbase.service/slack-url");
  EXPECT_EQ(expand_variables("$CREDENTIALS_DIRECTORY/slack-url").value(),
            "/run/credentials/touchbase.service/slack-url");
}

TEST(ExpandVariables, ADollarWithoutANameIsKept) {
  EXPECT_EQ(expand_variables("cost$ 5$").value(), "cost$ 5$");
  EXPECT_EQ(expand_variables("a$1").value(), "a$1");
}

TEST(ExpandVariables, AnUnsetVariableIsAnErrorNamingIt) {
  ScopedEnv env("TOUCHBASE_TEST_UNSET", nullptr);
  auto r = expand_variables("${TOUCHBASE_TEST_UNSET}/x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            "environment variable TOUCHBASE_TEST_UNSET is not set (used in '${TOUCHBASE_TEST_UNSET}/x')");
}

TEST(ExpandVariables, AnUnterminatedBraceIsAnError) {
  ScopedEnv env("HOME_DIR_FOR_TEST", "/h");
  auto r = expand_variables("${HOME_DIR_FOR_TEST/x");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "'${HOME_DIR_FOR_TEST/x' has an unterminated ${...}");
}

TEST(ResolvePath, RelativePathsStartAtTheBaseDirectory) {
  EXPECT_EQ(resolve_path("secrets/url", "/etc/touchbase"), "/etc/touchbase/secrets/url");
  EXPECT_EQ(resolve_path("../state/t.db", "/etc/touchbase"), "/etc/state/t.db");
  EXPECT_EQ(resolve_path("/run/x", "/etc/touchbase"), "/run/x");
}

TEST(DirectoryOf, ABareFileNameIsInTheCurrentDirectory) {
  EXPECT_EQ(directory_of("touchbase.toml"), std::filesystem::current_path());
  EXPECT_EQ(directory_of("/etc/touchbase/touchbase.toml"), "/etc/touchbase");
}

TEST(ReadSmallFile, TrailingLineBreaksAreTrimmed) {
  TempDir dir;
  EXPECT_EQ(read_small_file(dir.write("a", "s3cret\n"), 64).value(), "s3cret");
  EXPECT_EQ(read_small_file(dir.write("b", "s3cret\r\n\n"), 64).value(), "s3cret");
  EXPECT_EQ(read_small_file(dir.write("c", "  inner space \n"), 64).value(), "  inner space ");
}

TEST(ReadSmallFile, AMissingFileNamesThePathAndTheReason) {
  TempDir dir;
  auto r = read_small_file(dir / "missing", 64);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "cannot read '" + (dir / "missing").string() + "': No such file or directory");
}

TEST(ReadSmallFile, ADirectoryCannotBeRead) {
  TempDir dir;
  auto r = read_small_file(dir.path(), 64);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message, "cannot read '" + dir.path().string() + "': a directory: expected a regular file");
}

TEST(ReadSmallFile, AFifoOrADeviceIsRefusedAtOnceInsteadOfHanging) {
  TempDir dir;
  const auto fifo = dir / "secret-fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto from_fifo = read_small_file(fifo, 64);
  ASSERT_FALSE(from_fifo.ok());
  EXPECT_EQ(from_fifo.error().message, "cannot read '" + fifo.string() + "': a FIFO: expected a regular file");
  auto from_zero = read_small_file("/dev/zero", 64);
  ASSERT_FALSE(from_zero.ok());
  EXPECT_EQ(from_zero.error().message, "cannot read '/dev/zero': a device: expected a regular file");
}

TEST(ReadSmallFile, AFileLargerThanItsLimitIsRefusedWithItsSize) {
  TempDir dir;
  auto r = read_small_file(dir.write("big", std::string(100, 'k')), 64);
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(r.error().message, ::testing::EndsWith("it holds 100 bytes: expected at most 64"));
  EXPECT_EQ(read_small_file(dir.write("edge", std::string(64, 'k')), 64).value(), std::string(64, 'k'));
}

}  // namespace
}  // namespace touchbase::config_detail
