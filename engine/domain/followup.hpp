#pragma once
// Opfølgning (issue 8): the rules of the follow-up that a review is worth.
//
//  - A red light (trafiklys rød) means an improvement initiative (kvalitetsforbedrende
//    initiativ) is agreed (seed 003): every center × ydelsestype cell that is red in a published
//    (rapporteret) round gets one; a yellow cell may get one when somebody chooses so.
//  - An initiative's status is reported in seed 001's colours: grøn "Initiativet er opfyldt",
//    gul "Initiativet forløber med nogen forsinkelse", rød "Initiativet forløber med stor
//    forsinkelse, risiko for manglende opfyldelse". Before its deadline an open initiative has
//    no colour yet: it is "i gang" (shown with the word, never as a colour).
//  - An error with reimbursement impact means the state reimbursement is corrected
//    (berigtigelse): each becomes a correction task, åben → berigtiget or ikke relevant (the
//    latter only with a reason).
// Pure: "today" is passed in.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "domain/traffic_light.hpp"

namespace sagsaudit {

// What people mark on an initiative.
enum class InitiativeMarker {
  open,     // åben: being worked on (the colour then follows the deadline)
  done,     // opfyldt
  delayed,  // forsinket: at least gul
  at_risk,  // i risiko: rød
};

// Stable ASCII codes for storage and the API: "open", "done", "delayed", "at_risk".
std::string marker_code(InitiativeMarker marker);
// Danish: "åben", "opfyldt", "forsinket", "i risiko".
std::string danish_label(InitiativeMarker marker);
// Reads a code or the Danish word.
std::optional<InitiativeMarker> parse_initiative_marker(std::string_view text);

// The status shown in the handleplan.
enum class InitiativeStatus {
  in_progress,  // i gang: open, not delayed, deadline not passed (no colour)
  green,        // grøn
  yellow,       // gul
  red,          // rød
};

// "in_progress", "green", "yellow", "red".
std::string status_code(InitiativeStatus status);
// The word always shown with the colour: "i gang", "grøn", "gul", "rød".
std::string danish_label(InitiativeStatus status);
// Seed 001's status text: "Initiativet er opfyldt", "Initiativet forløber med nogen
// forsinkelse", "Initiativet forløber med stor forsinkelse, risiko for manglende opfyldelse";
// for i gang "Initiativet forløber planmæssigt (fristen er ikke overskredet)".
std::string status_text(InitiativeStatus status);

// The gul/rød limit: an open initiative up to this many days past its deadline is gul, beyond
// it rød. Configured as [opfoelgning] gul_graense_dage (docs/followup.md); default 30.
struct FollowupRules {
  int yellow_limit_days = 30;
};
inline constexpr int kMaxYellowLimitDays = 3650;

// Reads the configured limit: a whole number 1…3650. ValidationError naming
// `field` ("[opfoelgning] gul_graense_dage") otherwise.
FollowupRules parse_followup_rules(std::string_view yellow_limit_days, const std::string& field);

// Whole days `today` is past `deadline`: 0 on the deadline day and before it, 1 the day after.
// 0 without a deadline.
int days_overdue(const std::optional<Date>& deadline, Date today);

// The status rule:
//   opfyldt                                          → grøn (whatever the deadline)
//   i risiko                                         → rød
//   åben/forsinket, 1…limit days past the deadline   → gul
//   åben/forsinket, more than limit days past it     → rød
//   forsinket, deadline not passed (or none)         → gul
//   åben, deadline not passed (or none set yet)      → i gang
InitiativeStatus initiative_status(InitiativeMarker marker, const std::optional<Date>& deadline,
                                   Date today, const FollowupRules& rules);

// A change of an initiative's marker: every change needs a reason (ValidationError, field
// "--reason", when blank); ConflictError when the marker is already `to`.
void check_marker_change(std::string_view initiative, InitiativeMarker from, InitiativeMarker to,
                         std::string_view reason);

// Open: anything not marked opfyldt (it still belongs on the report's list of open ones).
bool is_open(InitiativeMarker marker);

// Order of the report's list: rød before gul before i gang before grøn; within a status the most
// overdue first. Returns true when a should come before b.
bool report_before(InitiativeStatus a_status, int a_overdue, InitiativeStatus b_status,
                   int b_overdue);

// Which cells get an initiative when their round is published: every red light. A yellow one
// only when asked (may_have_initiative); green and "ingen data" never.
bool needs_initiative(const std::optional<TrafficLight>& light);
bool may_have_initiative(const std::optional<TrafficLight>& light);

// Berigtigelse.
enum class CorrectionState {
  open,          // åben
  corrected,     // berigtiget
  not_relevant,  // ikke relevant (a reason is required)
};

// "open", "corrected", "not_relevant".
std::string correction_code(CorrectionState state);
// "åben", "berigtiget", "ikke relevant".
std::string danish_label(CorrectionState state);
// Reads a code, the Danish word, or "ikke-relevant" (as typed on a command line).
std::optional<CorrectionState> parse_correction_state(std::string_view text);

// A change of a correction's state: ValidationError (field "--reason") when the new state is
// ikke relevant and the reason is blank, or when going back to åben without a reason;
// ConflictError when from == to.
void check_correction_change(std::string_view correction, CorrectionState from, CorrectionState to,
                             std::string_view reason);

// Percent correct before → after for a targeted control, and whether it improved: the "after"
// whole percent is higher. nullopt when either side has no data.
struct Improvement {
  std::optional<int> before;  // whole percent, rounded half up (traffic_light.hpp whole_percent)
  std::optional<int> after;
  std::optional<bool> improved;  // nullopt without data on both sides
};
Improvement improvement(std::int64_t correct_before, std::int64_t counted_before,
                        std::int64_t correct_after, std::int64_t counted_after);

// The sum of amounts in kroner (each at most two decimals), exact, with no trailing zero
// decimals (1234,50 + 5 = 1239.5). Throws std::invalid_argument when an amount has more than two
// decimals.
Decimal sum_kroner(const Decimal& a, const Decimal& b);

}  // namespace sagsaudit
