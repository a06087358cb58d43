// The server's behaviour beyond the role matrix: login throttling, CSRF, version conflicts,
// the contract's routes against web/openapi.yaml, static files, limits, probes, graceful stop.
#include <soci/soci.h>
#include <unistd.h>
#include <boost/asio.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <thread>

#include "compare/blind_access.hpp"
#include "server/server_support.hpp"
#include "server/tick_timer.hpp"
#include "storage/audit_log.hpp"

namespace sagsaudit::testing {
namespace {

namespace net = boost::asio;

std::string error_code(const HttpReply& r) {
  return std::string(boost::json::parse(r.body).at("error").as_string());
}

class ServerBehaviourTest : public ServerTest {};

TEST_P(ServerBehaviourTest, LoginIsThrottledAfterFiveFailures) {
  const std::string wrong = R"({"brugernavn":"anna","adgangskode":"forkert-forkert"})";
  for (int i = 0; i < 5; ++i) {
    const HttpReply r = http_request(port(), "POST", "/api/v1/session", wrong);
    EXPECT_EQ(r.status, 401u) << i;
    EXPECT_EQ(error_code(r), "ikke_logget_ind");
  }
  // Locked now: even the right password is refused, with Retry-After.
  const HttpReply locked = http_request(port(), "POST", "/api/v1/session",
                                        R"({"brugernavn":"anna","adgangskode":"pw-anna-123"})");
  EXPECT_EQ(locked.status, 429u);
  EXPECT_EQ(error_code(locked), "for_mange_forsoeg");
  // Locked for 300 s from the fifth failure; a second may have passed since.
  const int retry = std::stoi(locked.headers.at("retry-after"));
  EXPECT_GE(retry, 298);
  EXPECT_LE(retry, 300);
  // Another user is not affected.
  login("bo");
}

TEST_P(ServerBehaviourTest, UnknownUserAndDisabledUserGetTheSameAnswer) {
  const HttpReply unknown = http_request(port(), "POST", "/api/v1/session",
                                         R"({"brugernavn":"ingen","adgangskode":"pw-ingen-123"})");
  EXPECT_EQ(unknown.status, 401u);
  const Login admin = login("admin");
  EXPECT_EQ(call(&admin, "PATCH", "/api/v1/users/bo", R"({"aktiv":false})").status, 200u);
  const HttpReply disabled = http_request(port(), "POST", "/api/v1/session",
                                          R"({"brugernavn":"bo","adgangskode":"pw-bo-123"})");
  EXPECT_EQ(disabled.status, 401u);
  EXPECT_EQ(disabled.body, unknown.body);
}

TEST_P(ServerBehaviourTest, SessionCookieIsHttpOnlyStrictAndTheTokenIsStoredHashed) {
  const HttpReply r = http_request(port(), "POST", "/api/v1/session",
                                   R"({"brugernavn":"anna","adgangskode":"pw-anna-123"})");
  ASSERT_EQ(r.status, 200u);
  const std::string cookie = r.headers.at("set-cookie");
  EXPECT_TRUE(std::regex_match(
      cookie, std::regex("sagsaudit_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; "
                         "Max-Age=28800")))
      << cookie;
  const std::string token = cookie.substr(18, 64);
  EXPECT_EQ(count_rows(db(), "sessions WHERE token_hash = '" + token + "'"), 0);
  EXPECT_EQ(count_rows(db(), "sessions WHERE username = 'anna'"), 1);
  EXPECT_EQ(boost::json::parse(r.body).at("bruger").at("rolle").as_string(), "koordinator");
}

TEST_P(ServerBehaviourTest, StateChangesWithoutTheCsrfTokenAreRefused) {
  const Login anna = login("anna");
  const std::string body = R"({"version":1,"svar":[{"kontrol":"SD-N01","svar":"korrekt"}]})";
  const std::string target = "/api/v1/rounds/" + kRound + "/reviews/S-1";
  for (const std::string& token : {std::string(), std::string("0123"), anna.csrf + "0"}) {
    std::map<std::string, std::string> headers{{"Cookie", anna.cookie}};
    if (!token.empty()) headers["X-CSRF-Token"] = token;
    const HttpReply r = http_request(port(), "PUT", target, body, headers);
    EXPECT_EQ(r.status, 403u);
    EXPECT_EQ(error_code(r), "csrf");
  }
  // Nothing was saved; with the token it is.
  const HttpReply ok = call(&anna, "PUT", target, body);
  EXPECT_EQ(ok.status, 200u) << ok.body;
  EXPECT_EQ(ok.body, R"({"version":2,"tilstand":"in_progress","tilstand_tekst":"i gang"})");
}

TEST_P(ServerBehaviourTest, AStaleVersionIsAConflictAndTheAuditLogNamesTheUser) {
  const Login anna = login("anna");
  const std::string target = "/api/v1/rounds/" + kRound + "/reviews/S-1";
  const std::string body = R"({"version":1,"svar":[{"kontrol":"SD-N01","svar":"fejl",)"
                           R"("kommentar":"forkert sats"}]})";
  EXPECT_EQ(call(&anna, "PUT", target, body).status, 200u);
  const HttpReply stale = call(&anna, "PUT", target, body);
  EXPECT_EQ(stale.status, 409u);
  EXPECT_EQ(error_code(stale), "konflikt");
  EXPECT_EQ(std::string(boost::json::parse(stale.body).at("message").as_string()),
            "gennemgangen af sag S-1 i runde sygedagpenge-2027-K1 er ændret af en anden "
            "(version 2, du havde 1); hent den igen");

  storage::AuditFilter filter;
  filter.object_id = kRound + "/S-1";
  const auto log = storage::make_audit_log(db())->list(filter);
  ASSERT_EQ(log.size(), 3u);  // assign, transition, answers
  EXPECT_EQ(log[1].record.actor, "anna");
  EXPECT_EQ(log[2].record.action, "review.answers");
  EXPECT_EQ(log[2].record.actor, "anna");

  const HttpReply review = call(&anna, "GET", target);
  const auto json = boost::json::parse(review.body);
  EXPECT_EQ(json.at("version").as_int64(), 2);
  EXPECT_EQ(json.at("cpr_maskeret").as_string(), "");  // the test's cases have no population
  EXPECT_EQ(boost::json::serialize(json.at("svar")),
            R"([{"kontrol":"SD-N01","svar":"fejl","kommentar":"forkert sats","beloeb":null,)"
            R"("periode":null}])");
  EXPECT_EQ(json.at("kontroller").as_array().size(), 20u);
  EXPECT_EQ(json.at("kontroller").at(0).at("kategori").as_string(), "noeglekontrol");
}

// Issue 7, blind review over the API: while the round is blind and no external review is
// locked, the revisor gets neither the municipality's answers of a case nor the center report
// (403), and each attempt is in the audit log as blind.refused; the coordinator still works.
TEST_P(ServerBehaviourTest, ABlindRoundHidesOurAnswersFromTheRevisor) {
  mark_round_blind(db(), kRound, "cli:test", "2027-04-02T08:00:00Z");
  const Login revisor = login("revisor");
  const std::string target = "/api/v1/rounds/" + kRound + "/reviews/S-1";
  const HttpReply review = call(&revisor, "GET", target);
  EXPECT_EQ(review.status, 403u);
  EXPECT_EQ(error_code(review), "adgang_naegtet");
  const HttpReply report =
      call(&revisor, "GET", "/api/v1/reports/center?center=jc-amager&periode=2027-K1");
  EXPECT_EQ(report.status, 403u);
  const Login anna = login("anna");
  EXPECT_EQ(call(&anna, "GET", target).status, 200u);

  storage::AuditFilter filter;
  filter.object_id = kRound;
  int refused = 0;
  for (const auto& e : storage::make_audit_log(db())->list(filter)) {
    if (e.record.action == "blind.refused") {
      ++refused;
      EXPECT_EQ(e.record.actor, "revisor");
    }
  }
  EXPECT_EQ(refused, 2);
}

// Issue 4 item 3: the server's scheduler ticks at once and then on its interval, without
// waiting for another instance's lock; the same day twice changes nothing.
TEST_P(ServerBehaviourTest, TheSchedulerTicksWhenTheServerRuns) {
  auto tick_once = [&](Date day) {
    std::ostringstream log;
    {
      Config config;
      config.database_url = url();
      server::TickTimer timer(
          config, std::chrono::minutes(60), [day] { return day; }, log);
      for (int i = 0; i < 200 && timer.runs() == 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
    return log.str();
  };
  // 1 July: the second quarter's and first half-year's 9 rounds are created and their windows
  // open, the first quarter's 5 windows close, and the fixture's 2 assigned reviews are overdue.
  EXPECT_EQ(tick_once(make_date(2027, 7, 1)),
            R"({"tick":"2027-07-01","koert":"ja","oprettet":9,"vinduer_aabnet":9,)"
            R"("vinduer_lukket":5,"overskredne":2,"runder_afsluttet":0,"notifikationer":30})"
            "\n");
  EXPECT_EQ(tick_once(make_date(2027, 7, 1)),
            R"({"tick":"2027-07-01","koert":"ja","oprettet":0,"vinduer_aabnet":0,)"
            R"("vinduer_lukket":0,"overskredne":0,"runder_afsluttet":0,"notifikationer":0})"
            "\n");
}

TEST_P(ServerBehaviourTest, BadAnswersAreRefusedWithEveryFieldNamed) {
  const Login anna = login("anna");
  const HttpReply r = call(&anna, "PUT", "/api/v1/rounds/" + kRound + "/reviews/S-1",
                           R"({"version":1,"svar":[{"kontrol":"SD-N01","svar":"maaske"},)"
                           R"({"kontrol":"SD-N02","svar":"korrekt","beloeb":"mange"}]})");
  EXPECT_EQ(r.status, 422u);
  EXPECT_EQ(boost::json::serialize(boost::json::parse(r.body).at("details")),
            R"([{"linje":0,"felt":"svar[0].svar","besked":"skal være korrekt, fejl, )"
            R"(ikke_relevant eller kan_ikke_vurderes"},{"linje":0,"felt":"svar[1].beloeb",)"
            R"x("besked":"er ikke et beløb i kroner (fx \"1234,50\")"}])x");
}

// The admin's steps of a round over the API: upload, draw, verify, assign; a refused file
// leaves nothing behind and names only the file's name.
TEST_P(ServerBehaviourTest, AdminRunsARoundThroughTheApi) {
  server().stop();
  server().wait();
  const std::string key = ui_dir_ + "/cpr.key";
  std::ofstream(key) << std::string(64, 'a') << "\n";
  server::ServerOptions options;
  options.config.database_url = url();
  options.config.cpr_key_file = key;
  options.port = 0;
  options.access_log = false;
  options.ui_dir = ui_dir_;
  options.upload_dir = ui_dir_ + "/uploads";
  server_ = std::make_unique<server::HttpServer>(options);
  server_->start();

  static const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg", "jc-vesterbro-valby"};
  std::string csv = "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato;Beløb\n";
  for (int i = 1; i <= 600; ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "S-%05d;%02d%02d%02d%04d;%s;SB %d;%02d-05-2027;%d,50\n", i,
                  1 + i % 28, 1 + i % 12, 40 + i % 50, i % 4000, centers[i % 3], i % 5, 1 + i % 31,
                  i);
    csv += line;
  }
  const Login admin = login("admin");
  const std::string round = "/api/v1/rounds/kontanthjaelp-2027-K2";
  std::map<std::string, std::string> headers{
      {"Cookie", admin.cookie}, {"X-CSRF-Token", admin.csrf}, {"Content-Type", "text/csv"}};
  const HttpReply upload = http_request(port(), "POST", round + "/population", csv, headers);
  ASSERT_EQ(upload.status, 200u) << upload.body;
  const auto imported = boost::json::parse(upload.body);
  EXPECT_EQ(imported.at("raekker").as_int64(), 600);
  EXPECT_EQ(imported.at("tegnsaet").as_string(), "utf-8");
  EXPECT_EQ(
      boost::json::serialize(imported.at("centre")),
      R"([{"center":"center-sprog-integration","antal":0},)"
      R"({"center":"center-sygedagpenge","antal":0},{"center":"jc-amager","antal":200},)"
      R"({"center":"jc-noerrebro-bispebjerg","antal":200},)"
      R"({"center":"jc-vesterbro-valby","antal":200},{"center":"ydelsescentret","antal":0}])");

