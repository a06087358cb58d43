#pragma once
// Blind review (issue 7 item 3): a round marked blind keeps the two sides' answers apart until
// the external auditor's review is imported and locked, so that neither side can adjust to the
// other. The rule is pure; engine/compare/blind_access.hpp applies it and writes every refusal
// to the audit log, so the log shows that nobody looked early.
#include <optional>
#include <string>

#include "domain/user_role.hpp"

namespace sagsaudit {

// Whose answers somebody wants to see.
enum class ReviewSide {
  municipality,  // the kvalitetskoordinatorer's own reviews (review show, center reports)
  auditor,       // the external auditor's (the comparison)
};

// "kommunens" / "revisorens", for messages.
std::string danish_owner(ReviewSide side);

struct BlindState {
  bool blind = false;   // the round was marked blind
  bool locked = false;  // one of its external reviews is locked: the blindness is lifted
};

// True while the round keeps the sides apart: blind and no external review locked yet.
bool keeps_sides_apart(const BlindState& state);

// Who may see `side` of a round in `state`. `role` is the user's role, or nothing for somebody
// who is not a user of sagsaudit (e.g. an OS user at the command line): such a person counts as
// the municipality's. While the sides are kept apart, the revisor role may not see the
// municipality's answers, and every other role may not see the auditor's; otherwise everybody
// may see both (what else a role may do is decided elsewhere).
bool may_see(const std::optional<UserRole>& role, ReviewSide side, const BlindState& state);

// The Danish refusal, e.g. "runden X er blind: revisor kan ikke se kommunens svar, før
// revisorgennemgangen er indlæst og låst ('sagsaudit compare lock')".
std::string blind_refusal(const std::string& round_id, const std::optional<UserRole>& role,
                          ReviewSide side);

}  // namespace sagsaudit
