#include "domain/blind_review.hpp"

namespace sagsaudit {

std::string danish_owner(ReviewSide side) {
  return side == ReviewSide::municipality ? "kommunens" : "revisorens";
}

bool keeps_sides_apart(const BlindState& state) {
  return state.blind && !state.locked;
}

bool may_see(const std::optional<UserRole>& role, ReviewSide side, const BlindState& state) {
  if (!keeps_sides_apart(state)) return true;
  const bool is_auditor = role == UserRole::auditor;
  return side == ReviewSide::municipality ? !is_auditor : is_auditor;
}

std::string blind_refusal(const std::string& round_id, const std::optional<UserRole>& role,
                          ReviewSide side) {
  const std::string who = role ? "rollen " + role_code(*role) : "en bruger uden rolle";
  return "runden " + round_id + " er blind: " + who + " kan ikke se " + danish_owner(side) +
         " svar, før revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). "
         "Forsøget er skrevet i revisionsloggen.";
}

}  // namespace sagsaudit
