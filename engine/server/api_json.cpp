#include "server/api_json.hpp"

#include "domain/errors.hpp"
#include "server/api.hpp"

namespace sagsaudit::server {
namespace {

[[noreturn]] void bad(const std::string& field, const std::string& message) {
  throw ValidationError(std::vector<Issue>{{"", 0, 0, field, message}});
}

}  // namespace

// Declared in server/api.hpp.
boost::json::object json_body(const ApiRequest& request) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(request.body, ec);
  if (ec || !value.is_object()) {
    throw HttpError(422, "ugyldig", "forespørgslens indhold er ikke et JSON-objekt");
  }
  return std::move(value.as_object());
}

int int_parameter(const std::string& text, const std::string& field, int min, int max) {
  try {
    std::size_t used = 0;
    const long value = std::stol(text, &used);
    if (used == text.size() && value >= min && value <= max) return static_cast<int>(value);
  } catch (const std::exception&) {
  }
  bad(field, "skal være et helt tal fra " + std::to_string(min) + " til " + std::to_string(max));
}

std::string required_string(const boost::json::object& body, const char* field) {
  const auto* value = body.if_contains(field);
  if (!value || !value->is_string()) bad(field, "mangler (tekst)");
  return std::string(value->as_string());
}

std::optional<std::string> optional_string(const boost::json::object& body, const char* field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_string()) bad(field, "skal være tekst");
  return std::string(value->as_string());
}

int required_int(const boost::json::object& body, const char* field) {
  const auto* value = body.if_contains(field);
  if (!value || !value->is_int64() || value->as_int64() < 0 || value->as_int64() > 2147483647) {
    bad(field, "mangler (helt tal)");
  }
  return static_cast<int>(value->as_int64());
}

std::optional<bool> optional_bool(const boost::json::object& body, const char* field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_bool()) bad(field, "skal være true eller false");
  return value->as_bool();
}

std::optional<std::vector<std::string>> optional_strings(const boost::json::object& body,
                                                         const char* field) {
  const auto* value = body.if_contains(field);
  if (!value || value->is_null()) return std::nullopt;
  if (!value->is_array()) bad(field, "skal være en liste af tekster");
  std::vector<std::string> out;
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) bad(field, "skal være en liste af tekster");
    out.emplace_back(item.as_string());
  }
  return out;
}

}  // namespace sagsaudit::server
