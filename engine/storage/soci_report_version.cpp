// ReportVersion on SOCI: the one row of table report_version (migration 11).
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/audit_log.hpp"
#include "storage/report_version.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

class SociReportVersion final : public ReportVersion {
 public:
  explicit SociReportVersion(Database& db) : db_(db), sql_(db.session()) {}

  std::int64_t current() override {
    return guarded("cannot read the report version from " + db_.redacted_url(), [&] {
      long long version = 0;
      sql_ << "SELECT version FROM report_version WHERE id = 1", soci::into(version);
      if (!sql_.got_data()) throw StorageError("the report version's row is missing");
      return static_cast<std::int64_t>(version);
    });
  }

  void bump() override {
    guarded("cannot move the report version in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      make_audit_log(db_)->hold();
      soci::statement update =
          (sql_.prepare << "UPDATE report_version SET version = version + 1 WHERE id = 1");
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        throw StorageError("the report version's row is missing");
      }
      scope.done();
    });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ReportVersion> make_report_version(Database& db) {
  return std::make_unique<SociReportVersion>(db);
}

}  // namespace sagsaudit::storage
