#include "server/database_pool.hpp"

#include "domain/errors.hpp"

namespace sagsaudit::server {

DatabasePool::DatabasePool(std::string url, int size, std::chrono::seconds wait)
    : url_(std::move(url)), size_(size < 1 ? 1 : size), wait_(wait) {}

DatabasePool::Lease::~Lease() {
  if (db_) pool_->give_back(std::move(db_), broken_);
}

DatabasePool::Lease DatabasePool::acquire() {
  std::unique_lock lock(mutex_);
  if (!available_.wait_for(lock, wait_, [&] { return !idle_.empty() || open_ < size_; })) {
    throw StorageError("ingen ledig databaseforbindelse efter " + std::to_string(wait_.count()) +
                       " sekunder");
  }
  ++in_use_;
  if (!idle_.empty()) {
    auto db = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(db));
  }
  ++open_;
  lock.unlock();
  try {
    return Lease(*this, storage::Database::open(url_));
  } catch (...) {
    lock.lock();
    --open_;
    --in_use_;
    available_.notify_one();
    throw;
  }
}

void DatabasePool::give_back(std::unique_ptr<storage::Database> db, bool broken) {
  {
    std::lock_guard lock(mutex_);
    --in_use_;
    if (broken || db->in_transaction()) {
      --open_;
    } else {
      idle_.push_back(std::move(db));
    }
  }
  available_.notify_one();
}

int DatabasePool::in_use() const {
  std::lock_guard lock(mutex_);
  return in_use_;
}

int DatabasePool::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

}  // namespace sagsaudit::server
