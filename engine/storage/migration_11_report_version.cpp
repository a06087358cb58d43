// Migration 11: the report version (storage/report_version.hpp) — the key of the web server's
// report cache, moved only by changes that can alter a report, so that draft saves no longer
// empty the cache (docs/reports.md, "The report version"; docs/faults.md, "Load").
#include "storage/migration_steps.hpp"

namespace sagsaudit::storage {

Migration migration_11_report_version() {
  return Migration{11,
                   "report version",
                   {
                       // One row. A server keeps a report under the version it was built at and
                       // reuses it while the version stays the same.
                       {R"(CREATE TABLE report_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
))",
                        R"(CREATE TABLE report_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
))"},
                       {"INSERT INTO report_version (id, version) VALUES (1, 0)", ""},
                   }};
}

}  // namespace sagsaudit::storage
