#include "domain/round_state.hpp"

#include <array>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

struct StateNames {
  RoundState state;
  const char* code;
  const char* danish;
};

constexpr std::array<StateNames, 6> kNames = {{
    {RoundState::planned, "planned", "planlagt"},
    {RoundState::population_loaded, "population_loaded", "population indlæst"},
    {RoundState::sample_drawn, "sample_drawn", "stikprøve udtrukket"},
    {RoundState::in_review, "in_review", "under gennemgang"},
    {RoundState::closed, "closed", "afsluttet"},
    {RoundState::reported, "reported", "rapporteret"},
}};

const StateNames& names(RoundState state) {
  for (const auto& n : kNames) {
    if (n.state == state) return n;
  }
  return kNames.front();  // unreachable: every enumerator is in the table
}

std::string quoted_list(const std::vector<RoundState>& states) {
  std::string out;
  for (std::size_t i = 0; i < states.size(); ++i) {
    if (i > 0) out += (i + 1 == states.size()) ? " eller " : ", ";
    out += "'" + danish_label(states[i]) + "'";
  }
  return out;
}

}  // namespace

std::string state_code(RoundState state) {
  return names(state).code;
}

std::string danish_label(RoundState state) {
  return names(state).danish;
}

std::optional<RoundState> parse_round_state(std::string_view code) {
  for (const auto& n : kNames) {
    if (code == n.code || code == n.danish) return n.state;
  }
  return std::nullopt;
}

// The life of a round is a straight line: every step needs the one before it (a sample needs a
// population, reviews need a sample, a report needs the reviews closed), so there is one way on
// and no way back. A population imported again or a sample redrawn is the same state, not a
// transition.
std::vector<RoundState> allowed_next(RoundState from) {
  switch (from) {
    case RoundState::planned:
      return {RoundState::population_loaded};
    case RoundState::population_loaded:
      return {RoundState::sample_drawn};
    case RoundState::sample_drawn:
      return {RoundState::in_review};
    case RoundState::in_review:
      return {RoundState::closed};
    case RoundState::closed:
      return {RoundState::reported};
    case RoundState::reported:
      return {};
  }
  return {};
}

void check_round_transition(std::string_view round_id, RoundState from, RoundState to) {
  const auto next = allowed_next(from);
  for (auto allowed : next) {
    if (allowed == to) return;
  }
  std::string message = "runden " + std::string(round_id) + " er '" + danish_label(from) + "'; ";
  if (next.empty()) {
    message += "den kan ikke gå videre herfra";
  } else {
    message += "herfra kan den kun gå til " + quoted_list(next);
  }
  message += " (ikke til '" + danish_label(to) + "')";
  throw ConflictError(message);
}

}  // namespace sagsaudit
