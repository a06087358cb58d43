// The case review state machine, every pair of states.
#include "domain/review_state.hpp"

#include <gtest/gtest.h>

#include <set>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

using S = ReviewState;
const std::vector<S> kAll = {S::assigned, S::in_progress, S::submitted, S::approved, S::returned};

TEST(ReviewState, CodesAndLabelsRoundTrip) {
  const std::vector<std::pair<std::string, std::string>> expected = {{"assigned", "tildelt"},
                                                                     {"in_progress", "i gang"},
                                                                     {"submitted", "indsendt"},
                                                                     {"approved", "godkendt"},
                                                                     {"returned", "returneret"}};
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    EXPECT_EQ(state_code(kAll[i]), expected[i].first);
    EXPECT_EQ(danish_label(kAll[i]), expected[i].second);
    EXPECT_EQ(parse_review_state(expected[i].first), kAll[i]);
    EXPECT_EQ(parse_review_state(expected[i].second), kAll[i]);
  }
  EXPECT_EQ(parse_review_state("planned"), std::nullopt);
}

TEST(ReviewState, ExactlyTheseTransitionsAreAllowed) {
  const std::set<std::pair<S, S>> allowed = {{S::assigned, S::in_progress},
                                             {S::in_progress, S::submitted},
                                             {S::submitted, S::approved},
                                             {S::submitted, S::returned},
                                             {S::returned, S::in_progress}};
  int allowed_count = 0;
  for (S from : kAll) {
    for (S to : kAll) {
      if (allowed.count({from, to})) {
        ++allowed_count;
        EXPECT_NO_THROW(check_review_transition("r/1", from, to, "begrundelse"));
      } else {
        EXPECT_THROW(check_review_transition("r/1", from, to, "begrundelse"), ConflictError)
            << state_code(from) << " → " << state_code(to);
      }
    }
  }
  EXPECT_EQ(allowed_count, 5);
  EXPECT_EQ(allowed_next(S::submitted), (std::vector<S>{S::approved, S::returned}));
  EXPECT_TRUE(allowed_next(S::approved).empty());
}

TEST(ReviewState, AReturnNeedsAReason) {
  EXPECT_THROW(check_review_transition("r/1", S::submitted, S::returned), ValidationError);
  EXPECT_THROW(check_review_transition("r/1", S::submitted, S::returned, " \n"), ValidationError);
  EXPECT_NO_THROW(check_review_transition("r/1", S::submitted, S::returned, "mangler bilag"));
}

TEST(ReviewState, OnlyWorkTheReviewerOwesCanBeOverdue) {
  EXPECT_TRUE(awaits_reviewer(S::assigned));
  EXPECT_TRUE(awaits_reviewer(S::in_progress));
  EXPECT_TRUE(awaits_reviewer(S::returned));
  EXPECT_FALSE(awaits_reviewer(S::submitted));
  EXPECT_FALSE(awaits_reviewer(S::approved));
}

TEST(ReviewState, RefusalNamesTheCurrentAndAllowedStates) {
  try {
    check_review_transition("sygedagpenge-2027-K3/S-0042", S::submitted, S::in_progress);
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "sagsgennemgangen sygedagpenge-2027-K3/S-0042 er 'indsendt'; herfra kan den kun "
                 "gå til 'godkendt' eller 'returneret' (ikke til 'i gang')");
  }
}

}  // namespace
}  // namespace sagsaudit
