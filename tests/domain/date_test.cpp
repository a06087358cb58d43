#include "domain/date.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

TEST(Date, ReadsIsoAndDanishForms) {
  EXPECT_EQ(parse_iso_date("2027-03-31"), make_date(2027, 3, 31));
  EXPECT_EQ(parse_danish_date("31-03-2027"), make_date(2027, 3, 31));
  EXPECT_EQ(parse_date("2027-03-31"), make_date(2027, 3, 31));
  EXPECT_EQ(parse_date("31-03-2027"), make_date(2027, 3, 31));
}

TEST(Date, RefusesImpossibleAndMalformedDates) {
  for (const char* text : {"2027-02-29", "2027-13-01", "2027-04-31", "2027-00-10", "27-03-31",
                           "2027/03/31", "31.03.2027", "2027-3-31", "", "2027-03-31 "}) {
    EXPECT_EQ(parse_date(text), std::nullopt) << text;
  }
  EXPECT_EQ(parse_date("29-02-2028"), make_date(2028, 2, 29));  // leap day exists in 2028
}

TEST(Date, WritesBothForms) {
  EXPECT_EQ(to_iso(make_date(2027, 1, 5)), "2027-01-05");
  EXPECT_EQ(to_danish(make_date(2027, 1, 5)), "05-01-2027");
}

TEST(Date, AddsDaysAcrossMonthAndYearEnds) {
  EXPECT_EQ(add_days(make_date(2027, 3, 31), 1), make_date(2027, 4, 1));
  EXPECT_EQ(add_days(make_date(2027, 12, 31), 1), make_date(2028, 1, 1));
  EXPECT_EQ(add_days(make_date(2028, 2, 28), 1), make_date(2028, 2, 29));
  EXPECT_EQ(add_days(make_date(2027, 4, 1), 29), make_date(2027, 4, 30));
}

}  // namespace
}  // namespace sagsaudit
