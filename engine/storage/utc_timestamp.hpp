#pragma once
// Internal to the storage layer: when a row was written, for people reading the tables. Nothing
// is ever decided by these times (the order of loads is a sequence number), so the clock may be
// read here although the domain never reads it.
#include <string>

namespace sagsaudit::storage {

// The current UTC time as ISO 8601, e.g. "2026-03-31T09:15:02Z".
std::string utc_timestamp_now();

}  // namespace sagsaudit::storage
