#pragma once
// Keeping the report summaries (migration 9, storage/report_summary_repository.hpp) equal to a
// recount of the answers. Whatever changes the answers or the state of a counted review (submit,
// return, import; see counts_in_reports) calls refresh_report_cell in the same transaction, which
// recounts that round × center from review_answers with the same domain code the reports used
// before (tally_reviews) and stores the counts. The reports then read the counts
// (load_round_cells) for every round the summaries are complete for; docs/reports.md "Speed".
//
// Every function here also moves the report version (storage/report_version.hpp) in the same
// transaction, before it writes a count: the summaries are where the counted reviews' changes
// pass, so this is where the web server's report cache learns of them.
#include <cstddef>
#include <string>

#include "domain/review_state.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

// Whether a review in this state counts in the reports (indsendt or godkendt).
bool counts_in_reports(ReviewState state);

// Recounts the round's cell of `center` from its answers and stores it. When the round's
// summaries are not complete yet (answered before migration 9), recounts every center of the
// round instead and marks it complete. When a counted review's answers fail the submit rules
// (possible only if it was moved to indsendt without them), the round's summaries are removed
// instead, so the reports count it from the answers and report the problem as before.
// Joins the caller's transaction, or opens its own.
// Throws NotFound for an unknown round, StorageError when its concept version is missing.
void refresh_report_cell(storage::Database& db, const std::string& round_id,
                         const std::string& center, const std::string& at);

// Recounts every center of the round and marks its summaries complete.
void rebuild_report_summaries(storage::Database& db, const std::string& round_id,
                              const std::string& at);

// rebuild_report_summaries for every round that has reviews, one transaction per round
// (`sagsaudit report genopbyg`). Returns the number of rounds recounted.
std::size_t rebuild_all_report_summaries(storage::Database& db, const std::string& at);

}  // namespace sagsaudit
