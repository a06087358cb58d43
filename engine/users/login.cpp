#include "users/login.hpp"

#include <sodium.h>

#include <algorithm>
#include <ctime>

#include "crypto/sha256.hpp"
#include "storage/audit_log.hpp"
#include "storage/credential_repository.hpp"
#include "users/user_admin.hpp"

namespace sagsaudit {
namespace {

void ensure_sodium() {
  if (sodium_init() < 0) throw StorageError("libsodium kunne ikke startes");
}

std::string random_hex(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  std::string hex(bytes * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(raw.data()),
                 raw.size());
  hex.pop_back();
  return hex;
}

std::int64_t unix_from_iso(const std::string& iso) {
  std::tm t{};
  if (!strptime(iso.c_str(), "%Y-%m-%dT%H:%M:%SZ", &t)) return 0;
  return static_cast<std::int64_t>(timegm(&t));
}

// A fixed Argon2id string to verify against when the user has no password, so that a reply
// takes as long whether or not the name exists.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("ingen-adgangskode-sat");
  return hash;
}

constexpr const char* kFailedMessage = "forkert brugernavn eller adgangskode";

}  // namespace

std::string iso_from_unix(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string hash_password(const std::string& password) {
  if (password.size() < kMinPasswordLength) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "adgangskode",
                            "skal være mindst " + std::to_string(kMinPasswordLength) + " tegn"}});
  }
  ensure_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    throw StorageError("adgangskoden kunne ikke hashes (for lidt hukommelse)");
  }
  return out;
}

bool verify_password(const std::string& stored_hash, const std::string& password) {
  ensure_sodium();
  return crypto_pwhash_str_verify(stored_hash.c_str(), password.data(), password.size()) == 0;
}

LoginSession log_in(storage::Database& db, const std::string& username, const std::string& password,
                    std::int64_t now, const LoginPolicy& policy) {
  auto credentials = storage::make_credential_repository(db);
  const std::string now_iso = iso_from_unix(now);
  credentials->delete_failures_before(iso_from_unix(now - policy.failure_retention_seconds));
  const auto failures = credentials->failures(username);
  if (failures && failures->locked_until && *failures->locked_until > now_iso) {
    const std::int64_t wait =
        std::max<std::int64_t>(1, unix_from_iso(*failures->locked_until) - now);
    throw LoginThrottled(
        "for mange mislykkede forsøg; prøv igen om " + std::to_string(wait) + " sekunder", wait);
  }
  const auto user = storage::make_user_repository(db)->find(username);
  const auto hash = user ? credentials->password_hash(username) : std::nullopt;
  const bool ok =
      verify_password(hash ? *hash : dummy_hash(), password) && hash && user && user->active;
  if (!ok) {
    storage::LoginFailures next;
    next.failures = (failures ? failures->failures : 0) + 1;
    next.last_failure_at = now_iso;
    if (next.failures >= policy.failures_before_lock) {
      const int extra = std::min(next.failures - policy.failures_before_lock, 4);
      const std::int64_t lock = std::min<std::int64_t>(policy.lock_seconds << extra, 3600);
      next.locked_until = iso_from_unix(now + lock);
    }
    credentials->record_failures(username, next);
    throw LoginFailed(kFailedMessage);
  }
  LoginSession session{*user, random_hex(32), random_hex(32)};
  storage::Transaction transaction(db);
  credentials->clear_failures(username);
  credentials->delete_expired_sessions(now_iso);  // housekeeping: a login is rare enough
  credentials->add_session(
      storage::StoredSession{sha256_hex(session.token), username, session.csrf, now_iso,
                             iso_from_unix(now + policy.session_seconds), now_iso});
  storage::make_audit_log(db)->append(
      storage::AuditRecord{now_iso, username, "session.login", "user", username, "", "", "{}"});
  transaction.commit();
  return session;
}

std::optional<ActiveSession> find_session(storage::Database& db, const std::string& token,
                                          std::int64_t now, const LoginPolicy& policy) {
  if (token.empty()) return std::nullopt;
  auto credentials = storage::make_credential_repository(db);
  const std::string token_hash = sha256_hex(token);
  const auto stored = credentials->find_session(token_hash);
  if (!stored) return std::nullopt;
  const std::string now_iso = iso_from_unix(now);
  if (stored->expires_at < now_iso) {
    credentials->delete_session(token_hash);
    return std::nullopt;
  }
  auto user = storage::make_user_repository(db)->find(stored->username);
  if (!user || !user->active) return std::nullopt;
  if (unix_from_iso(stored->last_seen_at) + 60 <= now) {
    credentials->touch_session(token_hash, now_iso, iso_from_unix(now + policy.session_seconds));
  }
  return ActiveSession{std::move(*user), stored->csrf_token, token_hash};
}

void log_out(storage::Database& db, const std::string& token) {
  storage::make_credential_repository(db)->delete_session(sha256_hex(token));
}

}  // namespace sagsaudit
