#include "scoring/cpr_in_text.hpp"

#include <string>

#include "domain/cpr.hpp"
#include "scoring/review_store.hpp"

namespace sagsaudit {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

bool contains_cpr(std::string_view text) {
  for (std::size_t start = 0; start < text.size(); ++start) {
    if (!is_digit(text[start]) || (start > 0 && is_digit(text[start - 1]))) continue;
    // A run of digits begins here: try DDMMYYSSSS and DDMMYY-SSSS, each not followed by a digit.
    for (const std::size_t length : {std::size_t{10}, std::size_t{11}}) {
      if (start + length > text.size()) continue;
      if (start + length < text.size() && is_digit(text[start + length])) continue;
      if (parse_cpr(text.substr(start, length))) return true;
    }
  }
  return false;
}

}  // namespace sagsaudit

namespace sagsaudit::scoring_detail {

// Declared in scoring/review_store.hpp; here, beside contains_cpr, so that checking an import
// file (review_import_file.cpp) needs no database code.
std::vector<Issue> cpr_issues(const std::vector<ControlAnswer>& answers) {
  std::vector<Issue> issues;
  for (const auto& a : answers) {
    if (!contains_cpr(a.comment)) continue;
    issues.push_back(Issue{"", a.position.line, 0, a.control_id.empty() ? "kontrol" : a.control_id,
                           "kommentaren ser ud til at indeholde et CPR-nummer; skriv det ikke "
                           "her (sagsnummeret er nok)"});
  }
  return issues;
}

}  // namespace sagsaudit::scoring_detail
