// POST/GET/DELETE /api/v1/session, and the probes /healthz and /metrics.
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

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

// Failed logins per client address, in memory (each server instance counts its own): a
// failure counts when the previous one from the address was less than an hour ago, and the
// limit-th locks the address for `lock` seconds. Addresses quiet for an hour are forgotten, so
// the table holds only recent attackers.
class AddressThrottle {
 public:
  AddressThrottle(int limit, std::int64_t lock) : limit_(limit), lock_(lock) {}

  // Seconds until the address may try again, 0 when it may now.
  std::int64_t wait(const std::string& address, std::int64_t now) {
    std::lock_guard guard(mutex_);
    const auto it = entries_.find(address);
    return it == entries_.end() || it->second.locked_until <= now ? 0
                                                                  : it->second.locked_until - now;
  }

  void failed(const std::string& address, std::int64_t now) {
    if (limit_ <= 0) return;
    std::lock_guard guard(mutex_);
    if (entries_.size() > 10000) {
      std::erase_if(entries_, [&](const auto& e) {
        return e.second.last + kWindow < now && e.second.locked_until <= now;
      });
    }
    Entry& e = entries_[address];
    if (e.last + kWindow < now) e.failures = 0;
    e.last = now;
    if (++e.failures >= limit_) e.locked_until = now + lock_;
  }

 private:
  static constexpr std::int64_t kWindow = 3600;
  struct Entry {
    int failures = 0;
    std::int64_t last = 0;
    std::int64_t locked_until = 0;
  };
  int limit_;
  std::int64_t lock_;
  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace

void add_session_routes(Router& router, const LoginPolicy& policy, const ServerOptions& options) {
  auto throttle = std::make_shared<AddressThrottle>(options.login_failures_per_address,
                                                    options.login_address_lock.count());
  router.add(
      Route{"POST", "/api/v1/session", false, true, {}, [policy, throttle](Call& call) {
              // A JSON content type cannot be sent cross-site without a CORS preflight,
              // which this server never grants: no login CSRF.
              if (call.request.content_type.rfind("application/json", 0) != 0) {
                throw HttpError(422, "ugyldig", "login skal sendes som application/json");
              }
              const std::string& address = call.request.remote_address;
              if (const auto wait = throttle->wait(address, call.now); wait > 0) {
                throw LoginThrottled(
                    "for mange mislykkede forsøg fra din adresse; prøv "
                    "igen om " +
                        std::to_string(wait) + " sekunder",
                    wait);
              }
              const LoginBody login = login_from(json_body(call.request));
              std::optional<LoginSession> opened;
              try {
                opened = log_in(call.database(), login.username, login.password, call.now, policy);
              } catch (const LoginFailed&) {
                throttle->failed(address, call.now);
                throw;
              }
              const LoginSession& s = *opened;
              // No session fixation: the id is always new, and one the browser came
              // with (planted or left over) ends here.
              if (!call.request.session_token.empty()) {
                log_out(call.database(), call.request.session_token);
              }
              ApiResponse r = json_response(session_json(s.user, s.csrf));
              r.headers.emplace_back("Set-Cookie",
                                     cookie(s.token, policy.session_seconds, call.request.secure));
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
                       call.discard_connection = true;
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
