#include "users/user_admin.hpp"

#include "storage/audit_log.hpp"
#include "storage/credential_repository.hpp"
#include "storage/wheel_repository.hpp"
#include "users/login.hpp"
#include "workflow/json_text.hpp"

namespace sagsaudit {
namespace {

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
  return out;
}

// Centers are codes of the årshjul: a typo would silently break independent assignment and a
// leder's access to their reports.
void check_centers(storage::Database& db, const std::vector<std::string>& centers,
                   const std::string& field) {
  const auto wheel = storage::make_wheel_repository(db)->current();
  if (!wheel) return;
  std::vector<Issue> issues;
  for (const auto& center : centers) {
    if (!wheel->find_center(center)) {
      std::vector<std::string> known;
      for (const auto& c : wheel->centers) known.push_back(c.code);
      issues.push_back(
          Issue{"", 0, 0, field,
                "ukendt center '" + center + "' (årshjulets centre: " + joined(known) + ")"});
    }
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
}

std::string user_details(const storage::User& user) {
  std::string centers = "[";
  for (std::size_t i = 0; i < user.centers.size(); ++i) {
    centers += (i ? "," : "") + json_string(user.centers[i]);
  }
  centers += "]";
  return "{\"navn\":" + json_string(user.display_name) +
         ",\"rolle\":" + json_string(role_code(user.role)) + ",\"centre\":" + centers + "}";
}

}  // namespace

void add_user(storage::Database& db, const storage::User& user,
              const std::optional<std::string>& password, const std::string& actor,
              const std::string& at, const std::string& center_field) {
  check_centers(db, user.centers, center_field);
  const std::string hash = password ? hash_password(*password) : std::string();
  storage::Transaction transaction(db);
  storage::make_user_repository(db)->add(user, at);
  if (password) storage::make_credential_repository(db)->set_password_hash(user.username, hash, at);
  storage::make_audit_log(db)->append(storage::AuditRecord{
      at, actor, "user.add", "user", user.username, "", "", user_details(user)});
  transaction.commit();
}

storage::User change_user(storage::Database& db, const std::string& username,
                          const UserChange& change, const std::string& actor,
                          const std::string& at) {
  auto users = storage::make_user_repository(db);
  auto found = users->find(username);
  if (!found) throw NotFound("brugeren " + username + " findes ikke");
  if (change.centers) check_centers(db, *change.centers, "centre");
  const std::string hash = change.password ? hash_password(*change.password) : std::string();

  storage::User user = *found;
  std::vector<std::string> fields;
  if (change.display_name && *change.display_name != user.display_name) {
    user.display_name = *change.display_name;
    fields.push_back("navn");
  }
  if (change.role && *change.role != user.role) {
    user.role = *change.role;
    fields.push_back("rolle");
  }
  if (change.centers && *change.centers != user.centers) {
    user.centers = *change.centers;
    fields.push_back("centre");
  }
  const bool active_changed = change.active && *change.active != user.active;
  if (active_changed) fields.push_back("aktiv");
  if (change.password) fields.push_back("adgangskode");
  if (fields.empty()) return user;

  storage::Transaction transaction(db);
  auto credentials = storage::make_credential_repository(db);
  users->update(user);
  if (active_changed) {
    users->set_active(username, *change.active);
    user.active = *change.active;
  }
  if (change.password) credentials->set_password_hash(username, hash, at);
  if ((active_changed && !user.active) || change.password)
    credentials->delete_sessions_of(username);
  std::string list = "[";
  for (std::size_t i = 0; i < fields.size(); ++i) list += (i ? "," : "") + json_string(fields[i]);
  list += "]";
  const std::string details = user_details(user);
  storage::make_audit_log(db)->append(
      storage::AuditRecord{at, actor, "user.change", "user", username, "", "",
                           details.substr(0, details.size() - 1) + ",\"aendret\":" + list +
                               ",\"aktiv\":" + (user.active ? "true" : "false") + "}"});
  transaction.commit();
  return *users->find(username);
}

bool has_password(storage::Database& db, const std::string& username) {
  return storage::make_credential_repository(db)->password_hash(username).has_value();
}

}  // namespace sagsaudit
