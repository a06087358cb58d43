#pragma once
// Moving a round to its next state: checks the state machine (domain/round_state.hpp), sets the
// state and writes the audit log entry (who, when, from, to) in the same transaction. Every
// caller — tick, population import, sample draw, the CLI and the web API — goes through here.
#include <string>
#include <string_view>

#include "domain/round_state.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// Joins the caller's Transaction when one is open, otherwise runs in its own.
// Throws NotFound (no such round), ConflictError (not allowed from the current state; the
// message names the current state and the allowed next ones), StorageError.
// Returns the state the round was in.
RoundState transition_round(storage::Database& db, std::string_view round_id, RoundState to,
                            const std::string& actor, const std::string& at,
                            const std::string& details_json = "{}");

}  // namespace sagsaudit
