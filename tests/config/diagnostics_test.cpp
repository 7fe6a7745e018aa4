#include "config/diagnostics.h"

#include <gtest/gtest.h>

namespace touchbase::config_detail {
namespace {

TEST(ConfigErrorToString, FileLineColumnKeyMessage) {
  ConfigError e{"touchbase.toml", 12, 9, "cadences.prospect.steps[1]", "a step must be longer than 0s"};
  EXPECT_EQ(e.to_string(), "touchbase.toml:12:9: cadences.prospect.steps[1]: a step must be longer than 0s");
}

TEST(ConfigErrorToString, WithoutPositionOrKey) {
  EXPECT_EQ((ConfigError{"t.toml", 0, 0, "owners", "at least one owner is required"}).to_string(),
            "t.toml: owners: at least one owner is required");
  EXPECT_EQ((ConfigError{"t.toml", 3, 5, "", "syntax"}).to_string(), "t.toml:3:5: syntax");
}

TEST(Diagnostics, ErrorsComeInFileOrderAndThoseWithoutPositionLast) {
  Diagnostics d("t.toml");
  d.error({}, "owners", "none");
  d.error({7, 3}, "b", "second");
  d.error({2, 9}, "a", "first");
  d.error({7, 1}, "c", "between");
  EXPECT_TRUE(d.has_errors());
  auto errors = std::move(d).take();
  ASSERT_EQ(errors.size(), 4u);
  EXPECT_EQ(errors[0].to_string(), "t.toml:2:9: a: first");
  EXPECT_EQ(errors[1].to_string(), "t.toml:7:1: c: between");
  EXPECT_EQ(errors[2].to_string(), "t.toml:7:3: b: second");
  EXPECT_EQ(errors[3].to_string(), "t.toml: owners: none");
}

}  // namespace
}  // namespace touchbase::config_detail
