// Issue 9 item 4: hostile input over HTTP. Each kind of attack gets a clean refusal with the
// contract's JSON error (or, for a client that never finishes, a closed connection), and the
// data stays as it was: oversized bodies and headers, slow clients, bad JSON, SQL and HTML
// injection, path traversal on the static files, session fixation, CSRF, brute-force login.
#include <boost/asio.hpp>
#include <boost/json.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "report_output/report_format.hpp"
#include "server/server_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/credential_repository.hpp"

namespace sagsaudit::testing {
namespace {

namespace net = boost::asio;
using namespace std::chrono_literals;

boost::json::value json_of(const HttpReply& r) {
  boost::system::error_code ec;
  auto v = boost::json::parse(r.body, ec);
  EXPECT_FALSE(ec) << r.body;
  return v;
}

std::string error_code(const HttpReply& r) {
  const auto v = json_of(r);
  if (!v.is_object() || !v.as_object().contains("error")) return "(intet JSON-fejlsvar)";
  return std::string(v.at("error").as_string());
}

std::string error_of_raw(const std::string& raw) {
  const auto body = raw.find("\r\n\r\n");
  if (body == std::string::npos) return "(intet svar)";
  boost::system::error_code ec;
  const auto v = boost::json::parse(raw.substr(body + 4), ec);
  if (ec || !v.is_object()) return "(intet JSON: " + raw.substr(body + 4) + ")";
  return std::string(v.at("error").as_string());
}

std::string status_line(const std::string& raw) {
  return raw.substr(0, raw.find("\r\n"));
}

std::string percent_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

std::int64_t audit_entries(storage::Database& db) {
  return static_cast<std::int64_t>(storage::make_audit_log(db)->list({}).size());
}

class HostileInputTest : public ServerTest {
 protected:
  std::string review_target(const std::string& number = "S-1") const {
    return "/api/v1/rounds/" + kRound + "/reviews/" + number;
  }
  // Every control of the sygedagpenge concept answered korrekt, except SD-N01: fejl with the
  // comment.
  std::string answers_with_comment(const std::string& comment) const {
    boost::json::array answers;
    const char* prefixes[] = {"SD-N0", "SD-K0", "SD-F0"};
    const int counts[] = {8, 7, 5};
    for (int p = 0; p < 3; ++p) {
      for (int i = 1; i <= counts[p]; ++i) {
        const std::string id = prefixes[p] + std::to_string(i);
        if (id == "SD-N01") {
          answers.push_back({{"kontrol", id}, {"svar", "fejl"}, {"kommentar", comment}});
        } else {
          answers.push_back({{"kontrol", id}, {"svar", "korrekt"}});
        }
      }
    }
    return boost::json::serialize(answers);
  }
  // Saves the answers of S-1 with the comment and submits it; returns the review's version.
  std::int64_t submit_with_comment(const Login& anna, const std::string& comment) {
    const HttpReply saved = call(&anna, "PUT", review_target(),
                                 R"({"version":1,"svar":)" + answers_with_comment(comment) + "}");
    EXPECT_EQ(saved.status, 200u) << saved.body;
    const HttpReply submitted =
        call(&anna, "POST", review_target() + "/submit", R"({"version":2})");
    EXPECT_EQ(submitted.status, 200u) << submitted.body;
    return json_of(submitted).at("version").as_int64();
  }
};

// ---- oversized bodies, headers and URLs ---------------------------------------------------

TEST_P(HostileInputTest, ADeclaredBodyOverTheLimitIsRefusedBeforeItIsRead) {
  // One GiB announced, nothing sent: the answer comes at once, so nothing was read.
  const std::string raw =
      raw_exchange(port(),
                   "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                   "Content-Length: 1073741824\r\n\r\n{",
                   3s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(error_of_raw(raw), "for_stor");
  EXPECT_NE(raw.find("(højst 1024 KiB)"), std::string::npos) << raw;
  EXPECT_NE(raw.find("Connection: close\r\n"), std::string::npos);
  // The same for an upload's larger limit, and beyond it.
  const std::string upload = raw_exchange(port(),
                                          "POST /api/v1/rounds/" + kRound +
                                              "/population HTTP/1.1\r\nHost: x\r\n"
                                              "Content-Length: 999999999999\r\n\r\n",
                                          3s);
  EXPECT_EQ(status_line(upload), "HTTP/1.1 413 Payload Too Large");
}

TEST_P(HostileInputTest, AChunkedBodyOverTheLimitIsCutOff) {
  std::string request =
      "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, 'x');
  for (int i = 0; i < 20; ++i) request += "10000\r\n" + chunk + "\r\n";  // 1.25 MiB
  request += "0\r\n\r\n";
  const std::string raw = raw_exchange(port(), request, 5s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 413 Payload Too Large");
  EXPECT_EQ(error_of_raw(raw), "for_stor");
}

// A population upload may be 256 MiB, so who sends it is checked before the body is read: a
// stranger, a missing CSRF token and a coordinator are refused after the header alone.
TEST_P(HostileInputTest, AnUploadIsAuthorisedBeforeItsBodyIsRead) {
  const std::string head = "POST /api/v1/rounds/" + kRound +
                           "/population HTTP/1.1\r\nHost: x\r\nContent-Type: text/csv\r\n"
                           "Content-Length: 200000000\r\n";
  std::string raw = raw_exchange(port(), head + "\r\n", 3s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 401 Unauthorized");
  EXPECT_EQ(error_of_raw(raw), "ikke_logget_ind");
  const Login admin = login("admin");
  raw = raw_exchange(port(), head + "Cookie: " + admin.cookie + "\r\n\r\n", 3s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 403 Forbidden");
  EXPECT_EQ(error_of_raw(raw), "csrf");
  const Login anna = login("anna");
  raw = raw_exchange(
      port(), head + "Cookie: " + anna.cookie + "\r\nX-CSRF-Token: " + anna.csrf + "\r\n\r\n", 3s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 403 Forbidden");
  EXPECT_EQ(error_of_raw(raw), "adgang_naegtet");
  // The admin, asking first (Expect: 100-continue), is told to go on: more than the 1 MiB of a
  // JSON body is accepted for an upload.
  raw = raw_exchange(port(),
                     head + "Cookie: " + admin.cookie + "\r\nX-CSRF-Token: " + admin.csrf +
                         "\r\nExpect: 100-continue\r\n\r\n",
                     1s);
  EXPECT_EQ(raw, "HTTP/1.1 100 Continue\r\n\r\n");
}

TEST_P(HostileInputTest, OversizedHeadersAndUrlsAreRefused) {
  const HttpReply url =
      http_request(port(), "GET", "/api/v1/rounds?aar=" + std::string(20000, '9'));
  EXPECT_EQ(url.status, 431u);
  EXPECT_EQ(error_code(url), "ugyldig");
  EXPECT_EQ(std::string(json_of(url).at("message").as_string()),
            "hovederne eller adressen er for lange (højst 16 KiB)");
  std::map<std::string, std::string> many;
  for (int i = 0; i < 100; ++i) many["X-Fyld-" + std::to_string(i)] = std::string(200, 'f');
  EXPECT_EQ(http_request(port(), "GET", "/healthz", "", many).status, 431u);
  // A header that never ends is cut at the limit too, not read for ever.
  const std::string raw =
      raw_exchange(port(), "GET /healthz HTTP/1.1\r\nX-Lang: " + std::string(40 * 1024, 'a'), 3s);
  EXPECT_EQ(status_line(raw), "HTTP/1.1 431 Request Header Fields Too Large");
  // What is not HTTP at all: 400 with the JSON error.
  const std::string junk = raw_exchange(port(), "HELLO THERE\r\n\r\n", 3s);
  EXPECT_EQ(status_line(junk), "HTTP/1.1 400 Bad Request");
  EXPECT_EQ(error_of_raw(junk), "ugyldig");
  const std::string bad_length = raw_exchange(
      port(), "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", 3s);
  EXPECT_EQ(status_line(bad_length), "HTTP/1.1 400 Bad Request");
  // The server still answers.
  EXPECT_EQ(http_request(port(), "GET", "/healthz").body, "ok\n");
}

// ---- slow clients -----------------------------------------------------------------------

// A client that dribbles its header a byte at a time, and one whose body never ends, are cut
// off after the read timeout (1 s here); everyone else is served meanwhile.
TEST_P(HostileInputTest, SlowClientsAreCutOffAndOthersAreServedMeanwhile) {
  restart_with([](server::ServerOptions& o) { o.read_timeout = std::chrono::seconds(1); });
  auto slow = [&](const std::string& first, const std::string& dribble, bool& closed,
                  std::chrono::milliseconds& after) {
    net::io_context ioc;
    net::ip::tcp::socket socket(ioc);
    socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port()));
    const auto start = std::chrono::steady_clock::now();
    boost::system::error_code ec;
    net::write(socket, net::buffer(first), ec);
    for (const char c : dribble) {  // 100 bytes at 100 ms: 10 s if nobody stopped it
      std::this_thread::sleep_for(100ms);
      net::write(socket, net::buffer(&c, 1), ec);
      if (ec) break;
      socket.non_blocking(true);
      char byte;
      socket.read_some(net::buffer(&byte, 1), ec);
      socket.non_blocking(false);
      if (ec && ec != net::error::would_block) break;
      ec.clear();
    }
    closed = ec && ec != net::error::would_block;
    after = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start);
  };
  bool header_closed = false, body_closed = false;
  std::chrono::milliseconds header_after{}, body_after{};
  std::thread header_client([&] {
    slow("GET /healthz HTTP/1.1\r\n", std::string(100, 'X'), header_closed, header_after);
  });
  std::thread body_client([&] {
    slow(
        "POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Content-Length: 500\r\n\r\n{",
        std::string(100, ' '), body_closed, body_after);
  });
  int served = 0;
  for (int i = 0; i < 5; ++i) {
    std::this_thread::sleep_for(100ms);
    if (http_request(port(), "GET", "/healthz").body == "ok\n") ++served;
  }
  header_client.join();
  body_client.join();
  EXPECT_EQ(served, 5);
  EXPECT_TRUE(header_closed);
  EXPECT_TRUE(body_closed);
  // Cut off after about the timeout, long before the 10 s the clients wanted.
  EXPECT_GE(header_after, 900ms);
  EXPECT_LT(header_after, 5000ms);
  EXPECT_GE(body_after, 900ms);
  EXPECT_LT(body_after, 5000ms);
}

// ---- bad JSON ---------------------------------------------------------------------------

TEST_P(HostileInputTest, BadJsonIsRefusedWithTheReasonNeverA500) {
  const Login anna = login("anna");
  struct Case {
    std::string body;
    std::string besked;
  };
  const std::vector<Case> cases = {
      {R"({"version":1,"svar":[{"kontrol":"SD-N01")",
       "ufuldstændig JSON (teksten slutter for tidligt) ved byte 40"},
      {"", "ufuldstændig JSON (teksten slutter for tidligt) ved byte 0"},
      {std::string(10000, '['), "for dybt indlejret (højst 32 niveauer) ved byte 32"},
      {"{\"version\":1,\n\"svar\":[{\"kontrol\":\"SD-N01\",\"svar\":\"fejl\",\"kommentar\":"
       "\"\xff\xfe\"}]}",
       "syntaksfejl i JSON (eller ugyldig UTF-8) ved byte 69"},
      {R"({"version":1} {"version":2})", "der står mere efter JSON-værdien ved byte 14"},
      {R"({"version":1,})", "syntaksfejl i JSON (eller ugyldig UTF-8) ved byte 13"},
  };
  for (const auto& c : cases) {
    const HttpReply r = call(&anna, "PUT", review_target(), c.body);
    EXPECT_EQ(r.status, 422u) << c.besked << ": " << r.body;
    EXPECT_EQ(error_code(r), "ugyldig");
    const auto details = json_of(r).at("details");
    EXPECT_EQ(std::string(details.at(0).at("besked").as_string()), c.besked) << r.body;
  }
  // The line of the error is counted.
  const HttpReply utf8 = call(&anna, "PUT", review_target(), cases[3].body);
  EXPECT_EQ(json_of(utf8).at("details").at(0).at("linje").as_int64(), 2);

  // Valid JSON of the wrong shape: every field named.
  struct Shape {
    std::string body;
    std::string details;
  };
  const std::string version_missing =
      R"x([{"linje":0,"felt":"version","besked":"mangler (helt tal)"}])x";
  const std::string amount_message = R"x("besked":"er ikke et beløb i kroner (fx \"1234,50\")"})x";
  const std::vector<Shape> shapes = {
      {"[]", ""},
      {"null", ""},
      {R"({"version":"1","svar":[]})", version_missing},
      {R"({"version":123456789012345678901234567890,"svar":[]})", version_missing},
      {R"({"version":1e999999,"svar":[]})", version_missing},
      {R"({"version":-1,"svar":[]})", version_missing},
      {R"({"version":1,"svar":{}})",
       R"x([{"linje":0,"felt":"svar","besked":"mangler (en liste)"}])x"},
      {R"({"version":1,"svar":[{"kontrol":5,"svar":true,"kommentar":[],"beloeb":{},)"
       R"("periode":"x"}]})",
       R"([{"linje":0,"felt":"svar[0].kontrol","besked":"mangler"},)"
       R"({"linje":0,"felt":"svar[0].svar","besked":"skal være korrekt, fejl, ikke_relevant )"
       R"(eller kan_ikke_vurderes"},{"linje":0,"felt":"svar[0].kommentar","besked":"skal )"
       R"(være tekst"},{"linje":0,"felt":"svar[0].beloeb",)" +
           amount_message +
           R"x(,{"linje":0,"felt":"svar[0].periode","besked":"skal være {\"fra\": \"ÅÅÅÅ-MM-DD\", \"til\": \"ÅÅÅÅ-MM-DD\"}"}])x"},
      {R"({"version":1,"svar":[{"kontrol":"SD-N01","svar":"fejl","beloeb":"1e308"}]})",
       R"([{"linje":0,"felt":"svar[0].beloeb",)" + amount_message + "]"},
  };
  for (const auto& s : shapes) {
    const HttpReply r = call(&anna, "PUT", review_target(), s.body);
    EXPECT_EQ(r.status, 422u) << s.body << ": " << r.body;
    EXPECT_EQ(error_code(r), "ugyldig");
    if (!s.details.empty()) {
      EXPECT_EQ(boost::json::serialize(json_of(r).at("details")), s.details) << s.body;
    } else {
      EXPECT_EQ(std::string(json_of(r).at("message").as_string()),
                "forespørgslens indhold skal være et JSON-objekt");
    }
  }
  // Nothing was saved.
  EXPECT_EQ(json_of(call(&anna, "GET", review_target())).at("version").as_int64(), 1);
}

// Every state-changing route, as the admin with the right token, given deep nesting, a
// truncated object and invalid UTF-8: a 4xx with the contract's error, never a 5xx.
TEST_P(HostileInputTest, NoRouteAnswersBadJsonWithA5xx) {
  const Login admin = login("admin");
  const std::vector<std::string> bodies = {std::string(10000, '['), R"({"version":)",
                                           "{\"navn\":\"\xc3\x28\"}"};
  int checked = 0;
  for (const auto& route : server().router().routes()) {
    if (route.method == "GET" || !route.needs_login) continue;
    if (route.pattern == "/api/v1/session") continue;  // DELETE: the logout takes no body
    std::string target = route.pattern;
    for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
             {"{id}", kRound}, {"{sagsnummer}", "S-1"}, {"{brugernavn}", "bo"}}) {
      if (const auto at = target.find(name); at != std::string::npos) {
        target.replace(at, name.size(), value);
      }
    }
    while (target.find('{') != std::string::npos) {
      const auto open = target.find('{');
      target.replace(open, target.find('}', open) - open + 1, "1");
    }
    for (const auto& body : bodies) {
      const HttpReply r = call(&admin, route.method, target, body);
      EXPECT_GE(r.status, 400u) << route.method << " " << target << ": " << r.body;
      EXPECT_LT(r.status, 500u) << route.method << " " << target << ": " << r.body;
      EXPECT_NE(error_code(r), "(intet JSON-fejlsvar)") << target;
      ++checked;
    }
  }
  EXPECT_GE(checked, 3 * 10);
}

