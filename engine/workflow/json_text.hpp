#pragma once
// Internal to the workflow: the small JSON objects of audit log details ({"fra":"a","til":"b"}).
// The engine does not link Boost.JSON (the CLI and web layers do), and these need only strings
// and whole numbers.
#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace sagsaudit::workflow_detail {

using JsonValue = std::variant<std::string, std::int64_t>;

// Keys in the order given; strings escaped as RFC 8259 requires.
std::string json_object(const std::vector<std::pair<std::string, JsonValue>>& members);

}  // namespace sagsaudit::workflow_detail
