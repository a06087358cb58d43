#pragma once
// Helpers shared by the loader tests: break a valid file one way and collect the messages.
#include <string>
#include <vector>

#include "domain/errors.hpp"

namespace sagsaudit::testing {

// The first occurrence of `from` in `text` replaced by `to`.
inline std::string replaced(std::string text, const std::string& from, const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

// Every issue `parse(text, file)` throws, formatted as the user sees it; empty when it parses.
template <typename Parse>
std::vector<std::string> errors_of(Parse parse, const std::string& text, const std::string& file) {
  try {
    parse(text, file);
  } catch (const ValidationError& error) {
    std::vector<std::string> out;
    for (const auto& issue : error.issues()) out.push_back(format_issue(issue));
    return out;
  }
  return {};
}

}  // namespace sagsaudit::testing