  const HttpReply draw = call(&admin, "POST", round + "/sample", R"({"seed":"42"})");
  ASSERT_EQ(draw.status, 200u) << draw.body;
  const auto protocol = boost::json::parse(draw.body);
  EXPECT_EQ(protocol.at("seed").as_string(), "42");
  EXPECT_EQ(protocol.at("populationsfil").as_string(), "kontanthjaelp-2027-K2.csv");
  EXPECT_EQ(protocol.at("trukket_af").as_string(), "admin");
  std::size_t picks = 0;
  for (const auto& stratum : protocol.at("strata").as_array()) {
    picks += stratum.at("traek").as_array().size();
  }
  EXPECT_EQ(call(&admin, "GET", round + "/sample").body, draw.body);

  const HttpReply verify = call(&admin, "GET", round + "/sample/verify");
  ASSERT_EQ(verify.status, 200u) << verify.body;
  EXPECT_TRUE(boost::json::parse(verify.body).at("ok").as_bool()) << verify.body;

  const HttpReply assign = call(&admin, "POST", round + "/assign");
  ASSERT_EQ(assign.status, 200u) << assign.body;
  EXPECT_EQ(boost::json::parse(assign.body).at("tildelt").as_array().size(), picks);
  EXPECT_EQ(boost::json::parse(call(&admin, "GET", round).body).at("tilstand").as_string(),
            "in_review");

