#pragma once
// `sagsaudit review import --round RUNDE FIL`: bring in reviews kept elsewhere (a year of Excel
// sheets from before sagsaudit, or test data) for the sampled cases of a round that is 'under
// gennemgang'. The file is ';'-separated with a header line (UTF-8 with or without BOM, else
// Windows-1252), one line per answer:
//
//   sagsnummer;kontrol;svar;kommentar;beløb[;periode_fra;periode_til]
//
// Columns are found by their header (case and surrounding blanks do not matter; "beloeb" and
// "belob" are read as beløb); kommentar, beløb and the period are optional columns, and empty
// fields mean "none". svar is a Danish word or a code (domain/answer.hpp), beløb Danish kroner
// ("1.234,50"), the period dates dd-mm-åååå or åååå-mm-dd.
//
// The file is checked whole before anything is stored: every problem is reported as
// file:line: field: message, and one problem refuses the whole file. Each case named must be a
// review of the round that the reviewer still owes (tildelt, i gang or returneret), and its
// answers must be complete (every control of the round's concept, submit rules) — or, with
// `draft`, valid as a draft.
//
// Stored in one transaction: each case's answers replace what it had; the review ends
// 'indsendt' (or 'i gang' with draft), through the state machine's steps; the audit log gets the
// steps, every changed answer with old and new value, and one review.import entry for the file.
// Approving is left to a leader, as for reviews typed in by hand.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "domain/concept.hpp"
#include "domain/review_answers.hpp"

#include "loading/text_encoding.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/database.hpp"

namespace sagsaudit {

struct ReviewImportOptions {
  std::string actor;
  std::string at;      // UTC ISO 8601
  bool draft = false;  // keep the reviews 'i gang' and check them as drafts
};

struct ReviewImportSummary {
  std::string round_id;
  std::string file;
  std::string sha256;
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t rows = 0;                        // answers read
  std::size_t reviews = 0;                     // cases imported
  std::map<std::string, std::size_t> centers;  // cases imported per center
};

// The checking half of the import, no database: the file's text (decoded) against the round's
// concept and its reviews by sagsnummer, at `stage`. Throws ValidationError with every problem;
// `path` names the file in them. Used by import_reviews and fuzz/review_import_csv_fuzzer.cpp.
struct ImportedReviewCase {
  std::string case_number;
  int first_line = 0;  // of the case's first answer
  std::vector<ControlAnswer> answers;
};
struct ReviewImportLines {
  std::size_t rows = 0;  // answers read
  std::vector<ImportedReviewCase> cases;
};
ReviewImportLines read_review_import_text(const std::string& text, const std::string& path,
                                          const std::string& round_id, const Concept& concept_,
                                          const std::map<std::string, storage::CaseReview>& reviews,
                                          ReviewStage stage);

// Throws ValidationError (every problem; nothing stored), NotFound (no such round),
// ConflictError (the round is not 'under gennemgang'), StorageError.
// REQUIRES: no Transaction is open on db.
ReviewImportSummary import_reviews(storage::Database& db, const std::string& round_id,
                                   const std::string& path, const ReviewImportOptions& options);

}  // namespace sagsaudit
