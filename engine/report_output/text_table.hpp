#pragma once
// Plain-text tables for the terminal, padded by displayed characters rather than bytes, so that
// columns with æ, ø and å line up.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit::report_output {

// Code points in UTF-8 text (each of ours occupies one terminal column).
std::size_t display_width(std::string_view utf8);

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header) : header_(std::move(header)) {}
  void add_row(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns separated by two spaces; the last column is not padded.
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace sagsaudit::report_output
