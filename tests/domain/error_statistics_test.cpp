#include "domain/error_statistics.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace sagsaudit {
namespace {

AnswerCounts counts(std::int64_t correct, std::int64_t error, std::int64_t not_applicable,
                    std::int64_t not_assessable) {
  return AnswerCounts{correct, error, not_applicable, not_assessable};
}

Period quarter(int year, int index) {
  return Period{year, Frequency::quarterly, index};
}

// A tally with only control rows; rankings and trends read nothing else of it.
Tally controls_tally(std::vector<ControlTally> controls) {
  Tally t;
  t.controls = std::move(controls);
  for (const ControlTally& c : t.controls) {
    t.category(c.category).answers += c.answers;
    t.overall.answers += c.answers;
  }
  return t;
}

// The concept order is A, B, C, D, E, F.
Tally ranking_tally() {
  return controls_tally({
      {"A", Category::key_control, counts(3, 1, 0, 0)},   // 1/4
      {"B", Category::key_control, counts(6, 2, 0, 0)},   // 2/8: ties with A, comes after it
      {"C", Category::quality_goal, counts(1, 1, 0, 0)},  // 1/2
      {"D", Category::formality, counts(5, 0, 0, 0)},     // 0/5
      {"E", Category::formality, counts(0, 0, 3, 0)},     // no data
      {"F", Category::formality, counts(2, 0, 0, 2)},     // 0/2, or 2/4 when X counts as fejl
  });
}

std::vector<std::string> order(const std::vector<ControlErrorRow>& rows) {
  std::vector<std::string> ids;
  for (const auto& row : rows) ids.push_back(row.control_id);
  return ids;
}

std::vector<std::optional<int>> ranks(const std::vector<ControlErrorRow>& rows) {
  std::vector<std::optional<int>> out;
  for (const auto& row : rows) out.push_back(row.rank);
  return out;
}

TEST(Periods, PeriodBefore) {
  EXPECT_EQ(period_before(quarter(2027, 3)), quarter(2027, 2));
  EXPECT_EQ(period_before(quarter(2027, 1)), quarter(2026, 4));
  EXPECT_EQ(period_before((Period{2027, Frequency::half_yearly, 1})),
            (Period{2026, Frequency::half_yearly, 2}));
  EXPECT_EQ(period_before((Period{2027, Frequency::half_yearly, 2})),
            (Period{2027, Frequency::half_yearly, 1}));
  EXPECT_EQ(period_before((Period{2027, Frequency::yearly, 1})),
            (Period{2026, Frequency::yearly, 1}));
}

TEST(Periods, EightEndingWith) {
  const auto periods = periods_ending_with(quarter(2027, 2), 8);
  std::vector<std::string> texts;
  for (const Period& p : periods) texts.push_back(p.to_string());
  EXPECT_EQ(texts, (std::vector<std::string>{"2025-K3", "2025-K4", "2026-K1", "2026-K2", "2026-K3",
                                             "2026-K4", "2027-K1", "2027-K2"}));
  EXPECT_EQ(periods_ending_with(quarter(2027, 2), 1).size(), 1u);
  EXPECT_THROW(periods_ending_with(quarter(2027, 2), 0), std::invalid_argument);
}

TEST(ErrorStatistics, RankedByErrorShareTiesInConceptOrder) {
  const auto rows = rank_controls_by_error_share({quarter(2027, 1), ranking_tally(), false});
  EXPECT_EQ(order(rows), (std::vector<std::string>{"C", "A", "B", "D", "F", "E"}));
  EXPECT_EQ(ranks(rows), (std::vector<std::optional<int>>{1, 2, 3, 4, 5, std::nullopt}));
  EXPECT_EQ(rows[0].error_share, (Proportion{1, 2}));
  EXPECT_EQ(rows[0].percent, 50);
  EXPECT_EQ(rows[0].category, Category::quality_goal);
  EXPECT_EQ(rows[2].error_share, (Proportion{2, 8}));
  EXPECT_EQ(rows[2].percent, 25);
  EXPECT_EQ(rows[5].percent, std::nullopt);
  EXPECT_EQ(rows[0].previous, std::nullopt);  // no previous period given
  EXPECT_EQ(rows[0].change_points, std::nullopt);
}

TEST(ErrorStatistics, KanIkkeVurderesAsErrorMovesTheRanking) {
  const auto rows = rank_controls_by_error_share({quarter(2027, 1), ranking_tally(), true});
  EXPECT_EQ(order(rows), (std::vector<std::string>{"C", "F", "A", "B", "D", "E"}));
  EXPECT_EQ(rows[1].error_share, (Proportion{2, 4}));
}

TEST(ErrorStatistics, ChangeAgainstThePreviousPeriodInExactPoints) {
  const PeriodTally current{quarter(2027, 2),
                            controls_tally({
                                {"A", Category::key_control, counts(3, 1, 0, 0)},
                                {"B", Category::key_control, counts(2, 1, 0, 0)},
                                {"C", Category::quality_goal, counts(1, 1, 0, 0)},
                                {"D", Category::formality, counts(5, 0, 0, 0)},
                            }),
                            false};
  const PeriodTally previous{quarter(2027, 1),
                             controls_tally({
                                 {"A", Category::key_control, counts(3, 0, 0, 0)},
                                 {"B", Category::key_control, counts(5, 1, 0, 0)},
                                 {"C", Category::quality_goal, counts(1, 3, 0, 0)},
                                 {"D", Category::formality, counts(0, 0, 1, 0)},
                             }),
                             false};
  const auto rows = rank_controls_by_error_share(current, &previous);
  EXPECT_EQ(order(rows), (std::vector<std::string>{"C", "B", "A", "D"}));
  // C: 1/2 now, 3/4 before: −25 points.
  EXPECT_EQ(rows[0].previous, (Proportion{3, 4}));
  EXPECT_EQ(rows[0].previous_percent, 75);
  EXPECT_EQ(rows[0].change_points, (Fraction{-25, 1}));
  EXPECT_EQ(rows[0].shown_change_points, -25);
  // B: 1/3 now (33 %), 1/6 before (17 %): exactly 50/3 = 16.67 points, shown as 33 − 17 = 16.
  EXPECT_EQ(rows[1].change_points, (Fraction{50, 3}));
  EXPECT_EQ(rows[1].shown_change_points, 16);
  // A: 1/4 now, 0/3 before: +25.
  EXPECT_EQ(rows[2].change_points, (Fraction{25, 1}));
  // D: present before but with no counted answer: no change.
  EXPECT_EQ(rows[3].previous, (Proportion{0, 0}));
  EXPECT_EQ(rows[3].previous_percent, std::nullopt);
  EXPECT_EQ(rows[3].change_points, std::nullopt);
  EXPECT_EQ(rows[3].shown_change_points, std::nullopt);
}

TEST(ErrorStatistics, PreviousPeriodUsesItsOwnRuleAndMatchesById) {
  const PeriodTally current{quarter(2027, 2),
                            controls_tally({{"A", Category::key_control, counts(9, 1, 0, 0)},
                                            {"NEW", Category::formality, counts(1, 0, 0, 0)}}),
                            false};
  const PeriodTally previous{
      quarter(2027, 1), controls_tally({{"A", Category::key_control, counts(8, 1, 0, 1)}}), true};
  const auto rows = rank_controls_by_error_share(current, &previous);
  ASSERT_EQ(order(rows), (std::vector<std::string>{"A", "NEW"}));
  EXPECT_EQ(rows[0].previous, (Proportion{2, 10}));  // kan ikke vurderes counted as fejl then
  EXPECT_EQ(rows[0].change_points, (Fraction{-10, 1}));
  EXPECT_EQ(rows[1].previous, std::nullopt);  // not in the previous concept
}

TEST(ErrorStatistics, ChangeInPoints) {
  EXPECT_EQ(change_in_points({1, 3}, {1, 6}), (Fraction{50, 3}));
  EXPECT_EQ(change_in_points({0, 5}, {0, 7}), (Fraction{0, 1}));
  EXPECT_EQ(change_in_points({1, 3}, {0, 0}), std::nullopt);
  EXPECT_EQ(change_in_points({0, 0}, {1, 3}), std::nullopt);
  EXPECT_EQ(as_fraction({2, 8}), (Fraction{1, 4}));
  EXPECT_EQ(as_fraction({0, 0}), (Fraction{0, 1}));
}

TEST(ErrorTrend, EightPeriodsWithGapsAndEachPeriodsRule) {
  const std::vector<PeriodTally> history = {
      {quarter(2027, 1),
       controls_tally({{"A", Category::key_control, counts(1, 1, 0, 2)},
                       {"B", Category::formality, counts(3, 1, 0, 0)}}),
       true},
      {quarter(2027, 2),
       controls_tally({{"A", Category::key_control, counts(3, 1, 0, 2)},
                       {"B", Category::formality, counts(4, 0, 0, 0)}}),
       false},
      {quarter(2025, 3),
       controls_tally({{"OLD", Category::quality_goal, counts(1, 1, 0, 0)},
                       {"A", Category::key_control, counts(0, 2, 0, 0)}}),
       false},
      // Outside the eight periods, or of another frequency: ignored.
      {quarter(2025, 2), controls_tally({{"X", Category::formality, counts(0, 1, 0, 0)}}), false},
      {Period{2027, Frequency::half_yearly, 1},
       controls_tally({{"Y", Category::formality, counts(0, 1, 0, 0)}}), false},
  };
  const ErrorTrend trend = error_trend(history, quarter(2027, 2));
  ASSERT_EQ(trend.periods.size(), 8u);
  EXPECT_EQ(trend.periods.front(), quarter(2025, 3));
  EXPECT_EQ(trend.periods.back(), quarter(2027, 2));
  const Proportion gap{};
  EXPECT_EQ(trend.overall.key, "overall");
  EXPECT_EQ(trend.overall.points,
            (std::vector<Proportion>{{3, 4}, gap, gap, gap, gap, gap, {4, 8}, {1, 8}}));
  EXPECT_EQ(trend.categories[static_cast<std::size_t>(Category::key_control)].key, "key_control");
  EXPECT_EQ(trend.categories[static_cast<std::size_t>(Category::key_control)].points,
            (std::vector<Proportion>{{2, 2}, gap, gap, gap, gap, gap, {3, 4}, {1, 4}}));
  EXPECT_EQ(trend.categories[static_cast<std::size_t>(Category::quality_goal)].points,
            (std::vector<Proportion>{{1, 2}, gap, gap, gap, gap, gap, gap, gap}));
  ASSERT_EQ(trend.controls.size(), 3u);
  EXPECT_EQ(trend.controls[0].key, "A");  // the newest period's order first
  EXPECT_EQ(trend.controls[1].key, "B");
  EXPECT_EQ(trend.controls[2].key, "OLD");
  EXPECT_EQ(trend.controls[0].points,
            (std::vector<Proportion>{{2, 2}, gap, gap, gap, gap, gap, {3, 4}, {1, 4}}));
  EXPECT_EQ(trend.controls[1].points,
            (std::vector<Proportion>{gap, gap, gap, gap, gap, gap, {1, 4}, {0, 4}}));
  EXPECT_EQ(trend.controls[2].points,
            (std::vector<Proportion>{{1, 2}, gap, gap, gap, gap, gap, gap, gap}));
}

TEST(ErrorTrend, LengthAndDuplicates) {
  const std::vector<PeriodTally> history = {
      {quarter(2027, 2), controls_tally({{"A", Category::key_control, counts(1, 0, 0, 0)}}),
       false}};
  const ErrorTrend short_trend = error_trend(history, quarter(2027, 2), 2);
  EXPECT_EQ(short_trend.periods.size(), 2u);
  EXPECT_EQ(short_trend.overall.points, (std::vector<Proportion>{{}, {0, 1}}));
  EXPECT_EQ(error_trend({}, quarter(2027, 2)).controls.size(), 0u);
  EXPECT_EQ(error_trend({}, quarter(2027, 2)).overall.points.size(), 8u);
  EXPECT_THROW(error_trend({history[0], history[0]}, quarter(2027, 2)), std::invalid_argument);
  EXPECT_THROW(error_trend(history, quarter(2027, 2), 0), std::invalid_argument);
}

}  // namespace
}  // namespace sagsaudit
