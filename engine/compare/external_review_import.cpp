#include "compare/external_review_import.hpp"

#include <set>

#include "crypto/sha256.hpp"
#include "domain/errors.hpp"
#include "loading/csv_reader.hpp"
#include "loading/read_file.hpp"
#include "storage/audit_log.hpp"
#include "storage/concept_repository.hpp"
#include "storage/external_review_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {
namespace {

struct Loaded {
  storage::Round round;
  Concept concept_;
};

Loaded load_round(storage::Database& db, const std::string& round_id) {
  auto round = storage::make_round_repository(db)->find(round_id);
  if (!round) throw NotFound("runden " + round_id + " findes ikke (se 'sagsaudit rounds list')");
  auto concept_ = storage::make_concept_repository(db)->load(round->concept_version);
  if (!concept_) {
    throw StorageError("kvalitetskonceptet " + round->concept_version + " til runden " + round_id +
                       " mangler i databasen");
  }
  return Loaded{std::move(*round), std::move(*concept_)};
}

}  // namespace

const std::vector<std::string>& external_template_header() {
  static const std::vector<std::string> header = {"sagsnummer", "cpr",       "center", "kontrol",
                                                  "kategori",   "spørgsmål", "svar",   "kommentar"};
  return header;
}

ExternalReviewTemplate external_review_template(storage::Database& db,
                                                const std::string& round_id) {
  Loaded loaded = load_round(db, round_id);
  auto cases = storage::make_sample_reader(db)->sampled_cases(round_id);
  if (cases.empty()) {
    throw ConflictError("runden " + round_id +
                        " har ingen stikprøve endnu ('sagsaudit sample draw' først)");
  }
  return ExternalReviewTemplate{std::move(loaded.round), std::move(loaded.concept_),
                                std::move(cases)};
}

ExternalImportSummary import_external_review(storage::Database& db, const std::string& round_id,
                                             const std::string& path,
                                             const ExternalImportOptions& options) {
  if (trim_blanks(options.source).empty()) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "--source", "kilden mangler (fx --source Deloitte)"}});
  }
  const Loaded loaded = load_round(db, round_id);
  std::set<std::string> sampled;
  for (const auto& c : storage::make_sample_reader(db)->sampled_cases(round_id)) {
    sampled.insert(c.case_number);
  }
  if (sampled.empty()) {
    throw ConflictError("runden " + round_id +
                        " har ingen stikprøve endnu; revisorens svar kan ikke sammenlignes");
  }
  auto repository = storage::make_external_review_repository(db);
  const auto earlier = repository->find(round_id, options.source);
  if (earlier && earlier->locked) {
    throw ConflictError("revisorgennemgangen fra '" + options.source + "' af runden " + round_id +
                        " er låst (" + earlier->locked_at + " af " + earlier->locked_by +
                        ") og kan ikke indlæses igen");
  }

  ExternalImportSummary summary;
  summary.round_id = round_id;
  summary.source = options.source;
  summary.file = path;
  std::string bytes = read_file_bytes(path);
  summary.sha256 = sha256_hex(bytes);
  DecodedText decoded = decode_text(std::move(bytes));
  summary.encoding = decoded.encoding;
  const std::string text = std::move(decoded.text);

  ExternalReviewLines read =
      read_external_review_text(text, path, loaded.concept_, loaded.round.benefit_type, sampled);
  summary.lines = read.lines;
  const std::vector<storage::ExternalAnswer>& answers = read.answers;
  summary.answers = answers.size();
  summary.cases_in_sample = read.cases_in_sample;
  summary.cases_outside_sample = std::move(read.cases_outside_sample);
  summary.replaced = earlier.has_value();

  storage::Transaction transaction(db);
  storage::ExternalReview review;
  review.round_id = round_id;
  review.source = options.source;
  review.file_name = path;
  review.file_sha256 = summary.sha256;
  review.imported_at = options.at;
  review.imported_by = options.actor;
  repository->store(review, answers);
  const std::string details =
      "{\"kilde\":" + json_string(options.source) + ",\"fil\":" + json_string(path) +
      ",\"sha256\":" + json_string(summary.sha256) +
      ",\"svar\":" + std::to_string(summary.answers) +
      ",\"sager_i_stikproeven\":" + std::to_string(summary.cases_in_sample) +
      ",\"sager_uden_for_stikproeven\":" + std::to_string(summary.cases_outside_sample.size()) +
      ",\"erstattet\":" + (summary.replaced ? "true" : "false") + "}";
  storage::make_audit_log(db)->append(
      storage::AuditRecord{options.at, options.actor, "compare.import", "external_review",
                           round_id + "/" + options.source, "", "indlæst", details});
  transaction.commit();
  return summary;
}

}  // namespace sagsaudit
