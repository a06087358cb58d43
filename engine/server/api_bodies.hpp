#pragma once
// The JSON request bodies of the API as the handlers read them, each a function of the parsed
// object alone (no database, no session), so that they are tested and fuzzed
// (fuzz/api_json_fuzzer.cpp) without a server. Every one throws ValidationError naming the
// field, as api_json.hpp's getters do. Defined in api_bodies.cpp.
#include <boost/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "domain/answer.hpp"
#include "domain/review_answers.hpp"
#include "domain/round_state.hpp"
#include "storage/user_repository.hpp"
#include "users/user_admin.hpp"

namespace sagsaudit::server {

// The API's code for an answer: korrekt, fejl, ikke_relevant, kan_ikke_vurderes.
std::string answer_text(Answer answer);

// PUT /api/v1/rounds/{id}/reviews/{sagsnummer}: "svar", every problem named by its place
// ("svar[2].beloeb").
std::vector<ControlAnswer> answers_from(const boost::json::object& body);

// POST /api/v1/users: the user (brugernavn, navn, rolle, centre) and adgangskode.
struct NewUserBody {
  storage::User user;
  std::string password;
};
NewUserBody new_user_from(const boost::json::object& body);

// PATCH /api/v1/users/{brugernavn}: the fields given.
UserChange user_change_from(const boost::json::object& body);

// POST /api/v1/session: brugernavn and adgangskode.
struct LoginBody {
  std::string username;
  std::string password;
};
LoginBody login_from(const boost::json::object& body);

// POST /api/v1/rounds/{id}/sample: "seed", a whole number 0…2^64-1 or that number as text.
std::uint64_t seed_value(const boost::json::object& body);

// POST /api/v1/rounds/{id}/advance: "til", a round state.
RoundState advance_target(const boost::json::object& body);

}  // namespace sagsaudit::server
