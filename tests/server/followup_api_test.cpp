// /api/v1/followup/… (issue 8): the opfølgning over the web API, on the server test world's round
// with its two jc-amager cases reviewed so that the cell is red and one answer is a fejl on a
// reimbursement-relevant nøglekontrol, then published (rapporteret).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "scoring/review_editing.hpp"
#include "server/server_support.hpp"
#include "storage/followup_repository.hpp"
#include "workflow/clock.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit::testing {
namespace {

namespace json = boost::json;

json::object parse(const HttpReply& r) {
  return json::parse(r.body).as_object();
}

std::string text(const json::value& v) {
  return std::string(v.as_string());
}

class FollowupApiTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped()) return;
    // S-1: fejl on SD-N03 (refusion) with 1.234,50 kr. and on SD-K01; S-2: twelve fejl.
    // 26 of 40 answers korrekt = 65 %: red.
    submit("S-1", answers_with({{"SD-N03", "1.234,50"}, {"SD-K01", ""}}), "2027-04-02T08:00:00Z");
    std::map<std::string, std::string> twelve;
    for (int i = 1; i <= 7; ++i) twelve["SD-K0" + std::to_string(i)] = "";
    for (int i = 1; i <= 5; ++i) twelve["SD-F0" + std::to_string(i)] = "";
    submit("S-2", answers_with(twelve), "2027-04-02T09:00:00Z");
    transition_round(db(), kRound, RoundState::closed, "cli:test", "2027-05-01T08:00:00Z");
    transition_round(db(), kRound, RoundState::reported, "cli:lead", "2027-05-10T08:00:00Z");
    auto repo = storage::make_followup_repository(db());
    const auto initiatives = repo->initiatives();
    ASSERT_EQ(initiatives.size(), 1u);
    initiative_ = std::to_string(initiatives[0].id);
    const auto corrections = repo->corrections();
    ASSERT_EQ(corrections.size(), 1u);
    correction_ = std::to_string(corrections[0].id);
  }

  void submit(const std::string& number, const std::vector<ControlAnswer>& answers,
              const std::string& at) {
    const auto saved = save_review_draft(db(), kRound, number, answers, 1, "anna", at);
    submit_review(db(), kRound, number, saved.review.version, "anna", at);
  }

  // The audit log's entries for one object, as "handling hvem gammel→ny".
  std::vector<std::string> audit(const std::string& type, const std::string& key) {
    const Login admin = login("admin");
    const auto reply = call(&admin, "GET", "/api/v1/audit?limit=100");
    EXPECT_EQ(reply.status, 200u) << reply.body;
    const auto log = parse(reply);
    std::vector<std::string> out;
    for (const auto& e : log.at("poster").as_array()) {
      if (text(e.at("objekt")) != type || text(e.at("noegle")) != key) continue;
      out.push_back(text(e.at("handling")) + " " + text(e.at("hvem")) + " " + text(e.at("gammel")) +
                    "→" + text(e.at("ny")));
    }
    std::reverse(out.begin(), out.end());  // the log lists the newest first
    return out;
  }

  std::string initiative_;
  std::string correction_;
};

