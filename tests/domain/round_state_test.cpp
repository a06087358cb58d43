// The round state machine, every pair of states.
#include "domain/round_state.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

const std::vector<RoundState> kAll = {RoundState::planned,      RoundState::population_loaded,
                                      RoundState::sample_drawn, RoundState::in_review,
                                      RoundState::closed,       RoundState::reported};

TEST(RoundState, CodesAndLabelsRoundTrip) {
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"planned", "planlagt"},
      {"population_loaded", "population indlæst"},
      {"sample_drawn", "stikprøve udtrukket"},
      {"in_review", "under gennemgang"},
      {"closed", "afsluttet"},
      {"reported", "rapporteret"}};
  for (std::size_t i = 0; i < kAll.size(); ++i) {
    EXPECT_EQ(state_code(kAll[i]), expected[i].first);
    EXPECT_EQ(danish_label(kAll[i]), expected[i].second);
    EXPECT_EQ(parse_round_state(expected[i].first), kAll[i]);
    EXPECT_EQ(parse_round_state(expected[i].second), kAll[i]);
  }
  EXPECT_EQ(parse_round_state("Planlagt"), std::nullopt);
  EXPECT_EQ(parse_round_state(""), std::nullopt);
}

TEST(RoundState, OnlyTheNextStateIsAllowedFromEveryState) {
  for (std::size_t from = 0; from < kAll.size(); ++from) {
    const auto next = allowed_next(kAll[from]);
    if (from + 1 < kAll.size()) {
      EXPECT_EQ(next, std::vector<RoundState>{kAll[from + 1]});
    } else {
      EXPECT_TRUE(next.empty());
    }
    for (std::size_t to = 0; to < kAll.size(); ++to) {
      if (to == from + 1) {
        EXPECT_NO_THROW(check_round_transition("r", kAll[from], kAll[to]));
      } else {
        EXPECT_THROW(check_round_transition("r", kAll[from], kAll[to]), ConflictError)
            << state_code(kAll[from]) << " → " << state_code(kAll[to]);
      }
    }
  }
}

TEST(RoundState, RefusalNamesTheCurrentAndAllowedStates) {
  try {
    check_round_transition("sygedagpenge-2027-K3", RoundState::planned, RoundState::in_review);
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "runden sygedagpenge-2027-K3 er 'planlagt'; herfra kan den kun gå til "
                 "'population indlæst' (ikke til 'under gennemgang')");
  }
  try {
    check_round_transition("delpension-2027", RoundState::reported, RoundState::closed);
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "runden delpension-2027 er 'rapporteret'; den kan ikke gå videre herfra (ikke "
                 "til 'afsluttet')");
  }
}

}  // namespace
}  // namespace sagsaudit
