#pragma once
// Shared fixtures of the workflow's storage tests: the rows a round needs (a concept and an
// årshjul version to refer to) and a round to hang reviews and notifications on.
#include <string>

#include "storage/database.hpp"
#include "storage/round_repository.hpp"

namespace sagsaudit::storage::testing {

inline const std::string kConcept = std::string(64, 'c');
inline const std::string kWheel = std::string(64, 'w');

// Inserts concept version kConcept and årshjul version kWheel (with independent assignment as
// asked) directly, so these tests do not depend on the concept and wheel repositories.
void insert_versions(Database& db, bool independent = true);

// sygedagpenge-2027-K3 (window 01-10-2027 – 30-10-2027), planned, on kConcept and kWheel.
Round sample_round(const std::string& id = "sygedagpenge-2027-K3");

}  // namespace sagsaudit::storage::testing
