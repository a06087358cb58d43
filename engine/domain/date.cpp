#include "domain/date.hpp"

#include <cstdio>

namespace sagsaudit {
namespace {

// Reads `count` ASCII digits at text[pos]; -1 if any is not a digit.
int read_digits(std::string_view text, std::size_t pos, std::size_t count) {
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<Date> checked(int year, int month, int day) {
  if (year < 0 || month < 1 || day < 1) return std::nullopt;
  Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
            std::chrono::day{static_cast<unsigned>(day)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

}  // namespace

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  return checked(read_digits(text, 0, 4), read_digits(text, 5, 2), read_digits(text, 8, 2));
}

std::optional<Date> parse_danish_date(std::string_view text) {
  if (text.size() != 10 || text[2] != '-' || text[5] != '-') return std::nullopt;
  return checked(read_digits(text, 6, 4), read_digits(text, 3, 2), read_digits(text, 0, 2));
}

std::optional<Date> parse_date(std::string_view text) {
  if (auto iso = parse_iso_date(text)) return iso;
  return parse_danish_date(text);
}

std::string to_iso(Date date) {
  const int year = static_cast<int>(date.year());
  const auto month = static_cast<unsigned>(date.month());
  const auto day = static_cast<unsigned>(date.day());
  if (year >= 0 && year <= 9999) {
    // Digit by digit: a population import writes a million of these.
    std::string out = "0000-00-00";
    for (int i = 3, y = year; i >= 0; --i, y /= 10)
      out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    out[5] = static_cast<char>('0' + month / 10);
    out[6] = static_cast<char>('0' + month % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year, month, day);
  return buffer;
}

std::string to_danish(Date date) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%02u-%02u-%04d", static_cast<unsigned>(date.day()),
                static_cast<unsigned>(date.month()), static_cast<int>(date.year()));
  return buffer;
}

Date add_days(Date date, int days) {
  return Date{std::chrono::sys_days{date} + std::chrono::days{days}};
}

Date make_date(int year, unsigned month, unsigned day) {
  return Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

}  // namespace sagsaudit
