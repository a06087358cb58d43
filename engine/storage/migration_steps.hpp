#pragma once
// Internal to the storage layer: each numbered migration lives in its own file,
// migration_<number>_<what>.cpp, and migration_list.cpp puts them in order.
#include "storage/migrations.hpp"

namespace sagsaudit::storage {

Migration migration_1_concepts_and_wheel();
Migration migration_2_wheel_assignment_and_columns();
Migration migration_3_workflow();                // rounds, audit log, users, reviews, outbox
Migration migration_4_population_and_samples();  // populations, cases, sample protocols
Migration migration_5_review_answers();          // answers of case reviews, their history
Migration migration_6_external_reviews();        // revisorgennemgange, their answers, blind rounds
Migration migration_7_followup();                // initiatives, status changes, corrections
Migration migration_8_login_and_sessions();      // passwords, failed logins, web sessions
Migration migration_9_report_summaries();        // counts per round × center for the reports
// population ids, binary CPR hashes, partitioned cases (import speed, issue 3)
Migration migration_10_slim_population_cases();
// the report version: the web server's report cache key (report_version.hpp)
Migration migration_11_report_version();
// per-user read marks of notifications (uifollowup: "markér som læst")
Migration migration_12_notification_reads();

}  // namespace sagsaudit::storage
