#pragma once
// The counts behind every report: for each round asked for, its submitted reviews counted per
// center (domain/scoring.hpp tally_reviews), with the concept and årshjul versions the round
// recorded. Only counts are made here; percentages, lights and intervals come from the domain.
//
// Which reviews count: those 'indsendt' or 'godkendt' — complete by the submit rules. A review
// returned for correction drops out until it is submitted again. Reviews still owed by the
// reviewer (tildelt, i gang, returneret) are counted as `pending` so a report can say how
// complete its figures are.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/concept.hpp"
#include "domain/period.hpp"
#include "domain/scoring.hpp"
#include "storage/database.hpp"
#include "storage/round_repository.hpp"

namespace sagsaudit {

// One reviewed case that has a fejl or kan ikke vurderes, for the "sager med fejl" list.
struct CaseWithErrors {
  std::string center;
  std::string case_number;
  std::string masked_cpr;                   // "010180-xxxx", from the sample; never the full number
  std::vector<std::string> error_controls;  // fejl
  std::vector<std::string> not_assessable_controls;  // kan ikke vurderes
};

struct RoundCells {
  storage::Round round;
  Concept concept_;   // the version the round recorded
  AnnualWheel wheel;  // the version the round recorded: centers, thresholds, goal
  ScoringRules rules;
  std::vector<Cell> cells;                      // one per center of the wheel, in the wheel's order
  std::map<std::string, std::int64_t> pending;  // reviews not yet submitted, per center
  std::vector<CaseWithErrors> error_cases;      // by center, then case number
};

struct RoundQuery {
  std::optional<Period> period;             // rounds of this period
  std::optional<int> year;                  // or of every period of this year
  std::optional<std::string> benefit_type;  // only this ydelsestype
  // What the caller needs beyond the counts per category. Without error cases, the counts come
  // from the report summaries (migration 9) for every round whose summaries are complete, in a
  // few queries for all rounds; with them, from the answers, one query per round.
  bool with_controls = true;     // Tally::controls (else left empty, and so may concept_ be)
  bool with_error_cases = true;  // RoundCells::error_cases (else left empty)
};

// The matching rounds, ordered by ydelsestype then period; rounds without any review are left
// out (nothing to count). The counts are the same whichever source they come from (tests/engine
// report_summaries_test).
// Throws StorageError when a round's concept or årshjul version is missing.
std::vector<RoundCells> load_round_cells(storage::Database& db, const RoundQuery& query);

// The cell of `center` in `round`, or nullptr when the round's årshjul has no such center.
const Cell* find_cell(const RoundCells& round, const std::string& center);

// The error share (F′ of K + F′, all categories, the round's own kan-ikke-vurderes rule) summed
// over rounds: parts and wholes added, so each round counts with its own rule. `center` empty
// means every center (the forvaltning).
Proportion summed_error_share(const std::vector<RoundCells>& rounds, const std::string& center);

}  // namespace sagsaudit
