#include "domain/errors.hpp"

namespace sagsaudit {

std::string format_issue(const Issue& issue) {
  std::string out = issue.file;
  if (issue.line > 0) {
    out += ':' + std::to_string(issue.line);
    if (issue.column > 0) out += ':' + std::to_string(issue.column);
  }
  if (!out.empty()) out += ": ";
  if (!issue.field.empty()) out += issue.field + ": ";
  out += issue.message;
  return out;
}

namespace {
std::string summarise(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& issue : issues) {
    if (!out.empty()) out += '\n';
    out += format_issue(issue);
  }
  return out;
}
}  // namespace

ValidationError::ValidationError(std::vector<Issue> issues)
    : Error(ErrorCode::validation, summarise(issues)), issues_(std::move(issues)) {}

ValidationError::ValidationError(const std::string& message)
    : Error(ErrorCode::validation, message), issues_{Issue{"", 0, 0, "", message}} {}

}  // namespace sagsaudit
