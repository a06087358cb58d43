#include "domain/period.hpp"

#include <charconv>

namespace sagsaudit {
namespace {

constexpr int min_year = 1900;
constexpr int max_year = 9999;

int months_per_period(Frequency frequency) { return 12 / periods_per_year(frequency); }

}  // namespace

Date Period::first_day() const {
  const int first_month = (index - 1) * months_per_period(frequency) + 1;
  return make_date(year, static_cast<unsigned>(first_month), 1);
}

Date Period::last_day() const {
  const int last_month = index * months_per_period(frequency);
  const auto ym = std::chrono::year{year} / std::chrono::month{static_cast<unsigned>(last_month)};
  return Date{ym / std::chrono::last};
}

bool Period::contains(Date date) const { return date >= first_day() && date <= last_day(); }

std::string Period::to_string() const {
  std::string out = std::to_string(year);
  switch (frequency) {
    case Frequency::quarterly: return out + "-K" + std::to_string(index);
    case Frequency::half_yearly: return out + "-H" + std::to_string(index);
    case Frequency::yearly: return out;
  }
  return out;
}

std::optional<Period> parse_period(std::string_view text) {
  if (text.size() < 4) return std::nullopt;
  int year = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + 4, year);
  if (error != std::errc{} || end != text.data() + 4 || year < min_year || year > max_year) {
    return std::nullopt;
  }
  if (text.size() == 4) return Period{year, Frequency::yearly, 1};
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  const char kind = text[5];
  const int index = text[6] - '0';
  if (kind == 'K' && index >= 1 && index <= 4) return Period{year, Frequency::quarterly, index};
  if (kind == 'H' && index >= 1 && index <= 2) return Period{year, Frequency::half_yearly, index};
  return std::nullopt;
}

std::vector<Period> periods_of_year(int year, Frequency frequency) {
  std::vector<Period> periods;
  for (int index = 1; index <= periods_per_year(frequency); ++index) {
    periods.push_back(Period{year, frequency, index});
  }
  return periods;
}

}  // namespace sagsaudit
