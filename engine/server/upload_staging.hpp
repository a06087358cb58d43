#pragma once
// Where a population upload is written while it is imported (docs/operations.md, "Upload
// staging"): a directory of its own, <upload_dir>/.upload-<pid>-<time>-<n>/, holding the
// received CSV (with CPR numbers). Its owner holds an exclusive flock on <staging>/.lock for as
// long as the directory exists; the lock goes with the process, so a killed server's staging
// directory is one whose lock can be taken. Creating a staging directory, removing one and the
// start-up sweep each run under an exclusive flock on <upload_dir>/.upload.lock, so a sweep
// never sees a staging directory whose lock is not yet held. Several servers (on one host, or
// on hosts sharing the folder over NFS, which maps flock onto its own locks) may share the folder.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace sagsaudit::server {

class UploadStaging {
 public:
  // Creates the staging directory (and upload_dir when missing) and locks it; `now` (Unix
  // seconds) and a counter of this process make the name unique. Throws StorageError.
  UploadStaging(const std::filesystem::path& upload_dir, std::int64_t now);
  // Removes the directory and everything in it, then lets go of the lock. Never throws.
  ~UploadStaging();
  UploadStaging(const UploadStaging&) = delete;
  UploadStaging& operator=(const UploadStaging&) = delete;

  const std::filesystem::path& directory() const { return directory_; }

 private:
  std::filesystem::path upload_dir_;
  std::filesystem::path directory_;
  int lock_fd_ = -1;
};

// True for the names UploadStaging gives its directories (".upload-<digits>-<digits>-<digits>").
bool is_staging_name(const std::string& name);

// At server start: removes every staging directory in upload_dir whose lock can be taken (its
// server was killed during an upload) and leaves those another running server holds. Nothing
// else in the folder is touched; a missing folder is nothing to do. Returns the number removed.
// Throws StorageError when the folder cannot be read or locked.
std::size_t remove_stale_staging(const std::filesystem::path& upload_dir);

}  // namespace sagsaudit::server
