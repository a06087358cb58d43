#pragma once
// A small pool of open database connections for the API's worker threads (storage::Database is
// not thread-safe: one per thread at a time). Connections are opened on demand up to the size;
// one whose query failed with StorageError is dropped and reopened next time, so a database
// restart heals by itself.
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace sagsaudit::server {

class DatabasePool {
 public:
  // The schema must be migrated already (serve does it once at start).
  DatabasePool(std::string url, int size, std::chrono::seconds wait);

  class Lease {
   public:
    Lease(DatabasePool& pool, std::unique_ptr<storage::Database> db)
        : pool_(&pool), db_(std::move(db)) {}
    Lease(Lease&& other) noexcept
        : pool_(other.pool_), db_(std::move(other.db_)), broken_(other.broken_) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    storage::Database& operator*() { return *db_; }
    // The connection is not given back but closed (after a StorageError).
    void discard() { broken_ = true; }

   private:
    DatabasePool* pool_;
    std::unique_ptr<storage::Database> db_;
    bool broken_ = false;
  };

  // Waits up to `wait` for a free connection; throws StorageError when none comes, or when a
  // new one cannot be opened.
  Lease acquire();

  int size() const { return size_; }
  int in_use() const;
  int open() const;

 private:
  void give_back(std::unique_ptr<storage::Database> db, bool broken);

  std::string url_;
  int size_;
  std::chrono::seconds wait_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<storage::Database>> idle_;
  int open_ = 0;
  int in_use_ = 0;
};

}  // namespace sagsaudit::server
