// /api/v1/users (admin), /api/v1/audit (admin, revisor), /api/v1/notifications (everyone).
#include <charconv>

#include "domain/errors.hpp"
#include "server/api.hpp"
#include "server/api_bodies.hpp"
#include "server/api_json.hpp"
#include "storage/audit_log.hpp"
#include "storage/notification_repository.hpp"
#include "storage/user_repository.hpp"
#include "users/user_admin.hpp"

namespace sagsaudit::server {
namespace {

boost::json::object user_json(storage::Database& db, const storage::User& u) {
  boost::json::array centers;
  for (const auto& c : u.centers) centers.push_back(boost::json::value(c));
  return {{"brugernavn", u.username},   {"navn", u.display_name},
          {"rolle", role_code(u.role)}, {"centre", centers},
          {"aktiv", u.active},          {"har_adgangskode", has_password(db, u.username)}};
}

const std::vector<UserRole> kAdmin = {UserRole::admin};
const std::vector<UserRole> kAuditReaders = {UserRole::admin, UserRole::auditor};

}  // namespace

void add_admin_routes(Router& router) {
  router.add(Route{"GET", "/api/v1/users", true, true, kAdmin, [](Call& call) {
                     auto& db = call.database();
                     boost::json::array items;
                     for (const auto& u :
                          storage::make_user_repository(db)->list(std::nullopt, true)) {
                       items.push_back(user_json(db, u));
                     }
                     return json_response(boost::json::object{{"brugere", items}});
                   }});

  router.add(Route{
      "POST", "/api/v1/users", true, true, kAdmin, [](Call& call) {
        auto& db = call.database();
        const NewUserBody added = new_user_from(json_body(call.request));
        add_user(db, added.user, added.password, call.actor(), call.at());
        return json_response(
            user_json(db, *storage::make_user_repository(db)->find(added.user.username)), 201);
      }});

  router.add(Route{"PATCH", "/api/v1/users/{brugernavn}", true, true, kAdmin, [](Call& call) {
                     auto& db = call.database();
                     const UserChange change = user_change_from(json_body(call.request));
                     if (call.param("brugernavn") == call.actor() && change.active &&
                         !*change.active) {
                       throw ConflictError("du kan ikke deaktivere dig selv");
                     }
                     const storage::User user =
                         change_user(db, call.param("brugernavn"), change, call.actor(), call.at());
                     return json_response(user_json(db, user));
                   }});

  router.add(Route{
      "GET", "/api/v1/audit", true, true, kAuditReaders, [](Call& call) {
        auto log = storage::make_audit_log(call.database());
        const int limit =
            call.query("limit") ? int_parameter(*call.query("limit"), "limit", 1, 1000) : 100;
        // The chain is numbered 1…N without gaps (every entry links to the one before), so "the
        // `limit` entries before seq F" is the range (F-1-limit, F-1].
        const storage::AuditVerification check = log->verify();
        std::int64_t top = check.entries;
        if (auto before = call.query("foer")) {
          top = std::min<std::int64_t>(top, int_parameter(*before, "foer", 1, 2147483647) - 1);
        }
        storage::AuditFilter filter;
        filter.after_seq = std::max<std::int64_t>(0, top - limit);
        filter.limit = static_cast<int>(top - *filter.after_seq);
        boost::json::array items;
        if (filter.limit > 0) {
          auto entries = log->list(filter);
          for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
            const auto& e = *it;
            items.push_back(boost::json::object{{"seq", e.seq},
                                                {"tid", e.record.at},
                                                {"hvem", e.record.actor},
                                                {"handling", e.record.action},
                                                {"objekt", e.record.object_type},
                                                {"noegle", e.record.object_id},
                                                {"gammel", e.record.from_state},
                                                {"ny", e.record.to_state},
                                                {"detaljer", e.record.details}});
          }
        }
        return json_response(boost::json::object{{"poster", items}, {"kaede_ok", check.ok}});
      }});

  router.add(Route{
      "GET", "/api/v1/notifications", true, true, {}, [](Call& call) {
        const auto inbox =
            storage::make_notification_repository(call.database())->inbox(call.user());
        boost::json::array items;
        for (auto it = inbox.rbegin(); it != inbox.rend(); ++it) {
          items.push_back(boost::json::object{
              {"id", it->id}, {"tid", it->created_at}, {"tekst", it->text}, {"laest", it->read}});
        }
        return json_response(boost::json::object{{"notifikationer", items}});
      }});

  // "Markér som læst": for the caller alone (a notification to a role stays unread for its other
  // users). 204, also when it was read already; 404 when it is not in the caller's inbox. Not in
  // the audit log, which records changes to review data (the mark is the reader's own state).
  router.add(Route{
      "POST", "/api/v1/notifications/{id}/read", true, true, {}, [](Call& call) {
        const std::string text = call.param("id");
        std::int64_t id = 0;
        const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
          throw NotFound("notifikation '" + text + "' findes ikke (nummeret er et helt tal)");
        }
        storage::make_notification_repository(call.database())
            ->mark_read_by(id, call.user(), call.at());
        ApiResponse r;
        r.status = 204;
        r.content_type.clear();
        return r;
      }});
}

}  // namespace sagsaudit::server