// ---- SQL injection ----------------------------------------------------------------------

const std::vector<std::string> kSqlPayloads = {
    "'; DROP TABLE users; --",
    "x' OR '1'='1",
    "Robert'); DELETE FROM review_answers; --",
    "\" OR 1=1; UPDATE users SET role='admin' --",
    "1; SELECT pg_sleep(5) --",
};

TEST_P(HostileInputTest, SqlInTextFieldsIsStoredLiterallyAndNeverRun) {
  const Login admin = login("admin");
  const Login anna = login("anna");
  const int users_before = count_rows(db(), "users");
  // Comments round-trip exactly.
  std::int64_t version = 1;
  for (const auto& payload : kSqlPayloads) {
    const HttpReply saved =
        call(&anna, "PUT", review_target(),
             boost::json::serialize(boost::json::object{
                 {"version", version},
                 {"svar", boost::json::array{boost::json::object{
                              {"kontrol", "SD-N01"}, {"svar", "fejl"}, {"kommentar", payload}}}}}));
    ASSERT_EQ(saved.status, 200u) << saved.body;
    version = json_of(saved).at("version").as_int64();
    const auto review = json_of(call(&anna, "GET", review_target()));
    EXPECT_EQ(std::string(review.at("svar").at(0).at("kommentar").as_string()), payload);
  }
  // User names and display names too; the new user logs in with the name as typed.
  for (std::size_t i = 0; i < kSqlPayloads.size(); ++i) {
    const std::string name = kSqlPayloads[i];
    const HttpReply added =
        call(&admin, "POST", "/api/v1/users",
             boost::json::serialize(boost::json::object{{"brugernavn", name},
                                                        {"navn", name},
                                                        {"rolle", "revisor"},
                                                        {"centre", boost::json::array{}},
                                                        {"adgangskode", "pw-sql-injektion-123"}}));
    ASSERT_EQ(added.status, 201u) << added.body;
    const HttpReply renamed =
        call(&admin, "PATCH", "/api/v1/users/" + percent_encode(name),
             boost::json::serialize(boost::json::object{{"navn", name + " (ny)"}}));
    EXPECT_EQ(renamed.status, 200u) << renamed.body;
    const HttpReply in =
        http_request(port(), "POST", "/api/v1/session",
                     boost::json::serialize(boost::json::object{
                         {"brugernavn", name}, {"adgangskode", "pw-sql-injektion-123"}}));
    ASSERT_EQ(in.status, 200u) << in.body;
    EXPECT_EQ(std::string(json_of(in).at("bruger").at("brugernavn").as_string()), name);
    EXPECT_EQ(std::string(json_of(in).at("bruger").at("navn").as_string()), name + " (ny)");
    EXPECT_EQ(std::string(json_of(in).at("bruger").at("rolle").as_string()), "revisor");
  }
  // In URLs and query parameters: not found or refused, never run.
  for (const auto& payload : kSqlPayloads) {
    const std::string p = percent_encode(payload);
    EXPECT_EQ(call(&anna, "GET", review_target(p)).status, 404u) << payload;
    EXPECT_EQ(call(&admin, "GET", "/api/v1/rounds/" + p).status, 404u) << payload;
    EXPECT_EQ(call(&admin, "GET", "/api/v1/reports/overview?periode=" + p).status, 422u);
    const HttpReply center =
        call(&admin, "GET", "/api/v1/reports/center?periode=2027-K1&center=" + p);
    EXPECT_GE(center.status, 400u) << center.body;
    EXPECT_LT(center.status, 500u) << center.body;
    EXPECT_EQ(call(&admin, "GET", "/api/v1/rounds?aar=" + p).status, 422u) << payload;
    EXPECT_EQ(call(&admin, "GET", "/api/v1/reviews?runde=" + p).body, R"({"sager":[]})");
    const HttpReply login_attempt =
        http_request(port(), "POST", "/api/v1/session",
                     boost::json::serialize(boost::json::object{{"brugernavn", payload + "x"},
                                                                {"adgangskode", payload}}));
    EXPECT_EQ(login_attempt.status, 401u);
  }
  // The tables are intact: every user, both reviews, the answers of S-1.
  EXPECT_EQ(count_rows(db(), "users"), users_before + static_cast<int>(kSqlPayloads.size()));
  EXPECT_EQ(count_rows(db(), "users WHERE role = 'admin'"), 1);
  EXPECT_EQ(count_rows(db(), "case_reviews"), 2);
  EXPECT_EQ(count_rows(db(), "review_answers"), 1);
  EXPECT_TRUE(json_of(call(&admin, "GET", "/api/v1/audit?limit=1")).at("kaede_ok").as_bool());
}

