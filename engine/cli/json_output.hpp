#pragma once
// --json output: one pretty-printed JSON document per command, UTF-8, ending in a newline.
#include <boost/json.hpp>

#include <ostream>
#include <vector>

#include "domain/errors.hpp"

namespace sagsaudit::cli {

void print_json(std::ostream& out, const boost::json::value& value);
boost::json::array issues_json(const std::vector<Issue>& issues);

}  // namespace sagsaudit::cli
