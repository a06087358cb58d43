#pragma once
// Calendar dates as the administration writes them: ISO 8601 (2027-03-31) in files and the API,
// dd-mm-åååå (31-03-2027) on screen and in Danish CSV. Pure: no clock is read here.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace sagsaudit {

using Date = std::chrono::year_month_day;

// Accepts exactly YYYY-MM-DD with a real calendar date; nullopt otherwise.
std::optional<Date> parse_iso_date(std::string_view text);
// Accepts exactly DD-MM-YYYY with a real calendar date; nullopt otherwise.
std::optional<Date> parse_danish_date(std::string_view text);
// Either of the two forms above.
std::optional<Date> parse_date(std::string_view text);

std::string to_iso(Date date);     // 2027-03-31
std::string to_danish(Date date);  // 31-03-2027

Date add_days(Date date, int days);
Date make_date(int year, unsigned month, unsigned day);

}  // namespace sagsaudit
