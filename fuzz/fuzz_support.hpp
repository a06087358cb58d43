#pragma once
// What every fuzz target checks of a refusal: the engine may refuse any input, but only with a
// ValidationError that names at least one problem, each with a message, as valid UTF-8 (it is
// printed, logged and sent as JSON), for the file it was given. Anything else — another
// exception, a crash, a sanitizer report — is a finding: fail() aborts, which libFuzzer saves
// as a crash input.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "domain/errors.hpp"
#include "loading/text_encoding.hpp"

namespace sagsaudit::fuzz {

inline std::string bytes_of(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz: %s\n", what.c_str());
  std::abort();
}

// `file` is the name the input was given under ("" when the refusal names no file, as the API's
// body errors do).
// With SAGSAUDIT_FUZZ_VERBOSE set, every refusal is printed (to see why a seed is refused).
inline void check_refusal(const ValidationError& e, const std::string& file) {
  static const bool verbose = std::getenv("SAGSAUDIT_FUZZ_VERBOSE") != nullptr;
  if (verbose) {
    for (const Issue& issue : e.issues()) std::fprintf(stderr, "%s\n", format_issue(issue).c_str());
  }
  if (e.issues().empty()) fail("ValidationError without issues: " + std::string(e.what()));
  for (const Issue& issue : e.issues()) {
    const std::string text = format_issue(issue);
    if (issue.message.empty()) fail("issue without a message: " + text);
    if (!is_valid_utf8(text)) fail("issue is not valid UTF-8: " + text);
    if (issue.file != file) fail("issue names file '" + issue.file + "', not '" + file + "'");
    if (issue.line < 0 || issue.column < 0) fail("negative position: " + text);
  }
  if (!is_valid_utf8(e.what())) fail("error message is not valid UTF-8");
}

}  // namespace sagsaudit::fuzz
