#pragma once
// The stored kvalitetskoncepter: every version ever loaded, and which one is current for each
// ydelsestype. A version is the content hash of the concept, so a stored version never changes.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/concept.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

// Every method throws StorageError when the database refuses.
class ConceptRepository {
 public:
  virtual ~ConceptRepository() = default;

  // Stores the version with its controls in file order (SourcePosition is not stored), unless
  // it is stored already, and makes it the current version of its ydelsestype; so storing an
  // old content again makes the old version current again. True when the version is new.
  // Atomic: inside the caller's Transaction when one is open on the Database (then nothing is
  // kept unless the caller commits), otherwise in a transaction of its own.
  // REQUIRES: concept_.version is set (ValidationError otherwise).
  virtual bool store(const Concept& concept_) = 0;

  virtual std::optional<Concept> load(std::string_view version) = 0;

  // The current version of every ydelsestype, ordered by ydelsestype code (byte order).
  virtual std::vector<Concept> current() = 0;

  // Every stored version of the ydelsestype, oldest (first stored) first.
  virtual std::vector<std::string> versions(std::string_view benefit_type) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<ConceptRepository> make_concept_repository(Database& db);

}  // namespace sagsaudit::storage
