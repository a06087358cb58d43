#pragma once
// What a kvalitetskoordinator answers for one control of one sampled case: korrekt, fejl, ikke
// relevant or kan ikke vurderes (the file lacks what is needed to judge), with a comment, and —
// on a reimbursement-relevant nøglekontrol — the amount in kroner and the period affected, which
// the berigtigelse (correction of the state reimbursement) starts from.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "domain/source_position.hpp"

namespace sagsaudit {

enum class Answer {
  correct,         // korrekt
  error,           // fejl
  not_applicable,  // ikke relevant: left out of every percentage
  not_assessable,  // kan ikke vurderes: counted apart; an error when the årshjul says so
};

// Stable ASCII code for storage and the API: "correct", "error", "not_applicable",
// "not_assessable".
std::string answer_code(Answer answer);
// The Danish words users see and write: "korrekt", "fejl", "ikke relevant", "kan ikke vurderes".
std::string danish_label(Answer answer);
// Reads a code or a Danish label, as typed in a CSV file kept in Excel: surrounding blanks are
// ignored, runs of blanks inside count as one, and ASCII letters may be in either case
// ("Ikke  relevant", " FEJL "). Anything else gives nullopt.
std::optional<Answer> parse_answer(std::string_view text);

// Whether the answer needs a comment: fejl and kan ikke vurderes (somebody must be able to see
// what was wrong or what was missing).
bool needs_comment(Answer answer);

// The period an error affected, first and last day inclusive.
struct AffectedPeriod {
  Date from;
  Date to;
  friend bool operator==(const AffectedPeriod&, const AffectedPeriod&) = default;
};

struct ControlAnswer {
  std::string control_id;  // Control::id of the round's concept
  Answer answer = Answer::correct;
  std::string comment;  // empty when none
  // Kroner, exact to the øre (at most two decimals). Only on a reimbursement-relevant
  // nøglekontrol answered fejl or kan ikke vurderes; see review_answers.hpp.
  std::optional<Decimal> amount;
  std::optional<AffectedPeriod> affected_period;  // same restriction as amount
  // Where the answer was read from (the import file's line), for error messages; 0 when typed
  // in the UI.
  SourcePosition position;
};

// Reads an amount in kroner as written in Danish CSV or in the API: "1234,50", "1.234,50",
// "1234.50", "1234", "-5" (the sign is accepted so that validation can say what is wrong with
// it). A ',' is the decimal mark, and then '.' may only separate groups of three digits; with no
// ',', a '.' is the decimal mark. At most two decimals (øre), at most 13 digits before the mark;
// surrounding blanks are ignored. Anything else gives nullopt (so "1.234" — kroner and øre or a
// thousands separator? — is refused rather than guessed).
std::optional<Decimal> parse_kroner(std::string_view text);
// Danish display with two decimals: 1234.5 → "1.234,50", -5 → "-5,00".
// Throws std::invalid_argument when the amount has more than two decimals.
std::string format_kroner(const Decimal& amount);

}  // namespace sagsaudit
