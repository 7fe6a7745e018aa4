// daemon.talking_points_dir: the library in files of its own, read in file-name order.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "config/load_config.h"
#include "tests/config/config_test_support.h"
#include "tests/testing/temp_dir.h"

namespace touchbase::testing {
namespace {

using ::testing::ElementsAre;

class TalkingPointsDirTest : public ::testing::Test {
 protected:
  // A config whose [daemon] names `dir` (relative to the config's folder), with one point of its own.
  std::filesystem::path write_config(std::string_view dir) {
    return dir_.write("touchbase.toml", "[daemon]\ntalking_points_dir = \"" + std::string(dir) +
                                            "\"\n\n[[talking_points]]\nid = \"own\"\ntext = \"from the config\"\n" +
                                            k_minimal_rest);
  }

  std::vector<std::string> errors(const std::filesystem::path& config) {
    return error_texts(load_config(config, k_load_time));
  }

  std::string path(std::string_view name) const { return (dir_.path() / name).lexically_normal().string(); }

  TempDir dir_;
};

std::vector<std::string> ids(const Config& c) {
  std::vector<std::string> out;
  for (const auto& p : c.talking_points) out.push_back(p.id);
  return out;
}

TEST_F(TalkingPointsDirTest, EveryTomlFileIsReadInNameOrderAfterTheConfigsOwn) {
  std::filesystem::create_directories(dir_ / "library");
  dir_.write("library/20-pricing.toml", "[[talking_points]]\nid = \"pricing\"\ntext = \"The new price list\"\n");
  dir_.write("library/10-news.toml",
             "[[talking_points]]\nid = \"news\"\ntext = \"Q4 news\"\n\n"
             "[[talking_points]]\nid = \"webinar\"\ntext = \"Join the webinar\"\nowner = \"alice\"\n");
  dir_.write("library/notes.txt", "not a library file");
  dir_.write("library/.10-news.toml.swp", "[[talking_points]]\nid = \"news\"\n");
  auto r = load_config(write_config("library"), k_load_time);
  ASSERT_TRUE(r.ok()) << r.error().front().to_string();
  EXPECT_EQ(r->daemon.talking_points_dir, path("library"));
  EXPECT_THAT(ids(*r), ElementsAre("own", "news", "webinar", "pricing"));
  EXPECT_EQ(r->talking_points[2].file, path("library/10-news.toml"));
  EXPECT_EQ(r->talking_points[2].line, 5);
  EXPECT_EQ(r->talking_points[2].owner, "alice");
  EXPECT_THAT(summarize(*r), ::testing::HasSubstr("talking points: 4 (3 from " + path("library") + ")\n"));
}

TEST_F(TalkingPointsDirTest, ADuplicateIdAcrossFilesNamesWhereItWasFirstUsed) {
  std::filesystem::create_directories(dir_ / "library");
  dir_.write("library/a.toml", "[[talking_points]]\nid = \"news\"\ntext = \"one\"\n");
  dir_.write("library/b.toml",
             "\n[[talking_points]]\nid = \"news\"\ntext = \"two\"\n\n"
             "[[talking_points]]\nid = \"own\"\ntext = \"three\"\n");
  EXPECT_THAT(errors(write_config("library")),
              ElementsAre(path("library/b.toml") +
                              ":3:6: talking_points[0].id: duplicate talking point id 'news': "
                              "first used at " +
                              path("library/a.toml") + ":2",
                          path("library/b.toml") +
                              ":7:6: talking_points[1].id: duplicate talking point id 'own': "
                              "first used at " +
                              path("touchbase.toml") + ":5"));
}

TEST_F(TalkingPointsDirTest, EachBadFileIsReportedWithItsOwnPath) {
  std::filesystem::create_directories(dir_ / "library");
  dir_.write("library/a.toml", "[[talking_points]]\nid = \"a\"\ntext = \"Hi {nmae}\"\nowner = \"bob\"\n");
  dir_.write("library/b.toml", "[[talking_points]\nid = \"b\"\n");
  dir_.write("library/c.toml", "[cadences.extra]\nsteps = [\"1d\"]\n");
  auto found = errors(write_config("library"));
  ASSERT_EQ(found.size(), 4u);
  EXPECT_EQ(found[0], path("library/a.toml") +
                          ":3:12: talking_points[0].text: unknown placeholder '{nmae}'; did you mean 'name'? "
                          "(write {{ and }} for literal braces)");
  EXPECT_EQ(found[1], path("library/a.toml") +
                          ":4:9: talking_points[0].owner: owner 'bob' is not defined: "
                          "expected 'alice'");
  EXPECT_THAT(found[2], ::testing::StartsWith(path("library/b.toml") + ":1:"));
  EXPECT_EQ(found[3], path("library/c.toml") +
                          ":1:2: cadences: unknown key 'cadences' at the top level; expected one of: talking_points");
}

TEST_F(TalkingPointsDirTest, AMissingFolderOrAFileIsAnErrorAtTheKey) {
  EXPECT_THAT(errors(write_config("no-such-folder")),
              ElementsAre(path("touchbase.toml") + ":2:22: daemon.talking_points_dir: cannot read the folder '" +
                          path("no-such-folder") + "': No such file or directory"));
  dir_.write("points.toml", "[[talking_points]]\n");
  EXPECT_THAT(errors(write_config("points.toml")),
              ElementsAre(path("touchbase.toml") + ":2:22: daemon.talking_points_dir: '" + path("points.toml") +
                          "' is not a folder"));
}

}  // namespace
}  // namespace touchbase::testing
