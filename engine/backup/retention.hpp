#pragma once
// `sagsaudit retention apply --older-than ÅR [--execute]` (issue 9; docs/operations.md
// "Retention"): the case-level personal data of rounds whose period ended more than ÅR years
// ago is erased (storage/retention_repository.hpp says which fields), keeping every row and so
// every figure. A dry run (the default) only counts.
//
// Only rounds in state afsluttet or rapporteret are erased; an old round in another state that
// holds personal data is listed as refused and left alone. Everything happens in one transaction,
// with one audit entry per erased round ("retention.apply", its counts per table). A round with
// nothing left to erase is not listed, so a second run finds nothing. Old audit entries are never
// rewritten (that would break the hash chain): the entries about each round are checked for CPR
// numbers instead, and any found are counted in the plan.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/round_state.hpp"
#include "storage/database.hpp"
#include "storage/retention_repository.hpp"

namespace sagsaudit {

struct RetentionRound {
  std::string round_id;
  std::string period;  // "2027-K1"
  Date period_end;
  RoundState state = RoundState::planned;
  bool refused = false;                     // not afsluttet or rapporteret: left alone
  storage::PersonalDataCounts counts;       // rows holding personal data (erased when executed)
  std::int64_t audit_entries_with_cpr = 0;  // should be 0: the audit log never takes a CPR
};

struct RetentionPlan {
  int years = 0;
  Date cutoff;                         // periods that ended before this day are old enough
  bool executed = false;               // false: a dry run, nothing changed
  std::vector<RetentionRound> rounds;  // old enough, with personal data left, by id
  std::int64_t rounds_without_personal_data = 0;  // old enough, nothing (left) to erase
};

// `today` minus `years` (29 February becomes 28 February). REQUIRES: years >= 1.
Date retention_cutoff(Date today, int years);

// What an apply would erase. Throws ValidationError when years < 1.
RetentionPlan plan_retention(storage::Database& db, Date today, int years);

// Erases it, in one transaction, and writes one audit entry per erased round.
RetentionPlan apply_retention(storage::Database& db, Date today, int years,
                              const std::string& actor, const std::string& at);

}  // namespace sagsaudit
