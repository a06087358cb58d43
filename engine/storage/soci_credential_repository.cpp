// CredentialRepository on SOCI: tables user_credentials, login_failures, sessions (migration 8).
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/credential_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

class SociCredentialRepository final : public CredentialRepository {
 public:
  explicit SociCredentialRepository(Database& db) : db_(db), sql_(db.session()) {}

  void set_password_hash(std::string_view username, const std::string& hash,
                         const std::string& at) override {
    const std::string key(username);
    guarded("cannot store the password of " + key + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      int users = 0;
      sql_ << "SELECT COUNT(*) FROM users WHERE username = :u", soci::use(key), soci::into(users);
      if (users == 0) throw NotFound("brugeren " + key + " findes ikke");
      sql_ << "INSERT INTO user_credentials (username, password_hash, changed_at) "
              "VALUES (:u, :h, :at) ON CONFLICT (username) DO UPDATE SET "
              "password_hash = excluded.password_hash, changed_at = excluded.changed_at",
          soci::use(key), soci::use(hash), soci::use(at);
      scope.done();
    });
  }

  std::optional<std::string> password_hash(std::string_view username) override {
    const std::string key(username);
    return guarded("cannot read the password of " + key + " from " + db_.redacted_url(),
                   [&]() -> std::optional<std::string> {
                     std::string hash;
                     soci::indicator ind = soci::i_null;
                     sql_ << "SELECT password_hash FROM user_credentials WHERE username = :u",
                         soci::use(key), soci::into(hash, ind);
                     if (!sql_.got_data() || ind != soci::i_ok) return std::nullopt;
                     return hash;
                   });
  }

  std::optional<LoginFailures> failures(std::string_view username) override {
    const std::string key(username);
    return guarded("cannot read failed logins from " + db_.redacted_url(),
                   [&]() -> std::optional<LoginFailures> {
                     LoginFailures f;
                     std::string locked;
                     soci::indicator locked_ind = soci::i_null;
                     sql_ << "SELECT failures, last_failure_at, locked_until FROM login_failures "
                             "WHERE username = :u",
                         soci::use(key), soci::into(f.failures), soci::into(f.last_failure_at),
                         soci::into(locked, locked_ind);
                     if (!sql_.got_data()) return std::nullopt;
                     if (locked_ind == soci::i_ok) f.locked_until = locked;
                     return f;
                   });
  }

  void record_failures(std::string_view username, const LoginFailures& f) override {
    const std::string key(username);
    guarded("cannot record a failed login in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string locked = f.locked_until.value_or("");
      soci::indicator locked_ind = f.locked_until ? soci::i_ok : soci::i_null;
      sql_ << "INSERT INTO login_failures (username, failures, last_failure_at, locked_until) "
              "VALUES (:u, :n, :at, :locked) ON CONFLICT (username) DO UPDATE SET "
              "failures = excluded.failures, last_failure_at = excluded.last_failure_at, "
              "locked_until = excluded.locked_until",
          soci::use(key), soci::use(f.failures), soci::use(f.last_failure_at),
          soci::use(locked, locked_ind);
      scope.done();
    });
  }

  void clear_failures(std::string_view username) override {
    const std::string key(username);
    guarded("cannot clear failed logins in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "DELETE FROM login_failures WHERE username = :u", soci::use(key);
      scope.done();
    });
  }

  void add_session(const StoredSession& s) override {
    guarded("cannot store a session in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "INSERT INTO sessions (token_hash, username, csrf_token, created_at, expires_at, "
              "last_seen_at) VALUES (:t, :u, :c, :created, :expires, :seen)",
          soci::use(s.token_hash), soci::use(s.username), soci::use(s.csrf_token),
          soci::use(s.created_at), soci::use(s.expires_at), soci::use(s.last_seen_at);
      scope.done();
    });
  }

  std::optional<StoredSession> find_session(std::string_view token_hash) override {
    const std::string key(token_hash);
    return guarded("cannot read a session from " + db_.redacted_url(),
                   [&]() -> std::optional<StoredSession> {
                     StoredSession s;
                     sql_ << "SELECT token_hash, username, csrf_token, created_at, expires_at, "
                             "last_seen_at FROM sessions WHERE token_hash = :t",
                         soci::use(key), soci::into(s.token_hash), soci::into(s.username),
                         soci::into(s.csrf_token), soci::into(s.created_at),
                         soci::into(s.expires_at), soci::into(s.last_seen_at);
                     if (!sql_.got_data()) return std::nullopt;
                     return s;
                   });
  }

  void touch_session(std::string_view token_hash, const std::string& last_seen_at,
                     const std::string& expires_at) override {
    const std::string key(token_hash);
    guarded("cannot update a session in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "UPDATE sessions SET last_seen_at = :seen, expires_at = :expires "
              "WHERE token_hash = :t",
          soci::use(last_seen_at), soci::use(expires_at), soci::use(key);
      scope.done();
    });
  }

  void delete_session(std::string_view token_hash) override {
    const std::string key(token_hash);
    guarded("cannot delete a session in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      sql_ << "DELETE FROM sessions WHERE token_hash = :t", soci::use(key);
      scope.done();
    });
  }

  int delete_sessions_of(std::string_view username) override {
    const std::string key(username);
    return guarded("cannot delete sessions in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      soci::statement st =
          (sql_.prepare << "DELETE FROM sessions WHERE username = :u", soci::use(key));
      st.execute(true);
      const int n = static_cast<int>(st.get_affected_rows());
      scope.done();
      return n;
    });
  }

  int delete_expired_sessions(const std::string& now) override {
    return guarded("cannot delete expired sessions in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      soci::statement st =
          (sql_.prepare << "DELETE FROM sessions WHERE expires_at < :now", soci::use(now));
      st.execute(true);
      const int n = static_cast<int>(st.get_affected_rows());
      scope.done();
      return n;
    });
  }

  // hostile-input hardening (issue 9): old failure rows of any typed name go away.
  int delete_failures_before(const std::string& before) override {
    return guarded("cannot delete old failed logins in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      soci::statement st = (sql_.prepare << "DELETE FROM login_failures WHERE last_failure_at < "
                                            ":b AND (locked_until IS NULL OR locked_until < :b2)",
                            soci::use(before), soci::use(before));
      st.execute(true);
      const int n = static_cast<int>(st.get_affected_rows());
      scope.done();
      return n;
    });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<CredentialRepository> make_credential_repository(Database& db) {
  return std::make_unique<SociCredentialRepository>(db);
}

}  // namespace sagsaudit::storage
