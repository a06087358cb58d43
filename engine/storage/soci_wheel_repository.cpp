// WheelRepository on SOCI: tables wheel_versions, wheel_centers, wheel_entries and wheel_loads
// (migration 1), wheel_versions.independent_assignment and wheel_column_names (migration 2).
#include <soci/soci.h>

#include <map>

#include "domain/errors.hpp"
#include "storage/soci_errors.hpp"
#include "storage/utc_timestamp.hpp"
#include "storage/wheel_columns.hpp"
#include "storage/wheel_repository.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

class SociWheelRepository final : public WheelRepository {
 public:
  explicit SociWheelRepository(Database& db) : db_(db), sql_(db.session()) {}

  bool store(const AnnualWheel& wheel) override {
    if (wheel.version.empty()) throw ValidationError("cannot store an årshjul without a version");
    return guarded("cannot store årshjul version " + wheel.version + " in " + db_.redacted_url(),
                   [&] { return store_version(wheel); });
  }

  std::optional<AnnualWheel> current() override {
    return guarded("cannot read the current årshjul from " + db_.redacted_url(),
                   [&] { return current_wheel(); });
  }

  std::optional<AnnualWheel> load(std::string_view version) override {
    return guarded(
        "cannot load årshjul version " + std::string(version) + " from " + db_.redacted_url(),
        [&] { return load_version(std::string(version)); });
  }

 private:
  bool store_version(const AnnualWheel& wheel) {
    WriteScope scope(db_);
    const bool inserted = insert_version(wheel);
    if (inserted) {
      insert_centers(wheel);
      insert_entries(wheel);
      insert_column_names(wheel);
    }
    if (current_version() != wheel.version) record_load(wheel.version);
    scope.done();
    return inserted;
  }

  std::optional<AnnualWheel> current_wheel() {
    const std::string version = current_version();
    if (version.empty()) return std::nullopt;
    auto wheel = load_version(version);
    if (!wheel) throw StorageError("årshjul version " + version + " is recorded but missing");
    return wheel;
  }

  // False when the version was stored already (by anyone, concurrent transactions included).
  bool insert_version(const AnnualWheel& w) {
    const std::string stored_at = utc_timestamp_now();
    const int not_assessable_is_error = w.not_assessable_is_error ? 1 : 0;
    const int independent_assignment = w.independent_assignment ? 1 : 0;
    GoalColumns goal = to_goal_columns(w.strategic_goal);
    soci::statement insert =
        (sql_.prepare << "INSERT INTO wheel_versions (version, title, source_file, green_min, "
                         "yellow_min, window_days, not_assessable_is_error, "
                         "independent_assignment, goal_baseline_year, goal_target_year, "
                         "goal_reduction, first_stored_at) "
                         "VALUES (:version, :title, :source_file, :green_min, :yellow_min, "
                         ":window_days, :not_assessable_is_error, :independent, :baseline, "
                         ":target, :reduction, :stored_at) "
                         "ON CONFLICT (version) DO NOTHING",
         soci::use(w.version), soci::use(w.title), soci::use(w.source_file),
         soci::use(w.thresholds.green_min), soci::use(w.thresholds.yellow_min),
         soci::use(w.window_days), soci::use(not_assessable_is_error),
         soci::use(independent_assignment), soci::use(goal.baseline_year, goal.baseline_set),
         soci::use(goal.target_year, goal.target_set),
         soci::use(goal.reduction, goal.reduction_set), soci::use(stored_at));
    insert.execute(true);
    return insert.get_affected_rows() == 1;
  }

  void insert_centers(const AnnualWheel& w) {
    int ordinal = 0;
    for (const auto& center : w.centers) {
      sql_ << "INSERT INTO wheel_centers (wheel_version, ordinal, code, name) "
              "VALUES (:version, :ordinal, :code, :name)",
          soci::use(w.version), soci::use(ordinal), soci::use(center.code), soci::use(center.name);
      ++ordinal;
    }
  }

  void insert_column_names(const AnnualWheel& w) {
    for (const auto& [field, header] : w.column_names) {
      sql_ << "INSERT INTO wheel_column_names (wheel_version, field, header) "
              "VALUES (:version, :field, :header)",
          soci::use(w.version), soci::use(field), soci::use(header);
    }
  }

  void insert_entries(const AnnualWheel& w) {
    int ordinal = 0;
    for (const auto& entry : w.entries) {
      const std::string frequency = frequency_code(entry.frequency);
      const int window_days = entry.window_days.value_or(0);
      soci::indicator window_set = entry.window_days ? soci::i_ok : soci::i_null;
      SampleColumns s = to_columns(entry.sample_rule);
      sql_ << "INSERT INTO wheel_entries (wheel_version, ordinal, benefit_type, name, frequency, "
              "window_days, sample_rule, fixed_per_center, percent_value, percent_min, "
              "percent_max, stat_tolerable, stat_expected, stat_confidence, stat_likelihood) "
              "VALUES (:version, :ordinal, :benefit_type, :name, :frequency, :window_days, "
              ":sample_rule, :per_center, :percent, :min, :max, :tolerable, :expected, "
              ":confidence, :likelihood)",
          soci::use(w.version), soci::use(ordinal), soci::use(entry.benefit_type),
          soci::use(entry.name), soci::use(frequency), soci::use(window_days, window_set),
          soci::use(s.kind), soci::use(s.per_center, s.per_center_set),
          soci::use(s.percent, s.percent_set), soci::use(s.min, s.min_set),
          soci::use(s.max, s.max_set), soci::use(s.tolerable, s.tolerable_set),
          soci::use(s.expected, s.expected_set), soci::use(s.confidence, s.confidence_set),
          soci::use(s.likelihood, s.likelihood_set);
      ++ordinal;
    }
  }

