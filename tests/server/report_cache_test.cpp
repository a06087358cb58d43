// The report cache (engine/server/report_cache.hpp) over the API, on both backends: a draft save
// of a review that does not count leaves the cached reports in use (the cache's hits and builds
// in /metrics say so), and every change that alters a report — submit, return, import — shows
// on the next read, with the figures worked out by hand. An approval changes no figure and is
// served from the cache with the same figures.
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <tuple>

#include <unistd.h>

#include "scoring/review_import.hpp"
#include "server/server_support.hpp"
#include "storage/audit_log.hpp"

namespace sagsaudit::testing {
namespace {

const std::string kCenterReport = "/api/v1/reports/center?center=jc-amager&periode=2027-K1";
const std::string kOverview = "/api/v1/reports/overview?periode=2027-K1";

// The 20 controls of the shipped sygedagpenge concept, korrekt, except those in `errors` (control
// → comment), which are fejl; as the "svar" array of a PUT.
std::string answers_json(const std::map<std::string, std::string>& errors = {}) {
  boost::json::array out;
  for (const auto& a : answers_with({})) {
    const auto error = errors.find(a.control_id);
    if (error == errors.end()) {
      out.push_back(boost::json::object{{"kontrol", a.control_id}, {"svar", "korrekt"}});
    } else {
      out.push_back(boost::json::object{
          {"kontrol", a.control_id}, {"svar", "fejl"}, {"kommentar", error->second}});
    }
  }
  return boost::json::serialize(out);
}

struct Figures {
  std::int64_t reviews = 0;  // sager (indsendt or godkendt)
  std::int64_t pending = 0;  // venter
  std::int64_t correct = 0;  // korrekt answers …
  std::int64_t counted = 0;  // … of korrekt + fejl
  bool operator==(const Figures&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Figures& f) {
  return out << "{sager " << f.reviews << ", venter " << f.pending << ", korrekt " << f.correct
             << "/" << f.counted << "}";
}

class ReportCacheTest : public ServerTest {
 protected:
  void SetUp() override {
    ServerTest::SetUp();
    if (IsSkipped()) return;
    anna_ = login("anna");
    erik_ = login("erik");
  }
  void TearDown() override {
    std::filesystem::remove(file_);
    ServerTest::TearDown();
  }

  // The leder's center report for jc-amager, 2027-K1: its total.
  Figures center_figures() {
    const HttpReply r = call(&erik_, "GET", kCenterReport);
    EXPECT_EQ(r.status, 200u) << r.body;
    if (r.status != 200) return {};
    const auto total = boost::json::parse(r.body).at("i_alt");
    const auto correct = total.at("samlet").at("korrekt");
    return Figures{total.at("sager").as_int64(), total.at("venter").as_int64(),
                   correct.at("del").as_int64(), correct.at("helhed").as_int64()};
  }

  // (hits, builds) of the report cache, from /metrics.
  std::pair<long, long> cache_counts() {
    const HttpReply m = http_request(port(), "GET", "/metrics");
    EXPECT_EQ(m.status, 200u);
    std::smatch hits, builds;
    const bool found =
        std::regex_search(m.body, hits, std::regex("\nsagsaudit_report_cache_hits_total (\\d+)\n"));
    EXPECT_TRUE(found) << m.body;
    EXPECT_TRUE(std::regex_search(m.body, builds,
                                  std::regex("\nsagsaudit_report_cache_builds_total (\\d+)\n")))
        << m.body;
    if (!found || builds.empty()) return {-1, -1};
    return {std::stol(hits[1]), std::stol(builds[1])};
  }

  // PUT of the review's answers with `version`; returns the new version.
  std::int64_t save(const std::string& number, std::int64_t version, const std::string& answers) {
    const HttpReply r =
        call(&anna_, "PUT", "/api/v1/rounds/" + kRound + "/reviews/" + number,
             R"({"version":)" + std::to_string(version) + R"(,"svar":)" + answers + "}");
    EXPECT_EQ(r.status, 200u) << r.body;
    return r.status == 200 ? boost::json::parse(r.body).at("version").as_int64() : -1;
  }

  // POST …/<step> (submit, approve, return) as `who`; returns the new version.
  std::int64_t step(const Login& who, const std::string& number, const std::string& what,
                    const std::string& body) {
    const HttpReply r =
        call(&who, "POST", "/api/v1/rounds/" + kRound + "/reviews/" + number + "/" + what, body);
    EXPECT_EQ(r.status, 200u) << what << ": " << r.body;
    return r.status == 200 ? boost::json::parse(r.body).at("version").as_int64() : -1;
  }

