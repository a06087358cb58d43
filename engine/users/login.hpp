#pragma once
// Logging in to the web application (issue 6): passwords as libsodium Argon2id strings,
// sessions as random tokens of which the database keeps only the SHA-256, a CSRF token per
// session, and throttling of repeated failures per username.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/errors.hpp"
#include "storage/database.hpp"
#include "storage/user_repository.hpp"

namespace sagsaudit {

// libsodium's crypto_pwhash_str (Argon2id, interactive limits): the algorithm, its parameters,
// a random salt and the hash as one text. Throws ValidationError for a password shorter than
// kMinPasswordLength (user_admin.hpp) and StorageError if libsodium runs out of memory.
std::string hash_password(const std::string& password);
bool verify_password(const std::string& stored_hash, const std::string& password);

struct LoginPolicy {
  int failures_before_lock = 5;     // this many failures in a row lock the username …
  std::int64_t lock_seconds = 300;  // … for this long (doubling per further failure, ≤ 1 h)
  std::int64_t session_seconds = 8 * 3600;  // idle time after which a session ends
  // A username's failure count is forgotten this long after its last failure, when it locks
  // nothing (pruned at every login attempt, so unknown names do not pile up).
  std::int64_t failure_retention_seconds = 24 * 3600;
};

// Thrown when a username is locked after repeated failures: the web layer answers 429.
class LoginThrottled : public Error {
 public:
  LoginThrottled(const std::string& message, std::int64_t retry_after_seconds)
      : Error(ErrorCode::forbidden, message), retry_after_(retry_after_seconds) {}
  std::int64_t retry_after() const { return retry_after_; }

 private:
  std::int64_t retry_after_;
};

// Thrown for a wrong username or password, or a disabled user (the same message for all, so a
// reply never tells which): the web layer answers 401.
class LoginFailed : public Error {
 public:
  explicit LoginFailed(const std::string& message) : Error(ErrorCode::forbidden, message) {}
};

struct LoginSession {
  storage::User user;
  std::string token;  // the cookie value; only its hash is stored
  std::string csrf;
};

// Checks the password and opens a session. now is Unix seconds (UTC). Throws LoginThrottled,
// LoginFailed. A success clears the failure count and is written to the audit log
// ("session.login"); failures are counted, not logged (the log is for review data). Every
// attempt first removes failure rows older than policy.failure_retention_seconds.
LoginSession log_in(storage::Database& db, const std::string& username, const std::string& password,
                    std::int64_t now, const LoginPolicy& policy = {});

struct ActiveSession {
  storage::User user;
  std::string csrf;
  std::string token_hash;
};

// The session the token names, when it exists, has not expired and its user is still active;
// it is extended (sliding expiry) at most once a minute.
std::optional<ActiveSession> find_session(storage::Database& db, const std::string& token,
                                          std::int64_t now, const LoginPolicy& policy = {});

void log_out(storage::Database& db, const std::string& token);

// "2027-04-01T08:00:00Z" for Unix seconds.
std::string iso_from_unix(std::int64_t seconds);

}  // namespace sagsaudit
