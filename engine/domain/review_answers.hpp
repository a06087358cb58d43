#pragma once
// Whether the answers of one sagsgennemgang fit the round's kvalitetskoncept. Pure: the storage
// and import code call this before they write anything, and refuse the whole review when it
// gives any issue.
#include <vector>

#include "domain/answer.hpp"
#include "domain/concept.hpp"
#include "domain/errors.hpp"

namespace sagsaudit {

// A draft (kladde) may be saved with any subset of the controls answered; submitting
// (indsendelse) needs every control of the concept answered.
enum class ReviewStage { draft, submit };

// Every problem with the answers, in the order of `answers`, then the unanswered controls in the
// concept's order. Issue::field is the control id ("kontrol" when the id is empty), line and
// column come from ControlAnswer::position, file is left empty for the caller. Messages are
// Danish. The rules:
//   - the control id is not empty and names a control of the concept;
//   - each control is answered at most once (the second answer is refused);
//   - fejl and kan ikke vurderes have a comment that is not only blanks;
//   - an amount or an affected period only on a nøglekontrol that affects the reimbursement
//     (Control::affects_reimbursement), and only with fejl or kan ikke vurderes — the
//     berigtigelse follows an error, and an amount beside korrekt would be a typing slip;
//   - the amount is not negative and is whole øre (at most two decimals);
//   - the affected period does not end before it begins;
//   - on submit, every control of the concept is answered.
std::vector<Issue> check_review_answers(const Concept& concept_,
                                        const std::vector<ControlAnswer>& answers,
                                        ReviewStage stage);

// Throws ValidationError with every issue of check_review_answers, if there is any.
void require_valid_review_answers(const Concept& concept_,
                                  const std::vector<ControlAnswer>& answers, ReviewStage stage);

}  // namespace sagsaudit
