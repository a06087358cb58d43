#include "cli/terminal_progress.hpp"

#include <unistd.h>

#include <iostream>

namespace sagsaudit::cli {

std::string danish_count(std::size_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back('.');
    out.push_back(digits[i]);
  }
  return out;
}

TerminalProgress::TerminalProgress(std::ostream& err, std::string label)
    : err_(err),
      label_(std::move(label)),
      active_(&err == &std::cerr && ::isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

TerminalProgress::~TerminalProgress() {
  if (drawn_) err_ << "\r\033[K" << std::flush;
}

ProgressReport TerminalProgress::callback() {
  if (!active_) return {};
  return [this](std::size_t rows, std::size_t done, std::size_t total) { show(rows, done, total); };
}

void TerminalProgress::show(std::size_t rows, std::size_t done, std::size_t total) {
  const auto now = std::chrono::steady_clock::now();
  // At most five updates a second: a terminal is slow, and the eye slower.
  if (drawn_ && now - last_ < std::chrono::milliseconds(200) && done < total) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  const auto per_second =
      seconds > 0 ? static_cast<std::size_t>(static_cast<double>(rows) / seconds) : 0;
  const auto percent = total > 0 ? done * 100 / total : 100;
  err_ << "\r\033[K" << label_ << ": " << danish_count(rows) << " rækker, "
       << danish_count(per_second) << " rækker/s, " << percent << " %" << std::flush;
  drawn_ = true;
}

}  // namespace sagsaudit::cli
