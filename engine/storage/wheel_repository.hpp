#pragma once
// The stored årshjul: every version ever loaded, and which one is current. A version is the hash
// of the file's bytes, so a stored version never changes.
#include <memory>
#include <optional>
#include <string_view>

#include "domain/annual_wheel.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

// Every method throws StorageError when the database refuses.
class WheelRepository {
 public:
  virtual ~WheelRepository() = default;

  // Stores the version (thresholds, window, centers and entries in file order; SourcePositions
  // are not stored) unless it is stored already, and makes it the current wheel; so storing an
  // old file again makes the old version current again. True when the version is new.
  // Atomic: inside the caller's Transaction when one is open on the Database (then nothing is
  // kept unless the caller commits), otherwise in a transaction of its own.
  // REQUIRES: wheel.version is set (ValidationError otherwise).
  virtual bool store(const AnnualWheel& wheel) = 0;

  // The wheel stored last; nullopt before the first store.
  virtual std::optional<AnnualWheel> current() = 0;

  virtual std::optional<AnnualWheel> load(std::string_view version) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<WheelRepository> make_wheel_repository(Database& db);

}  // namespace sagsaudit::storage
