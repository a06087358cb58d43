#include "storage/soci_errors.hpp"

namespace sagsaudit::storage {
namespace {

bool strip_prefix(std::string& text, std::string_view prefix) {
  if (text.compare(0, prefix.size(), prefix) != 0) return false;
  text.erase(0, prefix.size());
  return true;
}

// Newlines, tabs and runs of blanks become one blank; none at either end.
std::string one_line(const std::string& text) {
  std::string out;
  for (char ch : text) {
    const bool blank = ch == ' ' || ch == '\n' || ch == '\t' || ch == '\r';
    if (!blank) {
      out += ch;
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

std::string driver_message(const soci::soci_error& error) {
  std::string text = one_line(error.get_error_message());
  // SOCI's SQLite backend names its own function first.
  if (strip_prefix(text, "sqlite3_statement_backend::")) {
    const auto colon = text.find(": ");
    text.erase(0, colon == std::string::npos ? 0 : colon + 2);
  }
  // SOCI's PostgreSQL backend puts its own sentences before libpq's message.
  constexpr std::string_view kFraming[] = {"Cannot execute query. ", "Cannot prepare statement. ",
                                           "Fatal error. ", "ERROR: "};
  for (bool stripped = true; stripped;) {
    stripped = false;
    for (auto prefix : kFraming) stripped = strip_prefix(text, prefix) || stripped;
  }
  return text;
}

std::string storage_error_message(std::string_view what, const soci::soci_error& error) {
  const std::string driver = driver_message(error);
  std::string out = std::string(what) + ": " + driver;
  // Issue 9 (tests/faults/disk_full_test.cpp): the one storage failure a user can fix himself.
  if (driver.find("database or disk is full") != std::string::npos ||
      driver.find("No space left on device") != std::string::npos) {
    out =
        "disken med databasen er fuld; handlingen er afbrudt, og intet af den er gemt. Frigør "
        "plads på disken og prøv igen (" +
        out + ")";
  }
  return out;
}

}  // namespace sagsaudit::storage
