#include "server/api_json.hpp"

#include <algorithm>

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
  // Boost.JSON refuses invalid UTF-8, nesting deeper than 32 and numbers it cannot hold; the
  // refusal names the place (line and byte) and the reason, in Danish.
  boost::json::parse_options options;
  options.max_depth = 32;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t used = parser.write_some(request.body.data(), request.body.size(), ec);
  if (!ec && used < request.body.size()) ec = boost::json::error::extra_data;
  if (!ec) parser.finish(ec);
  if (ec) {
    const std::size_t at = std::min(used, request.body.size());
    const auto line = 1 + std::count(request.body.begin(), request.body.begin() + at, '\n');
    std::string reason = "ugyldig JSON";
    if (ec == boost::json::error::too_deep) {
      reason = "for dybt indlejret (højst " + std::to_string(options.max_depth) + " niveauer)";
    } else if (ec == boost::json::error::incomplete || request.body.empty()) {
      reason = "ufuldstændig JSON (teksten slutter for tidligt)";
    } else if (ec == boost::json::error::exponent_overflow ||
               ec == boost::json::error::not_number) {
      reason = "et tal er for stort";
    } else if (ec == boost::json::error::extra_data) {
      reason = "der står mere efter JSON-værdien";
    } else if (ec == boost::json::error::syntax) {
      reason = "syntaksfejl i JSON (eller ugyldig UTF-8)";
    }
    throw HttpError(422, "ugyldig", "forespørgslens indhold er ikke gyldig JSON: " + reason,
                    boost::json::array{boost::json::object{
                        {"linje", line},
                        {"felt", ""},
                        {"besked", reason + " ved byte " + std::to_string(at)}}});
  }
  boost::json::value value = parser.release();
  if (!value.is_object()) {
    throw HttpError(422, "ugyldig", "forespørgslens indhold skal være et JSON-objekt");
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
