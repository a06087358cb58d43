#include "workflow/json_text.hpp"

#include <cstdio>

namespace sagsaudit::workflow_detail {
namespace {

void append_string(std::string& out, const std::string& text) {
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (c < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", c);
          out += escaped;
        } else {
          out += static_cast<char>(c);  // UTF-8 passes through unchanged
        }
    }
  }
  out += '"';
}

}  // namespace

std::string json_object(const std::vector<std::pair<std::string, JsonValue>>& members) {
  std::string out = "{";
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out += ',';
    append_string(out, members[i].first);
    out += ':';
    if (const auto* text = std::get_if<std::string>(&members[i].second)) {
      append_string(out, *text);
    } else {
      out += std::to_string(std::get<std::int64_t>(members[i].second));
    }
  }
  return out + "}";
}

}  // namespace sagsaudit::workflow_detail
