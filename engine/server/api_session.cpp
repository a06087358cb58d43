// POST/GET/DELETE /api/v1/session, and the probes /healthz and /metrics.
#include "server/api.hpp"
#include "server/api_bodies.hpp"
#include "storage/migrations.hpp"

namespace sagsaudit::server {
namespace {

constexpr const char* kCookie = "sagsaudit_session";

boost::json::object session_json(const storage::User& user, const std::string& csrf) {
  boost::json::array centers;
  for (const auto& c : user.centers) centers.push_back(boost::json::value(c));
  return {{"bruger", boost::json::object{{"brugernavn", user.username},
                                         {"navn", user.display_name},
                                         {"rolle", role_code(user.role)},
                                         {"centre", centers}}},
          {"csrf", csrf}};
}

std::string cookie(const std::string& value, std::int64_t max_age, bool secure) {
  return std::string(kCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

}  // namespace

void add_session_routes(Router& router, const LoginPolicy& policy) {
  router.add(Route{"POST", "/api/v1/session", false, true, {}, [policy](Call& call) {
                     // A JSON content type cannot be sent cross-site without a CORS preflight,
                     // which this server never grants: no login CSRF.
                     if (call.request.content_type.rfind("application/json", 0) != 0) {
                       throw HttpError(422, "ugyldig", "login skal sendes som application/json");
                     }
                     const LoginBody login = login_from(json_body(call.request));
                     const LoginSession s =
                         log_in(call.database(), login.username, login.password, call.now, policy);
                     ApiResponse r = json_response(session_json(s.user, s.csrf));
                     r.headers.emplace_back("Set-Cookie", cookie(s.token, policy.session_seconds,
                                                                 call.request.secure));
                     return r;
                   }});
  router.add(Route{"GET", "/api/v1/session", true, true, {}, [](Call& call) {
                     return json_response(session_json(call.user(), call.session->csrf));
                   }});
  router.add(Route{"DELETE", "/api/v1/session", true, true, {}, [](Call& call) {
                     log_out(call.database(), call.request.session_token);
                     ApiResponse r;
                     r.status = 204;
                     r.content_type.clear();
                     r.headers.emplace_back("Set-Cookie", cookie("", 0, call.request.secure));
                     return r;
                   }});
}

void add_probe_routes(Router& router, DatabasePool& pool, Metrics& metrics) {
  router.add(Route{"GET", "/healthz", false, true, {}, [](Call& call) {
                     ApiResponse r;
                     r.content_type = "text/plain; charset=utf-8";
                     try {
                       storage::applied_migrations(call.database());
                       r.body = "ok\n";
                     } catch (const StorageError&) {
                       r.status = 503;
                       r.body = "databasen svarer ikke\n";
                     }
                     return r;
                   }});
  router.add(Route{"GET", "/metrics", false, false, {}, [&pool, &metrics](Call&) {
                     ApiResponse r;
                     r.content_type = "text/plain; version=0.0.4; charset=utf-8";
                     r.body = metrics.text(pool.in_use(), pool.open(), pool.size());
                     return r;
                   }});
}

}  // namespace sagsaudit::server