TEST_P(FollowupApiTest, TheRedCellHasItsInitiativeAndTheErrorItsCorrection) {
  const Login erik = login("erik");
  const auto reply = call(&erik, "GET", "/api/v1/followup");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.headers.count("content-disposition"), 0u);
  const auto r = parse(reply);
  EXPECT_EQ(text(r.at("center")), "jc-amager");  // the leder's own centers
  EXPECT_EQ(text(r.at("opgjort")), to_iso(local_today()));
  EXPECT_EQ(r.at("gul_graense_dage").as_int64(), 30);
  const auto& initiatives = r.at("initiativer").as_array();
  ASSERT_EQ(initiatives.size(), 1u);
  const auto& i = initiatives[0].as_object();
  EXPECT_EQ(std::to_string(i.at("nr").as_int64()), initiative_);
  EXPECT_EQ(text(i.at("runde")), kRound);
  EXPECT_EQ(text(i.at("center")), "jc-amager");
  EXPECT_EQ(text(i.at("ydelsestype")), "sygedagpenge");
  EXPECT_EQ(text(i.at("lys")), "red");
  EXPECT_EQ(i.at("procent").as_int64(), 65);
  EXPECT_EQ(text(i.at("markering")), "open");
  EXPECT_EQ(text(i.at("status")), "in_progress");
  EXPECT_EQ(text(i.at("status_tekst")),
            "Initiativet forløber planmæssigt (fristen er ikke overskredet)");
  EXPECT_TRUE(i.at("frist").is_null());
  const auto& open = r.at("aabne_berigtigelser").as_array();
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(std::to_string(open[0].at("nr").as_int64()), correction_);
  EXPECT_EQ(text(open[0].at("sag")), "S-1");
  EXPECT_EQ(text(open[0].at("kontrol")), "SD-N03");
  EXPECT_EQ(text(open[0].at("center")), "jc-amager");
  EXPECT_EQ(text(open[0].at("beloeb")), "1234.5");
  EXPECT_EQ(text(open[0].at("status")), "open");
  EXPECT_EQ(json::serialize(r.at("i_alt")),
            R"([{"center":"jc-amager","antal":1,"beloeb":"1234.5"},)"
            R"({"center":"i alt","antal":1,"beloeb":"1234.5"}])");
  EXPECT_EQ(r.at("afsluttede_berigtigelser").as_int64(), 0);

  // The admin and the revisor see the same rows for the whole forvaltning (center null).
  for (const std::string who : {"admin", "revisor"}) {
    const Login as = login(who);
    const auto all = parse(call(&as, "GET", "/api/v1/followup"));
    EXPECT_TRUE(all.at("center").is_null()) << who;
    EXPECT_EQ(json::serialize(all.at("initiativer")), json::serialize(r.at("initiativer"))) << who;
    EXPECT_EQ(json::serialize(all.at("aabne_berigtigelser")),
              json::serialize(r.at("aabne_berigtigelser")))
        << who;
  }
}

TEST_P(FollowupApiTest, FillingInAndMarkingTheInitiativeGoesThroughTheAuditLog) {
  const Login erik = login("erik");
  const std::string path = "/api/v1/followup/initiatives/" + initiative_;
  const auto set =
      call(&erik, "PATCH", path,
           R"({"hvad":"Sagsbehandlerne undervises i SD-K01","ansvarlig":"Centerchef Amager",)"
           R"("frist":"30-06-2027","kontroller":["SD-K01","SD-N03"]})");
  ASSERT_EQ(set.status, 200u) << set.body;
  auto i = parse(set);
  EXPECT_EQ(text(i.at("hvad")), "Sagsbehandlerne undervises i SD-K01");
  EXPECT_EQ(text(i.at("ansvarlig")), "Centerchef Amager");
  EXPECT_EQ(text(i.at("frist")), "2027-06-30");
  ASSERT_EQ(i.at("kontroller").as_array().size(), 2u);
  EXPECT_EQ(text(i.at("kontroller").as_array()[0].at("kontrol")), "SD-K01");
  // SD-K01: fejl in both cases, 0 of 2 korrekt; no later round yet.
  EXPECT_EQ(i.at("kontroller").as_array()[0].at("foer").as_int64(), 0);
  EXPECT_TRUE(i.at("kontroller").as_array()[0].at("efter").is_null());

  const auto marked = call(&erik, "POST", path + "/status",
                           R"({"til":"at_risk","fra":"open","begrundelse":"ingen undervisere"})");
  ASSERT_EQ(marked.status, 200u) << marked.body;
  i = parse(marked);
  EXPECT_EQ(text(i.at("markering")), "at_risk");
  EXPECT_EQ(text(i.at("status")), "red");
  EXPECT_EQ(
      text(i.at("status_tekst"))
          .rfind("Initiativet forløber med stor forsinkelse, risiko for manglende opfyldelse", 0),
      0u);
  const auto& changes = i.at("aendringer").as_array();
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_EQ(text(changes[0].at("af")), "erik");
  EXPECT_EQ(text(changes[0].at("fra")), "open");
  EXPECT_EQ(text(changes[0].at("til")), "at_risk");
  EXPECT_EQ(text(changes[0].at("begrundelse")), "ingen undervisere");
  EXPECT_EQ(
      audit("initiative", initiative_),
      (std::vector<std::string>{"initiative.create cli:lead →open", "initiative.update erik →",
                                "initiative.status erik open→at_risk"}));

  // The page still showed 'open': a stale move is a conflict, and so is marking it at risk again.
  const auto stale = call(&erik, "POST", path + "/status",
                          R"({"til":"done","fra":"open","begrundelse":"færdig"})");
  EXPECT_EQ(stale.status, 409u) << stale.body;
  EXPECT_EQ(text(parse(stale).at("error")), "konflikt");
  EXPECT_EQ(
      call(&erik, "POST", path + "/status", R"({"til":"at_risk","begrundelse":"igen"})").status,
      409u);
  // No reason: 422 naming begrundelse; an unknown status: 422 naming til. Nothing written.
  const auto blank = call(&erik, "POST", path + "/status", R"({"til":"done","begrundelse":" "})");
  ASSERT_EQ(blank.status, 422u) << blank.body;
  EXPECT_EQ(text(parse(blank).at("details").as_array()[0].at("felt")), "begrundelse");
  const auto unknown =
      call(&erik, "POST", path + "/status", R"({"til":"lilla","begrundelse":"x"})");
  ASSERT_EQ(unknown.status, 422u) << unknown.body;
  EXPECT_EQ(text(parse(unknown).at("details").as_array()[0].at("felt")), "til");
  EXPECT_EQ(audit("initiative", initiative_).size(), 3u);
}

