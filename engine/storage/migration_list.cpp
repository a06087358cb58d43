// The schema, one numbered migration at a time.
//
// NEVER EDIT A MIGRATION THAT HAS BEEN RELEASED: databases out there have already run it and will
// not run it again. To change the schema, add a new migration at the end with the next number.
//
// Keep the SQL portable where the two backends agree (TEXT, INTEGER, CHECK, REFERENCES); give a
// PostgreSQL variant only where they differ (identity columns). Booleans are INTEGER 0/1 and
// times are ISO 8601 TEXT on both, so the repositories bind the same C++ types everywhere.
#include "storage/migration_steps.hpp"
#include "storage/migrations.hpp"

namespace sagsaudit::storage {

const std::vector<Migration>& known_migrations() {
  static const std::vector<Migration> list = {
      migration_1_concepts_and_wheel(),
      migration_2_wheel_assignment_and_columns(),
      migration_3_workflow(),
      migration_4_population_and_samples(),
      migration_5_review_answers(),
      migration_6_external_reviews(),    // revisorsammenligning (issue 7)
      migration_7_followup(),            // opfølgning (issue 8)
      migration_8_login_and_sessions(),  // the web server's logins (issue 6)
      migration_9_report_summaries(),    // report speed (issue 5)
      migration_10_slim_population_cases(),
      migration_11_report_version(),      // the report cache's key (load, issue 9)
      migration_12_notification_reads(),  // notifications read per user (uifollowup)
  };
  return list;
}

}  // namespace sagsaudit::storage