  Login anna_, erik_;
  std::filesystem::path file_ = std::filesystem::temp_directory_path() /
                                ("report-cache-" + std::to_string(::getpid()) + ".csv");
};

TEST_P(ReportCacheTest, ADraftSaveLeavesTheCachedReportsInUse) {
  const Login revisor = login("revisor");
  const HttpReply center = call(&erik_, "GET", kCenterReport);
  const HttpReply overview = call(&revisor, "GET", kOverview);
  ASSERT_EQ(center.status, 200u) << center.body;
  ASSERT_EQ(overview.status, 200u) << overview.body;
  EXPECT_EQ(cache_counts(), std::make_pair(0L, 2L));

  // Two draft saves of S-1: tildelt → i gang, then one answer changed. Each is an audit entry
  // (the log moves on), but no figure changes: S-1 does not count, and it is still owed.
  const auto log_before = storage::make_audit_log(db())->last_seq();
  const std::int64_t v2 = save("S-1", 1, answers_json());
  ASSERT_EQ(v2, 2);
  ASSERT_EQ(save("S-1", v2, answers_json({{"SD-K03", "mangler partshøring"}})), 3);
  EXPECT_EQ(storage::make_audit_log(db())->last_seq(), log_before + 3);  // step + 2 × answers

  const HttpReply center_again = call(&erik_, "GET", kCenterReport);
  const HttpReply overview_again = call(&revisor, "GET", kOverview);
  EXPECT_EQ(center_again.body, center.body);
  EXPECT_EQ(overview_again.body, overview.body);
  EXPECT_EQ(cache_counts(), std::make_pair(2L, 2L));  // both from the cache, nothing rebuilt
  EXPECT_EQ(center_figures(), (Figures{0, 2, 0, 0}));
}

TEST_P(ReportCacheTest, SubmitReturnAndImportShowOnTheNextReadAnApprovalChangesNothing) {
  EXPECT_EQ(center_figures(), (Figures{0, 2, 0, 0}));
  EXPECT_EQ(center_figures(), (Figures{0, 2, 0, 0}));
  EXPECT_EQ(cache_counts(), std::make_pair(1L, 1L));

  // S-1 submitted with one fejl (a kvalitetsmål): 19 of 20 korrekt, one review still owed.
  const std::int64_t saved = save("S-1", 1, answers_json({{"SD-K03", "mangler partshøring"}}));
  const std::int64_t s1 =
      step(anna_, "S-1", "submit", R"({"version":)" + std::to_string(saved) + "}");
  EXPECT_EQ(center_figures(), (Figures{1, 1, 19, 20}));
  EXPECT_EQ(cache_counts(), std::make_pair(1L, 2L));

  // Returned by the leder: S-1 leaves the figures and is owed again.
  step(erik_, "S-1", "return",
       R"({"version":)" + std::to_string(s1) + R"(,"begrundelse":"SD-K03 skal uddybes"})");
  EXPECT_EQ(center_figures(), (Figures{0, 2, 0, 0}));
  EXPECT_EQ(cache_counts(), std::make_pair(1L, 3L));

  // S-2 submitted all korrekt; then approved, which changes no figure: the cached report stands.
  const std::int64_t saved2 = save("S-2", 1, answers_json());
  const std::int64_t s2 =
      step(anna_, "S-2", "submit", R"({"version":)" + std::to_string(saved2) + "}");
  EXPECT_EQ(center_figures(), (Figures{1, 1, 20, 20}));
  EXPECT_EQ(cache_counts(), std::make_pair(1L, 4L));
  step(erik_, "S-2", "approve", R"({"version":)" + std::to_string(s2) + "}");
  EXPECT_EQ(center_figures(), (Figures{1, 1, 20, 20}));
  EXPECT_EQ(cache_counts(), std::make_pair(2L, 4L));

  // An import (sagsaudit review import) brings the returned S-1 back, submitted, with two fejl:
  // 20 + 18 of 40 korrekt, nothing owed.
  {
    std::ofstream out(file_);
    out << "sagsnummer;kontrol;svar;kommentar;beløb\n";
    for (const auto& a : answers_with({{"SD-K03", ""}, {"SD-F01", ""}})) {
      out << "S-1;" << a.control_id << ";" << answer_code(a.answer) << ";" << a.comment << ";\n";
    }
  }
  const auto imported = import_reviews(db(), kRound, file_.string(),
                                       ReviewImportOptions{"cli:test", "2027-04-03T08:00:00Z"});
  EXPECT_EQ(imported.reviews, 1u);
  EXPECT_EQ(center_figures(), (Figures{2, 0, 38, 40}));
  EXPECT_EQ(cache_counts(), std::make_pair(2L, 5L));
}

INSTANTIATE_TEST_SUITE_P(Backends, ReportCacheTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
