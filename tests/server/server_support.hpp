#pragma once
// The web server started in-process on an ephemeral port against a scratch database (SQLite,
// and PostgreSQL when SAGSAUDIT_TEST_PG_URL is set), with a tiny Beast client and a small world:
// the shipped concepts and årshjul, round sygedagpenge-2027-K1 with two cases of jc-amager
// assigned to anna, and one user of each role.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "engine/workflow_test_support.hpp"
#include "server/http_server.hpp"

namespace sagsaudit::testing {

struct HttpReply {
  unsigned status = 0;
  std::string body;
  std::map<std::string, std::string> headers;  // names in lower case
};

// One request on a fresh connection to 127.0.0.1:port.
HttpReply http_request(unsigned short port, const std::string& method, const std::string& target,
                       const std::string& body = "",
                       const std::map<std::string, std::string>& headers = {});

// Raw bytes to 127.0.0.1:port, for what a well-behaved client never sends (hostile input):
// writes `bytes`, then reads until the server closes or `wait` has passed; returns what came.
std::string raw_exchange(unsigned short port, const std::string& bytes,
                         std::chrono::milliseconds wait = std::chrono::milliseconds(5000));

struct Login {
  std::string cookie;  // "sagsaudit_session=…"
  std::string csrf;
};

inline const std::string kRound = "sygedagpenge-2027-K1";

class ServerTest : public WorkflowTest {
 protected:
  void SetUp() override;
  void TearDown() override;

  unsigned short port() const { return server_->port(); }
  // Stops the server and starts it again with the test's options changed by `adjust`.
  void restart_with(const std::function<void(server::ServerOptions&)>& adjust);
  server::HttpServer& server() { return *server_; }
  // Logs in with the user's password ("pw-<name>-123"); fails the test when refused.
  Login login(const std::string& user);
  HttpReply call(const Login* who, const std::string& method, const std::string& target,
                 const std::string& body = "");

  server::ServerOptions options_;
  std::string ui_dir_;
  std::unique_ptr<server::HttpServer> server_;
};

}  // namespace sagsaudit::testing
