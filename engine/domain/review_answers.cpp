#include "domain/review_answers.hpp"

#include <set>
#include <string>

namespace sagsaudit {
namespace {

bool is_blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

bool is_whole_ore(const Decimal& amount) {
  return amount.denominator <= 100 || amount.numerator % (amount.denominator / 100) == 0;
}

Issue issue_at(const ControlAnswer& answer, std::string field, std::string message) {
  return Issue{"", answer.position.line, answer.position.column, std::move(field),
               std::move(message)};
}

std::string concept_name(const Concept& concept_) {
  std::string name = "kvalitetskonceptet for " + concept_.benefit_type;
  if (!concept_.version.empty()) name += " (version " + concept_.version.substr(0, 12) + ")";
  return name;
}

// The rules about amount and affected period, which only the berigtigelse uses.
void check_reimbursement_details(const Control& control, const ControlAnswer& answer,
                                 std::vector<Issue>& issues) {
  if (!answer.amount && !answer.affected_period) return;
  const std::string& id = answer.control_id;
  const bool reimbursement_control =
      control.category == Category::key_control && control.affects_reimbursement;
  if (!reimbursement_control) {
    if (answer.amount) {
      issues.push_back(issue_at(answer, id,
                                "beløb kan kun angives på en nøglekontrol, der har betydning "
                                "for refusionen"));
    }
    if (answer.affected_period) {
      issues.push_back(issue_at(answer, id,
                                "berørt periode kan kun angives på en nøglekontrol, der har "
                                "betydning for refusionen"));
    }
    return;
  }
  if (answer.answer != Answer::error && answer.answer != Answer::not_assessable) {
    issues.push_back(issue_at(answer, id,
                              "beløb og berørt periode kan kun angives ved svaret 'fejl' eller "
                              "'kan ikke vurderes', ikke ved '" +
                                  danish_label(answer.answer) + "'"));
  }
  if (answer.amount) {
    if (answer.amount->numerator < 0) {
      issues.push_back(issue_at(answer, id, "beløbet må ikke være negativt"));
    }
    if (!is_whole_ore(*answer.amount)) {
      issues.push_back(issue_at(answer, id, "beløbet kan højst have to decimaler (øre)"));
    }
  }
  if (answer.affected_period && answer.affected_period->to < answer.affected_period->from) {
    issues.push_back(issue_at(answer, id,
                              "den berørte periode slutter (" +
                                  to_danish(answer.affected_period->to) + ") før den begynder (" +
                                  to_danish(answer.affected_period->from) + ")"));
  }
}

}  // namespace

std::vector<Issue> check_review_answers(const Concept& concept_,
                                        const std::vector<ControlAnswer>& answers,
                                        ReviewStage stage) {
  std::vector<Issue> issues;
  std::set<std::string> answered;
  for (const ControlAnswer& answer : answers) {
    const std::string& id = answer.control_id;
    if (id.empty()) {
      issues.push_back(issue_at(answer, "kontrol", "kontrol-id mangler"));
      continue;
    }
    const Control* control = concept_.find_control(id);
    if (control == nullptr) {
      issues.push_back(issue_at(answer, id, "kontrollen findes ikke i " + concept_name(concept_)));
      continue;
    }
    if (!answered.insert(id).second) {
      issues.push_back(issue_at(answer, id, "kontrollen er besvaret mere end én gang"));
      continue;
    }
    if (needs_comment(answer.answer) && is_blank(answer.comment)) {
      issues.push_back(
          issue_at(answer, id, "svaret '" + danish_label(answer.answer) + "' kræver en kommentar"));
    }
    check_reimbursement_details(*control, answer, issues);
  }
  if (stage == ReviewStage::submit) {
    for (const Control& control : concept_.controls) {
      if (answered.count(control.id) == 0) {
        issues.push_back(Issue{"", 0, 0, control.id,
                               "kontrollen er ikke besvaret; alle kontroller skal besvares, før "
                               "gennemgangen kan indsendes"});
      }
    }
  }
  return issues;
}

void require_valid_review_answers(const Concept& concept_,
                                  const std::vector<ControlAnswer>& answers, ReviewStage stage) {
  std::vector<Issue> issues = check_review_answers(concept_, answers, stage);
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

}  // namespace sagsaudit
