#pragma once
// The wall clock, read only at the edges (CLI, server): the domain and the workflow functions
// take the time they need as arguments, so tests pass any day they like.
#include <string>

#include "domain/date.hpp"

namespace sagsaudit {

// Current UTC time as ISO 8601 with seconds, e.g. "2027-04-01T08:00:00Z".
std::string utc_now_iso();

// Today's date in Danish local time (Europe/Copenhagen, via the process's TZ/localtime).
Date local_today();

}  // namespace sagsaudit
