#pragma once
// CPR numbers (det centrale personregister): DDMMÅÅ-SSSS, the birth date and a four-digit serial
// whose first digit, with ÅÅ, fixes the century. Validated by form and date only.
//
// There is deliberately NO modulus-11 check: since 2007 the CPR office issues numbers that fail
// it (the modulus-11-valid serials ran out for some birth dates), so a check would refuse real
// people's cases.
//
// Personal data: a Cpr is stored only as a keyed hash of digits10 plus masked(); it is never
// logged, never put in a URL, and the error messages below never repeat the number.
#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"

namespace sagsaudit {

struct Cpr {
  std::string digits10;  // DDMMYYSSSS: both written forms give the same digits (and hash)
};

// The result of parse_cpr: either a Cpr or a Danish message saying what is wrong.
struct CprParseResult {
  std::optional<Cpr> cpr;
  std::string error;  // empty exactly when cpr is set

  explicit operator bool() const { return cpr.has_value(); }
};

// Accepts exactly "DDMMYY-SSSS" or "DDMMYYSSSS" (ASCII digits, no blanks) whose DDMMYY is a real
// calendar date in the century given by the 7th digit:
//   0–3: 1900–1999;  4 or 9: 2000–2036 if YY ≤ 36, else 1937–1999;
//   5–8: 2000–2057 if YY ≤ 57, else 1858–1899.
// Errors: "ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)" for the wrong form,
// "ugyldig dato i CPR-nummer" for a date that does not exist (31 April, 29 February 1900 …).
CprParseResult parse_cpr(std::string_view text);

// "DDMMYY-xxxx": the date part with the serial hidden, e.g. "010180-xxxx".
// REQUIRES: cpr came from parse_cpr.
std::string masked(const Cpr& cpr);

// The birth date, with the century rule above. REQUIRES: cpr came from parse_cpr.
Date birth_date(const Cpr& cpr);

}  // namespace sagsaudit
