#include "scoring/review_import.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <vector>

#include "crypto/sha256.hpp"
#include "domain/errors.hpp"
#include "domain/review_answers.hpp"
#include "loading/csv_reader.hpp"
#include "loading/read_file.hpp"
#include "reports/report_summaries.hpp"
#include "scoring/review_store.hpp"
#include "storage/audit_log.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/concept_repository.hpp"
#include "storage/round_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {
namespace {

enum Column { kCase, kControl, kAnswer, kComment, kAmount, kFrom, kTo, kColumnCount };

// The canonical header of each column (as messages name it) and the spellings also read.
struct ColumnName {
  const char* canonical;
  std::vector<std::string> spellings;
};
const std::vector<ColumnName>& column_names() {
  static const std::vector<ColumnName> names = {
      {"sagsnummer", {"sagsnummer", "sagsnr"}},
      {"kontrol", {"kontrol", "kontrol id", "kontrol_id"}},
      {"svar", {"svar"}},
      {"kommentar", {"kommentar"}},
      {"beløb", {"beløb", "beloeb", "belob"}},
      {"periode_fra", {"periode_fra", "periode fra"}},
      {"periode_til", {"periode_til", "periode til"}},
  };
  return names;
}

struct ImportedCase {
  std::string case_number;
  int first_line = 0;
  std::vector<ControlAnswer> answers;
};

}  // namespace

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

  std::vector<Issue> issues;
  auto problem = [&](int line, const std::string& field, const std::string& message) {
    issues.push_back(Issue{path, line, 0, field, message});
  };

  CsvReader reader(text);
  CsvRecord record;
  std::array<std::optional<std::size_t>, kColumnCount> where{};
  std::size_t header_fields = 0;
  if (!reader.next(record)) {
    throw ValidationError(
        std::vector<Issue>{Issue{path, 0, 0, "",
                                 "filen er tom (forventet en overskrift: sagsnummer;kontrol;svar;"
                                 "kommentar;beløb)"}});
  }
  header_fields = record.field_count;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const std::string name = normalised_header(record.field(i));
    bool known = false;
    for (std::size_t c = 0; c < kColumnCount; ++c) {
      const auto& spellings = column_names()[c].spellings;
      if (std::find(spellings.begin(), spellings.end(), name) == spellings.end()) continue;
      known = true;
      if (where[c]) {
        problem(record.line, column_names()[c].canonical, "kolonnen står to gange i overskriften");
      }
      where[c] = i;
    }
    if (!known) {
      problem(record.line, trim_blanks(record.field(i)),
              "ukendt kolonne (kendte: sagsnummer, kontrol, svar, kommentar, beløb, periode_fra, "
              "periode_til)");
    }
  }
  for (const Column c : {kCase, kControl, kAnswer}) {
    if (!where[c]) problem(record.line, column_names()[c].canonical, "kolonnen mangler");
  }
  if (where[kFrom].has_value() != where[kTo].has_value()) {
    problem(record.line, where[kFrom] ? "periode_til" : "periode_fra",
            "periode_fra og periode_til skal begge være der eller begge mangle");
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));

  std::vector<ImportedCase> cases;
  std::map<std::string, std::size_t> case_index;
  auto field = [&](Column c) -> std::string {
    return where[c] ? trim_blanks(record.field(*where[c])) : std::string();
  };
  while (reader.next(record)) {
    ++summary.rows;
    const int line = record.line;
    if (!record.problem.empty()) {
      problem(line, "", record.problem);
      continue;
    }
    if (record.field_count != header_fields) {
      problem(line, "",
              "linjen har " + std::to_string(record.field_count) + " felter, overskriften " +
                  std::to_string(header_fields));
      continue;
    }
    const std::string number = field(kCase);
    if (number.empty()) {
      problem(line, "sagsnummer", "mangler");
      continue;
    }
    ControlAnswer answer;
    answer.position.line = line;
    answer.control_id = field(kControl);
    const std::string answer_text = field(kAnswer);
    if (const auto parsed = parse_answer(answer_text)) {
      answer.answer = *parsed;
    } else {
      problem(line, "svar",
              "'" + answer_text +
                  "' er ikke et svar (korrekt, fejl, ikke relevant eller kan ikke vurderes)");
      continue;
    }
    answer.comment = field(kComment);
    if (const std::string amount = field(kAmount); !amount.empty()) {
      answer.amount = parse_kroner(amount);
      if (!answer.amount) {
        problem(line, "beløb",
                "'" + amount + "' er ikke et beløb i kroner (skriv fx 1234,50 eller 1.234,50)");
        continue;
      }
    }
    const std::string from = field(kFrom), to = field(kTo);
    if (!from.empty() || !to.empty()) {
      const auto first = parse_date(from);
      const auto last = parse_date(to);
      if (!first) problem(line, "periode_fra", "'" + from + "' er ikke en dato (dd-mm-åååå)");
      if (!last) problem(line, "periode_til", "'" + to + "' er ikke en dato (dd-mm-åååå)");
      if (!first || !last) continue;
      answer.affected_period = AffectedPeriod{*first, *last};
    }
    auto [it, inserted] = case_index.emplace(number, cases.size());
    if (inserted) cases.push_back(ImportedCase{number, line, {}});
    cases[it->second].answers.push_back(std::move(answer));
  }
  if (summary.rows == 0) problem(0, "", "filen har ingen svar, kun en overskrift");

  const ReviewStage stage = options.draft ? ReviewStage::draft : ReviewStage::submit;
  for (const auto& c : cases) {
    const auto review = reviews.find(c.case_number);
    if (review == reviews.end()) {
      problem(c.first_line, "sagsnummer",
              "sag " + c.case_number + " er ikke i rundens stikprøve (" + round_id + ")");
      continue;
    }
    if (!awaits_reviewer(review->second.state)) {
      problem(c.first_line, "sagsnummer",
              "sag " + c.case_number + " er allerede '" + danish_label(review->second.state) +
                  "'; kun tildelte, igangværende og returnerede gennemgange kan indlæses");
      continue;
    }
    std::vector<Issue> found = check_review_answers(*concept_, c.answers, stage);
    for (auto& issue : scoring_detail::cpr_issues(c.answers)) found.push_back(std::move(issue));
    for (auto& issue : found) {
      issue.file = path;
      if (issue.line == 0) {  // an unanswered control: no line of its own
        issue.line = c.first_line;
        issue.message = "sag " + c.case_number + ": " + issue.message;
      }
      issues.push_back(std::move(issue));
    }
  }
  if (!issues.empty()) {
    std::stable_sort(issues.begin(), issues.end(),
                     [](const Issue& a, const Issue& b) { return a.line < b.line; });
    throw ValidationError(std::move(issues));
  }

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