  // A bad file for another round: refused whole, named by its name only, not kept.
  const HttpReply bad =
      http_request(port(), "POST", "/api/v1/rounds/revalidering-2027-K2/population",
                   "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato\n"
                   "S-1;3102851234;jc-amager;SB;01-05-2027\n",
                   headers);
  EXPECT_EQ(bad.status, 422u);
  EXPECT_EQ(boost::json::serialize(boost::json::parse(bad.body).at("details").at(0).at("fil")),
            R"("revalidering-2027-K2.csv")");
  std::vector<std::string> kept;
  for (const auto& entry : std::filesystem::directory_iterator(options.upload_dir)) {
    kept.push_back(entry.path().filename().string());
  }
  std::sort(kept.begin(), kept.end());
  // .upload.lock: the folder's lock (upload_staging.hpp); no staging directory is left.
  EXPECT_EQ(kept, (std::vector<std::string>{".upload.lock", "kontanthjaelp-2027-K2.csv"}));
}

// Reports are reused until review data changes (the audit log moves on), then built afresh.
TEST_P(ServerBehaviourTest, ACachedReportChangesWhenAReviewIsSubmitted) {
  const Login erik = login("erik");
  const std::string report = "/api/v1/reports/center?center=jc-amager&periode=2027-K1";
  auto pending = [&] {
    const HttpReply r = call(&erik, "GET", report);
    EXPECT_EQ(r.status, 200u) << r.body;
    const auto json = boost::json::parse(r.body);
    return std::make_pair(json.at("i_alt").at("sager").as_int64(),
                          json.at("i_alt").at("venter").as_int64());
  };
  EXPECT_EQ(pending(), std::make_pair(std::int64_t{0}, std::int64_t{2}));
  EXPECT_EQ(pending(), std::make_pair(std::int64_t{0}, std::int64_t{2}));  // from the cache

  const Login anna = login("anna");
  std::string answers = "[";
  const char* prefixes[] = {"SD-N0", "SD-K0", "SD-F0"};
  const int counts[] = {8, 7, 5};
  for (int p = 0; p < 3; ++p) {
    for (int i = 1; i <= counts[p]; ++i) {
      answers += std::string(answers.size() > 1 ? "," : "") + R"({"kontrol":")" + prefixes[p] +
                 std::to_string(i) + R"(","svar":"korrekt"})";
    }
  }
  answers += "]";
  const std::string review = "/api/v1/rounds/" + kRound + "/reviews/S-1";
  ASSERT_EQ(call(&anna, "PUT", review, R"({"version":1,"svar":)" + answers + "}").status, 200u);
  const HttpReply submitted = call(&anna, "POST", review + "/submit", R"({"version":2})");
  ASSERT_EQ(submitted.status, 200u) << submitted.body;
  EXPECT_EQ(pending(), std::make_pair(std::int64_t{1}, std::int64_t{1}));
}

