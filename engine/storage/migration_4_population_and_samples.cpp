// Migration 4: populations, their cases, sample protocols and picks.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_4_population_and_samples() {
  return Migration{4, "population and samples", {}};  // the sampling track fills this in
}

}  // namespace sagsaudit::storage
