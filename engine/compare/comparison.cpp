#include "compare/comparison.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "compare/blind_access.hpp"
#include "domain/errors.hpp"
#include "storage/concept_repository.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit {
namespace {

storage::ExternalReview chosen_review(storage::ExternalReviewRepository& repository,
                                      const std::string& round_id, const std::string& source) {
  if (!source.empty()) {
    auto review = repository.find(round_id, source);
    if (!review) {
      throw NotFound("runden " + round_id + " har ingen revisorgennemgang fra '" + source +
                     "' (se 'sagsaudit compare import')");
    }
    return *review;
  }
  auto reviews = repository.list(round_id);
  if (reviews.empty()) {
    throw NotFound("runden " + round_id +
                   " har ingen revisorgennemgang (se 'sagsaudit compare import')");
  }
  if (reviews.size() > 1) {
    std::string names;
    for (const auto& r : reviews) names += (names.empty() ? "" : ", ") + r.source;
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--source", "runden har flere revisorgennemgange; vælg én af: " + names}});
  }
  return reviews.front();
}

}  // namespace

Comparison build_comparison(storage::Database& db, const std::string& round_id,
                            const std::string& source, const std::string& actor,
                            const std::string& at) {
  Comparison out;
  auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke (se 'sagsaudit rounds list')");
  out.round = *round;
  auto repository = storage::make_external_review_repository(db);
  out.review = chosen_review(*repository, round_id, source);

  const std::string what = "compare report " + out.review.source;
  require_visible(db, round_id, ReviewSide::municipality, actor, at, what);
  require_visible(db, round_id, ReviewSide::auditor, actor, at, what);

  const auto concept_ = storage::make_concept_repository(db)->load(round->concept_version);
  if (!concept_) {
    throw StorageError("kvalitetskonceptet " + round->concept_version + " til runden " + round_id +
                       " mangler i databasen");
  }
  // The ydelsestype's name as the årshjul the round was created from gives it ("Sygedagpenge").
  out.benefit_title = round->benefit_type;
  if (const auto wheel = storage::make_wheel_repository(db)->load(round->wheel_version)) {
    if (const WheelEntry* entry = wheel->find_entry(round->benefit_type)) {
      out.benefit_title = entry->name;
    }
  }
  out.sampled_cases = storage::make_sample_reader(db)->sampled_cases(round_id).size();

  // Ours: (case, control) → answer, from the reviews that count in the reports.
  struct Ours {
    const ControlAnswer* answer;
    const std::string* center;
  };
  const auto reviews = storage::make_review_answer_repository(db)->round_answers(
      round_id, {ReviewState::submitted, ReviewState::approved});
  out.municipality_reviews = reviews.size();
  std::map<std::pair<std::string, std::string>, Ours> ours;
  for (const auto& review : reviews) {
    for (const auto& a : review.answers) {
      ours.emplace(std::pair{review.case_number, a.control_id}, Ours{&a, &review.center});
      // Phase 1 of the true error rate: every korrekt/fejl answer of the whole sample.
      if (a.answer == Answer::correct || a.answer == Answer::error) {
        ++out.two_phase.sample_size;
        if (a.answer == Answer::error) ++out.two_phase.sample_errors;
      }
    }
  }

  std::vector<LabelledAnswerPair> pairs;
  std::set<std::string> auditor_cases, paired_cases, outside;
  for (const auto& theirs : repository->answers(round_id, out.review.source)) {
    if (!theirs.in_sample) {
      outside.insert(theirs.case_number);
      continue;
    }
    auditor_cases.insert(theirs.case_number);
    const auto found = ours.find(std::pair{theirs.case_number, theirs.control_id});
    if (found == ours.end()) {
      ++out.only_auditor;
      continue;
    }
    const ControlAnswer& mine = *found->second.answer;
    const Control* control = concept_->find_control(theirs.control_id);
    if (!control) {
      throw StorageError("kontrol " + theirs.control_id +
                         " i revisorgennemgangen findes ikke i "
                         "rundens kvalitetskoncept");
    }
    paired_cases.insert(theirs.case_number);
    ++out.pairs;
    pairs.push_back(LabelledAnswerPair{round->benefit_type, control->category, control->id,
                                       danish_label(mine.answer), danish_label(theirs.answer)});
    const bool binary = [](Answer a) {
      return a == Answer::correct || a == Answer::error;
    }(mine.answer) && (theirs.answer == Answer::correct || theirs.answer == Answer::error);
    if (binary) {
      const bool we = mine.answer == Answer::error, they = theirs.answer == Answer::error;
      if (!we && !they) ++out.two_phase.both_correct;
      if (!we && they) ++out.two_phase.only_auditor_error;
      if (we && !they) ++out.two_phase.only_municipality_error;
      if (we && they) ++out.two_phase.both_error;
    }
    if (mine.answer != theirs.answer) {
      out.disagreements.push_back(Disagreement{theirs.case_number, *found->second.center,
                                               control->id, control->category, control->question,
                                               mine.answer, mine.comment, theirs.answer,
                                               theirs.comment, theirs.line});
    }
  }
  out.auditor_cases = auditor_cases.size();
  out.paired_cases = paired_cases.size();
  out.outside_sample.assign(outside.begin(), outside.end());

  out.groups = summarize_agreement(pairs);
  for (const auto& group : out.groups) {
    if (group.grouping == AgreementGrouping::benefit_type) {
      out.verdict = agreement_verdict(group.statistics);
    }
  }
  if (pairs.empty()) out.verdict = agreement_verdict(AgreementStatistics{});
  out.true_error_rate = estimate_true_error_rate(out.two_phase);
  out.true_error_rate_text =
      out.true_error_rate
          ? describe_true_error_rate(*out.true_error_rate)
          : "Revisorens gengennemgang er for lille til at anslå en sand fejlandel: der skal være "
            "mindst to gengennemgåede kontroller blandt både dem, kommunen kaldte korrekt, og dem, "
            "den kaldte fejl.";

  std::map<std::string, std::size_t> position;
  for (const auto& c : concept_->controls) position.emplace(c.id, position.size());
  std::sort(out.disagreements.begin(), out.disagreements.end(),
            [&](const Disagreement& a, const Disagreement& b) {
              return std::tuple(a.center, a.case_number, position[a.control_id]) <
                     std::tuple(b.center, b.case_number, position[b.control_id]);
            });
  return out;
}

}  // namespace sagsaudit
