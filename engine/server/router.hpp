#pragma once
// The API's route table: method, path template ("/api/v1/rounds/{id}"), who may call it, and
// the handler. The templates are what metrics and the access log name (never the raw path),
// and a test checks that they are exactly the paths of web/openapi.yaml.
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/user_role.hpp"
#include "server/http_message.hpp"

namespace sagsaudit::server {

struct Call;
using Handler = std::function<ApiResponse(Call&)>;

struct Route {
  std::string method;
  std::string pattern;
  bool needs_login = true;      // false: anyone (login, probes)
  bool needs_db = true;         // runs on a pooled database connection
  std::vector<UserRole> roles;  // who may call it; empty: every logged-in role
  Handler handler;
};

class Router {
 public:
  void add(Route route) { routes_.push_back(std::move(route)); }
  const std::vector<Route>& routes() const { return routes_; }

  // The route for the method and path, filling `params` from the template's {names}; nullptr
  // when none. `path_known` says whether some route has the path with another method (405).
  const Route* match(const std::string& method, const std::string& path,
                     std::map<std::string, std::string>& params, bool& path_known) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace sagsaudit::server
