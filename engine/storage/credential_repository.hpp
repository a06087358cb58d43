#pragma once
// What logging in to the web application stores (migration 8): each user's password hash,
// failed logins per typed username (for throttling), and the open sessions — of which only
// the SHA-256 of the token is stored. The hashing and the rules (how many failures lock for how
// long, how long a session lives) are engine/users/login.hpp's; this only keeps the rows.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "storage/database.hpp"

namespace sagsaudit::storage {

struct LoginFailures {
  int failures = 0;
  std::string last_failure_at;              // UTC ISO 8601
  std::optional<std::string> locked_until;  // UTC ISO 8601
};

struct StoredSession {
  std::string token_hash;  // hex SHA-256 of the token the browser holds
  std::string username;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;
  std::string last_seen_at;
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class CredentialRepository {
 public:
  virtual ~CredentialRepository() = default;

  // Sets (or replaces) the user's password hash. NotFound when there is no such user.
  virtual void set_password_hash(std::string_view username, const std::string& hash,
                                 const std::string& at) = 0;
  virtual std::optional<std::string> password_hash(std::string_view username) = 0;

  virtual std::optional<LoginFailures> failures(std::string_view username) = 0;
  // Stores the count after a failed attempt (insert or replace).
  virtual void record_failures(std::string_view username, const LoginFailures& failures) = 0;
  virtual void clear_failures(std::string_view username) = 0;
  // Failure rows whose last failure is before `before` and that lock nothing any more (typed
  // names that are nobody's would otherwise stay for ever). Returns how many.
  virtual int delete_failures_before(const std::string& before) = 0;

  virtual void add_session(const StoredSession& session) = 0;
  virtual std::optional<StoredSession> find_session(std::string_view token_hash) = 0;
  virtual void touch_session(std::string_view token_hash, const std::string& last_seen_at,
                             const std::string& expires_at) = 0;
  virtual void delete_session(std::string_view token_hash) = 0;
  // Every session of the user (a disabled user or a new password ends them). Returns how many.
  virtual int delete_sessions_of(std::string_view username) = 0;
  // Sessions whose expires_at is before `now`. Returns how many.
  virtual int delete_expired_sessions(const std::string& now) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<CredentialRepository> make_credential_repository(Database& db);

}  // namespace sagsaudit::storage
