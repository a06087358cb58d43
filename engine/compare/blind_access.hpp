#pragma once
// Blind review in the engine (issue 7 item 3): marking a round blind, locking an external
// review (which lifts the blindness), and the one check that every reader of answers calls —
// the CLI's review show, center reports and comparison, and the web server's pages alike.
// The rule itself is domain/blind_review.hpp; this file finds the user's role and the round's
// state, and writes every refusal to the audit log so the log shows that nobody looked early.
#include <optional>
#include <string>

#include "domain/blind_review.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// The user an actor names: "cli:jens" → "jens" (the command line), otherwise the actor itself
// (the web server's login name).
std::string username_of_actor(const std::string& actor);

// The actor's role from the users table; nothing when the actor is not a user (or inactive).
std::optional<UserRole> role_of_actor(storage::Database& db, const std::string& actor);

// Whether the round is blind and whether one of its external reviews is locked.
BlindState blind_state(storage::Database& db, const std::string& round_id);

// Returns when `actor` may see `side` of the round. Otherwise appends an audit entry
// (action "blind.refused", object the round, details: side, role, what was asked for) in its
// own transaction and throws Forbidden with the Danish reason. `what` names the attempt for the
// log, e.g. "review show S-0042" or "compare report".
// REQUIRES: no Transaction is open on db (the refusal must be kept even though nothing else is).
void require_visible(storage::Database& db, const std::string& round_id, ReviewSide side,
                     const std::string& actor, const std::string& at, const std::string& what);

// Marks the round blind (audit "round.blind"). Throws NotFound for an unknown round and
// ConflictError when it is blind already or has an external review imported (blindness must
// start before the auditor's answers are in).
// REQUIRES: no Transaction is open on db.
void mark_round_blind(storage::Database& db, const std::string& round_id, const std::string& actor,
                      const std::string& at);

// Locks the external review from `source` (audit "compare.lock"); from then on it cannot be
// imported again and the round's blindness is lifted. Throws NotFound when there is no such
// review, ConflictError when it is locked already.
// REQUIRES: no Transaction is open on db.
void lock_external_review(storage::Database& db, const std::string& round_id,
                          const std::string& source, const std::string& actor,
                          const std::string& at);

}  // namespace sagsaudit