  std::string current_version() {
    std::string version;
    sql_ << "SELECT wheel_version FROM wheel_loads ORDER BY seq DESC LIMIT 1", soci::into(version);
    return sql_.got_data() ? version : std::string();
  }

  void record_load(const std::string& version) {
    const std::string loaded_at = utc_timestamp_now();
    sql_ << "INSERT INTO wheel_loads (wheel_version, loaded_at) VALUES (:version, :loaded_at)",
        soci::use(version), soci::use(loaded_at);
  }

  std::optional<AnnualWheel> load_version(const std::string& version) {
    AnnualWheel w;
    int not_assessable_is_error = 0;
    int independent_assignment = 0;
    GoalColumns goal;
    sql_ << "SELECT title, source_file, green_min, yellow_min, window_days, "
            "not_assessable_is_error, independent_assignment, goal_baseline_year, "
            "goal_target_year, goal_reduction FROM wheel_versions WHERE version = :version",
        soci::into(w.title), soci::into(w.source_file), soci::into(w.thresholds.green_min),
        soci::into(w.thresholds.yellow_min), soci::into(w.window_days),
        soci::into(not_assessable_is_error), soci::into(independent_assignment),
        soci::into(goal.baseline_year, goal.baseline_set),
        soci::into(goal.target_year, goal.target_set),
        soci::into(goal.reduction, goal.reduction_set), soci::use(version);
    if (!sql_.got_data()) return std::nullopt;
    w.strategic_goal = from_goal_columns(goal, "årshjul version " + version);
    w.version = version;
    w.not_assessable_is_error = not_assessable_is_error != 0;
    w.independent_assignment = independent_assignment != 0;
    w.column_names = load_column_names(version);
    w.centers = load_centers(version);
    w.entries = load_entries(version);
    return w;
  }

  std::map<std::string, std::string> load_column_names(const std::string& version) {
    std::map<std::string, std::string> out;
    std::string field;
    std::string header;
    soci::statement query = (sql_.prepare << "SELECT field, header FROM wheel_column_names "
                                             "WHERE wheel_version = :version",
                             soci::into(field), soci::into(header), soci::use(version));
    query.execute();
    while (query.fetch()) out[field] = header;
    return out;
  }

  std::vector<Center> load_centers(const std::string& version) {
    std::vector<Center> out;
    Center row;
    soci::statement query =
        (sql_.prepare << "SELECT code, name FROM wheel_centers WHERE wheel_version = :version "
                         "ORDER BY ordinal",
         soci::into(row.code), soci::into(row.name), soci::use(version));
    query.execute();
    while (query.fetch()) out.push_back(row);
    return out;
  }

  std::vector<WheelEntry> load_entries(const std::string& version) {
    std::vector<WheelEntry> out;
    WheelEntry row;
    std::string frequency;
    int window_days = 0;
    soci::indicator window_set = soci::i_null;
    SampleColumns s;
    soci::statement query =
        (sql_.prepare << "SELECT benefit_type, name, frequency, window_days, sample_rule, "
                         "fixed_per_center, percent_value, percent_min, percent_max, "
                         "stat_tolerable, stat_expected, stat_confidence, stat_likelihood "
                         "FROM wheel_entries WHERE wheel_version = :version ORDER BY ordinal",
         soci::into(row.benefit_type), soci::into(row.name), soci::into(frequency),
         soci::into(window_days, window_set), soci::into(s.kind),
         soci::into(s.per_center, s.per_center_set), soci::into(s.percent, s.percent_set),
         soci::into(s.min, s.min_set), soci::into(s.max, s.max_set),
         soci::into(s.tolerable, s.tolerable_set), soci::into(s.expected, s.expected_set),
         soci::into(s.confidence, s.confidence_set), soci::into(s.likelihood, s.likelihood_set),
         soci::use(version));
    query.execute();
    while (query.fetch()) {
      const std::string where = "årshjul version " + version + ", ydelsestype " + row.benefit_type;
      WheelEntry entry;
      entry.benefit_type = row.benefit_type;
      entry.name = row.name;
      entry.frequency = frequency_from_code(frequency, where);
      if (window_set == soci::i_ok) entry.window_days = window_days;
      entry.sample_rule = from_columns(s, where);
      out.push_back(std::move(entry));
    }
    return out;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<WheelRepository> make_wheel_repository(Database& db) {
  return std::make_unique<SociWheelRepository>(db);
}

}  // namespace sagsaudit::storage
