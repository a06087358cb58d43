#pragma once
// The small JSON texts the engine stores: audit log details ({"fra":"a","til":"b"}), case
// attributes, protocol fields. The engine does not link Boost.JSON (the CLI and web layers do),
// and these need only strings and whole numbers.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace sagsaudit {

// Appends "text" with quotes, backslashes and control characters escaped (RFC 8259). The text
// is UTF-8 and is otherwise copied as it is.
void append_json_string(std::string& out, std::string_view text);
std::string json_string(std::string_view text);

using JsonValue = std::variant<std::string, std::int64_t>;

// An object with the keys in the order given.
std::string json_object(const std::vector<std::pair<std::string, JsonValue>>& members);

}  // namespace sagsaudit
