// "Markér som læst" over the web (POST /api/v1/notifications/{id}/read): each user marks their
// own copy; another's notification is 404; the CSRF token is required; no audit entry (the audit
// log records changes to review data).
#include <boost/json.hpp>

#include "server/server_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/notification_repository.hpp"

namespace sagsaudit::testing {
namespace {

class NotificationsApiTest : public ServerTest {
 protected:
  // The caller's notifications as the API lists them (newest first): "id:laest:tekst".
  std::vector<std::string> inbox(const Login& who) {
    const HttpReply r = call(&who, "GET", "/api/v1/notifications");
    EXPECT_EQ(r.status, 200u) << r.body;
    std::vector<std::string> out;
    const boost::json::value body = boost::json::parse(r.body);
    for (const auto& v : body.at("notifikationer").as_array()) {
      const auto& n = v.as_object();
      out.push_back(std::to_string(n.at("id").as_int64()) + ":" +
                    (n.at("laest").as_bool() ? "laest" : "ny") + ":" +
                    std::string(n.at("tekst").as_string()));
    }
    return out;
  }

  std::int64_t audit_entries() { return storage::make_audit_log(db())->last_seq(); }
};

TEST_P(NotificationsApiTest, EachUserMarksTheirOwnCopyRead) {
  // A notification to every koordinator besides the one assign wrote to anna (SetUp).
  storage::Notification to_all;
  to_all.created_at = "2027-04-02T06:00:00Z";
  to_all.recipient_role = UserRole::coordinator;
  to_all.kind = "window_closing";
  to_all.round_id = kRound;
  to_all.text = "Gennemgangsvinduet lukker om 7 dage.";
  const auto shared = storage::make_notification_repository(db())->add(to_all);
  const std::string shared_id = std::to_string(shared);

  const Login anna = login("anna");
  const Login bo = login("bo");
  const auto annas = inbox(anna);
  ASSERT_GE(annas.size(), 2u);
  EXPECT_EQ(annas[0], shared_id + ":ny:Gennemgangsvinduet lukker om 7 dage.");
  // assign's notification to anna alone
  const auto own = std::find_if(annas.begin(), annas.end(), [](const std::string& s) {
    return s.find(":ny:Du har fået 2 sager i runde " + kRound) != std::string::npos;
  });
  ASSERT_NE(own, annas.end());
  const std::string own_id = own->substr(0, own->find(':'));
  const auto bos_before = inbox(bo);
  EXPECT_EQ(bos_before[0], shared_id + ":ny:Gennemgangsvinduet lukker om 7 dage.");
  const std::int64_t audit_before = audit_entries();

  const HttpReply r = call(&anna, "POST", "/api/v1/notifications/" + shared_id + "/read");
  EXPECT_EQ(r.status, 204u) << r.body;
  EXPECT_EQ(r.body, "");
  EXPECT_EQ(call(&anna, "POST", "/api/v1/notifications/" + shared_id + "/read").status, 204u);
  EXPECT_EQ(call(&anna, "POST", "/api/v1/notifications/" + own_id + "/read").status, 204u);
  auto expected = annas;
  expected[0] = shared_id + ":laest:Gennemgangsvinduet lukker om 7 dage.";
  expected[static_cast<std::size_t>(own - annas.begin())].replace(own_id.size() + 1, 2, "laest");
  EXPECT_EQ(inbox(anna), expected);
  // bo's copy is unread still, and anna's own notification is not his to mark
  EXPECT_EQ(inbox(bo), bos_before);
  const HttpReply others = call(&bo, "POST", "/api/v1/notifications/" + own_id + "/read");
  EXPECT_EQ(others.status, 404u);
  EXPECT_EQ(std::string(boost::json::parse(others.body).at("error").as_string()), "ikke_fundet");
  EXPECT_EQ(call(&bo, "POST", "/api/v1/notifications/999999/read").status, 404u);
  EXPECT_EQ(call(&bo, "POST", "/api/v1/notifications/x1/read").status, 404u);
  EXPECT_EQ(inbox(bo), bos_before);
  // the CSRF token is required, as for every change
  const HttpReply no_token = http_request(
      port(), "POST", "/api/v1/notifications/" + shared_id + "/read", "", {{"Cookie", bo.cookie}});
  EXPECT_EQ(no_token.status, 403u);
  EXPECT_EQ(inbox(bo), bos_before);
  EXPECT_EQ(audit_entries(), audit_before);
}

INSTANTIATE_TEST_SUITE_P(Backends, NotificationsApiTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
