#pragma once
// Internal to the workflow: join the caller's Transaction when one is open on the Database,
// otherwise open one and commit it at done() — so a workflow step is atomic on its own and also
// part of a larger unit (tick, an import) when called inside one.
#include <optional>

#include "storage/database.hpp"

namespace sagsaudit::workflow_detail {

class OwnTransaction {
 public:
  explicit OwnTransaction(storage::Database& db) {
    if (!db.in_transaction()) own_.emplace(db);
  }
  void done() {
    if (own_) own_->commit();
  }

 private:
  std::optional<storage::Transaction> own_;
};

}  // namespace sagsaudit::workflow_detail
