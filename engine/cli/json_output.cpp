#include "cli/json_output.hpp"

namespace sagsaudit::cli {
namespace {

// Boost.JSON 1.81 serialises compactly; indent it for people reading a terminal.
void pretty(std::ostream& out, const boost::json::value& value, int indent) {
  const std::string pad(static_cast<std::size_t>(indent) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(indent + 1) * 2, ' ');
  if (value.is_object()) {
    const auto& object = value.get_object();
    if (object.empty()) {
      out << "{}";
      return;
    }
    out << "{\n";
    bool first = true;
    for (const auto& [key, item] : object) {
      if (!first) out << ",\n";
      first = false;
      out << inner << boost::json::serialize(boost::json::string(key)) << ": ";
      pretty(out, item, indent + 1);
    }
    out << '\n' << pad << '}';
  } else if (value.is_array()) {
    const auto& array = value.get_array();
    if (array.empty()) {
      out << "[]";
      return;
    }
    out << "[\n";
    bool first = true;
    for (const auto& item : array) {
      if (!first) out << ",\n";
      first = false;
      out << inner;
      pretty(out, item, indent + 1);
    }
    out << '\n' << pad << ']';
  } else {
    out << boost::json::serialize(value);
  }
}

}  // namespace

void print_json(std::ostream& out, const boost::json::value& value) {
  pretty(out, value, 0);
  out << '\n';
}

boost::json::array issues_json(const std::vector<Issue>& issues) {
  boost::json::array array;
  for (const auto& issue : issues) {
    array.push_back(boost::json::object{{"fil", issue.file},
                                        {"linje", issue.line},
                                        {"kolonne", issue.column},
                                        {"felt", issue.field},
                                        {"besked", issue.message}});
  }
  return array;
}

}  // namespace sagsaudit::cli
