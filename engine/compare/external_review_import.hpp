#pragma once
// Revisorgennemgang in and out (issue 7 item 1): the template the external auditor fills in,
// and the import of the filled file.
//
// The template has one line per sampled case × control of the round's kvalitetskoncept:
//
//   sagsnummer;cpr;center;kontrol;kategori;spørgsmål;svar;kommentar
//
// (cpr masked, "010180-xxxx"). The auditor fills in svar (korrekt, fejl, ikke relevant or kan
// ikke vurderes) and kommentar, leaves svar empty for what was not reviewed, and may add lines
// for cases outside our stikprøve (kept, listed apart, never paired). The import reads the file
// as CSV (';', UTF-8 with or without BOM, else Windows-1252; an XLSX template is saved as CSV
// from Excel). Columns are found by their header: sagsnummer, kontrol and svar must be there,
// kommentar may be; cpr, center, kategori and spørgsmål are read past.
//
// The file is checked whole before anything is stored, as every import: each problem is
// file:line: field: message (all of them; the CLI lists the first 50 and the count), and one
// problem refuses the whole file. Problems: an unknown column, a line with the wrong number of
// fields, a missing sagsnummer or kontrol, a control the round's concept does not have, a bad
// answer, fejl or kan ikke vurderes without a comment, a CPR number in a comment, and the same
// sagsnummer twice for the same control. Stored in one transaction with one "compare.import"
// audit entry (file, SHA-256, counts, and whether an earlier import from the same source was
// replaced).
#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "domain/concept.hpp"
#include "loading/text_encoding.hpp"
#include "storage/database.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"

namespace sagsaudit {

// What the template is made of. Throws NotFound (no such round), ConflictError (no sample drawn
// yet), StorageError.
struct ExternalReviewTemplate {
  storage::Round round;
  Concept concept_;
  std::vector<storage::SampledCase> cases;  // by center, then draw order
};
ExternalReviewTemplate external_review_template(storage::Database& db, const std::string& round_id);

// The template's header, in order.
const std::vector<std::string>& external_template_header();

struct ExternalImportOptions {
  std::string source;  // who reviewed, e.g. "Deloitte" (not empty)
  std::string actor;
  std::string at;  // UTC ISO 8601
};

struct ExternalImportSummary {
  std::string round_id;
  std::string source;
  std::string file;
  std::string sha256;
  TextEncoding encoding = TextEncoding::utf8;
  std::size_t lines = 0;    // data lines read
  std::size_t answers = 0;  // answers stored (lines with a svar)
  std::size_t cases_in_sample = 0;
  std::vector<std::string> cases_outside_sample;  // sorted
  bool replaced = false;                          // an earlier import from the source was replaced
};

// The checking half of the import, no database: the file's text (decoded) against the round's
// concept and its sampled sagsnumre. Throws ValidationError with every problem; `path` names
// the file in them. Used by import_external_review and fuzz/external_review_csv_fuzzer.cpp.
struct ExternalReviewLines {
  std::size_t lines = 0;                         // data lines read
  std::vector<storage::ExternalAnswer> answers;  // the answered lines, in file order
  std::size_t cases_in_sample = 0;
  std::vector<std::string> cases_outside_sample;  // sorted
};
ExternalReviewLines read_external_review_text(const std::string& text, const std::string& path,
                                              const Concept& concept_,
                                              const std::string& benefit_type,
                                              const std::set<std::string>& sampled);

// Throws ValidationError (every problem, by line; nothing stored), NotFound (no such round),
// ConflictError (no sample yet, or the source's review is locked), StorageError.
// REQUIRES: no Transaction is open on db.
ExternalImportSummary import_external_review(storage::Database& db, const std::string& round_id,
                                             const std::string& path,
                                             const ExternalImportOptions& options);

}  // namespace sagsaudit