// Every route of the router is a path and method of web/openapi.yaml, and vice versa.
TEST_P(ServerBehaviourTest, RoutesAreExactlyThoseOfTheOpenApiFile) {
  std::ifstream in(std::string(SAGSAUDIT_SOURCE_DIR) + "/web/openapi.yaml");
  ASSERT_TRUE(in);
  std::set<std::pair<std::string, std::string>> documented, routed;
  std::string line, path;
  bool in_paths = false;
  const std::regex path_line("^  (/[^:]*):\\s*$");
  const std::regex method_line("^    (get|post|put|patch|delete):\\s*$");
  std::smatch m;
  while (std::getline(in, line)) {
    if (line == "paths:") {
      in_paths = true;
      continue;
    }
    if (!line.empty() && line[0] != ' ' && line[0] != '#') in_paths = false;
    if (!in_paths) continue;
    if (std::regex_match(line, m, path_line)) {
      path = m[1];
    } else if (std::regex_match(line, m, method_line)) {
      std::string method = m[1];
      for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.emplace(method, path);
    }
  }
  for (const auto& r : server().router().routes()) routed.emplace(r.method, r.pattern);
  EXPECT_EQ(routed.size(), 37u);  // 30 + opfølgning (issue 8): 6 + markér som læst: 1
  EXPECT_EQ(documented, routed);
}

