#include "domain/cpr.hpp"

#include <gtest/gtest.h>

#include <string>

namespace sagsaudit {
namespace {

// Every number here is fictitious: round serials (0000, 4000, 5000, 9000 …) picked only to steer
// the century rule. No real person's CPR number belongs in a test.

constexpr const char* form_error = "ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)";
constexpr const char* date_error = "ugyldig dato i CPR-nummer";

// The old modulus-11 rule (weights 4 3 2 7 6 5 4 3 2 1), only to show that parse_cpr ignores it.
bool passes_modulus_11(const std::string& digits10) {
  static const int weights[] = {4, 3, 2, 7, 6, 5, 4, 3, 2, 1};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += (digits10[static_cast<std::size_t>(i)] - '0') * weights[i];
  return sum % 11 == 0;
}

TEST(Cpr, AcceptsBothWrittenFormsAsTheSameDigits) {
  const auto dashed = parse_cpr("010180-4000");
  const auto plain = parse_cpr("0101804000");
  ASSERT_TRUE(dashed) << dashed.error;
  ASSERT_TRUE(plain) << plain.error;
  EXPECT_EQ(dashed.cpr->digits10, "0101804000");
  EXPECT_EQ(plain.cpr->digits10, "0101804000");
  EXPECT_TRUE(dashed.error.empty());
}

TEST(Cpr, RefusesOtherFormsWithoutRepeatingTheNumber) {
  for (const char* text :
       {"", "010180-400", "010180-40000", "01018-04000", "010180 4000", "010180/4000",
        "0101804000 ", " 0101804000", "01-01-80-4000", "a10180-4000", "010180-400x",
        "010180–4000" /* en dash */, "01018040000", "+101804000"}) {
    const auto result = parse_cpr(text);
    EXPECT_FALSE(result) << text;
    EXPECT_FALSE(result.cpr.has_value()) << text;
    EXPECT_EQ(result.error, form_error) << text;
  }
}

TEST(Cpr, RefusesDatesThatDoNotExist) {
  for (const char* text : {"000180-4000", "320180-4000", "010080-4000", "011380-4000",
                           "310480-4000", "300280-4000", "999999-9999"}) {
    const auto result = parse_cpr(text);
    EXPECT_FALSE(result) << text;
    EXPECT_EQ(result.error, date_error) << text;
  }
}

// 29 February exists only in leap years, and which year ÅÅ means depends on the 7th digit.
TEST(Cpr, LeapDayFollowsTheCenturyOfTheSeventhDigit) {
  struct Case {
    const char* text;
    bool valid;
    const char* why;
  };
  for (const Case& c : {
           Case{"290200-0000", false, "0: 1900, not a leap year"},
           Case{"290200-3000", false, "3: 1900"},
           Case{"290200-4000", true, "4 and ÅÅ ≤ 36: 2000, a leap year"},
           Case{"290200-5000", true, "5 and ÅÅ ≤ 57: 2000"},
           Case{"290200-9000", true, "9 and ÅÅ ≤ 36: 2000"},
           Case{"290296-0000", true, "0: 1996"},
           Case{"290296-4000", true, "4 and ÅÅ > 36: 1996"},
           Case{"290296-5000", true, "5 and ÅÅ > 57: 1896, a leap year"},
           Case{"290297-0000", false, "1997"},
           Case{"290236-4000", true, "4: 2036, a leap year"},
           Case{"290237-4000", false, "4 and ÅÅ > 36: 1937"},
           Case{"290256-8000", true, "8 and ÅÅ ≤ 57: 2056, a leap year"},
           Case{"290258-8000", false, "8 and ÅÅ > 57: 1858"},
           Case{"290260-6000", true, "6 and ÅÅ > 57: 1860, a leap year"},
       }) {
    const auto result = parse_cpr(c.text);
    EXPECT_EQ(static_cast<bool>(result), c.valid) << c.text << " (" << c.why << ")";
    if (!c.valid) {
      EXPECT_EQ(result.error, date_error) << c.text;
    }
  }
}

TEST(Cpr, BirthDateUsesTheCenturyTable) {
  struct Case {
    const char* text;
    int year;
  };
  for (const Case& c :
       {Case{"010100-0000", 1900}, Case{"010199-3000", 1999}, Case{"010136-4000", 2036},
        Case{"010137-4000", 1937}, Case{"010136-9000", 2036}, Case{"010137-9000", 1937},
        Case{"010157-5000", 2057}, Case{"010158-5000", 1858}, Case{"010100-8000", 2000},
        Case{"010199-8000", 1899}}) {
    const auto result = parse_cpr(c.text);
    ASSERT_TRUE(result) << c.text;
    EXPECT_EQ(birth_date(*result.cpr), make_date(c.year, 1, 1)) << c.text;
  }
  EXPECT_EQ(birth_date(*parse_cpr("290296-5000").cpr), make_date(1896, 2, 29));
  EXPECT_EQ(birth_date(*parse_cpr("311280-4000").cpr), make_date(1980, 12, 31));
}

TEST(Cpr, MasksTheSerial) {
  EXPECT_EQ(masked(*parse_cpr("010180-4000").cpr), "010180-xxxx");
  EXPECT_EQ(masked(*parse_cpr("0101804000").cpr), "010180-xxxx");
}

// Since 2007 the CPR office issues numbers that fail modulus 11; they are real and must pass.
// 010180-0000: 0·4 + 1·3 + 0·2 + 1·7 + 8·6 + 0·5 + 0·4 + 0·3 + 0·2 + 0·1 = 58, 58 mod 11 = 3.
TEST(Cpr, DoesNotApplyTheModulus11Check) {
  ASSERT_FALSE(passes_modulus_11("0101800000"));
  const auto result = parse_cpr("010180-0000");
  ASSERT_TRUE(result) << result.error;
  EXPECT_EQ(masked(*result.cpr), "010180-xxxx");
}

}  // namespace
}  // namespace sagsaudit
