// Migration 3: rounds, audit log, users, case reviews and assignment, notifications.
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_3_workflow() {
  return Migration{3, "workflow", {}};  // the workflow track fills this in
}

}  // namespace sagsaudit::storage
