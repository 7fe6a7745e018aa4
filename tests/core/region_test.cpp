// Regions written as ISO 3166-2 codes.
#include "core/region.h"

#include <gtest/gtest.h>

namespace touchbase {
namespace {

TEST(ParseRegion, ACountryOrACountryAndASubdivisionComeBackInCapitals) {
  EXPECT_EQ(parse_region("US").value(), "US");
  EXPECT_EQ(parse_region("us-ny").value(), "US-NY");
  EXPECT_EQ(parse_region("De-Be").value(), "DE-BE");
  EXPECT_EQ(parse_region("FR-75C").value(), "FR-75C");
  EXPECT_EQ(parse_region("ES-M").value(), "ES-M");
}

TEST(ParseRegion, AnythingElseIsADataErrorSayingWhatIsExpected) {
  for (const char* text : {"", "U", "USA", "US-", "US-NYCX", "US_NY", "U1", "12", "US-N Y", "Berlin", " US"}) {
    auto r = parse_region(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.error().code, Errc::data);
    EXPECT_EQ(r.error().message, "'" + std::string(text) +
                                     "' is not a region: expected an ISO 3166-2 code like US, US-NY or DE-BE (a "
                                     "country's two letters, then optionally '-' and up to three letters or digits)");
  }
}

TEST(RegionCountry, IsTheFirstTwoLetters) {
  EXPECT_EQ(region_country("US-NY"), "US");
  EXPECT_EQ(region_country("US"), "US");
}

}  // namespace
}  // namespace touchbase
