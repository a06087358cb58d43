#pragma once
// The life of a review round (gennemgangsrunde):
//   planlagt → population indlæst → stikprøve udtrukket → under gennemgang → afsluttet →
//   rapporteret.
// Which steps are allowed is decided here, once, for the CLI, the web API and tick alike.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit {

enum class RoundState {
  planned,            // planlagt
  population_loaded,  // population indlæst
  sample_drawn,       // stikprøve udtrukket
  in_review,          // under gennemgang
  closed,             // afsluttet
  reported,           // rapporteret
};

// Stored code ("planned", "population_loaded", …) and back.
std::string state_code(RoundState state);
std::optional<RoundState> parse_round_state(std::string_view code);
// Danish label for people ("planlagt", "population indlæst", …); parse_round_state also reads it.
std::string danish_label(RoundState state);

// The states a round may go to next from `from`, in the order above.
std::vector<RoundState> allowed_next(RoundState from);

// Throws ConflictError when from → to is not allowed; the message names the round, its current
// state and the allowed next ones, e.g. "runden sygedagpenge-2027-K3 er 'planlagt'; herfra kan
// den kun gå til 'population indlæst'".
void check_round_transition(std::string_view round_id, RoundState from, RoundState to);

}  // namespace sagsaudit
