#pragma once
// What one tick(today) has to do, decided from what exists (pure: the caller reads the database
// and passes today in). Everything is derived from stored state, never from "what happened since
// the last tick", so a plan applied twice for the same day finds nothing left to do the second
// time, and a tick after a gap of months does at once what the daily ticks would have done.
//
// The rules (docs/workflow.md):
//   - a round is created when its period starts (period.first_day() ≤ today), with the årshjul
//     and kvalitetskoncept versions current then; only periods of first_year or later (the year
//     of the database's first tick: sagsaudit does not invent rounds for years before it ran);
//   - its review window opens on window_opens (the day after the period ends) and closes when
//     window_closes (inclusive) has passed; each is done once per round, whatever its state;
//   - a review the reviewer still owes (tildelt, i gang, returneret) is overdue once its due
//     date has passed;
//   - a round under review whose reviews are all godkendt is closed (afsluttet).
#include <map>
#include <string>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/review_state.hpp"
#include "domain/round_plan.hpp"
#include "domain/round_state.hpp"

namespace sagsaudit {

// A stored round as tick sees it.
struct TickRound {
  std::string id;
  Date window_opens;
  Date window_closes;
  RoundState state = RoundState::planned;
  bool window_opened = false;  // tick has opened its window (once)
  bool window_closed = false;  // tick has closed its window (once)
  int reviews = 0;             // case reviews of the round
  int approved_reviews = 0;    // of which godkendt
};

// A stored case review as tick sees it.
struct TickReview {
  std::string round_id;
  std::string case_number;
  ReviewState state = ReviewState::assigned;
  Date due;
  bool overdue = false;
};

struct TickInput {
  Date today;
  int first_year = 0;
  const AnnualWheel* wheel = nullptr;                   // the current årshjul
  std::map<std::string, std::string> concept_versions;  // ydelsestype → current version
  std::vector<TickRound> rounds;
  std::vector<TickReview> reviews;
};

struct RoundToCreate {
  PlannedRound planned;  // points into TickInput::wheel
  std::string concept_version;
};

struct ReviewRef {
  std::string round_id;
  std::string case_number;
  friend bool operator==(const ReviewRef&, const ReviewRef&) = default;
};

struct TickPlan {
  std::vector<RoundToCreate> create;       // by year, then window_opens, then årshjul order
  std::vector<std::string> open_windows;   // round ids, by window_opens then id
  std::vector<std::string> close_windows;  // round ids, by window_closes then id
  std::vector<ReviewRef> overdue;          // by round id, then case number
  std::vector<std::string> close_rounds;   // round ids, ascending
  std::vector<Issue> skipped;              // rounds that cannot be created (no concept)

  bool empty() const {
    return create.empty() && open_windows.empty() && close_windows.empty() && overdue.empty() &&
           close_rounds.empty();
  }
};

// REQUIRES: input.wheel is set and outlives the plan.
TickPlan plan_tick(const TickInput& input);

}  // namespace sagsaudit
