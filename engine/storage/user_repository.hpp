#pragma once
// The people of sagsaudit (tables users, user_centers; migration 3): who they are, their role
// and the centers they belong to (which decides independence in assignment).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/user_role.hpp"
#include "storage/database.hpp"

namespace sagsaudit::storage {

struct User {
  std::string username;  // login name, e.g. "kirsten.m"
  std::string display_name;
  UserRole role = UserRole::coordinator;
  std::vector<std::string> centers;  // center codes, ascending
  bool active = true;
  std::string created_at;  // UTC ISO 8601, set by add()
};

// Every method throws StorageError when the database refuses. Writes join the caller's
// Transaction when one is open.
class UserRepository {
 public:
  virtual ~UserRepository() = default;

  // Throws ConflictError when the username is taken, ValidationError for an empty username or
  // name. `at` becomes created_at.
  virtual void add(const User& user, const std::string& at) = 0;

  virtual std::optional<User> find(std::string_view username) = 0;

  // By username; `role` filters; inactive users only when `include_inactive`.
  virtual std::vector<User> list(std::optional<UserRole> role = std::nullopt,
                                 bool include_inactive = false) = 0;

  // Throws NotFound for an unknown user.
  virtual void set_active(std::string_view username, bool active) = 0;

  // Sets display_name, role and centers of the stored user named user.username (active and
  // created_at are left alone). Throws NotFound for an unknown user, ValidationError for an
  // empty name.
  virtual void update(const User& user) = 0;
};

// REQUIRES: db outlives the repository and has been migrated.
std::unique_ptr<UserRepository> make_user_repository(Database& db);

}  // namespace sagsaudit::storage
