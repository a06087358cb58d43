#include "scoring/review_import.hpp"

#include <set>
#include <vector>

#include "crypto/sha256.hpp"
#include "domain/errors.hpp"
#include "loading/read_file.hpp"
#include "reports/report_summaries.hpp"
#include "scoring/review_store.hpp"
#include "storage/audit_log.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/concept_repository.hpp"
#include "storage/round_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {

ReviewImportSummary import_reviews(storage::Database& db, const std::string& round_id,
                                   const std::string& path, const ReviewImportOptions& options) {
  const auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke (se 'sagsaudit rounds list')");
  if (round->state != RoundState::in_review) {
    throw ConflictError("runden " + round_id + " er '" + danish_label(round->state) +
                        "'; sagsgennemgange kan kun indlæses, når den er '" +
                        danish_label(RoundState::in_review) + "'");
  }
  const auto concept_ = storage::make_concept_repository(db)->load(round->concept_version);
  if (!concept_) {
    throw StorageError("kvalitetskonceptet " + round->concept_version + " til runden " + round_id +
                       " mangler i databasen");
  }
  std::map<std::string, storage::CaseReview> reviews;
  storage::ReviewFilter filter;
  filter.round_id = round_id;
  for (auto& review : storage::make_case_review_repository(db)->list(filter)) {
    reviews.emplace(review.case_number, std::move(review));
  }

  ReviewImportSummary summary;
  summary.round_id = round_id;
  summary.file = path;
  std::string bytes = read_file_bytes(path);
  summary.sha256 = sha256_hex(bytes);
  DecodedText decoded = decode_text(std::move(bytes));
  summary.encoding = decoded.encoding;
  const std::string text = std::move(decoded.text);

  ReviewImportLines read =
      read_review_import_text(text, path, round_id, *concept_, reviews,
                              options.draft ? ReviewStage::draft : ReviewStage::submit);
  summary.rows = read.rows;
  const std::vector<ImportedReviewCase>& cases = read.cases;

  storage::Transaction transaction(db);
  std::set<std::string> counted_centers;  // report summary cells to recount
  for (const auto& c : cases) {
    const storage::CaseReview& review = reviews.at(c.case_number);
    std::vector<ReviewState> steps;
    if (review.state != ReviewState::in_progress) steps.push_back(ReviewState::in_progress);
    if (!options.draft) steps.push_back(ReviewState::submitted);
    const auto applied = scoring_detail::apply_review_change(
        db, review, *concept_, c.answers, steps, options.actor, options.at, false);
    if (counts_in_reports(review.state) || counts_in_reports(applied.review.state)) {
      counted_centers.insert(review.center);
    }
    ++summary.centers[review.center];
  }
  // One recount per center whose counted reviews changed, rather than one per case.
  for (const auto& center : counted_centers) {
    refresh_report_cell(db, round_id, center, options.at);
  }
  summary.reviews = cases.size();
  const std::string details = "{\"fil\":" + json_string(path) +
                              ",\"sha256\":" + json_string(summary.sha256) +
                              ",\"sager\":" + std::to_string(summary.reviews) +
                              ",\"svar\":" + std::to_string(summary.rows) +
                              ",\"kladde\":" + (options.draft ? "true" : "false") + "}";
  storage::make_audit_log(db)->append(storage::AuditRecord{
      options.at, options.actor, "review.import", "round", round_id, "", "", details});
  transaction.commit();
  return summary;
}

}  // namespace sagsaudit
