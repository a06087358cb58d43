#pragma once
// A request as the API handlers see it and the response they give, independent of Beast, so
// the handlers are plain functions of data.
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace sagsaudit::server {

struct ApiRequest {
  std::string method;                        // "GET", "POST", …
  std::string path;                          // percent-decoded, without the query
  std::map<std::string, std::string> query;  // decoded; the last of repeated keys wins
  std::string body;
  std::string content_type;
  std::string session_token;   // the sagsaudit_session cookie, "" when none
  std::string csrf_header;     // X-CSRF-Token, "" when none
  bool secure = false;         // came over TLS
  std::string remote_address;  // the TCP peer ("127.0.0.1"); login throttling per address
};

struct ApiResponse {
  unsigned status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string route;  // the route template, for metrics and the access log ("static", "ukendt")
};

// "/a%20b" → "/a b"; '+' stays '+' (paths), unless `plus_is_space` (query strings).
std::string percent_decode(const std::string& text, bool plus_is_space = false);
// Splits "path?a=1&b=2" into the decoded path and query.
void split_target(const std::string& target, std::string& path,
                  std::map<std::string, std::string>& query);
// The value of one cookie in a Cookie header, "" when absent.
std::string cookie_value(const std::string& header, const std::string& name);

}  // namespace sagsaudit::server
