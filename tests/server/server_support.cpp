#include "server/server_support.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <thread>

#include <unistd.h>

#include "storage/sample_repository.hpp"
#include "users/user_admin.hpp"
#include "workflow/assign.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit::testing {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;

class TwoCases final : public storage::SampleReader {
 public:
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    if (round_id != kRound) return {};
    return {{kRound, "S-1", "jc-amager", "sb", "010180-xxxx", 1},
            {kRound, "S-2", "jc-amager", "sb", "010180-xxxx", 2}};
  }
};

void add(storage::Database& db, const std::string& name, UserRole role,
         std::vector<std::string> centers) {
  storage::User user{name, "Navn " + name, role, std::move(centers), true, ""};
  add_user(db, user, "pw-" + name + "-123", "cli:test", "2027-04-01T06:00:00Z");
}

}  // namespace

HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body, const std::map<std::string, std::string>& headers) {
  net::io_context ioc;
  beast::tcp_stream stream(ioc);
  stream.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  http::request<http::string_body> req(http::string_to_verb(method), target, 11);
  req.set(http::field::host, "127.0.0.1");
  for (const auto& [name, value] : headers) req.set(name, value);
  if (!body.empty() && !headers.count("Content-Type")) {
    req.set(http::field::content_type, "application/json");
  }
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  http::read(stream, buffer, parser);
  const auto& res = parser.get();
  HttpReply reply;
  reply.status = res.result_int();
  reply.body = res.body();
  for (const auto& field : res) {
    std::string name(field.name_string());
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    reply.headers[name] = std::string(field.value());
  }
  beast::error_code ignored;
  stream.socket().shutdown(net::ip::tcp::socket::shutdown_both, ignored);
  return reply;
}

std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait) {
  net::io_context ioc;
  net::ip::tcp::socket socket(ioc);
  socket.connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  boost::system::error_code ec;
  net::write(socket, net::buffer(bytes), ec);
  std::string reply;
  const auto until = std::chrono::steady_clock::now() + wait;
  socket.non_blocking(true);
  char chunk[4096];
  while (std::chrono::steady_clock::now() < until) {
    const std::size_t n = socket.read_some(net::buffer(chunk), ec);
    if (ec == net::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      continue;
    }
    reply.append(chunk, n);
    if (ec) break;
  }
  return reply;
}

void ServerTest::SetUp() {
  WorkflowTest::SetUp();
  if (IsSkipped()) return;
  auto& d = db();
  tick(d, make_date(2027, 4, 1), "2027-04-01T06:00:00Z");
  add(d, "admin", UserRole::admin, {});
  add(d, "anna", UserRole::coordinator, {"jc-noerrebro-bispebjerg"});
  add(d, "bo", UserRole::coordinator, {"jc-vesterbro-valby"});
  add(d, "erik", UserRole::manager, {"jc-amager"});
  add(d, "lise", UserRole::manager, {"jc-vesterbro-valby"});
  add(d, "revisor", UserRole::auditor, {});
  transition_round(d, kRound, RoundState::population_loaded, "cli:test", "t");
  transition_round(d, kRound, RoundState::sample_drawn, "cli:test", "t");
  TwoCases sample;
  assign_round(d, sample, kRound, "cli:test", "2027-04-01T07:00:00Z", {"anna"});

  std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
  std::replace(name.begin(), name.end(), '/', '_');
  ui_dir_ = (std::filesystem::temp_directory_path() /
             ("sagsaudit-ui-" + std::to_string(::getpid()) + "-" + name))
                .string();
  std::filesystem::create_directories(ui_dir_ + "/assets");
  std::ofstream(ui_dir_ + "/index.html") << "<!doctype html><title>sagsaudit</title>";
  std::ofstream(ui_dir_ + "/assets/app-1234.js") << "console.log(1)";

  server::ServerOptions& options = options_;
  options.config.database_url = url();
  options.port = 0;
  options.io_threads = 2;
  options.workers = 3;
  options.pool_size = 4;
  options.ui_dir = ui_dir_;
  options.upload_dir = ui_dir_ + "/uploads";
  options.access_log = false;
  server_ = std::make_unique<server::HttpServer>(options);
  server_->start();
}

void ServerTest::restart_with(const std::function<void(server::ServerOptions&)>& adjust) {
  server_->stop();
  server_->wait();
  server_.reset();
  adjust(options_);
  server_ = std::make_unique<server::HttpServer>(options_);
  server_->start();
}

void ServerTest::TearDown() {
  if (server_) {
    server_->stop();
    server_->wait();
    server_.reset();
  }
  if (!ui_dir_.empty()) std::filesystem::remove_all(ui_dir_);
  WorkflowTest::TearDown();
}

Login ServerTest::login(const std::string& user) {
  const HttpReply r =
      http_request(port(), "POST", "/api/v1/session",
                   R"({"brugernavn":")" + user + R"(","adgangskode":"pw-)" + user + R"(-123"})");
  EXPECT_EQ(r.status, 200u) << r.body;
  Login out;
  const std::string set = r.headers.count("set-cookie") ? r.headers.at("set-cookie") : "";
  out.cookie = set.substr(0, set.find(';'));
  if (r.status == 200) {
    out.csrf = std::string(boost::json::parse(r.body).at("csrf").as_string());
  }
  return out;
}

HttpReply ServerTest::call(const Login* who, const std::string& method, const std::string& target,
                           const std::string& body) {
  std::map<std::string, std::string> headers;
  if (who) {
    headers["Cookie"] = who->cookie;
    headers["X-CSRF-Token"] = who->csrf;
  }
  return http_request(port(), method, target, body, headers);
}

}  // namespace sagsaudit::testing
