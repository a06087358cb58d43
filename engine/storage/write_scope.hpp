#pragma once
// Internal to the storage layer: how a repository write is made atomic. It joins the caller's
// Transaction when one is open on the Database, and otherwise opens (and commits) its own.
#include <optional>

#include "storage/database.hpp"

namespace sagsaudit::storage {

class WriteScope {
 public:
  explicit WriteScope(Database& db) {
    if (!db.in_transaction()) own_.emplace(db);
  }
  // Commits the write's own transaction; within the caller's, the caller decides.
  void done() {
    if (own_) own_->commit();
  }

 private:
  std::optional<Transaction> own_;
};

}  // namespace sagsaudit::storage
