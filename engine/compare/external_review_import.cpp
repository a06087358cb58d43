#include "compare/external_review_import.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "crypto/sha256.hpp"
#include "domain/answer.hpp"
#include "domain/errors.hpp"
#include "loading/csv_reader.hpp"
#include "loading/read_file.hpp"
#include "scoring/cpr_in_text.hpp"
#include "storage/audit_log.hpp"
#include "storage/concept_repository.hpp"
#include "storage/external_review_repository.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {
namespace {

enum Column { kCase, kCpr, kCenter, kControl, kCategory, kQuestion, kAnswer, kComment, kCount };

// The header as the template writes it (index = Column), and the spellings also read.
const std::array<std::vector<std::string>, kCount>& spellings() {
  static const std::array<std::vector<std::string>, kCount> names = {{
      {"sagsnummer", "sagsnr"},
      {"cpr", "cpr-nummer", "cpr (maskeret)"},
      {"center"},
      {"kontrol", "kontrol id", "kontrol_id"},
      {"kategori"},
      {"spørgsmål", "spoergsmaal", "sporgsmal"},
      {"svar"},
      {"kommentar"},
  }};
  return names;
}

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

// Collects every issue; refuse() throws them sorted by line.
class Issues {
 public:
  explicit Issues(std::string file) : file_(std::move(file)) {}
  void add(int line, const std::string& field, const std::string& message) {
    issues_.push_back(Issue{file_, line, 0, field, message});
  }
  bool empty() const { return issues_.empty(); }
  [[noreturn]] void refuse() {
    std::stable_sort(issues_.begin(), issues_.end(),
                     [](const Issue& a, const Issue& b) { return a.line < b.line; });
    throw ValidationError(std::move(issues_));
  }

 private:
  std::string file_;
  std::vector<Issue> issues_;
};

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

  Issues issues(path);
  CsvReader reader(text);
  CsvRecord record;
  if (!reader.next(record)) {
    issues.add(0, "", "filen er tom (forventet en overskrift: sagsnummer;kontrol;svar;kommentar)");
    issues.refuse();
  }
  std::array<std::optional<std::size_t>, kCount> where{};
  const std::size_t header_fields = record.field_count;
  for (std::size_t i = 0; i < record.field_count; ++i) {
    const std::string name = normalised_header(record.field(i));
    bool known = false;
    for (std::size_t c = 0; c < kCount; ++c) {
      if (std::find(spellings()[c].begin(), spellings()[c].end(), name) == spellings()[c].end()) {
        continue;
      }
      known = true;
      if (where[c]) {
        issues.add(record.line, spellings()[c].front(), "kolonnen står to gange i overskriften");
      }
      where[c] = i;
    }
    if (!known) {
      issues.add(record.line, trim_blanks(record.field(i)),
                 "ukendt kolonne (kendte: sagsnummer, cpr, center, kontrol, kategori, spørgsmål, "
                 "svar, kommentar)");
    }
  }
  for (const Column c : {kCase, kControl, kAnswer}) {
    if (!where[c]) issues.add(record.line, spellings()[c].front(), "kolonnen mangler");
  }
  if (!issues.empty()) issues.refuse();

  auto field = [&](Column c) {
    return where[c] ? trim_blanks(record.field(*where[c])) : std::string();
  };
  std::vector<storage::ExternalAnswer> answers;
  std::map<std::pair<std::string, std::string>, int> seen;  // (case, control) → first line
  std::set<std::string> in_sample, outside;
  while (reader.next(record)) {
    ++summary.lines;
    const int line = record.line;
    if (!record.problem.empty()) {
      issues.add(line, "", record.problem);
      continue;
    }
    if (record.field_count != header_fields) {
      issues.add(line, "",
                 "linjen har " + std::to_string(record.field_count) + " felter, overskriften " +
                     std::to_string(header_fields));
      continue;
    }
    const std::string answer_text = field(kAnswer);
    const std::string comment = field(kComment);
    if (answer_text.empty() && comment.empty()) continue;  // not reviewed
    storage::ExternalAnswer a;
    a.line = line;
    a.case_number = field(kCase);
    a.control_id = field(kControl);
    a.comment = comment;
    bool ok = true;
    if (a.case_number.empty()) {
      issues.add(line, "sagsnummer", "mangler");
      ok = false;
    }
    if (a.control_id.empty()) {
      issues.add(line, "kontrol", "mangler");
      ok = false;
    } else if (!loaded.concept_.find_control(a.control_id)) {
      issues.add(line, "kontrol",
                 "'" + a.control_id + "' findes ikke i rundens kvalitetskoncept for " +
                     loaded.round.benefit_type);
      ok = false;
    }
    if (const auto parsed = parse_answer(answer_text)) {
      a.answer = *parsed;
      if (needs_comment(a.answer) && comment.empty()) {
        issues.add(line, "kommentar",
                   "svaret '" + danish_label(a.answer) + "' kræver en kommentar");
        ok = false;
      }
    } else {
      issues.add(line, "svar",
                 answer_text.empty()
                     ? std::string("mangler (der er en kommentar, men intet svar)")
                     : "'" + answer_text +
                           "' er ikke et svar (korrekt, fejl, ikke relevant eller kan ikke "
                           "vurderes)");
      ok = false;
    }
    if (contains_cpr(comment)) {
      issues.add(line, "kommentar",
                 "kommentaren ser ud til at indeholde et CPR-nummer; skriv det ikke her "
                 "(sagsnummeret er nok)");
      ok = false;
    }
    if (!a.case_number.empty() && !a.control_id.empty()) {
      const auto [it, first] = seen.emplace(std::pair{a.case_number, a.control_id}, line);
      if (!first) {
        issues.add(line, "sagsnummer",
                   "sag " + a.case_number + " har allerede et svar på kontrol " + a.control_id +
                       " i linje " + std::to_string(it->second));
        ok = false;
      }
    }
    if (!ok) continue;
    a.in_sample = sampled.count(a.case_number) > 0;
    (a.in_sample ? in_sample : outside).insert(a.case_number);
    answers.push_back(std::move(a));
  }
  if (summary.lines == 0) issues.add(0, "", "filen har ingen linjer, kun en overskrift");
  if (issues.empty() && answers.empty()) {
    issues.add(0, "svar", "filen har ingen besvarede linjer (svar er tomt overalt)");
  }
  if (!issues.empty()) issues.refuse();

  summary.answers = answers.size();
  summary.cases_in_sample = in_sample.size();
  summary.cases_outside_sample.assign(outside.begin(), outside.end());
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
