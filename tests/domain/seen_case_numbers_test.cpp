// The duplicate check of population files (domain/seen_case_numbers.hpp): the same answers
// whether the numbers come in ascending order (the list) or not (the hash map), and across the
// switch from one to the other.
#include "domain/seen_case_numbers.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

TEST(SeenCaseNumbers, AscendingNumbersAreNew) {
  SeenCaseNumbers seen;
  seen.reserve(3);
  EXPECT_EQ(seen.add("S-1", 2), std::nullopt);
  EXPECT_EQ(seen.add("S-10", 3), std::nullopt);
  EXPECT_EQ(seen.add("S-2", 4), std::nullopt);  // byte order: "S-10" < "S-2"
  EXPECT_EQ(seen.size(), 3u);
}

TEST(SeenCaseNumbers, ARepeatRightAfterItselfNamesItsFirstLine) {
  SeenCaseNumbers seen;
  EXPECT_EQ(seen.add("S-1", 2), std::nullopt);
  EXPECT_EQ(seen.add("S-1", 3), 2);
  EXPECT_EQ(seen.add("S-1", 4), 2);  // still the first line, not the last
  EXPECT_EQ(seen.size(), 1u);
}

TEST(SeenCaseNumbers, ARepeatOfAnEarlierNumberIsFoundAfterTheOrderBreaks) {
  SeenCaseNumbers seen;
  EXPECT_EQ(seen.add("S-1", 2), std::nullopt);
  EXPECT_EQ(seen.add("S-3", 3), std::nullopt);
  EXPECT_EQ(seen.add("S-5", 4), std::nullopt);
  EXPECT_EQ(seen.add("S-4", 5), std::nullopt);  // out of order, new
  EXPECT_EQ(seen.add("S-3", 6), 3);
  EXPECT_EQ(seen.add("S-6", 7), std::nullopt);  // ascending again, still checked in full
  EXPECT_EQ(seen.add("S-1", 8), 2);
  EXPECT_EQ(seen.add("S-4", 9), 5);
  EXPECT_EQ(seen.size(), 5u);
}

TEST(SeenCaseNumbers, DescendingNumbersAreNewAndRepeatsAreFound) {
  SeenCaseNumbers seen;
  seen.reserve(1);  // too small an estimate changes nothing
  for (int i = 9; i >= 1; --i) {
    EXPECT_EQ(seen.add("S-" + std::to_string(i), 10 - i), std::nullopt) << i;
  }
  EXPECT_EQ(seen.add("S-9", 20), 1);
  EXPECT_EQ(seen.add("S-1", 21), 9);
  EXPECT_EQ(seen.size(), 9u);
}

TEST(SeenCaseNumbers, TheEmptyNumberIsANumberLikeAnyOther) {
  // check_row never passes an empty sagsnummer; the record does not depend on that.
  SeenCaseNumbers seen;
  EXPECT_EQ(seen.add("", 2), std::nullopt);
  EXPECT_EQ(seen.add("", 3), 2);
}

}  // namespace
}  // namespace sagsaudit
