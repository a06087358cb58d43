#pragma once
// Opening the configured database (migrations run at every start, DESIGN.md) and `init`:
// loading the concept files and the årshjul into it.
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "crypto/cpr_hash.hpp"
#include "domain/annual_wheel.hpp"
#include "domain/concept.hpp"
#include "storage/database.hpp"
#include "storage/migrations.hpp"

namespace sagsaudit {

// Opens the database named by the configuration and brings its schema up to date.
// Throws StorageError or ValidationError (a malformed URL).
std::unique_ptr<storage::Database> open_database(const Config& config,
                                                 storage::MigrationReport* report = nullptr);

struct InitReport {
  storage::MigrationReport migrations;
  std::vector<Concept> concepts;  // as stored, in file-name order
  int new_concept_versions = 0;
  AnnualWheel wheel;
  bool new_wheel_version = false;
};

// Reads and validates every concept file and the årshjul, checks that they name the same
// ydelsestyper, and only then stores them all in one transaction: a bad file leaves the
// database as it was. Storing the same content again is a no-op (versions are content hashes).
InitReport initialise(storage::Database& db, const Config& config);

// The key CPR numbers are hashed with ([security] cpr_key_file). Throws ValidationError saying
// how to make one when none is configured.
CprKey load_configured_cpr_key(const Config& config);

}  // namespace sagsaudit
