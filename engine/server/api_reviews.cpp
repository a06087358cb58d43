// /api/v1/reviews and /api/v1/rounds/{id}/reviews/{sagsnummer}: the case reviews, through the
// engine's review functions (scoring/review_editing.hpp) like `sagsaudit review …`.
#include "compare/blind_access.hpp"
#include "domain/answer.hpp"
#include "domain/errors.hpp"
#include "scoring/review_editing.hpp"
#include "server/api.hpp"
#include "server/api_bodies.hpp"
#include "server/api_json.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/population_repository.hpp"
#include "storage/round_repository.hpp"

namespace sagsaudit::server {
namespace {

std::string category_code(Category c) {
  switch (c) {
    case Category::key_control:
      return "noeglekontrol";
    case Category::quality_goal:
      return "kvalitetsmaal";
    case Category::formality:
      return "formalia";
  }
  return "formalia";
}

boost::json::object answer_json(const ControlAnswer& a) {
  boost::json::object out{
      {"kontrol", a.control_id}, {"svar", answer_text(a.answer)}, {"kommentar", a.comment}};
  out["beloeb"] = a.amount ? boost::json::value(a.amount->to_string()) : nullptr;
  out["periode"] =
      a.affected_period
          ? boost::json::value(boost::json::object{{"fra", to_iso(a.affected_period->from)},
                                                   {"til", to_iso(a.affected_period->to)}})
          : nullptr;
  return out;
}

storage::CaseReview find_review(Call& call) {
  auto review = storage::make_case_review_repository(call.database())
                    ->find(call.param("id"), call.param("sagsnummer"));
  if (!review) {
    throw NotFound("sag " + call.param("sagsnummer") + " findes ikke i runde " + call.param("id"));
  }
  return *review;
}

void may_read(const Call& call, const storage::CaseReview& review) {
  switch (call.user().role) {
    case UserRole::admin:
    case UserRole::auditor:
      return;
    case UserRole::manager:
      require_center(call, review.center);
      return;
    case UserRole::coordinator:
      if (review.assignee != call.actor()) {
        throw HttpError(403, "adgang_naegtet", "sagen er tildelt en anden koordinator");
      }
      return;
  }
}

void may_edit(const Call& call, const storage::CaseReview& review) {
  if (call.user().role == UserRole::coordinator && review.assignee != call.actor()) {
    throw HttpError(403, "adgang_naegtet",
                    "kun den tildelte koordinator kan ændre sagsgennemgangen");
  }
}

void may_decide(const Call& call, const storage::CaseReview& review) {
  if (call.user().role == UserRole::manager) require_center(call, review.center);
}

ApiResponse version_json(const storage::CaseReview& r) {
  return json_response(boost::json::object{{"version", r.version},
                                           {"tilstand", state_code(r.state)},
                                           {"tilstand_tekst", danish_label(r.state)}});
}

const std::vector<UserRole> kEditors = {UserRole::admin, UserRole::coordinator};
const std::vector<UserRole> kDeciders = {UserRole::admin, UserRole::manager};

}  // namespace

void add_review_routes(Router& router) {
  router.add(Route{"GET", "/api/v1/reviews", true, true, {}, [](Call& call) {
                     auto& db = call.database();
                     storage::ReviewFilter filter;
                     const auto mine = call.query("mine");
                     const auto round = call.query("runde");
                     if (mine && *mine == "1") {
                       filter.assignee = call.actor();
                     } else if (round) {
                       filter.round_id = *round;
                       if (call.user().role == UserRole::coordinator)
                         filter.assignee = call.actor();
                     } else {
                       throw ValidationError(
                           std::vector<Issue>{{"", 0, 0, "mine", "angiv mine=1 eller runde=ID"}});
                     }
                     if (round) filter.round_id = *round;
                     std::map<std::string, storage::Round> rounds;
                     for (auto& r : storage::make_round_repository(db)->list())
                       rounds.emplace(r.id, std::move(r));
                     const auto& centers = call.user().centers;
                     boost::json::array items;
                     for (const auto& r : storage::make_case_review_repository(db)->list(filter)) {
                       if (call.user().role == UserRole::manager && !filter.assignee &&
                           std::find(centers.begin(), centers.end(), r.center) == centers.end()) {
                         continue;
                       }
                       auto it = rounds.find(r.round_id);
                       items.push_back(boost::json::object{
                           {"runde", r.round_id},
                           {"sagsnummer", r.case_number},
                           {"center", r.center},
                           {"ydelsestype", it == rounds.end() ? "" : it->second.benefit_type},
                           {"periode", it == rounds.end() ? "" : it->second.period.to_string()},
                           {"tilstand", state_code(r.state)},
                           {"tilstand_tekst", danish_label(r.state)},
                           {"koordinator", r.assignee},
                           {"frist", to_iso(r.due_date)},
                           {"over_frist", r.overdue},
                           {"version", r.version}});
                     }
                     return json_response(boost::json::object{{"sager", items}});
                   }});

  router.add(Route{
      "GET", "/api/v1/rounds/{id}/reviews/{sagsnummer}", true, true, {}, [](Call& call) {
        auto& db = call.database();
        may_read(call, find_review(call));
        // Issue 7: a blind round keeps the municipality's answers from the revisor until the
        // external review is locked; the refusal is audited (compare/blind_access.hpp).
        require_visible(db, call.param("id"), ReviewSide::municipality, call.actor(), call.at(),
                        "GET review " + call.param("sagsnummer"));
        const ReviewView view = load_review(db, call.param("id"), call.param("sagsnummer"));
        const auto facts = storage::make_population_repository(db)->find_case(
            view.review.round_id, view.review.case_number);
        boost::json::object attributes;
        if (facts) {
          boost::system::error_code ec;
          auto parsed = boost::json::parse(facts->attributes_json, ec);
          if (!ec && parsed.is_object()) attributes = std::move(parsed.as_object());
        }
        boost::json::array controls, answers;
        for (const auto& c : view.concept_.controls) {
          controls.push_back(boost::json::object{{"id", c.id},
                                                 {"kategori", category_code(c.category)},
                                                 {"tekst", c.question},
                                                 {"hjemmel", c.legal_reference},
                                                 {"vejledning", c.help},
                                                 {"refusion", c.affects_reimbursement}});
        }
        for (const auto& s : view.answers) answers.push_back(answer_json(s.answer));
        const auto& r = view.review;
        boost::json::object out{{"runde", r.round_id},
                                {"sagsnummer", r.case_number},
                                {"cpr_maskeret", facts ? facts->masked_cpr : ""},
                                {"center", r.center},
                                {"sagsbehandler", facts ? facts->case_worker : ""},
                                {"afgoerelsesdato", facts ? boost::json::value(facts->decision_date)
                                                          : boost::json::value(nullptr)},
                                {"attributter", attributes},
                                {"tilstand", state_code(r.state)},
                                {"tilstand_tekst", danish_label(r.state)},
                                {"koordinator", r.assignee},
                                {"frist", to_iso(r.due_date)},
                                {"version", r.version},
                                {"koncept_version", view.concept_.version},
                                {"kontroller", controls},
                                {"svar", answers}};
        if (!r.return_reason.empty()) out["returneret_begrundelse"] = r.return_reason;
        return json_response(out);
      }});

  router.add(Route{
      "PUT", "/api/v1/rounds/{id}/reviews/{sagsnummer}", true, true, kEditors, [](Call& call) {
        may_edit(call, find_review(call));
        const auto body = json_body(call.request);
        const int version = required_int(body, "version");
        const auto answers = answers_from(body);
        const SaveOutcome saved =
            save_review_draft(call.database(), call.param("id"), call.param("sagsnummer"), answers,
                              version, call.actor(), call.at());
        return version_json(saved.review);
      }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/reviews/{sagsnummer}/submit", true, true, kEditors,
                   [](Call& call) {
                     may_edit(call, find_review(call));
                     const auto body = json_body(call.request);
                     return version_json(
                         submit_review(call.database(), call.param("id"), call.param("sagsnummer"),
                                       required_int(body, "version"), call.actor(), call.at()));
                   }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/reviews/{sagsnummer}/approve", true, true,
                   kDeciders, [](Call& call) {
                     may_decide(call, find_review(call));
                     const auto body = json_body(call.request);
                     return version_json(
                         approve_review(call.database(), call.param("id"), call.param("sagsnummer"),
                                        required_int(body, "version"), call.actor(), call.at()));
                   }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/reviews/{sagsnummer}/return", true, true, kDeciders,
                   [](Call& call) {
                     may_decide(call, find_review(call));
                     const auto body = json_body(call.request);
                     return version_json(return_review(
                         call.database(), call.param("id"), call.param("sagsnummer"),
                         required_int(body, "version"), required_string(body, "begrundelse"),
                         call.actor(), call.at()));
                   }});
}

}  // namespace sagsaudit::server
