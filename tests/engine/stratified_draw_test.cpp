// The round's whole draw: one stratum per center, n from the rule per center, exclusions
// (issue 3; docs/sampling.md §2, §10).
#include "sampling/stratified_draw.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/errors.hpp"
#include "domain/sample_selection.hpp"

namespace sagsaudit {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> cases(const std::string& prefix, int n) {
  std::vector<std::string> out;
  for (int i = n; i >= 1; --i) out.push_back(prefix + std::to_string(1000 + i));
  return out;
}

StratifiedDrawInput input(SampleRule rule) {
  StratifiedDrawInput in;
  in.benefit_type = "kontanthjaelp";
  in.period = "2027-K1";
  in.rule = std::move(rule);
  in.centers = {"jc-nord", "jc-amager", "jc-tom"};
  in.case_numbers = {{"jc-amager", cases("A", 1000)}, {"jc-nord", cases("N", 10)}};
  in.seed = 7;
  return in;
}

StatisticalSampleRule statistical(Likelihood likelihood) {
  return StatisticalSampleRule{*parse_decimal("0.1"), *parse_decimal("0.05"),
                               *parse_decimal("0.90"), likelihood};
}

TEST(StratifiedDraw, EveryCenterGetsAStratumInByteOrder) {
  const auto strata = draw_strata(input(FixedSampleRule{3}));
  ASSERT_EQ(strata.size(), 3u);
  EXPECT_EQ(strata[0].center, "jc-amager");
  EXPECT_EQ(strata[1].center, "jc-nord");
  EXPECT_EQ(strata[2].center, "jc-tom");
  EXPECT_EQ(strata[2].population, 0u);
  EXPECT_TRUE(strata[2].picks.empty());
  // The same as drawing the stratum on its own: the strata do not influence each other.
  EXPECT_EQ(strata[0].picks,
            draw_stratum("kontanthjaelp", "jc-amager", "2027-K1", cases("A", 1000), 3, 7).picks);
}

TEST(StratifiedDraw, StatisticalRulePlansPerCenter) {
  // Binomial: n does not depend on N (t 0.10, e 0.02, c 0.90 gives 38; see `sample plan`).
  StratifiedDrawInput in =
      input(StatisticalSampleRule{*parse_decimal("0.10"), *parse_decimal("0.02"),
                                  *parse_decimal("0.90"), Likelihood::binomial});
  const auto binomial = draw_strata(in);
  EXPECT_EQ(binomial[0].requested, 38u);
  EXPECT_EQ(binomial[0].picks.size(), 38u);
  EXPECT_EQ(binomial[1].requested, 38u);  // more than N = 10: all of them
  EXPECT_TRUE(binomial[1].took_all);
  EXPECT_EQ(binomial[1].picks.size(), 10u);
}

TEST(StratifiedDraw, HypergeometricPlansWithTheCentersNAndTakesAllWhenTooSmall) {
  const auto strata = draw_strata(input(statistical(Likelihood::hypergeometric)));
  EXPECT_EQ(strata[0].requested, 77u);  // N = 1000: as `sample plan … --population 1000`
  // N = 10: ceil(0.05 · 10) = 1 is not below ceil(0.1 · 10) = 1, so no plan; all 10.
  EXPECT_EQ(strata[1].requested, 10u);
  EXPECT_TRUE(strata[1].took_all);
  EXPECT_EQ(strata[1].picks.size(), 10u);
  EXPECT_EQ(strata[2].requested, 0u);
}

TEST(StratifiedDraw, ExcludedCasesAreLeftOutBeforeTheDraw) {
  StratifiedDrawInput in = input(FixedSampleRule{4});
  in.excluded = {"N1003", "N1001", "A1500", "X-not-in-the-file"};
  const auto strata = draw_strata(in);
  EXPECT_EQ(strata[1].listed, 10u);
  EXPECT_EQ(strata[1].excluded, 2u);
  EXPECT_EQ(strata[1].population, 8u);
  EXPECT_THAT(strata[1].excluded_cases, ElementsAre("N1001", "N1003"));
  std::vector<std::string> rest = cases("N", 10);
  std::erase(rest, "N1001");
  std::erase(rest, "N1003");
  EXPECT_EQ(strata[1].picks, draw_stratum("kontanthjaelp", "jc-nord", "2027-K1", rest, 4, 7).picks);
  EXPECT_THAT(strata[0].excluded_cases, ElementsAre("A1500"));
}

TEST(StratifiedDraw, CasesAlreadyInCanonicalOrderGiveTheSameDraw) {
  // The stored population hands its cases over sorted, and draw_strata then skips the sort;
  // the file (verify) hands them over in file order. Both must give the same strata.
  for (bool exclude : {false, true}) {
    StratifiedDrawInput shuffled = input(FixedSampleRule{4});
    if (exclude) shuffled.excluded = {"N1003", "N1001", "A1500"};
    StratifiedDrawInput sorted = shuffled;
    for (auto& [center, numbers] : sorted.case_numbers) std::sort(numbers.begin(), numbers.end());
    const auto from_shuffled = draw_strata(shuffled);
    const auto from_sorted = draw_strata(sorted);
    ASSERT_EQ(from_sorted.size(), from_shuffled.size());
    for (std::size_t i = 0; i < from_sorted.size(); ++i) {
      EXPECT_EQ(from_sorted[i].picks, from_shuffled[i].picks) << from_sorted[i].center;
      EXPECT_EQ(from_sorted[i].excluded_cases, from_shuffled[i].excluded_cases);
      EXPECT_EQ(from_sorted[i].population, from_shuffled[i].population);
      EXPECT_EQ(from_sorted[i].took_all, from_shuffled[i].took_all);
    }
  }
}

TEST(StratifiedDraw, ADuplicateSagsnummerIsRefusedInAnyOrder) {
  StratifiedDrawInput in = input(FixedSampleRule{4});
  in.case_numbers["jc-nord"] = {"N1", "N2", "N2", "N3"};  // ascending, but not strictly
  EXPECT_THROW(draw_strata(in), ValidationError);
}

}  // namespace
}  // namespace sagsaudit
