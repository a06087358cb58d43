#include "domain/cpr.hpp"

#include <cassert>

namespace sagsaudit {
namespace {

constexpr std::string_view form_error = "ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)";
constexpr std::string_view date_error = "ugyldig dato i CPR-nummer";

bool all_digits(std::string_view text) {
  for (char ch : text) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

int two_digits(std::string_view digits, std::size_t pos) {
  return (digits[pos] - '0') * 10 + (digits[pos + 1] - '0');
}

// The CPR office's century table: the 7th digit (first of the serial) and the two-digit year.
int full_year(int yy, int seventh) {
  if (seventh <= 3) return 1900 + yy;
  if (seventh == 4 || seventh == 9) return (yy <= 36 ? 2000 : 1900) + yy;
  return (yy <= 57 ? 2000 : 1800) + yy;  // 5–8
}

// The date of a ten-digit string, or nullopt when it does not exist.
std::optional<Date> date_of(std::string_view digits10) {
  const int day = two_digits(digits10, 0);
  const int month = two_digits(digits10, 2);
  const int year = full_year(two_digits(digits10, 4), digits10[6] - '0');
  if (day < 1 || month < 1 || month > 12) return std::nullopt;
  const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

CprParseResult parse_cpr(std::string_view text) {
  std::string digits;
  if (text.size() == 11 && text[6] == '-') {
    digits.append(text.substr(0, 6)).append(text.substr(7));
  } else if (text.size() == 10) {
    digits.assign(text);
  } else {
    return CprParseResult{std::nullopt, std::string(form_error)};
  }
  if (!all_digits(digits)) return CprParseResult{std::nullopt, std::string(form_error)};
  if (!date_of(digits)) return CprParseResult{std::nullopt, std::string(date_error)};
  return CprParseResult{Cpr{std::move(digits)}, ""};
}

std::string masked(const Cpr& cpr) {
  assert(cpr.digits10.size() == 10);
  return cpr.digits10.substr(0, 6) + "-xxxx";
}

Date birth_date(const Cpr& cpr) {
  assert(cpr.digits10.size() == 10);
  const auto date = date_of(cpr.digits10);
  return date.value();  // throws rather than reading garbage if the REQUIRES is broken
}

}  // namespace sagsaudit
