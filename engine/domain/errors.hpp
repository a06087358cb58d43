#pragma once
// The typed, user-facing errors of sagsaudit. Each carries a message meant for the person who
// ran the command (Danish or English as the context demands) and a machine code; the CLI maps
// the code to an exit status and the web layer to an HTTP status, each in one place.
#include <stdexcept>
#include <string>
#include <vector>

namespace sagsaudit {

enum class ErrorCode {
  validation,  // bad input: a data file, an option value, an import
  not_found,   // a named thing does not exist
  conflict,    // a concurrent change or a state that forbids the action
  forbidden,   // the user may not do this
  storage,     // the database refused or could not be reached
};

// Where in an input a problem was found. line/column are 1-based; 0 means "not known".
struct Issue {
  std::string file;
  int line = 0;
  int column = 0;
  std::string field;  // the key or column name, empty when the problem is the whole record
  std::string message;
};

// "file:line:column: field: message", leaving out the parts that are not known.
std::string format_issue(const Issue& issue);

class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ErrorCode code() const { return code_; }

 private:
  ErrorCode code_;
};

// Bad input, with every problem found (not just the first), so one run shows them all.
class ValidationError : public Error {
 public:
  explicit ValidationError(std::vector<Issue> issues);
  explicit ValidationError(const std::string& message);
  const std::vector<Issue>& issues() const { return issues_; }

 private:
  std::vector<Issue> issues_;
};

class NotFound : public Error {
 public:
  explicit NotFound(const std::string& message) : Error(ErrorCode::not_found, message) {}
};

class ConflictError : public Error {
 public:
  explicit ConflictError(const std::string& message) : Error(ErrorCode::conflict, message) {}
};

class Forbidden : public Error {
 public:
  explicit Forbidden(const std::string& message) : Error(ErrorCode::forbidden, message) {}
};

class StorageError : public Error {
 public:
  explicit StorageError(const std::string& message) : Error(ErrorCode::storage, message) {}
};

}  // namespace sagsaudit
