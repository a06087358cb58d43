#include "domain/decimal.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

TEST(Decimal, KeepsTheNumberAsWritten) {
  EXPECT_EQ(parse_decimal("0.05")->numerator, 5);
  EXPECT_EQ(parse_decimal("0.05")->denominator, 100);
  EXPECT_EQ(parse_decimal("0.050")->to_string(), "0.05");
  EXPECT_EQ(parse_decimal("3")->to_string(), "3");
  EXPECT_EQ(parse_decimal("2.5")->to_string(), "2.5");
  EXPECT_EQ(parse_decimal("-1.25")->to_string(), "-1.25");
  EXPECT_EQ(parse_decimal("0.000001")->to_string(), "0.000001");
}

TEST(Decimal, RefusesWhatIsNotADecimal) {
  for (const char* text : {"", "-", ".", "1.", ".5", "1e-2", "0,05", "1.2.3", " 1", "abc",
                           "1234567890123456789"}) {
    EXPECT_EQ(parse_decimal(text), std::nullopt) << text;
  }
}

TEST(Decimal, ComparesExactly) {
  EXPECT_EQ(*parse_decimal("0.1"), *parse_decimal("0.10"));
  EXPECT_LT(*parse_decimal("0.05"), *parse_decimal("0.1"));
  EXPECT_FALSE(*parse_decimal("0.1") < *parse_decimal("0.1"));
  EXPECT_LE(*parse_decimal("0.1"), *parse_decimal("0.1"));
  EXPECT_LT(*parse_decimal("-2"), decimal_from_int(1));
}

}  // namespace
}  // namespace sagsaudit
