#include "domain/concept_rules.hpp"

#include <map>

namespace sagsaudit {
namespace {

bool is_lower_alnum(char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'); }
bool is_alnum(char ch) { return is_lower_alnum(ch) || (ch >= 'A' && ch <= 'Z'); }

Issue issue_at(const Concept& c, SourcePosition at, std::string field, std::string message) {
  return Issue{c.source_file, at.line, at.column, std::move(field), std::move(message)};
}

}  // namespace

bool is_valid_code(std::string_view code) {
  if (code.empty() || code.size() > 64 || !(code[0] >= 'a' && code[0] <= 'z')) return false;
  for (char ch : code) {
    if (!is_lower_alnum(ch) && ch != '_' && ch != '-') return false;
  }
  return true;
}

bool is_valid_control_id(std::string_view id) {
  if (id.empty() || id.size() > 32 || !is_alnum(id[0])) return false;
  for (char ch : id) {
    if (!is_alnum(ch) && ch != '-' && ch != '_' && ch != '.') return false;
  }
  return true;
}

std::vector<Issue> check_concept(const Concept& c) {
  std::vector<Issue> issues;
  const SourcePosition top{1, 1};
  if (!is_valid_code(c.benefit_type)) {
    issues.push_back(issue_at(c, top, "ydelsestype",
                              "'" + c.benefit_type +
                                  "' er ikke en gyldig kode (små bogstaver a-z, cifre, _ og -)"));
  }
  if (c.title.empty()) issues.push_back(issue_at(c, top, "titel", "må ikke være tom"));
  if (c.controls.empty()) {
    issues.push_back(issue_at(c, top, "kontrol", "konceptet har ingen kontroller"));
  }

  std::map<std::string, int> first_line_of_id;
  for (const auto& control : c.controls) {
    if (!is_valid_control_id(control.id)) {
      issues.push_back(issue_at(c, control.position, "kontrol.id",
                                "'" + control.id +
                                    "' er ikke et gyldigt id (bogstaver, cifre, -, _ og ., højst "
                                    "32 tegn)"));
    } else if (auto [it, inserted] = first_line_of_id.emplace(control.id, control.position.line);
               !inserted) {
      issues.push_back(issue_at(c, control.position, "kontrol.id",
                                "kontrol-id '" + control.id + "' findes allerede (linje " +
                                    std::to_string(it->second) + ")"));
    }
    if (control.question.empty()) {
      issues.push_back(issue_at(c, control.position, "kontrol.tekst", "må ikke være tom"));
    }
    if (control.legal_reference.empty()) {
      issues.push_back(issue_at(c, control.position, "kontrol.hjemmel", "må ikke være tom"));
    }
    if (control.affects_reimbursement && control.category != Category::key_control) {
      issues.push_back(issue_at(c, control.position, "kontrol.refusion",
                                "refusion gælder kun nøglekontroller"));
    }
  }

  if (!c.controls.empty()) {
    for (auto category : {Category::key_control, Category::quality_goal, Category::formality}) {
      if (c.count(category) == 0) {
        issues.push_back(issue_at(c, top, "kontrol",
                                  "konceptet har ingen kontrol i kategorien " + to_danish(category)));
      }
    }
  }
  return issues;
}

}  // namespace sagsaudit
