#include "faults/fault_support.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <soci/soci.h>
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "storage/database.hpp"

namespace sagsaudit::testing {
namespace {

namespace beast = boost::beast;
namespace http = boost::beast::http;
namespace net = boost::asio;

unsigned short free_port() {
  net::io_context ioc;
  net::ip::tcp::acceptor acceptor(ioc, {net::ip::make_address("127.0.0.1"), 0});
  return acceptor.local_endpoint().port();
}

}  // namespace

Child::Child(const std::vector<std::string>& args, const ChildOptions& options) {
  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<std::string> env_text;
  for (const auto& [name, value] : options.env) env_text.push_back(name + "=" + value);
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& e : env_text) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const std::string dir = options.dir.string();
  const std::string log = options.log_file.string();
  const std::string input = options.stdin_file.empty() ? "/dev/null" : options.stdin_file.string();
  rlimit limit{};
  if (options.file_size_limit) {
    limit.rlim_cur = limit.rlim_max = static_cast<rlim_t>(*options.file_size_limit);
  }
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Killed with the test process even when that dies without unwinding (SIGPIPE, SIGKILL).
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() == 1) ::_exit(126);
    const int in = ::open(input.c_str(), O_RDONLY);
    const int out = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (in < 0 || out < 0 || ::chdir(dir.c_str()) != 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(out, 2);
    if (options.file_size_limit) {
      ::signal(SIGXFSZ, SIG_IGN);  // a write past the limit fails with EFBIG instead
      if (::setrlimit(RLIMIT_FSIZE, &limit) != 0) ::_exit(126);
    }
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
}

Child::~Child() {
  if (pid_ > 0 && !status_) kill9();
}

bool Child::running() {
  if (status_) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return false;
  }
  return true;
}

void Child::kill9() {
  if (status_) return;
  ::kill(pid_, SIGKILL);
  wait();
}

int Child::wait() {
  if (status_) return *status_;
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return *status_;
}

HttpReply http_call(unsigned short port, const std::string& method, const std::string& target,
                    const std::string& body, const std::map<std::string, std::string>& headers,
                    std::chrono::milliseconds timeout) {
  HttpReply reply;
  try {
    net::io_context ioc;
    beast::tcp_stream stream(ioc);
    stream.expires_after(timeout);
    http::request<http::string_body> req(http::string_to_verb(method), target, 11);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) req.set(name, value);
    if (!body.empty() && !headers.count("Content-Type")) {
      req.set(http::field::content_type, "application/json");
    }
    req.body() = body;
    req.prepare_payload();
    beast::error_code ec;
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    beast::flat_buffer buffer;
    stream.async_connect(net::ip::tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                         [&](beast::error_code e) {
                           if (e) {
                             ec = e;
                             return;
                           }
                           http::async_write(stream, req, [&](beast::error_code e2, std::size_t) {
                             if (e2) {
                               ec = e2;
                               return;
                             }
                             http::async_read(stream, buffer, parser,
                                              [&](beast::error_code e3, std::size_t) { ec = e3; });
                           });
                         });
    ioc.run();
    if (ec) {
      reply.error = ec.message();
      return reply;
    }
    const auto& res = parser.get();
    reply.status = res.result_int();
    reply.body = res.body();
    for (const auto& field : res) {
      std::string name(field.name_string());
      std::transform(name.begin(), name.end(), name.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      reply.headers[name] = std::string(field.value());
    }
  } catch (const std::exception& e) {
    reply.status = 0;
    reply.error = e.what();
  }
  return reply;
}

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(SAGSAUDIT_SOURCE_DIR) / relative;
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

FaultWorld::FaultWorld(std::string database_url, const std::filesystem::path& sqlite_dir) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "sagsaudit-fault.XXXXXX").string();
  if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  dir_ = pattern;
  url_ = database_url.empty()
             ? "sqlite:" + ((sqlite_dir.empty() ? dir_ : sqlite_dir) / "sagsaudit.db").string()
             : std::move(database_url);
  std::ofstream(dir_ / "sagsaudit.toml") << "# tests/faults: everything comes from SAGSAUDIT_*\n";
  cli_ok({"keygen", "--out", (dir_ / "cpr.key").string()});
  cli_ok({"init"});
  cli_ok({"tick", "--today", "2027-01-05"});
  cli_ok({"user", "add", "admin", "--name", "Admin", "--role", "admin"});
  cli_ok({"user", "add", "anna", "--name", "Anna Holm", "--role", "koordinator", "--center",
          "jc-vesterbro-valby"});
  cli_ok({"user", "passwd", "admin"}, kPassword + "\n");
  cli_ok({"user", "passwd", "anna"}, kPassword + "\n");
}

