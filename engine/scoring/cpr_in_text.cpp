#include "scoring/cpr_in_text.hpp"

#include <string>

#include "domain/cpr.hpp"

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
