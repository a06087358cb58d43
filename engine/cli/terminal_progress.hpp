#pragma once
// Progress of a long import or draw ("412.000 rækker, 180.000 rækker/s, 41 %"), written over
// itself on the terminal — and nothing at all when stderr is not a terminal (a pipe, a log
// file, a test), so that scripts and logs see only the result.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>

#include "population/population_import.hpp"

namespace sagsaudit::cli {

class TerminalProgress {
 public:
  // Active only when `err` is the process's std::cerr and that is a terminal.
  TerminalProgress(std::ostream& err, std::string label);
  ~TerminalProgress();  // clears the line it drew

  // The callback for the engine; a no-op when inactive.
  ProgressReport callback();

 private:
  void show(std::size_t rows, std::size_t done, std::size_t total);

  std::ostream& err_;
  std::string label_;
  bool active_ = false;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

// 1234567 → "1.234.567" (the Danish thousands separator).
std::string danish_count(std::size_t value);

}  // namespace sagsaudit::cli