FaultWorld::~FaultWorld() {
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

std::map<std::string, std::string> FaultWorld::env() const {
  const char* path = std::getenv("PATH");
  return {{"PATH", path ? path : "/usr/bin:/bin"},
          {"SAGSAUDIT_DB", url_},
          {"SAGSAUDIT_CONFIG", (dir_ / "sagsaudit.toml").string()},
          {"SAGSAUDIT_CONCEPTS", source_path("concepts").string()},
          {"SAGSAUDIT_WHEEL", source_path("annual-wheel/aarshjul.toml").string()},
          {"SAGSAUDIT_CPR_KEY_FILE", (dir_ / "cpr.key").string()},
          {"SAGSAUDIT_UPLOAD_DIR", (dir_ / "uploads").string()},
          {"SAGSAUDIT_UI_DIR", dir_.string()},
          {"SAGSAUDIT_TICK_MINUTES", "0"}};
}

FaultWorld::Result FaultWorld::cli(const std::vector<std::string>& args,
                                   const std::string& stdin_text,
                                   const std::map<std::string, std::string>& extra,
                                   std::optional<long long> file_size_limit) const {
  static int counter = 0;
  const std::string tag = std::to_string(++counter);
  ChildOptions options;
  options.dir = dir_;
  options.env = env();
  for (const auto& [name, value] : extra) options.env[name] = value;
  options.log_file = dir_ / ("cli-" + tag + ".out");
  if (!stdin_text.empty()) {
    options.stdin_file = dir_ / ("cli-" + tag + ".in");
    std::ofstream(options.stdin_file) << stdin_text;
  }
  options.file_size_limit = file_size_limit;
  std::vector<std::string> argv{SAGSAUDIT_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  Child child(argv, options);
  Result result;
  result.status = child.wait();
  result.output = read_file(options.log_file);
  std::error_code ignored;
  std::filesystem::remove(options.log_file, ignored);
  if (!options.stdin_file.empty()) std::filesystem::remove(options.stdin_file, ignored);
  return result;
}

std::string FaultWorld::cli_ok(const std::vector<std::string>& args,
                               const std::string& stdin_text) const {
  const Result r = cli(args, stdin_text);
  std::string command;
  for (const auto& a : args) command += " " + a;
  EXPECT_EQ(r.status, 0) << "sagsaudit" << command << ":\n" << r.output;
  return r.output;
}

std::filesystem::path FaultWorld::population_file(int rows, const std::string& name) const {
  const auto file = dir_ / name;
  ChildOptions options;
  options.dir = dir_;
  options.env = env();
  options.log_file = dir_ / "gen-population.out";
  Child gen(
      {source_path("scripts/gen-population").string(), "--rows", std::to_string(rows),
       "--center-codes", "jc-amager", "--period", "2027-K1", "--seed", "9", "--out", file.string()},
      options);
  EXPECT_EQ(gen.wait(), 0) << read_file(options.log_file);
  return file;
}

ServerProcess::ServerProcess(const FaultWorld& world,
                             const std::map<std::string, std::string>& extra, int workers) {
  static int counter = 0;
  port_ = free_port();
  ChildOptions options;
  options.dir = world.dir();
  options.env = world.env();
  for (const auto& [name, value] : extra) options.env[name] = value;
  options.log_file = world.dir() / ("serve-" + std::to_string(++counter) + ".log");
  log_file_ = options.log_file;
  child_ = std::make_unique<Child>(std::vector<std::string>{SAGSAUDIT_BINARY, "serve", "--listen",
                                                            "127.0.0.1:" + std::to_string(port_),
                                                            "--workers", std::to_string(workers)},
                                   options);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (std::chrono::steady_clock::now() < deadline) {
    if (!child_->running()) break;
    if (http_call(port_, "GET", "/healthz", "", {}, std::chrono::seconds(2)).status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ADD_FAILURE() << "sagsaudit serve did not answer /healthz within 30 s:\n" << log();
}

std::string ServerProcess::log() const {
  return read_file(log_file_);
}

bool ServerProcess::wait_for_log(const std::string& text, std::chrono::seconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (log().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::map<std::string, std::string> Session::headers(bool with_csrf) const {
  std::map<std::string, std::string> out{{"Cookie", cookie}};
  if (with_csrf) out["X-CSRF-Token"] = csrf;
  return out;
}

Session log_in(unsigned short port, const std::string& user) {
  const HttpReply r = http_call(
      port, "POST", "/api/v1/session",
      R"({"brugernavn":")" + user + R"(","adgangskode":")" + FaultWorld::kPassword + "\"}");
  Session s;
  if (r.status != 200) {
    ADD_FAILURE() << "login " << user << ": " << r.status << " " << r.body << r.error;
    return s;
  }
  const std::string set_cookie = r.headers.count("set-cookie") ? r.headers.at("set-cookie") : "";
  s.cookie = set_cookie.substr(0, set_cookie.find(';'));
  s.csrf = std::string(boost::json::parse(r.body).at("csrf").as_string());
  return s;
}

long long count_rows(const std::string& url, const std::string& sql) {
  auto db = storage::Database::open(url);
  long long count = -1;
  db->session() << sql, soci::into(count);
  return count;
}

std::string text_value(const std::string& url, const std::string& sql) {
  auto db = storage::Database::open(url);
  std::string value;
  soci::indicator ind = soci::i_ok;
  db->session() << sql, soci::into(value, ind);
  return ind == soci::i_ok ? value : "";
}

}  // namespace sagsaudit::testing
