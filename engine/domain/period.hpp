#pragma once
// A review period: a quarter (2027-K1 … 2027-K4), a half year (2027-H1, 2027-H2) or a whole
// year (2027). A round covers the cases decided within its period, first to last day inclusive.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/frequency.hpp"

namespace sagsaudit {

struct Period {
  int year = 0;
  Frequency frequency = Frequency::yearly;
  int index = 1;  // 1-based: quarter 1–4, half 1–2, always 1 for a year

  Date first_day() const;
  Date last_day() const;
  bool contains(Date date) const;
  // The period's own text, e.g. "2027-K3"; parse_period reads it back.
  std::string to_string() const;

  friend bool operator==(const Period&, const Period&) = default;
};

// Reads "2027-K1"…"2027-K4", "2027-H1"/"2027-H2" and "2027" (years 1900–9999).
std::optional<Period> parse_period(std::string_view text);

// The periods of one year at a frequency, in calendar order.
std::vector<Period> periods_of_year(int year, Frequency frequency);

}  // namespace sagsaudit
