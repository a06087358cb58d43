#pragma once
// The JSON API under /api/v1 and the probes (docs/web.md, web/openapi.yaml). handle() runs on a
// worker thread: it finds the route, takes a pooled database connection, checks the session,
// the CSRF token and the role, runs the handler and turns every error into the contract's
// JSON error with its status code.
#include <boost/json.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "server/database_pool.hpp"
#include "server/http_message.hpp"
#include "server/metrics.hpp"
#include "server/router.hpp"
#include "server/server_options.hpp"
#include "users/login.hpp"

namespace sagsaudit::server {

// An error with its HTTP status and the contract's code, thrown by handlers for what the
// engine's error types do not say (not logged in, CSRF, a bad request shape).
class HttpError : public std::runtime_error {
 public:
  HttpError(unsigned status, std::string code, const std::string& message,
            boost::json::value details = nullptr)
      : std::runtime_error(message),
        status_(status),
        code_(std::move(code)),
        details_(std::move(details)) {}
  unsigned status() const { return status_; }
  const std::string& code() const { return code_; }
  const boost::json::value& details() const { return details_; }

 private:
  unsigned status_;
  std::string code_;
  boost::json::value details_;
};

struct Call {
  const ApiRequest& request;
  std::map<std::string, std::string> params;
  storage::Database* db = nullptr;  // set when the route needs_db
  std::optional<ActiveSession> session;
  std::int64_t now = 0;  // Unix seconds
  const ServerOptions& options;
  // Set by a handler that caught a StorageError itself (/healthz): the connection is closed and
  // reopened on next use, as after any other storage error, so the probe heals after a database
  // restart or fail-over (issue 9, docs/operations.md).
  bool discard_connection = false;

  storage::Database& database() { return *db; }
  const storage::User& user() const { return session->user; }
  const std::string& actor() const { return session->user.username; }
  std::string at() const { return iso_from_unix(now); }
  const std::string& param(const std::string& name) const { return params.at(name); }
  // A query parameter, or nothing.
  std::optional<std::string> query(const std::string& name) const;
};

ApiResponse json_response(const boost::json::value& value, unsigned status = 200);
ApiResponse error_response(unsigned status, const std::string& code, const std::string& message,
                           const boost::json::value& details = nullptr);

// The body as a JSON object; HttpError 422 when it is not one.
boost::json::object json_body(const ApiRequest& request);

class Api {
 public:
  Api(const ServerOptions& options, DatabasePool& pool, Metrics& metrics);

  // Whether the path is the API's or a probe's (everything else is the UI's static files).
  static bool handles(const std::string& path);

  ApiResponse handle(const ApiRequest& request);
  // Before a large body is read (population uploads): the route's session, CSRF and role
  // checks alone, on the request's head. Status 100 when the body may come, else the refusal.
  ApiResponse check_access(const ApiRequest& head);
  const Router& router() const { return router_; }

 private:
  const ServerOptions& options_;
  DatabasePool& pool_;
  Metrics& metrics_;
  Router router_;
  LoginPolicy policy_;

  ApiResponse respond(const ApiRequest& request, bool run_handler);
};

// Route registration, one file per area (api_*.cpp).
void add_session_routes(Router& router, const LoginPolicy& policy, const ServerOptions& options);
void add_round_routes(Router& router);
void add_review_routes(Router& router);
void add_report_routes(Router& router, Metrics& metrics);
void add_admin_routes(Router& router);
// Opfølgning (issue 8): api_followup.cpp.
void add_followup_routes(Router& router);
void add_probe_routes(Router& router, DatabasePool& pool, Metrics& metrics);

// Access checks the handlers share. Throw HttpError 403 adgang_naegtet.
void require_center(const Call& call, const std::string& center);

}  // namespace sagsaudit::server
