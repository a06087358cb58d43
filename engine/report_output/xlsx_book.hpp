#pragma once
// An Excel workbook with the formats every sagsaudit report uses (libxlsxwriter): header,
// percent, interval and the traffic-light colours. Shared by the reports (report_xlsx.cpp) and
// the revisorsammenligning (compare_report.cpp), so all workbooks look alike.
#include <xlsxwriter.h>

#include <array>
#include <set>
#include <string>

#include "domain/errors.hpp"

namespace sagsaudit::report_output {

// The workbook with its formats. libxlsxwriter builds everything in memory and writes the file
// in save() (workbook_close).
class XlsxBook {
 public:
  // Throws ValidationError when the file cannot be created.
  explicit XlsxBook(const std::string& file) : file_(file), book_(workbook_new(file.c_str())) {
    if (!book_) throw ValidationError("kan ikke skrive " + file);
    header_ = workbook_add_format(book_);
    format_set_bold(header_);
    format_set_bg_color(header_, 0xEEEEEE);
    percent_ = workbook_add_format(book_);
    format_set_num_format(percent_, "0%");
    interval_ = workbook_add_format(book_);
    format_set_num_format(interval_, "0.0%");
    kroner_ = workbook_add_format(book_);
    format_set_num_format(kroner_, "#,##0.00");
    // Index 0 green, 1 yellow, 2 red, 3 no light; the same colours as the HTML report.
    const std::array<lxw_color_t, 4> colours = {0xB7E1A1, 0xFFE58A, 0xF4A6A6, 0xFFFFFF};
    for (std::size_t i = 0; i < colours.size(); ++i) {
      light_word_[i] = workbook_add_format(book_);
      format_set_bg_color(light_word_[i], colours[i]);
      format_set_bold(light_word_[i]);
      light_percent_[i] = workbook_add_format(book_);
      format_set_bg_color(light_percent_[i], colours[i]);
      format_set_num_format(light_percent_[i], "0%");
    }
  }
  ~XlsxBook() {
    // Only on an early exit (an exception while filling the sheets): free without writing, so
    // no half-filled workbook is left behind looking like a report.
    if (book_) lxw_workbook_free(book_);
  }
  XlsxBook(const XlsxBook&) = delete;
  XlsxBook& operator=(const XlsxBook&) = delete;

  // Sheet names: at most 31 characters, none of []:*?/\, unique (Excel's rules).
  lxw_worksheet* sheet(const std::string& wanted) {
    std::string name;
    for (const char c : wanted)
      name += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    if (name.size() > 28) name.resize(28);
    std::string unique = name;
    for (int n = 2; used_.count(unique); ++n) unique = name + " " + std::to_string(n);
    used_.insert(unique);
    lxw_worksheet* ws = workbook_add_worksheet(book_, unique.c_str());
    if (!ws) throw ValidationError("kan ikke oprette arket '" + unique + "' i " + file_);
    return ws;
  }

  // Writes the file; throws ValidationError when it cannot.
  void save() {
    const lxw_error error = workbook_close(book_);
    book_ = nullptr;
    if (error != LXW_NO_ERROR) {
      throw ValidationError("kan ikke skrive " + file_ + ": " + lxw_strerror(error));
    }
  }

  lxw_format* header_ = nullptr;
  lxw_format* percent_ = nullptr;
  lxw_format* interval_ = nullptr;
  lxw_format* kroner_ = nullptr;  // an amount in kroner with øre
  std::array<lxw_format*, 4> light_word_{};
  std::array<lxw_format*, 4> light_percent_{};

 private:
  std::string file_;
  lxw_workbook* book_;
  std::set<std::string> used_;
};

}  // namespace sagsaudit::report_output