TEST_P(FollowupApiTest, BadInputIsRefusedNamingTheField) {
  const Login admin = login("admin");
  const std::string path = "/api/v1/followup/initiatives/" + initiative_;
  const auto date = call(&admin, "PATCH", path, R"({"hvad":"x","frist":"31-13-2027"})");
  ASSERT_EQ(date.status, 422u) << date.body;
  auto details = parse(date).at("details").as_array();
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(text(details[0].at("felt")), "frist");
  EXPECT_EQ(text(details[0].at("besked")),
            "'31-13-2027' er ikke en dato (skriv fx 2027-12-31 eller 31-12-2027)");
  const auto control = call(&admin, "PATCH", path, R"({"kontroller":["SD-K01","XX-99"]})");
  ASSERT_EQ(control.status, 422u) << control.body;
  details = parse(control).at("details").as_array();
  ASSERT_EQ(details.size(), 1u);
  EXPECT_EQ(text(details[0].at("felt")), "kontroller");
  EXPECT_EQ(text(details[0].at("besked")),
            "kontrol 'XX-99' findes ikke i kvalitetskonceptet for sygedagpenge");
  EXPECT_EQ(call(&admin, "PATCH", path, "{}").status, 422u);
  EXPECT_EQ(call(&admin, "PATCH", "/api/v1/followup/initiatives/999", R"({"hvad":"x"})").status,
            404u);
  EXPECT_EQ(call(&admin, "PATCH", "/api/v1/followup/initiatives/abc", R"({"hvad":"x"})").status,
            404u);
  const auto format = call(&admin, "GET", "/api/v1/followup?format=pdf");
  ASSERT_EQ(format.status, 422u);
  EXPECT_EQ(text(parse(format).at("details").as_array()[0].at("felt")), "format");
  // Nothing of it was stored: the initiative is as it was created.
  EXPECT_EQ(audit("initiative", initiative_),
            (std::vector<std::string>{"initiative.create cli:lead →open"}));
  // Without the CSRF token: refused.
  Login no_csrf = admin;
  no_csrf.csrf = "forkert";
  EXPECT_EQ(call(&no_csrf, "PATCH", path, R"({"hvad":"x"})").status, 403u);
}

TEST_P(FollowupApiTest, TheCorrectionIsMarkedBerigtigetAndLeavesTheOpenList) {
  const Login erik = login("erik");
  const std::string path = "/api/v1/followup/corrections/" + correction_ + "/status";
  const auto blank = call(&erik, "POST", path, R"({"til":"not_relevant"})");
  ASSERT_EQ(blank.status, 422u) << blank.body;
  EXPECT_EQ(text(parse(blank).at("details").as_array()[0].at("felt")), "begrundelse");
  const auto done = call(&erik, "POST", path, R"({"til":"corrected","fra":"open"})");
  ASSERT_EQ(done.status, 200u) << done.body;
  EXPECT_EQ(text(parse(done).at("status")), "corrected");
  EXPECT_EQ(text(parse(done).at("sag")), "S-1");
  EXPECT_EQ(call(&erik, "POST", path, R"({"til":"corrected","fra":"open"})").status, 409u);
  EXPECT_EQ(audit("correction", correction_),
            (std::vector<std::string>{"correction.create anna →open",
                                      "correction.status erik open→corrected"}));
  const auto r = parse(call(&erik, "GET", "/api/v1/followup?center=jc-amager"));
  EXPECT_TRUE(r.at("aabne_berigtigelser").as_array().empty());
  EXPECT_EQ(r.at("afsluttede_berigtigelser").as_int64(), 1);
  EXPECT_EQ(json::serialize(r.at("i_alt")), R"([{"center":"i alt","antal":0,"beloeb":"0"}])");
}

