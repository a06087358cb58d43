#include "domain/period.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

TEST(Period, ParsesTheThreeForms) {
  EXPECT_EQ(parse_period("2027-K1"), (Period{2027, Frequency::quarterly, 1}));
  EXPECT_EQ(parse_period("2027-K4"), (Period{2027, Frequency::quarterly, 4}));
  EXPECT_EQ(parse_period("2027-H2"), (Period{2027, Frequency::half_yearly, 2}));
  EXPECT_EQ(parse_period("2027"), (Period{2027, Frequency::yearly, 1}));
}

TEST(Period, RefusesWhatIsNotAPeriod) {
  for (const char* text : {"", "27", "2027-K0", "2027-K5", "2027-H3", "2027-Q1", "2027K1",
                           "2027-k1", "2027-K12", "1899", "abcd", "2027-", " 2027"}) {
    EXPECT_EQ(parse_period(text), std::nullopt) << text;
  }
}

TEST(Period, WritesWhatItReads) {
  for (const char* text : {"2027-K1", "2027-K3", "2027-H1", "2027-H2", "2027"}) {
    EXPECT_EQ(parse_period(text)->to_string(), text);
  }
}

TEST(Period, QuartersCoverTheirMonths) {
  EXPECT_EQ(to_iso(parse_period("2027-K1")->first_day()), "2027-01-01");
  EXPECT_EQ(to_iso(parse_period("2027-K1")->last_day()), "2027-03-31");
  EXPECT_EQ(to_iso(parse_period("2027-K2")->last_day()), "2027-06-30");
  EXPECT_EQ(to_iso(parse_period("2027-K3")->first_day()), "2027-07-01");
  EXPECT_EQ(to_iso(parse_period("2027-K4")->last_day()), "2027-12-31");
}

TEST(Period, HalvesAndYears) {
  EXPECT_EQ(to_iso(parse_period("2027-H1")->last_day()), "2027-06-30");
  EXPECT_EQ(to_iso(parse_period("2027-H2")->first_day()), "2027-07-01");
  EXPECT_EQ(to_iso(parse_period("2028")->first_day()), "2028-01-01");
  EXPECT_EQ(to_iso(parse_period("2028")->last_day()), "2028-12-31");
}

TEST(Period, ContainsItsFirstAndLastDayOnly) {
  const Period q1 = *parse_period("2028-K1");
  EXPECT_TRUE(q1.contains(make_date(2028, 1, 1)));
  EXPECT_TRUE(q1.contains(make_date(2028, 2, 29)));  // leap year
  EXPECT_TRUE(q1.contains(make_date(2028, 3, 31)));
  EXPECT_FALSE(q1.contains(make_date(2027, 12, 31)));
  EXPECT_FALSE(q1.contains(make_date(2028, 4, 1)));
}

TEST(Period, PeriodsOfYearInCalendarOrder) {
  const auto quarters = periods_of_year(2027, Frequency::quarterly);
  ASSERT_EQ(quarters.size(), 4u);
  EXPECT_EQ(quarters[0].to_string(), "2027-K1");
  EXPECT_EQ(quarters[3].to_string(), "2027-K4");
  EXPECT_EQ(periods_of_year(2027, Frequency::half_yearly).size(), 2u);
  EXPECT_EQ(periods_of_year(2027, Frequency::yearly).front().to_string(), "2027");
}

}  // namespace
}  // namespace sagsaudit
