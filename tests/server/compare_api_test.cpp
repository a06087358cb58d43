// GET /api/v1/rounds/{id}/compare[/sources] (issue 7 item 5): the revisorsammenligning over the
// web API, on a second round drawn, reviewed and re-reviewed by the revisor as in
// tests/engine/comparison_test.cpp, so the figures are the ones that test checks by hand.
#include <gtest/gtest.h>

#include <unistd.h>
#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "compare/blind_access.hpp"
#include "compare/external_review_import.hpp"
#include "crypto/cpr_hash.hpp"
#include "population/population_import.hpp"
#include "sampling/sample_draw.hpp"
#include "scoring/review_import.hpp"
#include "server/server_support.hpp"
#include "storage/sample_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit::testing {
namespace {

namespace fs = std::filesystem;

const std::string kCompared = "sygedagpenge-2027-K2";
const std::string kAt = "2027-07-02T08:00:00Z";

class CompareApiTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped()) return;
    dir_ = fs::temp_directory_path() /
           ("compare_api_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
    std::ofstream(dir_ / "key") << std::string(64, 'a');
    tick(db(), make_date(2027, 7, 1), "2027-07-01T06:00:00Z");
    const std::string population = testing::three_center_population(5);
    import_population(db(), kCompared, write("pop.csv", population), CprKey::load(dir_ / "key"),
                      ImportOptions{"cli:test", kAt, false});
    draw_sample(db(), kCompared, DrawOptions{20270401, 0, "cli:test", kAt});
    auto samples = storage::make_sample_reader(db());
    assign_round(db(), *samples, kCompared, "cli:test", kAt, {"anna", "bo"});
    for (const auto& c : samples->sampled_cases(kCompared)) cases_.push_back(c.case_number);
    ASSERT_EQ(cases_.size(), 30u);
    // Ours: every control korrekt, except SD-N01 fejl on the first five cases.
    std::vector<std::string> controls;
    for (int i = 1; i <= 8; ++i) controls.push_back("SD-N0" + std::to_string(i));
    for (int i = 1; i <= 7; ++i) controls.push_back("SD-K0" + std::to_string(i));
    for (int i = 1; i <= 5; ++i) controls.push_back("SD-F0" + std::to_string(i));
    std::string ours = "sagsnummer;kontrol;svar;kommentar\n";
    for (std::size_t i = 0; i < cases_.size(); ++i) {
      for (const auto& id : controls) {
        const bool error = id == "SD-N01" && i < 5;
        ours += cases_[i] + ";" + id + (error ? ";fejl;for lav sats\n" : ";korrekt;\n");
      }
    }
    import_reviews(db(), kCompared, write("ours.csv", ours), ReviewImportOptions{"cli:test", kAt});
    // The revisor: SD-N01 of the first ten cases, fejl on seven (two more than ours).
    std::string theirs = "sagsnummer;kontrol;svar;kommentar\n";
    for (std::size_t i = 0; i < 10; ++i) {
      theirs += cases_[i] + ";SD-N01;" + (i < 7 ? "fejl;sats ikke reguleret\n" : "korrekt;\n");
    }
    import_external_review(db(), kCompared, write("d.csv", theirs),
                           {"Deloitte", "cli:revi", "2027-07-03T08:00:00Z"});
  }
  void TearDown() override {
    ServerTest::TearDown();
    fs::remove_all(dir_);
  }
  std::string write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
    return (dir_ / name).string();
  }

  fs::path dir_;
  std::vector<std::string> cases_;
};

TEST_P(CompareApiTest, TheComparisonAsTheCliPrintsItForAdminAndRevisorOnly) {
  const Login revisor = login("revisor");
  const auto sources = call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare/sources");
  ASSERT_EQ(sources.status, 200u) << sources.body;
  const auto s = boost::json::parse(sources.body).as_object();
  EXPECT_EQ(s.at("runde").as_string(), kCompared);
  ASSERT_EQ(s.at("kilder").as_array().size(), 1u);
  EXPECT_EQ(s.at("kilder").as_array()[0].at("kilde").as_string(), "Deloitte");
  EXPECT_EQ(s.at("kilder").as_array()[0].at("laast").as_bool(), false);

  const auto reply =
      call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare?source=Deloitte");
  ASSERT_EQ(reply.status, 200u) << reply.body;
  EXPECT_EQ(reply.headers.count("content-disposition"), 0u);
  const auto c = boost::json::parse(reply.body).as_object();
  EXPECT_EQ(c.at("runde").as_string(), kCompared);
  EXPECT_EQ(c.at("kilde").as_string(), "Deloitte");
  EXPECT_EQ(c.at("par").as_int64(), 10);
  EXPECT_EQ(c.at("vurdering").at("overskrift").as_string(), "Moderat overensstemmelse");
  const auto& stats = c.at("grupper").as_array()[0].at("statistik");
  EXPECT_EQ(boost::json::serialize(stats.at("tabel").at("antal")), "[[3,2],[0,5]]");
  // AC1 on [[3,2],[0,5]]: pa = 0.8; mean marginals 0.4 and 0.6, pe = 2·0.4·0.6 = 0.48.
  EXPECT_NEAR(stats.at("ac1").at("vaerdi").as_double(), 0.32 / 0.52, 1e-12);
  EXPECT_EQ(stats.at("mcnemar").at("b_kun_revisor_fejl").as_int64(), 2);
  EXPECT_EQ(stats.at("mcnemar").at("c_kun_kommunen_fejl").as_int64(), 0);
  EXPECT_NEAR(c.at("sand_fejlandel").at("skoen").as_double(), 5.0 / 600 + 595.0 / 600 * 0.4, 1e-12);
  const auto& disagreements = c.at("uenigheder").as_array();
  ASSERT_EQ(disagreements.size(), 2u);
  EXPECT_EQ(disagreements[0].at("revisor_kommentar").as_string(), "sats ikke reguleret");
  EXPECT_EQ(disagreements[0].at("kommunen_svar").as_string(), "correct");
  EXPECT_EQ(disagreements[0].at("revisor_svar").as_string(), "error");

  // Downloads: the CLI's CSV (with BOM) and an XLSX workbook, as attachments.
  const auto csv = call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare?format=csv");
  ASSERT_EQ(csv.status, 200u);
  EXPECT_EQ(csv.headers.at("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.headers.at("content-disposition"),
            "attachment; filename=\"revisorsammenligning-" + kCompared + "-Deloitte.csv\"");
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  const auto xlsx = call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare?format=xlsx");
  ASSERT_EQ(xlsx.status, 200u);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");

  const Login admin = login("admin");
  EXPECT_EQ(call(&admin, "GET", "/api/v1/rounds/" + kCompared + "/compare").status, 200u);
  const Login anna = login("anna");
  EXPECT_EQ(call(&anna, "GET", "/api/v1/rounds/" + kCompared + "/compare").status, 403u);
  EXPECT_EQ(call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare?source=PwC").status,
            404u);
  EXPECT_EQ(call(&revisor, "GET", "/api/v1/rounds/" + kCompared + "/compare?format=pdf").status,
            422u);
}

INSTANTIATE_TEST_SUITE_P(Backends, CompareApiTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