TEST_P(FollowupApiTest, OnlyOwnCentersForALederNothingForKoordinatorAndRevisorReadsOnly) {
  const Login lise = login("lise");  // leder of jc-vesterbro-valby
  const auto other = call(&lise, "GET", "/api/v1/followup?center=jc-amager");
  ASSERT_EQ(other.status, 403u);
  EXPECT_EQ(text(parse(other).at("error")), "adgang_naegtet");
  const auto own = parse(call(&lise, "GET", "/api/v1/followup"));
  EXPECT_EQ(text(own.at("center")), "jc-vesterbro-valby");
  EXPECT_TRUE(own.at("initiativer").as_array().empty());
  EXPECT_TRUE(own.at("aabne_berigtigelser").as_array().empty());
  const std::string initiative = "/api/v1/followup/initiatives/" + initiative_;
  const std::string correction = "/api/v1/followup/corrections/" + correction_ + "/status";
  EXPECT_EQ(call(&lise, "GET", initiative).status, 403u);
  EXPECT_EQ(call(&lise, "PATCH", initiative, R"({"hvad":"x"})").status, 403u);
  EXPECT_EQ(
      call(&lise, "POST", initiative + "/status", R"({"til":"done","begrundelse":"x"})").status,
      403u);
  EXPECT_EQ(call(&lise, "POST", correction, R"({"til":"corrected"})").status, 403u);
  const Login revisor = login("revisor");
  EXPECT_EQ(call(&revisor, "GET", initiative).status, 200u);
  EXPECT_EQ(call(&revisor, "POST", correction, R"({"til":"corrected"})").status, 403u);
  const Login anna = login("anna");
  EXPECT_EQ(call(&anna, "GET", "/api/v1/followup").status, 403u);
  // Nothing changed.
  EXPECT_EQ(audit("initiative", initiative_),
            (std::vector<std::string>{"initiative.create cli:lead →open"}));
  EXPECT_EQ(audit("correction", correction_),
            (std::vector<std::string>{"correction.create anna →open"}));
}

TEST_P(FollowupApiTest, DownloadsAsTheCliWritesThem) {
  const Login admin = login("admin");
  const std::string stem = "opfoelgning-forvaltningen-" + to_iso(local_today());
  const auto csv = call(&admin, "GET", "/api/v1/followup?format=csv");
  ASSERT_EQ(csv.status, 200u) << csv.body;
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers.at("content-disposition"), "attachment; filename=\"" + stem + ".csv\"");
  const std::string header =
      "\xEF\xBB\xBFNr.;Center;Ydelsestype;Runde;Handlinger;Ansvarlig;"
      "Forventet afslutningstidspunkt;Status;Status i farver;Dage over frist\r\n";
  EXPECT_EQ(csv.body.substr(0, header.size()), header);
  EXPECT_NE(csv.body.find("\r\n" + initiative_ + ";jc-amager;sygedagpenge;" + kRound +
                          ";(ikke udfyldt);;ikke fastsat;"
                          "Initiativet forløber planmæssigt (fristen er ikke overskredet);"
                          "i gang;0\r\n"),
            std::string::npos)
      << csv.body;
  EXPECT_NE(csv.body.find("\r\nI alt;1;1.234,50\r\n"), std::string::npos) << csv.body;

  const Login erik = login("erik");
  const auto xlsx = call(&erik, "GET", "/api/v1/followup?center=jc-amager&format=xlsx");
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.headers.at("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.headers.at("content-disposition"),
            "attachment; filename=\"opfoelgning-jc-amager-" + to_iso(local_today()) + ".xlsx\"");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  const auto html = call(&erik, "GET", "/api/v1/followup?format=html");
  ASSERT_EQ(html.status, 200u);
  EXPECT_EQ(html.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(html.body.find("Handleplan"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowupApiTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
