#pragma once
// A sample protocol as JSON: `sample draw|protocol --json` and the web API's
// /api/v1/rounds/{id}/sample write the same document.
#include <boost/json.hpp>

#include "domain/sample_protocol.hpp"

namespace sagsaudit::report_output {

boost::json::object protocol_json(const SampleProtocol& protocol);

}  // namespace sagsaudit::report_output
