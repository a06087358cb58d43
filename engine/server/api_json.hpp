#pragma once
// Reading request fields: each missing or mistyped field is a ValidationError naming the field
// (422 ugyldig with details), so the UI can show it beside the right input.
#include <boost/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace sagsaudit::server {

int int_parameter(const std::string& text, const std::string& field, int min, int max);
std::string required_string(const boost::json::object& body, const char* field);
std::optional<std::string> optional_string(const boost::json::object& body, const char* field);
int required_int(const boost::json::object& body, const char* field);
std::optional<bool> optional_bool(const boost::json::object& body, const char* field);
std::optional<std::vector<std::string>> optional_strings(const boost::json::object& body,
                                                         const char* field);

}  // namespace sagsaudit::server
