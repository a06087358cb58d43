#pragma once
// The revisorsammenligning of one round (issue 7 items 2, 4 and 5): the municipality's
// submitted and approved reviews against one external review of the same cases, as the figures
// every format of 'sagsaudit compare report' (and the web page) shows. The statistics are the
// domain's (agreement_summary.hpp, true_error_rate.hpp, agreement_verdict.hpp); this file pairs
// the answers and checks the blind review first.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/agreement_summary.hpp"
#include "domain/agreement_verdict.hpp"
#include "domain/answer.hpp"
#include "domain/concept.hpp"
#include "domain/true_error_rate.hpp"
#include "storage/database.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/round_repository.hpp"

namespace sagsaudit {

// One control of one case where the two sides answered differently, with both comments.
struct Disagreement {
  std::string case_number;
  std::string center;
  std::string control_id;
  Category category = Category::formality;
  std::string question;
  Answer municipality = Answer::correct;
  std::string municipality_comment;
  Answer auditor = Answer::correct;
  std::string auditor_comment;
  int auditor_line = 0;  // line of the auditor's file
};

struct Comparison {
  storage::Round round;
  std::string benefit_title;  // the ydelsestype's name in the round's årshjul, e.g. "Sygedagpenge"
  storage::ExternalReview review;
  std::size_t sampled_cases = 0;            // the round's stikprøve
  std::size_t municipality_reviews = 0;     // submitted or approved reviews of the round
  std::size_t auditor_cases = 0;            // sampled cases the auditor answered
  std::size_t paired_cases = 0;             // cases both answered (at least one control each)
  std::vector<std::string> outside_sample;  // the auditor's cases outside the stikprøve
  std::int64_t pairs = 0;                   // controls answered by both
  std::int64_t only_auditor = 0;  // controls the auditor answered and we did not (not paired)
  // The statistics on korrekt/fejl pairs (AnswerScale default), grouped as
  // summarize_agreement does: overall, categories, the ydelsestype, its categories, controls.
  std::vector<AgreementGroup> groups;
  AgreementVerdict verdict;  // for the ydelsestype (= the round)
  // The two-phase sample behind the estimated true error rate, and the estimate (absent when
  // the re-review is too small; see estimate_true_error_rate) with its Danish sentence.
  TwoPhaseSample two_phase;
  std::optional<TrueErrorRateEstimate> true_error_rate;
  std::string true_error_rate_text;
  std::vector<Disagreement> disagreements;  // by center, case number, concept order
};

// `source`: the external review to compare with; when empty, the round's only one (ValidationError
// naming --source when it has several). Both sides' answers are read, so the blind review is
// checked for both (blind_access.hpp: a refusal is audited and throws Forbidden).
// Throws NotFound (no round, no such external review), Forbidden, StorageError.
// REQUIRES: no Transaction is open on db.
Comparison build_comparison(storage::Database& db, const std::string& round_id,
                            const std::string& source, const std::string& actor,
                            const std::string& at);

}  // namespace sagsaudit
