// Every endpoint × every role: admin, koordinator (assigned the cases), leder of the cases'
// center, leder of another center, revisor, not logged in. Each cell is the exact status code.
// Allowed calls are shaped so that their outcome is fixed (e.g. a stale version gives 409), so
// the matrix shows both that the role got through and what the handler then said.
#include <boost/json.hpp>

#include <set>

#include "server/server_support.hpp"
#include "storage/followup_repository.hpp"
#include "storage/notification_repository.hpp"

namespace sagsaudit::testing {
namespace {

struct Cell {
  std::string method;
  std::string pattern;  // the router's template this row exercises
  std::string target;
  std::string body;
  // admin, koordinator, leder (own center), leder (other center), revisor, anonymous
  std::array<unsigned, 6> expected;
};

const std::string kReview = "/api/v1/rounds/" + kRound + "/reviews/S-1";

// `notification`: the id of the notification assign wrote to anna (SetUp).
std::vector<Cell> matrix(const std::string& notification = "1") {
  return {
      {"GET", "/api/v1/session", "/api/v1/session", "", {200, 200, 200, 200, 200, 401}},
      {"GET", "/api/v1/meta", "/api/v1/meta", "", {200, 200, 200, 200, 200, 401}},
      {"GET", "/api/v1/rounds", "/api/v1/rounds?aar=2027", "", {200, 200, 200, 200, 200, 401}},
      {"GET",
       "/api/v1/rounds/{id}",
       "/api/v1/rounds/" + kRound,
       "",
       {200, 200, 200, 200, 200, 401}},
      // Not the admin's: 403. The admin's empty upload: 422.
      {"POST",
       "/api/v1/rounds/{id}/population",
       "/api/v1/rounds/" + kRound + "/population",
       "",
       {422, 403, 403, 403, 403, 401}},
      // The round is under review already: the admin's draw and assignment are conflicts.
      {"POST",
       "/api/v1/rounds/{id}/sample",
       "/api/v1/rounds/" + kRound + "/sample",
       R"({"seed":"42"})",
       {409, 403, 403, 403, 403, 401}},
      // No protocol was stored (the test's sample is given directly): 404 for everyone allowed.
      {"GET",
       "/api/v1/rounds/{id}/sample",
       "/api/v1/rounds/" + kRound + "/sample",
       "",
       {404, 404, 404, 404, 404, 401}},
      {"GET",
       "/api/v1/rounds/{id}/sample/verify",
       "/api/v1/rounds/" + kRound + "/sample/verify",
       "",
       {404, 404, 404, 404, 404, 401}},
      {"POST",
       "/api/v1/rounds/{id}/assign",
       "/api/v1/rounds/" + kRound + "/assign",
       "",
       {409, 403, 403, 403, 403, 401}},
      {"POST",
       "/api/v1/rounds/{id}/advance",
       "/api/v1/rounds/" + kRound + "/advance",
       R"({"til":"planned"})",
       {409, 403, 403, 403, 403, 401}},
      {"GET", "/api/v1/reviews", "/api/v1/reviews?mine=1", "", {200, 200, 200, 200, 200, 401}},
      {"GET",
       "/api/v1/rounds/{id}/reviews/{sagsnummer}",
       kReview,
       "",
       {200, 200, 200, 403, 200, 401}},
      // A stale version: whoever may edit gets 409.
      {"PUT",
       "/api/v1/rounds/{id}/reviews/{sagsnummer}",
       kReview,
       R"({"version":99,"svar":[]})",
       {409, 409, 403, 403, 403, 401}},
      {"POST",
       "/api/v1/rounds/{id}/reviews/{sagsnummer}/submit",
       kReview + "/submit",
       R"({"version":99})",
       {409, 409, 403, 403, 403, 401}},
      {"POST",
       "/api/v1/rounds/{id}/reviews/{sagsnummer}/approve",
       kReview + "/approve",
       R"({"version":99})",
       {409, 403, 409, 403, 403, 401}},
      {"POST",
       "/api/v1/rounds/{id}/reviews/{sagsnummer}/return",
       kReview + "/return",
       R"({"version":99,"begrundelse":"se igen"})",
       {409, 403, 409, 403, 403, 401}},
      {"GET",
       "/api/v1/reports/overview",
       "/api/v1/reports/overview?periode=2027-K1",
       "",
       {200, 403, 403, 403, 200, 401}},
      {"GET",
       "/api/v1/reports/center",
       "/api/v1/reports/center?center=jc-amager&periode=2027-K1",
       "",
       {200, 403, 200, 403, 200, 401}},
      {"GET",
       "/api/v1/reports/fejlstatistik",
       "/api/v1/reports/fejlstatistik?periode=2027-K1&center=jc-amager",
       "",
       {200, 403, 200, 403, 200, 401}},
      // The round has no revisorgennemgang: admin and revisor get 404, the others 403.
      {"GET",
       "/api/v1/rounds/{id}/compare",
       "/api/v1/rounds/" + kRound + "/compare",
       "",
       {404, 403, 403, 403, 404, 401}},
      {"GET",
       "/api/v1/rounds/{id}/compare/sources",
       "/api/v1/rounds/" + kRound + "/compare/sources",
       "",
       {200, 403, 403, 403, 200, 401}},
      {"GET", "/api/v1/users", "/api/v1/users", "", {200, 403, 403, 403, 403, 401}},
      {"POST", "/api/v1/users", "/api/v1/users", "{}", {422, 403, 403, 403, 403, 401}},
      {"PATCH",
       "/api/v1/users/{brugernavn}",
       "/api/v1/users/ingen",
       R"({"navn":"X"})",
       {404, 403, 403, 403, 403, 401}},
      {"GET", "/api/v1/audit", "/api/v1/audit?limit=5", "", {200, 403, 403, 403, 200, 401}},
      {"GET", "/api/v1/notifications", "/api/v1/notifications", "", {200, 200, 200, 200, 200, 401}},
      // Each marks only their own: anna's notification is 404 for everyone else.
      {"POST",
       "/api/v1/notifications/{id}/read",
       "/api/v1/notifications/" + notification + "/read",
       "",
       {404, 204, 404, 404, 404, 401}},
      // Opfølgning (issue 8): initiative 1 and berigtigelse 1 are jc-amager's (SetUp below).
      // A leder reads and changes only their own centers'; the revisor reads; no koordinator.
      {"GET",
       "/api/v1/followup",
       "/api/v1/followup?center=jc-amager",
       "",
       {200, 403, 200, 403, 200, 401}},
      // The round is not rapporteret: whoever may add gets 409.
      {"POST",
       "/api/v1/followup/initiatives",
       "/api/v1/followup/initiatives",
       R"({"runde":")" + kRound + R"(","center":"jc-amager"})",
       {409, 403, 409, 403, 403, 401}},
      {"GET",
       "/api/v1/followup/initiatives/{nr}",
       "/api/v1/followup/initiatives/1",
       "",
       {200, 403, 200, 403, 200, 401}},
      // A bad deadline: whoever may change gets 422.
      {"PATCH",
       "/api/v1/followup/initiatives/{nr}",
       "/api/v1/followup/initiatives/1",
       R"({"frist":"31-13-2027"})",
       {422, 403, 422, 403, 403, 401}},
      // Already 'åben': whoever may change gets 409.
      {"POST",
       "/api/v1/followup/initiatives/{nr}/status",
       "/api/v1/followup/initiatives/1/status",
       R"({"til":"open","begrundelse":"igen"})",
       {409, 403, 409, 403, 403, 401}},
      {"POST",
       "/api/v1/followup/corrections/{nr}/status",
       "/api/v1/followup/corrections/1/status",
       R"({"til":"open","begrundelse":"igen"})",
       {409, 403, 409, 403, 403, 401}},
      {"GET", "/healthz", "/healthz", "", {200, 200, 200, 200, 200, 200}},
      {"GET", "/metrics", "/metrics", "", {200, 200, 200, 200, 200, 200}},
  };
}

class RoleMatrixTest : public ServerTest {
 protected:
  // Opfølgning rows (issue 8): one initiative and one berigtigelse of jc-amager, stored directly
  // (the matrix's round is not published and has no fejl).
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped()) return;
    auto repo = storage::make_followup_repository(db());
    storage::Initiative i;
    i.round_id = kRound;
    i.period = "2027-K1";
    i.center = "jc-amager";
    i.benefit_type = "sygedagpenge";
    i.created_at = i.updated_at = "2027-05-10T08:00:00Z";
    i.created_by = "cli:test";
    ASSERT_EQ(repo->add_initiative(i), 1);
    storage::Correction c;
    c.round_id = kRound;
    c.case_number = "S-1";
    c.control_id = "SD-N03";
    c.benefit_type = "sygedagpenge";
    c.period = "2027-K1";
    c.center = "jc-amager";
    c.created_at = c.updated_at = "2027-05-10T08:00:00Z";
    c.updated_by = "cli:test";
    ASSERT_EQ(repo->add_correction(c), 1);
    // the notification assign wrote to anna alone, for the "markér som læst" row
    for (const auto& n : storage::make_notification_repository(db())->list()) {
      if (n.recipient_user == "anna") annas_notification_ = std::to_string(n.id);
    }
    ASSERT_FALSE(annas_notification_.empty());
  }

