#include "setup/database_setup.hpp"

#include "domain/concept_coverage.hpp"
#include "domain/errors.hpp"
#include "loading/concept_loader.hpp"
#include "loading/wheel_loader.hpp"
#include "storage/concept_repository.hpp"
#include "storage/wheel_repository.hpp"

namespace sagsaudit {

std::unique_ptr<storage::Database> open_database(const Config& config,
                                                 storage::MigrationReport* report) {
  auto db = storage::Database::open(config.database_url);
  const auto migrations = storage::migrate(*db);
  if (report) *report = migrations;
  return db;
}

InitReport initialise(storage::Database& db, const Config& config) {
  InitReport report;
  // Validate everything before touching the database; collect the problems of both kinds of
  // file so one run shows them all.
  std::vector<Issue> issues;
  std::optional<AnnualWheel> wheel;
  try {
    report.concepts = load_concept_dir(config.concepts_dir);
  } catch (const ValidationError& error) {
    issues.insert(issues.end(), error.issues().begin(), error.issues().end());
  }
  try {
    wheel = load_annual_wheel_file(config.annual_wheel_file);
  } catch (const ValidationError& error) {
    issues.insert(issues.end(), error.issues().begin(), error.issues().end());
  }
  if (issues.empty()) issues = check_concept_coverage(*wheel, report.concepts);
  if (!issues.empty()) throw ValidationError(std::move(issues));
  report.wheel = std::move(*wheel);

  storage::Transaction transaction(db);
  auto concepts = storage::make_concept_repository(db);
  for (const auto& concept_ : report.concepts) {
    if (concepts->store(concept_)) ++report.new_concept_versions;
  }
  report.new_wheel_version = storage::make_wheel_repository(db)->store(report.wheel);
  transaction.commit();
  return report;
}

CprKey load_configured_cpr_key(const Config& config) {
  if (config.cpr_key_file.empty()) {
    throw ValidationError(
        "ingen nøgle til CPR-hash er sat op: angiv [security] cpr_key_file i sagsaudit.toml, "
        "SAGSAUDIT_CPR_KEY_FILE eller --cpr-key-file. Lav en ny nøgle med 'sagsaudit keygen "
        "--out FIL', og gem den sikkert: uden den samme nøgle kan CPR-hash fra forskellige "
        "runder ikke sammenlignes.");
  }
  return CprKey::load(config.cpr_key_file);
}

}  // namespace sagsaudit
