#include "exchange/json_records.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace touchbase {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ReadJsonRecords, OneObjectPerLineBecomesAHeaderAndRowsNumberedByLine) {
  auto r = read_json_records(R"({"id":"a","tags":["x","y"],"value":12.5}

{"id":"b","paused_until":null,"vip":true}
)");
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_THAT((*r)[0].fields, ElementsAre("id", "tags", "value", "paused_until", "vip"));
  EXPECT_EQ((*r)[1].row, 1);
  EXPECT_THAT((*r)[1].fields, ElementsAre("a", "x,y", "12.5", "", ""));
  EXPECT_EQ((*r)[2].row, 3);
  EXPECT_THAT((*r)[2].fields, ElementsAre("b", "", "", "", "true"));
}

TEST(ReadJsonRecords, AnArrayOfObjectsIsReadToo) {
  auto r = read_json_records(R"([{"id":"a"},{"id":"b"}])");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[2].fields[0], "b");
}

TEST(ReadJsonRecords, ALineThatIsNotAnObjectIsNamed) {
  auto broken = read_json_records("{\"id\":\"a\"}\n{\"id\":\n");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, Errc::data);
  EXPECT_THAT(broken.error().message, HasSubstr("line 2: malformed JSON"));
  auto scalar = read_json_records("{\"id\":\"a\"}\n42\n");
  ASSERT_FALSE(scalar.ok());
  EXPECT_THAT(scalar.error().message, HasSubstr("row 2: expected a JSON object"));
}

}  // namespace
}  // namespace touchbase
