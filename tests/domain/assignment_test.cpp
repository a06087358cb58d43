// Assignment: every case to exactly one coordinator, independence respected, loads as even as
// the rule allows (checked against brute force), and the same answer every time.
#include "domain/assignment.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "domain/errors.hpp"
#include "domain/pcg32.hpp"

namespace sagsaudit {
namespace {

std::vector<std::string> coordinators_of(const std::vector<CaseAssignment>& result) {
  std::vector<std::string> out;
  for (const auto& a : result) out.push_back(a.coordinator);
  return out;
}

TEST(Assignment, WithoutIndependenceCasesGoRoundRobinByUsername) {
  const std::vector<AssignableCase> cases = {
      {"S-1", "x"}, {"S-2", "x"}, {"S-3", "y"}, {"S-4", "y"}, {"S-5", "z"}};
  const std::vector<Coordinator> coordinators = {{"bo", {"x"}}, {"anna", {"y"}}};
  const auto result = assign_cases(cases, coordinators, false);
  EXPECT_EQ(coordinators_of(result),
            (std::vector<std::string>{"anna", "bo", "anna", "bo", "anna"}));
  EXPECT_EQ(result[2].case_number, "S-3");
  EXPECT_EQ(result[2].center, "y");
}

TEST(Assignment, IndependenceKeepsCoordinatorsAwayFromTheirOwnCenter) {
  const std::vector<AssignableCase> cases = {
      {"S-1", "x"}, {"S-2", "x"}, {"S-3", "y"}, {"S-4", "y"}};
  const std::vector<Coordinator> coordinators = {{"anna", {"x"}}, {"bo", {"y"}}};
  EXPECT_EQ(coordinators_of(assign_cases(cases, coordinators, true)),
            (std::vector<std::string>{"bo", "bo", "anna", "anna"}));
}

TEST(Assignment, TheOnlyPossibleCoordinatorGetsTheConstrainedCases) {
  // Only carl may take the z-cases (anna and bo belong to z); the others split the rest.
  const std::vector<AssignableCase> cases = {{"S-1", "z"}, {"S-2", "z"}, {"S-3", "x"},
                                             {"S-4", "x"}, {"S-5", "y"}, {"S-6", "y"}};
  const std::vector<Coordinator> coordinators = {
      {"anna", {"z"}}, {"bo", {"z"}}, {"carl", {"x", "y"}}};
  const auto result = assign_cases(cases, coordinators, true);
  std::map<std::string, int> loads;
  for (const auto& a : result) ++loads[a.coordinator];
  EXPECT_EQ(loads, (std::map<std::string, int>{{"anna", 2}, {"bo", 2}, {"carl", 2}}));
  EXPECT_EQ(result[0].coordinator, "carl");
  EXPECT_EQ(result[1].coordinator, "carl");
}

TEST(Assignment, RefusesWhatCannotBeAssigned) {
  EXPECT_TRUE(assign_cases({}, {}, true).empty());
  EXPECT_THROW(assign_cases({{"S-1", "x"}}, {}, true), ValidationError);
  try {
    assign_cases({{"S-1", "x"}, {"S-2", "y"}, {"S-3", "x"}}, {{"anna", {"x"}}}, true);
    FAIL() << "not refused";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 2u);
    EXPECT_EQ(error.issues()[0].field, "S-1");
    EXPECT_EQ(error.issues()[0].message,
              "ingen koordinator uden for centret x kan få sagen (uafhængig tildeling)");
    EXPECT_EQ(error.issues()[1].field, "S-3");
  }
  EXPECT_THROW(assign_cases({{"S-1", "x"}}, {{"anna", {}}, {"anna", {"y"}}}, false),
               ValidationError);
}

// The smallest sum of squared loads and the smallest maximum load any valid assignment has.
std::pair<int, int> brute_force_best(const std::vector<AssignableCase>& cases,
                                     const std::vector<Coordinator>& coordinators,
                                     bool independent) {
  const std::size_t k = coordinators.size();
  std::vector<std::size_t> choice(cases.size(), 0);
  int best_squares = -1;
  int best_max = -1;
  while (true) {
    bool valid = true;
    std::vector<int> loads(k, 0);
    for (std::size_t c = 0; c < cases.size(); ++c) {
      valid = valid && may_review(coordinators[choice[c]], cases[c].center, independent);
      ++loads[choice[c]];
    }
    if (valid) {
      int squares = 0;
      for (int l : loads) squares += l * l;
      const int max = *std::max_element(loads.begin(), loads.end());
      if (best_squares < 0 || squares < best_squares) best_squares = squares;
      if (best_max < 0 || max < best_max) best_max = max;
    }
    std::size_t i = 0;
    while (i < choice.size() && ++choice[i] == k) choice[i++] = 0;
    if (i == choice.size()) break;
  }
  return {best_squares, best_max};
}

TEST(Assignment, MatchesBruteForceOnThousandsOfSmallInstances) {
  Pcg32 rng(20270101, 7);
  const std::vector<std::string> centers = {"x", "y", "z"};
  int checked = 0;
  for (int instance = 0; instance < 3000; ++instance) {
    const std::size_t k = 1 + rng.bounded(3);
    const std::size_t n = rng.bounded(8);
    const bool independent = rng.bounded(4) != 0;
    std::vector<Coordinator> coordinators;
    for (std::size_t i = 0; i < k; ++i) {
      Coordinator c{"k" + std::to_string(i), {}};
      for (const auto& center : centers) {
        if (rng.bounded(3) == 0) c.centers.push_back(center);
      }
      coordinators.push_back(c);
    }
    std::vector<AssignableCase> cases;
    for (std::size_t i = 0; i < n; ++i) {
      cases.push_back({"S-" + std::to_string(i), centers[rng.bounded(3)]});
    }
    const auto [best_squares, best_max] = brute_force_best(cases, coordinators, independent);
    if (best_squares < 0) {
      EXPECT_THROW(assign_cases(cases, coordinators, independent), ValidationError);
      continue;
    }
    const auto result = assign_cases(cases, coordinators, independent);
    ASSERT_EQ(result.size(), n);
    std::map<std::string, int> loads;
    for (std::size_t c = 0; c < n; ++c) {
      EXPECT_EQ(result[c].case_number, cases[c].case_number);
      const auto& who =
          *std::find_if(coordinators.begin(), coordinators.end(),
                        [&](const Coordinator& x) { return x.username == result[c].coordinator; });
      EXPECT_TRUE(may_review(who, cases[c].center, independent));
      ++loads[result[c].coordinator];
    }
    int squares = 0;
    int max = 0;
    for (const auto& [name, load] : loads) {
      squares += load * load;
      max = std::max(max, load);
    }
    EXPECT_EQ(squares, best_squares) << "instance " << instance;
    EXPECT_EQ(max, best_max) << "instance " << instance;
    // Deterministic, and independent of the order coordinators are listed in.
    std::vector<Coordinator> reversed(coordinators.rbegin(), coordinators.rend());
    EXPECT_EQ(coordinators_of(assign_cases(cases, reversed, independent)), coordinators_of(result));
    ++checked;
  }
  EXPECT_GT(checked, 2000);
}

TEST(Assignment, LoadsDifferByAtMostOneWhenEveryoneMayReviewEverything) {
  std::vector<AssignableCase> cases;
  for (int i = 0; i < 103; ++i)
    cases.push_back({"S-" + std::to_string(i), "c" + std::to_string(i % 6)});
  std::vector<Coordinator> coordinators;
  for (int i = 0; i < 7; ++i) coordinators.push_back({"k" + std::to_string(i), {"other"}});
  std::map<std::string, int> loads;
  for (const auto& a : assign_cases(cases, coordinators, true)) ++loads[a.coordinator];
  ASSERT_EQ(loads.size(), 7u);
  for (const auto& [name, load] : loads) EXPECT_TRUE(load == 14 || load == 15) << name;
}

}  // namespace
}  // namespace sagsaudit
