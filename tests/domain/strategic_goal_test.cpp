#include "domain/strategic_goal.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sagsaudit {
namespace {

StrategicGoal halve(int baseline_year = 2026, int target_year = 2028) {
  return StrategicGoal{baseline_year, target_year, *parse_decimal("0.5")};
}

std::vector<std::string> fields(const std::vector<Issue>& issues) {
  std::vector<std::string> out;
  for (const Issue& issue : issues) out.push_back(issue.field);
  return out;
}

TEST(StrategicGoal, ValidGoals) {
  EXPECT_TRUE(check_strategic_goal(halve()).empty());
  EXPECT_TRUE(check_strategic_goal({2011, 2015, *parse_decimal("1")}).empty());
  EXPECT_TRUE(check_strategic_goal({2026, 2027, *parse_decimal("0.001")}).empty());
}

TEST(StrategicGoal, RefusesImpossibleGoals) {
  EXPECT_EQ(fields(check_strategic_goal({2026, 2026, *parse_decimal("0.5")})),
            (std::vector<std::string>{"maalaar"}));
  EXPECT_EQ(check_strategic_goal({2026, 2025, *parse_decimal("0.5")})[0].message,
            "målåret (2025) skal ligge efter basisåret (2026)");
  EXPECT_EQ(fields(check_strategic_goal({26, 2028, *parse_decimal("0.5")})),
            (std::vector<std::string>{"basisaar"}));
  EXPECT_EQ(fields(check_strategic_goal({2026, 10000, *parse_decimal("0.5")})),
            (std::vector<std::string>{"maalaar"}));
  for (const char* reduction : {"0", "-0.5", "1.01", "2"}) {
    const auto issues = check_strategic_goal({2026, 2028, *parse_decimal(reduction)});
    ASSERT_EQ(fields(issues), (std::vector<std::string>{"reduktion"})) << reduction;
    EXPECT_EQ(issues[0].message, std::string("reduktionen skal være større end 0 og højst 1 "
                                             "(0.5 = halvering), ikke ") +
                                     reduction);
  }
  EXPECT_EQ(check_strategic_goal({0, 0, *parse_decimal("0")}).size(), 3u);
  EXPECT_THROW(goal_status({2026, 2026, *parse_decimal("0.5")}, {1, 10}, {1, 10}), ValidationError);
}

TEST(StrategicGoal, HalvingFromTwentyPercent) {
  const Proportion baseline{20, 100};  // 20 % errors in the baseline year: target 10 %
  struct Case {
    Proportion current;
    bool reached;
    Fraction progress;
  };
  for (const Case& c : {Case{{20, 100}, false, {0, 1}},   // still at the baseline
                        Case{{15, 100}, false, {1, 2}},   // half-way
                        Case{{10, 100}, true, {1, 1}},    // exactly at the target
                        Case{{5, 100}, true, {3, 2}},     // beyond it
                        Case{{25, 100}, false, {-1, 2}},  // worse than the baseline
                        Case{{1, 9}, false, {8, 9}}}) {   // 11.1 %: (1/5 − 1/9) / (1/10)
    const GoalStatus s = goal_status(halve(), baseline, c.current);
    EXPECT_EQ(s.baseline, baseline);
    EXPECT_EQ(s.current, c.current);
    EXPECT_EQ(s.target, (Fraction{1, 10}));
    EXPECT_EQ(s.reached, c.reached) << c.current.part << "/" << c.current.whole;
    EXPECT_EQ(s.progress, c.progress) << c.current.part << "/" << c.current.whole;
  }
}

TEST(StrategicGoal, TargetIsExactForAnyReduction) {
  // 7 errors of 30 answered, reduced by a third: 7/30 · 2/3 = 7/45.
  const StrategicGoal goal{2026, 2029, *parse_decimal("0.333")};
  const GoalStatus s = goal_status(goal, {7, 30}, {5, 30});
  EXPECT_EQ(s.target, (Fraction{7 * 667, 30 * 1000}));
  EXPECT_EQ(s.reached, false);  // 1/6 = 0.1667 > 0.15563
  // (7/30 − 5/30) / (7/30 · 0.333) = (2/30) / (2331/30000) = 2000/2331
  EXPECT_EQ(s.progress, (Fraction{2000, 2331}));
}

TEST(StrategicGoal, MissingData) {
  GoalStatus s = goal_status(halve(), {0, 0}, {1, 10});
  EXPECT_EQ(s.target, std::nullopt);
  EXPECT_EQ(s.reached, std::nullopt);
  EXPECT_EQ(s.progress, std::nullopt);
  s = goal_status(halve(), {2, 10}, {0, 0});
  EXPECT_EQ(s.target, (Fraction{1, 10}));
  EXPECT_EQ(s.reached, std::nullopt);
  EXPECT_EQ(s.progress, std::nullopt);
}

TEST(StrategicGoal, BaselineWithoutErrors) {
  // Nothing to reduce: the target is 0, reached only while there are still no errors.
  GoalStatus s = goal_status(halve(), {0, 50}, {0, 40});
  EXPECT_EQ(s.target, (Fraction{0, 1}));
  EXPECT_EQ(s.reached, true);
  EXPECT_EQ(s.progress, std::nullopt);
  s = goal_status(halve(), {0, 50}, {1, 40});
  EXPECT_EQ(s.reached, false);
  EXPECT_EQ(s.progress, std::nullopt);
}

TEST(StrategicGoal, FromTalliesOfAYear) {
  // The usual call: the forvaltning's overall error share in the baseline year and now.
  AnswerCounts baseline{160, 40, 10, 10};
  AnswerCounts now{170, 20, 5, 10};
  const GoalStatus apart =
      goal_status(halve(), error_share(baseline, false), error_share(now, false));
  EXPECT_EQ(apart.target, (Fraction{1, 10}));     // 40/200 halved
  EXPECT_EQ(apart.reached, false);                // 20/190 = 10.5 %
  EXPECT_EQ(apart.progress, (Fraction{18, 19}));  // (1/5 − 2/19) / (1/10)
  const GoalStatus as_error =
      goal_status(halve(), error_share(baseline, true), error_share(now, true));
  EXPECT_EQ(as_error.target, (Fraction{5, 42}));  // 50/210 halved
  EXPECT_EQ(as_error.reached, false);             // 30/200 = 15 %
}

}  // namespace
}  // namespace sagsaudit