TEST_P(ServerBehaviourTest, StaticFilesWithFallbackAndNoWayOut) {
  const HttpReply index = http_request(port(), "GET", "/runder/2027");
  EXPECT_EQ(index.status, 200u);
  EXPECT_EQ(index.body, "<!doctype html><title>sagsaudit</title>");
  EXPECT_EQ(index.headers.at("cache-control"), "no-cache");
  const HttpReply asset = http_request(port(), "GET", "/assets/app-1234.js");
  EXPECT_EQ(asset.body, "console.log(1)");
  EXPECT_EQ(asset.headers.at("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(asset.headers.at("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(http_request(port(), "GET", "/assets/mangler.js").status, 404u);
  EXPECT_EQ(http_request(port(), "GET", "/../../etc/passwd").status, 400u);
  EXPECT_EQ(http_request(port(), "GET", "/assets/%2e%2e/%2e%2e/index.html").status, 400u);
  // Unknown API paths are JSON 404s, never the UI.
  const HttpReply api = http_request(port(), "GET", "/api/v1/findes-ikke");
  EXPECT_EQ(api.status, 404u);
  EXPECT_EQ(error_code(api), "ikke_fundet");
}

TEST_P(ServerBehaviourTest, BodyAndHeaderLimits) {
  const HttpReply big =
      http_request(port(), "POST", "/api/v1/session", std::string(2 * 1024 * 1024, 'x'));
  EXPECT_EQ(big.status, 413u);
  EXPECT_EQ(error_code(big), "for_stor");
  const HttpReply headers =
      http_request(port(), "GET", "/healthz", "", {{"X-Stor", std::string(32 * 1024, 'y')}});
  EXPECT_EQ(headers.status, 431u);
}

TEST_P(ServerBehaviourTest, MetricsCountRequestsByRouteTemplate) {
  const Login anna = login("anna");
  call(&anna, "GET", "/api/v1/rounds/" + kRound);
  call(&anna, "GET", "/api/v1/rounds/" + kRound);
  const HttpReply m = http_request(port(), "GET", "/metrics");
  EXPECT_EQ(m.status, 200u);
  EXPECT_NE(m.body.find("sagsaudit_http_requests_total{route=\"/api/v1/rounds/{id}\","
                        "method=\"GET\",status=\"200\"} 2\n"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("sagsaudit_http_request_duration_seconds_count{route=\"/api/v1/rounds/"
                        "{id}\"} 2\n"),
            std::string::npos);
  EXPECT_NE(m.body.find("sagsaudit_db_pool_size 4\n"), std::string::npos);
  EXPECT_EQ(m.body.find(kRound), std::string::npos);  // never the raw path
}

// A stop lets the request being read finish and answers it, then ends; new connections are
// refused.
TEST_P(ServerBehaviourTest, GracefulStopAnswersTheRequestInFlight) {
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port()));
  const std::string body = "x";
  const std::string head = "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n";
  net::write(socket, net::buffer(head));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the header is read: in flight
  server().stop();
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  net::write(socket, net::buffer(body));
  std::string reply;
  boost::system::error_code ec;
  char chunk[1024];
  for (;;) {
    const std::size_t n = socket.read_some(net::buffer(chunk), ec);
    reply.append(chunk, n);
    if (ec) break;
  }
  EXPECT_EQ(reply.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << reply;
  EXPECT_NE(reply.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(reply.substr(reply.size() - 3), "ok\n");
  server().wait();
  net::ip::tcp::socket late(ioc);
  late.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port()), ec);
  EXPECT_TRUE(ec);
}

TEST_P(ServerBehaviourTest, SigtermStopsTheServer) {
  server().stop();
  server().wait();
  server::ServerOptions options;
  options.config.database_url = url();
  options.port = 0;
  options.access_log = false;
  options.ui_dir = ui_dir_;
  server::HttpServer second(options);
  second.stop_on_signals();
  second.start();
  EXPECT_EQ(http_request(second.port(), "GET", "/healthz").body, "ok\n");
  std::raise(SIGTERM);
  second.wait();  // returns: the signal stopped it
  SUCCEED();
}

// Packaging (issue 9, docs/operations.md): /healthz catches the storage error itself, and its
// connection must still be reopened, or the probe stays 503 after a database restart or
// fail-over although the API heals (a load balancer would then take every instance out).
TEST_P(ServerBehaviourTest, HealthzReconnectsAfterItsConnectionWasCut) {
  if (GetParam() != storage::Backend::postgresql) {
    GTEST_SKIP() << "a SQLite connection cannot be cut from outside";
  }
  server().stop();
  server().wait();
  const std::string app = "sagsaudit-probe-" + std::to_string(::getpid());
  server::ServerOptions options;
  options.config.database_url = url() + "&application_name=" + app;
  options.port = 0;
  options.access_log = false;
  options.ui_dir = ui_dir_;
  server::HttpServer probe(options);
  probe.start();
  EXPECT_EQ(http_request(probe.port(), "GET", "/healthz").body, "ok\n");

  int cut = 0;
  db().session() << "SELECT COUNT(*) FROM (SELECT pg_terminate_backend(pid, 5000) FROM "
                    "pg_stat_activity WHERE application_name = :app) AS t",
      soci::use(app), soci::into(cut);
  EXPECT_EQ(cut, 1);  // the probes' own connection; no API request has run

  const HttpReply broken = http_request(probe.port(), "GET", "/healthz");
  EXPECT_EQ(broken.status, 503u);
  EXPECT_EQ(broken.body, "databasen svarer ikke\n");
  const HttpReply healed = http_request(probe.port(), "GET", "/healthz");
  EXPECT_EQ(healed.status, 200u);
  EXPECT_EQ(healed.body, "ok\n");
  probe.stop();
  probe.wait();
}

INSTANTIATE_TEST_SUITE_P(Backends, ServerBehaviourTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