TEST_P(HostileInputTest, SqlInAReturnReasonIsStoredLiterally) {
  const Login anna = login("anna");
  const std::int64_t version = submit_with_comment(anna, "ok");
  const Login erik = login("erik");
  const std::string reason = kSqlPayloads[2] + " <b>fed</b>";
  const HttpReply returned = call(
      &erik, "POST", review_target() + "/return",
      boost::json::serialize(boost::json::object{{"version", version}, {"begrundelse", reason}}));
  ASSERT_EQ(returned.status, 200u) << returned.body;
  const auto review = json_of(call(&anna, "GET", review_target()));
  EXPECT_EQ(std::string(review.at("returneret_begrundelse").as_string()), reason);
  EXPECT_EQ(count_rows(db(), "review_answers"), 20);
}

// ---- HTML and script injection ------------------------------------------------------------

TEST_P(HostileInputTest, ACommentIsEscapedInTheHtmlReport) {
  const Login anna = login("anna");
  const std::string comment = R"(<img src=x onerror=alert(1)><script>alert("x")</script>&)";
  submit_with_comment(anna, comment);
  const Login erik = login("erik");
  const HttpReply html =
      call(&erik, "GET", "/api/v1/reports/center?center=jc-amager&periode=2027-K1&format=html");
  ASSERT_EQ(html.status, 200u) << html.body;
  EXPECT_EQ(html.headers.at("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(html.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(html.body.find("<img"), std::string::npos);
  EXPECT_EQ(html.body.find("<script"), std::string::npos);
  EXPECT_NE(html.body.find("&lt;img src=x onerror=alert(1)&gt;&lt;script&gt;alert(&quot;x&quot;)"
                           "&lt;/script&gt;&amp;"),
            std::string::npos);
  // JSON answers are never HTML to a browser: their type is JSON and sniffing is off, and the
  // policy forbids inline scripts on every answer.
  const HttpReply review = call(&anna, "GET", review_target());
  EXPECT_EQ(review.headers.at("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(review.headers.at("x-content-type-options"), "nosniff");
  EXPECT_EQ(review.headers.at("content-security-policy").rfind("default-src 'self';", 0), 0u);
}

TEST(CsvFormulaInjection, CellsThatSpreadsheetsWouldRunAreMadeText) {
  using report_output::csv_field;
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\t=1"), "'\t=1");
  EXPECT_EQ(csv_field("\r=1"), "\"'\r=1\"");
  // Numbers stay numbers, and other text is as it was.
  EXPECT_EQ(csv_field("-12"), "-12");
  EXPECT_EQ(csv_field("-1.234,50"), "-1.234,50");
  EXPECT_EQ(csv_field("-3 %"), "-3 %");
  EXPECT_EQ(csv_field("+5"), "+5");
  EXPECT_EQ(csv_field("-"), "'-");
  EXPECT_EQ(csv_field("a=b"), "a=b");
  EXPECT_EQ(csv_field("—"), "—");
  EXPECT_EQ(csv_field(""), "");
}

// ---- path traversal on the static files -------------------------------------------------

TEST_P(HostileInputTest, NoPathLeadsOutOfTheUiDirectory) {
  // A secret beside the UI directory, and links out of it.
  const std::filesystem::path secret = ui_dir_ + "-hemmelig.txt";
  std::ofstream(secret) << "HEMMELIGT";
  std::filesystem::create_symlink(secret, ui_dir_ + "/assets/link.js");
  std::filesystem::create_directory_symlink(std::filesystem::path(ui_dir_).parent_path(),
                                            ui_dir_ + "/ud");
  const std::string name = secret.filename().string();
  const std::vector<std::pair<std::string, unsigned>> cases = {
      {"/../" + name, 400},
      {"/%2e%2e/" + name, 400},
      {"/%2E%2E%2F" + name, 400},
      {"/assets/..%2f..%2f" + name, 400},
      {"/assets/%2e%2e%5c" + name, 400},
      {"//etc/passwd", 400},
      {"/%2fetc%2fpasswd", 400},
      {secret.string(), 200},  // ui_dir/tmp/…: no such file, so the UI
      {"/assets/app-1234.js%00.png", 400},
      {"/index.html%0d%0aSet-Cookie:%20x=1", 400},
      {"/assets/link.js", 404},
      {"/ud/" + name, 404},
      {"/./index.html", 400},
  };
  for (const auto& [target, status] : cases) {
    const HttpReply r = http_request(port(), "GET", target);
    EXPECT_EQ(r.status, status) << target << ": " << r.body;
    EXPECT_EQ(r.body.find("HEMMELIGT"), std::string::npos) << target;
    EXPECT_EQ(r.body.find("root:"), std::string::npos) << target;
    if (status == 200) {
      EXPECT_EQ(r.body, "<!doctype html><title>sagsaudit</title>");
    }
  }
  // The absolute form of a target is not a path.
  const std::string raw =
      raw_exchange(port(), "GET http://127.0.0.1/../" + name +
                               " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(status_line(raw), "HTTP/1.1 400 Bad Request");
  std::filesystem::remove(secret);
}

// ---- sessions and CSRF --------------------------------------------------------------------

TEST_P(HostileInputTest, ASessionIdFromTheClientIsNeverAdopted) {
  const std::string planted = "sagsaudit_session=" + std::string(64, 'a');
  const HttpReply in =
      http_request(port(), "POST", "/api/v1/session",
                   R"({"brugernavn":"bo","adgangskode":"pw-bo-123"})", {{"Cookie", planted}});
  ASSERT_EQ(in.status, 200u);
  const std::string set = in.headers.at("set-cookie");
  EXPECT_EQ(set.find(std::string(64, 'a')), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/session", "", {{"Cookie", planted}}).status, 401u);
  // A live session the browser comes with (another user's, say) ends at the login.
  const Login anna = login("anna");
  const HttpReply again =
      http_request(port(), "POST", "/api/v1/session",
                   R"({"brugernavn":"bo","adgangskode":"pw-bo-123"})", {{"Cookie", anna.cookie}});
  ASSERT_EQ(again.status, 200u);
  EXPECT_EQ(again.headers.at("set-cookie").find(anna.cookie), std::string::npos);
  EXPECT_EQ(http_request(port(), "GET", "/api/v1/session", "", {{"Cookie", anna.cookie}}).status,
            401u);
  EXPECT_EQ(count_rows(db(), "sessions WHERE username = 'anna'"), 0);
  // Logout ends the session on the server, and the cookie is emptied with the same flags.
  const Login bo = login("bo");
  const HttpReply out = call(&bo, "DELETE", "/api/v1/session");
  EXPECT_EQ(out.status, 204u);
  EXPECT_EQ(out.headers.at("set-cookie"),
            "sagsaudit_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
  EXPECT_EQ(call(&bo, "GET", "/api/v1/session").status, 401u);
  EXPECT_EQ(count_rows(db(), "sessions WHERE username = 'bo'"), 2);  // the two earlier logins
}

TEST_P(HostileInputTest, EveryStateChangingRouteNeedsTheCsrfToken) {
  const Login admin = login("admin");
  const std::int64_t before = audit_entries(db());
  int checked = 0;
  for (const auto& route : server().router().routes()) {
    if (route.method == "GET" || !route.needs_login) continue;
    std::string target = route.pattern;
    while (target.find('{') != std::string::npos) {
      const auto open = target.find('{');
      const std::string name = target.substr(open, target.find('}', open) - open + 1);
      target.replace(open, name.size(),
                     name == "{id}"           ? kRound
                     : name == "{sagsnummer}" ? "S-1"
                                              : "bo");
    }
    for (const std::string& token : {std::string(), std::string("forkert"), admin.csrf + "x"}) {
      std::map<std::string, std::string> headers{{"Cookie", admin.cookie}};
      if (!token.empty()) headers["X-CSRF-Token"] = token;
      const HttpReply r = http_request(port(), route.method, target, R"({"version":1})", headers);
      EXPECT_EQ(r.status, 403u) << route.method << " " << target;
      EXPECT_EQ(error_code(r), "csrf") << route.method << " " << target;
      ++checked;
    }
  }
  EXPECT_GE(checked, 3 * 11);                                      // 11 routes now; more may come
  EXPECT_EQ(audit_entries(db()), before);                          // nothing changed
  EXPECT_EQ(call(&admin, "GET", "/api/v1/session").status, 200u);  // not even logged out
}

// ---- brute-force login --------------------------------------------------------------------

TEST_P(HostileInputTest, AnUnknownUsernameIsThrottledLikeAKnownOne) {
  const std::string wrong = R"({"brugernavn":"findes-ikke","adgangskode":"gaet-gaet-gaet"})";
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(http_request(port(), "POST", "/api/v1/session", wrong).status, 401u) << i;
  }
  const HttpReply locked = http_request(port(), "POST", "/api/v1/session", wrong);
  EXPECT_EQ(locked.status, 429u);
  EXPECT_EQ(error_code(locked), "for_mange_forsoeg");
  EXPECT_EQ(locked.headers.count("retry-after"), 1u);
}

TEST_P(HostileInputTest, OneAddressTryingManyUsernamesIsThrottled) {
  restart_with([](server::ServerOptions& o) { o.login_failures_per_address = 4; });
  for (int i = 0; i < 4; ++i) {
    const HttpReply r = http_request(
        port(), "POST", "/api/v1/session",
        R"({"brugernavn":"gaet-)" + std::to_string(i) + R"(","adgangskode":"gaet-gaet-gaet"})");
    EXPECT_EQ(r.status, 401u) << i;
  }
  // Now even a right password from this address waits.
  const HttpReply locked = http_request(port(), "POST", "/api/v1/session",
                                        R"({"brugernavn":"anna","adgangskode":"pw-anna-123"})");
  EXPECT_EQ(locked.status, 429u);
  EXPECT_EQ(error_code(locked), "for_mange_forsoeg");
  // Locked for 300 s from the fourth failure; a second may have passed since.
  const int retry = std::stoi(locked.headers.at("retry-after"));
  EXPECT_GE(retry, 298);
  EXPECT_LE(retry, 300);
  EXPECT_EQ(std::string(json_of(locked).at("message").as_string()),
            "for mange mislykkede forsøg fra din adresse; prøv igen om " + std::to_string(retry) +
                " sekunder");
  // No username was locked by it: each failed once.
  EXPECT_EQ(count_rows(db(), "login_failures WHERE failures = 1"), 4);
  EXPECT_EQ(count_rows(db(), "login_failures WHERE locked_until IS NOT NULL"), 0);
}

TEST_P(HostileInputTest, OldFailuresOfAnyNameArePruned) {
  auto credentials = storage::make_credential_repository(db());
  credentials->record_failures("gammel-ukendt", {3, "2020-01-01T00:00:00Z", std::nullopt});
  credentials->record_failures("gammel-laast", {9, "2020-01-01T00:00:00Z", "2020-01-01T01:00:00Z"});
  credentials->record_failures("for-nylig", {2, "2099-01-01T00:00:00Z", std::nullopt});
  EXPECT_EQ(count_rows(db(), "login_failures"), 3);
  // Any login attempt prunes: a failure of a new name …
  EXPECT_EQ(http_request(port(), "POST", "/api/v1/session",
                         R"({"brugernavn":"ny","adgangskode":"gaet-gaet-gaet"})")
                .status,
            401u);
  EXPECT_EQ(count_rows(db(), "login_failures WHERE username LIKE 'gammel%'"), 0);
  EXPECT_EQ(count_rows(db(), "login_failures WHERE username = 'for-nylig'"), 1);
  EXPECT_EQ(count_rows(db(), "login_failures WHERE username = 'ny'"), 1);
  // … and the repository removes exactly the old rows that lock nothing.
  credentials->record_failures("gammel-igen", {1, "2020-01-01T00:00:00Z", std::nullopt});
  credentials->record_failures("laast-laenge", {9, "2020-01-01T00:00:00Z", "2099-01-01T00:00:00Z"});
  EXPECT_EQ(credentials->delete_failures_before("2026-01-01T00:00:00Z"), 1);
  EXPECT_EQ(count_rows(db(), "login_failures"), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, HostileInputTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         backend_name);

}  // namespace
}  // namespace sagsaudit::testing
