#include "storage/workflow_storage_support.hpp"

#include <soci/soci.h>

namespace sagsaudit::storage::testing {

void insert_versions(Database& db, bool independent) {
  const int flag = independent ? 1 : 0;
  db.session() << "INSERT INTO concept_versions (version, benefit_type, title, description, "
                  "source_file, first_stored_at) VALUES (:v, 'sygedagpenge', 'Sygedagpenge', "
                  "'', 'concepts/sygedagpenge.toml', '2027-01-01T00:00:00Z')",
      soci::use(kConcept);
  db.session() << "INSERT INTO wheel_versions (version, title, source_file, green_min, "
                  "yellow_min, window_days, not_assessable_is_error, independent_assignment, "
                  "first_stored_at) VALUES (:v, 'Årshjul', 'aarshjul.toml', 95, 75, 30, 0, :i, "
                  "'2027-01-01T00:00:00Z')",
      soci::use(kWheel), soci::use(flag);
}

Round sample_round(const std::string& id) {
  Round r;
  r.id = id;
  r.benefit_type = id.substr(0, id.find('-'));
  r.period = *parse_period(id.substr(id.find('-') + 1));
  r.state = RoundState::planned;
  r.window_opens = add_days(r.period.last_day(), 1);
  r.window_closes = add_days(r.window_opens, 29);
  r.concept_version = kConcept;
  r.wheel_version = kWheel;
  r.created_at = "2027-07-01T05:00:00Z";
  return r;
}

}  // namespace sagsaudit::storage::testing
