#pragma once
// What a user of sagsaudit is: the four roles of the method (seed 003).
#include <optional>
#include <string>
#include <string_view>

namespace sagsaudit {

enum class UserRole {
  admin,        // runs imports, draws, assignment, the årshjul
  coordinator,  // kvalitetskoordinator: reviews cases
  manager,      // leder: reads reports, approves or returns reviews
  auditor,      // revisor: the external auditor's reviews
};

// The stored and typed word, Danish as users write it: "admin", "koordinator", "leder",
// "revisor".
std::string role_code(UserRole role);
std::optional<UserRole> parse_user_role(std::string_view code);

}  // namespace sagsaudit
