#include "domain/agreement_table.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

TEST(AgreementTable, CountsPairsIntoRowsOfTheFirstAndColumnsOfTheSecond) {
  const std::vector<RatingPair> pairs = {
      {"korrekt", "korrekt"}, {"korrekt", "fejl"},          {"fejl", "fejl"},
      {"korrekt", "korrekt"}, {"fejl", "korrekt"},          {"korrekt", "korrekt"},
      {"fejl", "fejl"},       {"ikke relevant", "korrekt"}, {"korrekt", "kan ikke vurderes"},
  };
  const AgreementTable t = tabulate_agreement({"korrekt", "fejl"}, pairs);
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t.counts, (std::vector<std::vector<std::int64_t>>{{3, 1}, {1, 2}}));
  EXPECT_EQ(t.excluded, 2);  // ikke relevant / kan ikke vurderes on either side
  EXPECT_EQ(t.total(), 7);
  EXPECT_EQ(t.agreements(), 5);
  EXPECT_EQ(t.row_total(0), 4);
  EXPECT_EQ(t.column_total(0), 4);
  EXPECT_EQ(t.row_total(1), 3);
  EXPECT_EQ(t.column_total(1), 3);
}

TEST(AgreementTable, AnyNumberOfCategoriesInTheGivenOrder) {
  const std::vector<RatingPair> pairs = {{"c", "a"}, {"b", "b"}, {"a", "c"}, {"c", "c"}};
  const AgreementTable t = tabulate_agreement({"c", "b", "a"}, pairs);
  EXPECT_EQ(t.counts, (std::vector<std::vector<std::int64_t>>{{1, 0, 1}, {0, 1, 0}, {1, 0, 0}}));
  EXPECT_EQ(t.excluded, 0);
}

TEST(AgreementTable, RefusesFewerThanTwoOrRepeatedCategories) {
  EXPECT_THROW(tabulate_agreement({"korrekt"}, {}), ValidationError);
  EXPECT_THROW(tabulate_agreement({"korrekt", "fejl", "korrekt"}, {}), ValidationError);
}

TEST(AgreementTable, FromCountsMustBeSquareAndNonNegative) {
  EXPECT_NO_THROW(make_agreement_table({"a", "b"}, {{1, 2}, {3, 4}}));
  EXPECT_THROW(make_agreement_table({"a", "b"}, {{1, 2}}), ValidationError);
  EXPECT_THROW(make_agreement_table({"a", "b"}, {{1, 2}, {3}}), ValidationError);
  EXPECT_THROW(make_agreement_table({"a", "b"}, {{1, -2}, {3, 4}}), ValidationError);
  try {
    make_agreement_table({"a", "b"}, {{1, 2}, {3}});
    FAIL();
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].field, "counts");
  }
}

}  // namespace
}  // namespace sagsaudit
