#include "domain/user_role.hpp"

namespace sagsaudit {

std::string role_code(UserRole role) {
  switch (role) {
    case UserRole::admin:
      return "admin";
    case UserRole::coordinator:
      return "koordinator";
    case UserRole::manager:
      return "leder";
    case UserRole::auditor:
      return "revisor";
  }
  return "admin";
}

std::optional<UserRole> parse_user_role(std::string_view code) {
  for (auto role : {UserRole::admin, UserRole::coordinator, UserRole::manager, UserRole::auditor}) {
    if (code == role_code(role)) return role;
  }
  return std::nullopt;
}

}  // namespace sagsaudit
