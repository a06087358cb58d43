// The API's JSON request bodies (docs/web.md, web/openapi.yaml) as the handlers read them,
// without a server or database: json_body (server/api.hpp) and then every body parser of
// server/api_bodies.hpp and the field getters of server/api_json.hpp on the same object. Any
// bytes must end in a value or a clean refusal: HttpError 422 "ugyldig" for a body that is no
// JSON object, a ValidationError naming the field (fuzz_support.hpp) for a bad field. Accepted
// values are checked against what the field's rule says.
#include <algorithm>

#include "fuzz_support.hpp"
#include "server/api.hpp"
#include "server/api_bodies.hpp"
#include "server/api_json.hpp"

namespace {

using sagsaudit::ValidationError;
namespace fuzz = sagsaudit::fuzz;

// Runs one parser; a refusal must be a ValidationError whose issues name `field` (or, for the
// answers, a place inside it: "svar[3].beloeb").
template <typename Parse>
void refused_cleanly(const std::string& field, Parse parse) {
  try {
    parse();
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, "");
    for (const auto& issue : e.issues()) {
      if (issue.field.rfind(field, 0) != 0) {
        fuzz::fail("refusal of '" + field + "' names field '" + issue.field + "'");
      }
    }
  }
}

bool all_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  using namespace sagsaudit::server;
  ApiRequest request;
  request.method = "POST";
  request.content_type = "application/json";
  request.body = fuzz::bytes_of(data, size);
  boost::json::object body;
  try {
    body = json_body(request);
  } catch (const HttpError& e) {
    if (e.status() != 422 || e.code() != "ugyldig") fuzz::fail("json_body: " + e.code());
    return 0;
  }

  refused_cleanly("svar", [&] { answers_from(body); });
  refused_cleanly("", [&] { new_user_from(body); });
  refused_cleanly("", [&] { user_change_from(body); });
  refused_cleanly("", [&] { login_from(body); });
  refused_cleanly("til", [&] { advance_target(body); });
  refused_cleanly("seed", [&] {
    const std::uint64_t seed = seed_value(body);
    // A seed is a whole number 0…2^64-1, or exactly that number written as text.
    const auto* value = body.if_contains("seed");
    if (value && value->is_string()) {
      std::string text(value->as_string());
      text.erase(0, std::min(text.find_first_not_of('0'), text.size() - 1));
      if (!all_digits(text) || text != std::to_string(seed)) {
        fuzz::fail("seed text '" + std::string(value->as_string()) + "' accepted as " +
                   std::to_string(seed));
      }
    }
  });
  refused_cleanly("version", [&] {
    const int version = required_int(body, "version");
    if (version < 0) fuzz::fail("negative version accepted");
  });
  refused_cleanly("begrundelse", [&] { required_string(body, "begrundelse"); });
  // Query parameters arrive as text: any string value of "side" goes through int_parameter.
  if (const auto* page = body.if_contains("side"); page && page->is_string()) {
    refused_cleanly("side", [&] {
      const int n = int_parameter(std::string(page->as_string()), "side", 1, 10000);
      if (n < 1 || n > 10000) fuzz::fail("int_parameter out of range");
    });
  }
  return 0;
}
