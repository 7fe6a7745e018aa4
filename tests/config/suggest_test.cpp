#include "config/suggest.h"

#include <gtest/gtest.h>

namespace touchbase::config_detail {
namespace {

TEST(EditDistance, ASwapOfAdjacentLettersIsOneEdit) {
  EXPECT_EQ(edit_distance("stpes", "steps"), 1u);
  EXPECT_EQ(edit_distance("steps", "steps"), 0u);
  EXPECT_EQ(edit_distance("step", "steps"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(EditDistance, IgnoresCase) {
  EXPECT_EQ(edit_distance("Steps", "steps"), 0u);
}

TEST(Nearest, ATypoFindsTheIntendedKey) {
  std::vector<std::string> keys = {"steps", "repeat", "business_days", "min_gap"};
  EXPECT_EQ(nearest("stpes", keys), "steps");
  EXPECT_EQ(nearest("busines_days", keys), "business_days");
  EXPECT_EQ(did_you_mean("repaet", keys), "; did you mean 'repeat'?");
}

TEST(Nearest, AnUnrelatedWordFindsNothing) {
  std::vector<std::string> keys = {"steps", "repeat", "to"};
  EXPECT_EQ(nearest("colour", keys), std::nullopt);
  EXPECT_EQ(nearest("xy", keys), std::nullopt);  // two edits from "to", which has only two letters
  EXPECT_EQ(did_you_mean("colour", keys), "");
  EXPECT_EQ(nearest("steps", {}), std::nullopt);
}

TEST(OneOf, ListsWithCommasAndOr) {
  EXPECT_EQ(one_of({"a"}), "a");
  EXPECT_EQ(one_of({"a", "b"}), "a or b");
  EXPECT_EQ(one_of({"a", "b", "c"}), "a, b or c");
}

}  // namespace
}  // namespace touchbase::config_detail
