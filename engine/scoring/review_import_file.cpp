// Checking a review import file (read_review_import_text of scoring/review_import.hpp): no
// database, so the import and the fuzzer (fuzz/review_import_csv_fuzzer.cpp) share it.
#include <algorithm>
#include <array>
#include <optional>

#include "domain/answer.hpp"
#include "domain/errors.hpp"
#include "loading/csv_reader.hpp"
#include "scoring/review_import.hpp"
#include "scoring/review_store.hpp"

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

}  // namespace

ReviewImportLines read_review_import_text(const std::string& text, const std::string& path,
                                          const std::string& round_id, const Concept& concept_,
                                          const std::map<std::string, storage::CaseReview>& reviews,
                                          ReviewStage stage) {
  ReviewImportLines out;
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

  std::vector<ImportedReviewCase>& cases = out.cases;
  std::map<std::string, std::size_t> case_index;
  auto field = [&](Column c) -> std::string {
    return where[c] ? trim_blanks(record.field(*where[c])) : std::string();
  };
  while (reader.next(record)) {
    ++out.rows;
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
    if (inserted) cases.push_back(ImportedReviewCase{number, line, {}});
    cases[it->second].answers.push_back(std::move(answer));
  }
  if (out.rows == 0) problem(0, "", "filen har ingen svar, kun en overskrift");

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
    std::vector<Issue> found = check_review_answers(concept_, c.answers, stage);
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

  return out;
}

}  // namespace sagsaudit
