#pragma once
// Managing the users of sagsaudit: add, change, disable, set a password. The CLI (`user add`,
// `user passwd`, `user disable`) and the web API (/api/v1/users) both call these, so every
// change is checked the same way and written to the audit log with the actor who made it.
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "storage/user_repository.hpp"

namespace sagsaudit {

// The shortest password accepted.
inline constexpr std::size_t kMinPasswordLength = 8;

// Adds the user (and, when given, their password) in one transaction with the audit entry
// "user.add". Throws ValidationError (a center that is not one of the current årshjul's, named
// as `center_field`; a password that is too short; an empty name), ConflictError (the username
// is taken).
void add_user(storage::Database& db, const storage::User& user,
              const std::optional<std::string>& password, const std::string& actor,
              const std::string& at, const std::string& center_field = "centre");

struct UserChange {
  std::optional<std::string> display_name;
  std::optional<UserRole> role;
  std::optional<std::vector<std::string>> centers;
  std::optional<bool> active;
  std::optional<std::string> password;
};

// Applies the fields given, in one transaction, with one audit entry "user.change" naming the
// fields changed (never the password). Disabling a user or setting a new password ends their
// sessions. Throws NotFound, ValidationError. Returns the user as stored.
storage::User change_user(storage::Database& db, const std::string& username,
                          const UserChange& change, const std::string& actor,
                          const std::string& at);

// Whether the user has a password (can log in to the web application).
bool has_password(storage::Database& db, const std::string& username);

}  // namespace sagsaudit
