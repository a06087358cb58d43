// Checking a filled-in revisorgennemgang file (read_external_review_text of
// compare/external_review_import.hpp): no database, so the import and the fuzzer
// (fuzz/external_review_csv_fuzzer.cpp) share it.
#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "compare/external_review_import.hpp"
#include "domain/answer.hpp"
#include "domain/errors.hpp"
#include "loading/csv_reader.hpp"
#include "scoring/cpr_in_text.hpp"

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

ExternalReviewLines read_external_review_text(const std::string& text, const std::string& path,
                                              const Concept& concept_,
                                              const std::string& benefit_type,
                                              const std::set<std::string>& sampled) {
  ExternalReviewLines out;
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
  std::vector<storage::ExternalAnswer>& answers = out.answers;
  std::map<std::pair<std::string, std::string>, int> seen;  // (case, control) → first line
  std::set<std::string> in_sample, outside;
  while (reader.next(record)) {
    ++out.lines;
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
    } else if (!concept_.find_control(a.control_id)) {
      issues.add(
          line, "kontrol",
          "'" + a.control_id + "' findes ikke i rundens kvalitetskoncept for " + benefit_type);
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
  if (out.lines == 0) issues.add(0, "", "filen har ingen linjer, kun en overskrift");
  if (issues.empty() && answers.empty()) {
    issues.add(0, "svar", "filen har ingen besvarede linjer (svar er tomt overalt)");
  }
  if (!issues.empty()) issues.refuse();

  out.cases_in_sample = in_sample.size();
  out.cases_outside_sample.assign(outside.begin(), outside.end());
  return out;
}

}  // namespace sagsaudit
