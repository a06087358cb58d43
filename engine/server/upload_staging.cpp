// Upload staging directories and the start-up sweep (upload_staging.hpp).
#include "server/upload_staging.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <system_error>

#include "domain/errors.hpp"

namespace sagsaudit::server {
namespace {

namespace fs = std::filesystem;

constexpr const char* kFolderLock = ".upload.lock";  // in upload_dir; never removed
constexpr const char* kStagingLock = ".lock";        // in each staging directory

// Opens (creating) `file` for writing (NFS grants an exclusive lock only then) and takes an
// exclusive flock on it, waiting for it when `wait`. Returns the descriptor, or -1 with errno
// set (EWOULDBLOCK: another open file holds the lock).
int lock_file(const fs::path& file, bool wait) {
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return -1;
  int rc = 0;
  do {
    rc = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
  } while (rc != 0 && errno == EINTR);
  if (rc != 0) {
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
  }
  return fd;
}

// The exclusive lock on the whole upload folder, held while staging directories are created,
// removed or swept.
class FolderLock {
 public:
  explicit FolderLock(const fs::path& upload_dir)
      : fd_(lock_file(upload_dir / kFolderLock, true)), error_(fd_ < 0 ? errno : 0) {}
  ~FolderLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  bool held() const { return fd_ >= 0; }
  int error() const { return error_; }

 private:
  int fd_;
  int error_;
};

std::string describe(const fs::path& path, int error) {
  return path.string() + ": " + std::strerror(error);
}

std::atomic<unsigned long long> next_staging{0};

}  // namespace

bool is_staging_name(const std::string& name) {
  static const std::string prefix = ".upload-";
  if (name.compare(0, prefix.size(), prefix) != 0) return false;
  int groups = 0;
  bool digit_seen = false;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    const char c = name[i];
    if (c >= '0' && c <= '9') {
      digit_seen = true;
    } else if (c == '-' && digit_seen) {
      ++groups;
      digit_seen = false;
    } else {
      return false;
    }
  }
  return digit_seen && groups == 2;
}

UploadStaging::UploadStaging(const fs::path& upload_dir, std::int64_t now)
    : upload_dir_(upload_dir) {
  std::error_code ec;
  fs::create_directories(upload_dir, ec);
  if (ec) {
    throw StorageError("kan ikke oprette uploadmappen " + upload_dir.string() + ": " +
                       ec.message());
  }
  const FolderLock folder(upload_dir);
  if (!folder.held()) {
    throw StorageError("kan ikke låse uploadmappen " +
                       describe(upload_dir / kFolderLock, folder.error()));
  }
  directory_ = upload_dir / (".upload-" + std::to_string(::getpid()) + "-" + std::to_string(now) +
                             "-" + std::to_string(next_staging++));
  fs::create_directory(directory_, ec);
  if (!ec) {
    lock_fd_ = lock_file(directory_ / kStagingLock, false);
    const int error = errno;
    if (lock_fd_ < 0) ec = std::error_code(error, std::generic_category());
  }
  if (ec) {
    fs::remove_all(directory_, ec);
    throw StorageError("kan ikke oprette en mappe til den modtagne fil i " + upload_dir.string() +
                       ": " + ec.message());
  }
}

UploadStaging::~UploadStaging() {
  // Removed under the folder lock, so that a sweep never finds it half removed; if the folder
  // lock cannot be had, removed all the same (the directory's own lock is still held).
  const FolderLock folder(upload_dir_);
  std::error_code ignored;
  fs::remove_all(directory_, ignored);
  ::close(lock_fd_);
}

std::size_t remove_stale_staging(const fs::path& upload_dir) {
  std::error_code ec;
  if (!fs::is_directory(upload_dir, ec)) return 0;
  const FolderLock folder(upload_dir);
  if (!folder.held()) {
    throw StorageError("kan ikke låse uploadmappen " +
                       describe(upload_dir / kFolderLock, folder.error()));
  }
  std::size_t removed = 0;
  fs::directory_iterator it(upload_dir, ec);
  if (ec)
    throw StorageError("kan ikke læse uploadmappen " + upload_dir.string() + ": " + ec.message());
  for (const auto& entry : it) {
    if (!is_staging_name(entry.path().filename().string())) continue;
    if (entry.symlink_status().type() != fs::file_type::directory) continue;
    const int fd = lock_file(entry.path() / kStagingLock, false);
    const int error = errno;
    if (fd < 0 && error == EWOULDBLOCK) continue;  // a running server's upload
    if (fd < 0) {
      throw StorageError("kan ikke låse den efterladte uploadmappe " +
                         describe(entry.path() / kStagingLock, error));
    }
    fs::remove_all(entry.path(), ec);
    ::close(fd);
    if (ec) {
      throw StorageError("kan ikke fjerne den efterladte uploadmappe " + entry.path().string() +
                         ": " + ec.message());
    }
    ++removed;
  }
  return removed;
}

}  // namespace sagsaudit::server
