// UserRepository on SOCI: tables users and user_centers (migration 3).
#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "domain/errors.hpp"
#include "storage/soci_errors.hpp"
#include "storage/user_repository.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

bool blank(const std::string& text) {
  return text.find_first_not_of(" \t\r\n") == std::string::npos;
}

class SociUserRepository final : public UserRepository {
 public:
  explicit SociUserRepository(Database& db) : db_(db), sql_(db.session()) {}

  void add(const User& user, const std::string& at) override {
    if (blank(user.username)) throw ValidationError("brugernavnet må ikke være tomt");
    if (blank(user.display_name)) {
      throw ValidationError("brugeren " + user.username + " mangler et navn (--name)");
    }
    guarded("cannot add user " + user.username + " to " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string role = role_code(user.role);
      const int active = user.active ? 1 : 0;
      soci::statement insert =
          (sql_.prepare << "INSERT INTO users (username, display_name, role, active, created_at) "
                           "VALUES (:username, :name, :role, :active, :at) "
                           "ON CONFLICT (username) DO NOTHING",
           soci::use(user.username), soci::use(user.display_name), soci::use(role),
           soci::use(active), soci::use(at));
      insert.execute(true);
      if (insert.get_affected_rows() != 1) {
        throw ConflictError("brugeren " + user.username + " findes allerede");
      }
      insert_centers(user);
      scope.done();
    });
  }

  std::optional<User> find(std::string_view username) override {
    const std::string key(username);
    return guarded("cannot read user " + key + " from " + db_.redacted_url(),
                   [&]() -> std::optional<User> {
                     auto users = query("WHERE username = :key", key);
                     if (users.empty()) return std::nullopt;
                     return users.front();
                   });
  }

  std::vector<User> list(std::optional<UserRole> role, bool include_inactive) override {
    return guarded("cannot list users in " + db_.redacted_url(), [&] {
      auto users = query("", "");
      std::erase_if(users, [&](const User& u) {
        return (role && u.role != *role) || (!include_inactive && !u.active);
      });
      return users;
    });
  }

  void set_active(std::string_view username, bool active) override {
    const std::string key(username);
    guarded("cannot change user " + key + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const int flag = active ? 1 : 0;
      soci::statement update =
          (sql_.prepare << "UPDATE users SET active = :active WHERE username = :username",
           soci::use(flag), soci::use(key));
      update.execute(true);
      if (update.get_affected_rows() != 1) throw NotFound("brugeren " + key + " findes ikke");
      scope.done();
    });
  }

  void update(const User& user) override {
    if (blank(user.display_name)) {
      throw ValidationError("brugeren " + user.username + " mangler et navn");
    }
    guarded("cannot change user " + user.username + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string role = role_code(user.role);
      soci::statement update =
          (sql_.prepare << "UPDATE users SET display_name = :name, role = :role "
                           "WHERE username = :username",
           soci::use(user.display_name), soci::use(role), soci::use(user.username));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        throw NotFound("brugeren " + user.username + " findes ikke");
      }
      sql_ << "DELETE FROM user_centers WHERE username = :username", soci::use(user.username);
      insert_centers(user);
      scope.done();
    });
  }

 private:
  void insert_centers(const User& user) {
    std::vector<std::string> centers = user.centers;
    std::sort(centers.begin(), centers.end());
    centers.erase(std::unique(centers.begin(), centers.end()), centers.end());
    for (const auto& center : centers) {
      sql_ << "INSERT INTO user_centers (username, center) VALUES (:username, :center)",
          soci::use(user.username), soci::use(center);
    }
  }

  // Users (with their centers) matching `where`, which may bind :key; by username.
  std::vector<User> query(const std::string& where, const std::string& key) {
    std::map<std::string, User> users;
    {
      std::string username, name, role;
      int active = 0;
      std::string created_at;
      soci::statement st =
          where.empty()
              ? (sql_.prepare << "SELECT username, display_name, role, active, created_at "
                                 "FROM users",
                 soci::into(username), soci::into(name), soci::into(role), soci::into(active),
                 soci::into(created_at))
              : (sql_.prepare << "SELECT username, display_name, role, active, created_at "
                                 "FROM users " +
                                     where,
                 soci::into(username), soci::into(name), soci::into(role), soci::into(active),
                 soci::into(created_at), soci::use(key));
      st.execute();
      while (st.fetch()) {
        const auto parsed = parse_user_role(role);
        if (!parsed) throw StorageError("user " + username + " has an unknown role " + role);
        users[username] = User{username, name, *parsed, {}, active != 0, created_at};
      }
    }
    std::string username, center;
    soci::statement centers =
        (sql_.prepare << "SELECT username, center FROM user_centers ORDER BY username, center",
         soci::into(username), soci::into(center));
    centers.execute();
    while (centers.fetch()) {
      auto it = users.find(username);
      if (it != users.end()) it->second.centers.push_back(center);
    }
    std::vector<User> out;
    for (auto& [name, user] : users) out.push_back(std::move(user));
    return out;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<UserRepository> make_user_repository(Database& db) {
  return std::make_unique<SociUserRepository>(db);
}

}  // namespace sagsaudit::storage
