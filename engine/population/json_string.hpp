#pragma once
// A JSON string literal, for the small JSON texts the import and the draw store (case
// attributes, audit log details). The engine does not link Boost.JSON; these need only strings.
#include <string>
#include <string_view>

namespace sagsaudit {

// Appends "text" with quotes, backslashes and control characters escaped (RFC 8259). The text
// is UTF-8 and is otherwise copied as it is.
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

}  // namespace sagsaudit
