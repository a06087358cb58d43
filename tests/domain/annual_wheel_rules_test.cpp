#include "domain/annual_wheel_rules.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

AnnualWheel valid_wheel() {
  AnnualWheel w;
  w.source_file = "aarshjul.toml";
  w.centers = {Center{"jc-amager", "Jobcenter Amager", {5, 1}}};
  WheelEntry entry;
  entry.benefit_type = "sygedagpenge";
  entry.name = "Sygedagpenge";
  entry.sample_rule = FixedSampleRule{10};
  entry.position = {9, 1};
  entry.sample_rule_position = {12, 1};
  w.entries = {entry};
  return w;
}

std::vector<std::string> messages(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const auto& issue : issues) out.push_back(issue.field + ": " + issue.message);
  return out;
}

Decimal d(const char* text) { return *parse_decimal(text); }

TEST(AnnualWheelRules, AValidWheelHasNoIssues) { EXPECT_TRUE(check_annual_wheel(valid_wheel()).empty()); }

TEST(Thresholds, BoundsMustBeOrderedPercents) {
  EXPECT_TRUE(check_thresholds({95, 75, {}, {}}, "f").empty());
  EXPECT_TRUE(check_thresholds({100, 0, {}, {}}, "f").empty());
  EXPECT_EQ(messages(check_thresholds({95, 95, {}, {}}, "f")),
            std::vector<std::string>{"trafiklys.gul_min: skal være mindre end groen_min (95 ≥ 95)"});
  EXPECT_EQ(messages(check_thresholds({101, 75, {}, {}}, "f")),
            std::vector<std::string>{
                "trafiklys.groen_min: skal være en procent mellem 0 og 100, ikke 101"});
  EXPECT_EQ(messages(check_thresholds({95, -1, {}, {}}, "f")),
            std::vector<std::string>{
                "trafiklys.gul_min: skal være en procent mellem 0 og 100, ikke -1"});
}

TEST(SampleRules, FixedNeedsAtLeastOneCase) {
  EXPECT_TRUE(check_sample_rule(FixedSampleRule{1}, "f", {}).empty());
  EXPECT_EQ(messages(check_sample_rule(FixedSampleRule{0}, "f", {})),
            std::vector<std::string>{"stikproeve.antal_pr_center: skal være mindst 1"});
}

TEST(SampleRules, PercentWithinBoundsAndMinAtMostMax) {
  EXPECT_TRUE(check_sample_rule(PercentSampleRule{d("5"), 10, 30}, "f", {}).empty());
  EXPECT_TRUE(check_sample_rule(PercentSampleRule{d("100"), 1, 1}, "f", {}).empty());
  EXPECT_EQ(messages(check_sample_rule(PercentSampleRule{d("0"), 10, 30}, "f", {})),
            std::vector<std::string>{"stikproeve.procent: skal være over 0 og højst 100, ikke 0"});
  EXPECT_EQ(messages(check_sample_rule(PercentSampleRule{d("5"), 30, 10}, "f", {})),
            std::vector<std::string>{"stikproeve.maks: skal være mindst min (30)"});
}

TEST(SampleRules, StatisticalRatesAreShares) {
  EXPECT_TRUE(check_sample_rule(StatisticalSampleRule{d("0.05"), d("0.01"), d("0.95")}, "f", {}).empty());
  // An expected count (≥ 1) is not compared with the tolerable rate.
  EXPECT_TRUE(check_sample_rule(StatisticalSampleRule{d("0.05"), d("2"), d("0.95")}, "f", {}).empty());
  EXPECT_EQ(messages(check_sample_rule(StatisticalSampleRule{d("0.05"), d("0.05"), d("0.95")}, "f", {})),
            std::vector<std::string>{"stikproeve.forventede_fejl: en forventet fejlrate (0.05) "
                                     "skal være mindre end den tolerable (0.05)"});
  EXPECT_EQ(check_sample_rule(StatisticalSampleRule{d("1"), d("0"), d("95")}, "f", {}).size(), 2u);
}

TEST(AnnualWheelRules, DuplicateCodesAndBadWindows) {
  AnnualWheel w = valid_wheel();
  w.centers.push_back(Center{"jc-amager", "Igen", {7, 1}});
  w.entries.push_back(w.entries.front());
  w.entries.back().position = {20, 1};
  w.entries.back().window_days = 0;
  w.window_days = 400;
  EXPECT_EQ(messages(check_annual_wheel(w)),
            (std::vector<std::string>{
                "vindue_dage: skal være mellem 1 og 365 dage, ikke 400",
                "center.kode: 'jc-amager' findes allerede (linje 5)",
                "ydelsestype.kode: 'sygedagpenge' findes allerede (linje 9)",
                "ydelsestype.vindue_dage: skal være mellem 1 og 365 dage, ikke 0",
            }));
}

TEST(AnnualWheelRules, NeedsCentersAndTypes) {
  AnnualWheel w = valid_wheel();
  w.centers.clear();
  w.entries.clear();
  EXPECT_EQ(messages(check_annual_wheel(w)),
            (std::vector<std::string>{"center: årshjulet nævner ingen centre",
                                      "ydelsestype: årshjulet nævner ingen ydelsestyper"}));
}

TEST(SampleRules, DescribedInDanish) {
  EXPECT_EQ(describe(FixedSampleRule{10}), "10 pr. center");
  EXPECT_EQ(describe(PercentSampleRule{d("2.5"), 8, 20}), "2,5 % pr. center (min. 8, maks. 20)");
  EXPECT_EQ(describe(StatisticalSampleRule{d("0.1"), d("0.02"), d("0.9"), Likelihood::poisson}),
            "statistisk: tolerabel 10 %, forventet 2 %, konfidens 90 %, poisson");
  EXPECT_EQ(describe(StatisticalSampleRule{d("0.05"), d("1"), d("0.95"), Likelihood::binomial}),
            "statistisk: tolerabel 5 %, forventet 1 fejl, konfidens 95 %, binomial");
}

}  // namespace
}  // namespace sagsaudit