  std::string annas_notification_;
};

TEST_P(RoleMatrixTest, EveryEndpointForEveryRole) {
  const std::array<std::string, 5> users = {"admin", "anna", "erik", "lise", "revisor"};
  std::vector<Login> logins;
  for (const auto& u : users) logins.push_back(login(u));
  for (const auto& cell : matrix(annas_notification_)) {
    for (std::size_t who = 0; who < 6; ++who) {
      const Login* as = who < 5 ? &logins[who] : nullptr;
      const HttpReply r = call(as, cell.method, cell.target, cell.body);
      EXPECT_EQ(r.status, cell.expected[who])
          << cell.method << " " << cell.target << " as "
          << (who < 5 ? users[who] : std::string("anonym")) << ": " << r.body;
      if (r.status == 403 && cell.pattern.rfind("/api/", 0) == 0) {
        EXPECT_EQ(std::string(boost::json::parse(r.body).at("error").as_string()),
                  "adgang_naegtet");
      }
    }
  }
  // Logging out: every role may, nobody anonymous; the session is gone afterwards.
  for (std::size_t who = 0; who < 5; ++who) {
    EXPECT_EQ(call(&logins[who], "DELETE", "/api/v1/session").status, 204u) << users[who];
    EXPECT_EQ(call(&logins[who], "GET", "/api/v1/session").status, 401u) << users[who];
  }
  EXPECT_EQ(call(nullptr, "DELETE", "/api/v1/session").status, 401u);
}

// The matrix covers every route of the router (and nothing else), so a new endpoint cannot be
// added without deciding who may call it.
TEST_P(RoleMatrixTest, MatrixCoversEveryRoute) {
  std::set<std::pair<std::string, std::string>> routes, covered;
  for (const auto& r : server().router().routes()) routes.emplace(r.method, r.pattern);
  for (const auto& c : matrix()) covered.emplace(c.method, c.pattern);
  covered.emplace("POST", "/api/v1/session");    // the login itself: every test logs in
  covered.emplace("DELETE", "/api/v1/session");  // logging out, at the end of the matrix
  EXPECT_EQ(routes, covered);
}

INSTANTIATE_TEST_SUITE_P(Backends, RoleMatrixTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
