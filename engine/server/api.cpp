#include "server/api.hpp"

#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iostream>

#include "domain/errors.hpp"
#include "population/population_import.hpp"

namespace sagsaudit::server {
namespace {

boost::json::array issue_details(const std::vector<Issue>& issues) {
  boost::json::array out;
  for (const auto& issue : issues) {
    boost::json::object item{
        {"linje", issue.line}, {"felt", issue.field}, {"besked", issue.message}};
    // The file's name only: a server path is nobody's business.
    if (!issue.file.empty()) item["fil"] = std::filesystem::path(issue.file).filename().string();
    out.push_back(std::move(item));
  }
  return out;
}

bool changes_state(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool same_secret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string roles_text(const std::vector<UserRole>& roles) {
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == roles.size() ? " eller " : ", ")) + role_code(roles[i]);
  }
  return out;
}

void log_internal(const std::string& route, const std::string& what) {
  // The message of a storage or internal error names no personal data (the storage layer keeps
  // bound values out of its messages); the route is the template, not the path.
  std::cerr << "{\"level\":\"error\",\"route\":"
            << boost::json::serialize(boost::json::value(route))
            << ",\"message\":" << boost::json::serialize(boost::json::value(what)) << "}\n";
}

}  // namespace

std::optional<std::string> Call::query(const std::string& name) const {
  auto it = request.query.find(name);
  if (it == request.query.end()) return std::nullopt;
  return it->second;
}

ApiResponse json_response(const boost::json::value& value, unsigned status) {
  ApiResponse r;
  r.status = status;
  r.body = boost::json::serialize(value);
  return r;
}

ApiResponse error_response(unsigned status, const std::string& code, const std::string& message,
                           const boost::json::value& details) {
  boost::json::object body{{"error", code}, {"message", message}};
  if (!details.is_null()) body["details"] = details;
  return json_response(body, status);
}

void require_center(const Call& call, const std::string& center) {
  const auto& centers = call.user().centers;
  if (std::find(centers.begin(), centers.end(), center) == centers.end()) {
    throw HttpError(403, "adgang_naegtet",
                    "du har kun adgang til dine egne centre, ikke " + center);
  }
}

Api::Api(const ServerOptions& options, DatabasePool& pool, Metrics& metrics)
    : options_(options), pool_(pool), metrics_(metrics) {
  add_session_routes(router_, policy_, options_);
  add_round_routes(router_);
  add_review_routes(router_);
  add_report_routes(router_, metrics_);
  add_admin_routes(router_);
  add_followup_routes(router_);  // issue 8
  add_probe_routes(router_, pool_, metrics_);
}

bool Api::handles(const std::string& path) {
  return path == "/api" || path.rfind("/api/", 0) == 0 || path == "/healthz" || path == "/metrics";
}

ApiResponse Api::handle(const ApiRequest& request) {
  return respond(request, true);
}

ApiResponse Api::check_access(const ApiRequest& head) {
  return respond(head, false);
}

ApiResponse Api::respond(const ApiRequest& request, bool run_handler) {
  std::map<std::string, std::string> params;
  bool path_known = false;
  const Route* route = router_.match(request.method, request.path, params, path_known);
  ApiResponse response;
  if (!route) {
    response = path_known
                   ? error_response(405, "ikke_fundet",
                                    "metoden " + request.method + " findes ikke for denne adresse")
                   : error_response(404, "ikke_fundet", "adressen findes ikke i API'et");
    response.route = "ukendt";
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
  }
  const std::int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
  Call call{request, std::move(params), nullptr, std::nullopt, now, options_};
  try {
    if (!run_handler && (!route->needs_db || !route->needs_login)) {
      response.status = 100;
    } else if (!route->needs_db) {
      response = route->handler(call);
    } else {
      auto lease = pool_.acquire();
      try {
        call.db = &*lease;
        if (route->needs_login) {
          call.session = find_session(*lease, request.session_token, now, policy_);
          if (!call.session) throw HttpError(401, "ikke_logget_ind", "du er ikke logget ind");
          if (changes_state(request.method) &&
              !same_secret(request.csrf_header, call.session->csrf)) {
            throw HttpError(403, "csrf",
                            "forespørgslen mangler det rigtige X-CSRF-Token; genindlæs siden");
          }
          const auto& roles = route->roles;
          if (!roles.empty() &&
              std::find(roles.begin(), roles.end(), call.session->user.role) == roles.end()) {
            throw HttpError(403, "adgang_naegtet",
                            "rollen " + role_code(call.session->user.role) +
                                " giver ikke adgang; det kræver " + roles_text(roles));
          }
        }
        if (run_handler) {
          response = route->handler(call);
          if (call.discard_connection) lease.discard();
        } else {
          response.status = 100;
        }
      } catch (const StorageError&) {
        lease.discard();
        throw;
      }
    }
  } catch (const HttpError& e) {
    response = error_response(e.status(), e.code(), e.what(), e.details());
  } catch (const LoginThrottled& e) {
    response = error_response(429, "for_mange_forsoeg", e.what());
    response.headers.emplace_back("Retry-After", std::to_string(e.retry_after()));
  } catch (const LoginFailed& e) {
    response = error_response(401, "ikke_logget_ind", e.what());
  } catch (const PopulationRejected& e) {
    response = error_response(
        422, "ugyldig",
        "populationsfilen er afvist: " + std::to_string(e.total()) + " fejl; intet er gemt",
        issue_details(e.issues()));
  } catch (const ValidationError& e) {
    response = error_response(422, "ugyldig",
                              e.issues().size() == 1
                                  ? format_issue(e.issues().front())
                                  : std::to_string(e.issues().size()) + " fejl; intet er gemt",
                              issue_details(e.issues()));
  } catch (const NotFound& e) {
    response = error_response(404, "ikke_fundet", e.what());
  } catch (const ConflictError& e) {
    response = error_response(409, "konflikt", e.what());
  } catch (const Forbidden& e) {
    response = error_response(403, "adgang_naegtet", e.what());
  } catch (const StorageError& e) {
    log_internal(route->pattern, e.what());
    response = error_response(503, "database_utilgaengelig",
                              "databasen svarer ikke lige nu; prøv igen om lidt");
  } catch (const std::exception& e) {
    log_internal(route->pattern, e.what());
    response = error_response(500, "intern_fejl",
                              "der skete en fejl i sagsaudit; den er skrevet i serverens log");
  }
  response.route = route->pattern;
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace sagsaudit::server
