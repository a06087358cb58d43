// ConceptRepository on SOCI: tables concept_versions, concept_controls and concept_loads
// (migration 1).
#include <soci/soci.h>

#include <algorithm>

#include "domain/errors.hpp"
#include "storage/concept_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/utc_timestamp.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

class SociConceptRepository final : public ConceptRepository {
 public:
  explicit SociConceptRepository(Database& db) : db_(db), sql_(db.session()) {}

  bool store(const Concept& concept_) override {
    if (concept_.version.empty()) {
      throw ValidationError("cannot store the concept for " + concept_.benefit_type +
                            " without a version");
    }
    return guarded("cannot store concept version " + concept_.version + " (" +
                       concept_.benefit_type + ") in " + db_.redacted_url(),
                   [&] { return store_version(concept_); });
  }

  std::optional<Concept> load(std::string_view version) override {
    return guarded(
        "cannot load concept version " + std::string(version) + " from " + db_.redacted_url(),
        [&] { return load_version(std::string(version)); });
  }

  std::vector<Concept> current() override {
    return guarded("cannot read the current concepts from " + db_.redacted_url(),
                   [&] { return current_concepts(); });
  }

  std::vector<std::string> versions(std::string_view benefit_type) override {
    const std::string type(benefit_type);
    return guarded("cannot list the concept versions of " + type + " in " + db_.redacted_url(),
                   [&] { return versions_of(type); });
  }

 private:
  bool store_version(const Concept& c) {
    WriteScope scope(db_);
    const bool inserted = insert_version(c);
    if (inserted) {
      insert_controls(c);
    } else {
      check_same_benefit_type(c);
    }
    if (current_version_of(c.benefit_type) != c.version) record_load(c.version);
    scope.done();
    return inserted;
  }

  std::vector<Concept> current_concepts() {
    std::vector<std::string> versions;
    std::string version;
    soci::statement query =
        (sql_.prepare << "SELECT l.concept_version FROM concept_loads l "
                         "JOIN concept_versions v ON v.version = l.concept_version "
                         "WHERE l.seq = (SELECT MAX(l2.seq) FROM concept_loads l2 "
                         "JOIN concept_versions v2 ON v2.version = l2.concept_version "
                         "WHERE v2.benefit_type = v.benefit_type)",
         soci::into(version));
    query.execute();
    while (query.fetch()) versions.push_back(version);

    std::vector<Concept> out;
    for (const auto& v : versions) {
      auto loaded = load_version(v);
      if (!loaded) throw StorageError("concept version " + v + " is recorded but missing");
      out.push_back(std::move(*loaded));
    }
    // Sorted here rather than in SQL: PostgreSQL would sort by the database's collation.
    std::sort(out.begin(), out.end(),
              [](const Concept& a, const Concept& b) { return a.benefit_type < b.benefit_type; });
    return out;
  }

  std::vector<std::string> versions_of(const std::string& benefit_type) {
    std::vector<std::string> out;
    std::string version;
    // Every stored version was made current when it was first stored, so its first load tells
    // when it arrived.
    soci::statement query =
        (sql_.prepare << "SELECT v.version FROM concept_versions v "
                         "JOIN concept_loads l ON l.concept_version = v.version "
                         "WHERE v.benefit_type = :benefit_type "
                         "GROUP BY v.version ORDER BY MIN(l.seq)",
         soci::into(version), soci::use(benefit_type));
    query.execute();
    while (query.fetch()) out.push_back(version);
    return out;
  }

  // False when the version was stored already (by anyone, concurrent transactions included).
  bool insert_version(const Concept& c) {
    const std::string stored_at = utc_timestamp_now();
    soci::statement insert =
        (sql_.prepare << "INSERT INTO concept_versions "
                         "(version, benefit_type, title, description, source_file, "
                         "first_stored_at) "
                         "VALUES (:version, :benefit_type, :title, :description, :source_file, "
                         ":stored_at) ON CONFLICT (version) DO NOTHING",
         soci::use(c.version), soci::use(c.benefit_type), soci::use(c.title),
         soci::use(c.description), soci::use(c.source_file), soci::use(stored_at));
    insert.execute(true);
    return insert.get_affected_rows() == 1;
  }

  void insert_controls(const Concept& c) {
    int ordinal = 0;
    for (const auto& control : c.controls) {
      const std::string category = to_code(control.category);
      const int affects = control.affects_reimbursement ? 1 : 0;
      sql_ << "INSERT INTO concept_controls (concept_version, ordinal, control_id, category, "
              "question, legal_reference, help, affects_reimbursement) "
              "VALUES (:version, :ordinal, :id, :category, :question, :legal_reference, :help, "
              ":affects)",
          soci::use(c.version), soci::use(ordinal), soci::use(control.id), soci::use(category),
          soci::use(control.question), soci::use(control.legal_reference), soci::use(control.help),
          soci::use(affects);
      ++ordinal;
    }
  }

  // The version is a hash of the content, ydelsestype included, so a clash means corruption or
  // a hand-made version string.
  void check_same_benefit_type(const Concept& c) {
    std::string stored_type;
    sql_ << "SELECT benefit_type FROM concept_versions WHERE version = :version",
        soci::into(stored_type), soci::use(c.version);
    if (stored_type != c.benefit_type) {
      throw ConflictError("concept version " + c.version + " is already stored for " + stored_type +
                          ", not " + c.benefit_type);
    }
  }

  std::string current_version_of(const std::string& benefit_type) {
    std::string version;
    sql_ << "SELECT l.concept_version FROM concept_loads l "
            "JOIN concept_versions v ON v.version = l.concept_version "
            "WHERE v.benefit_type = :benefit_type ORDER BY l.seq DESC LIMIT 1",
        soci::into(version), soci::use(benefit_type);
    return sql_.got_data() ? version : std::string();
  }

  void record_load(const std::string& version) {
    const std::string loaded_at = utc_timestamp_now();
    sql_ << "INSERT INTO concept_loads (concept_version, loaded_at) VALUES (:version, :loaded_at)",
        soci::use(version), soci::use(loaded_at);
  }

  std::optional<Concept> load_version(const std::string& version) {
    Concept c;
    sql_ << "SELECT benefit_type, title, description, source_file FROM concept_versions "
            "WHERE version = :version",
        soci::into(c.benefit_type), soci::into(c.title), soci::into(c.description),
        soci::into(c.source_file), soci::use(version);
    if (!sql_.got_data()) return std::nullopt;
    c.version = version;

    Control row;
    std::string category;
    int affects = 0;
    soci::statement query =
        (sql_.prepare << "SELECT control_id, category, question, legal_reference, help, "
                         "affects_reimbursement FROM concept_controls "
                         "WHERE concept_version = :version ORDER BY ordinal",
         soci::into(row.id), soci::into(category), soci::into(row.question),
         soci::into(row.legal_reference), soci::into(row.help), soci::into(affects),
         soci::use(version));
    query.execute();
    while (query.fetch()) {
      const auto parsed = category_from_code(category);
      if (!parsed) {
        throw StorageError("concept version " + version + ", control " + row.id +
                           ": unknown category \"" + category + "\" in the database");
      }
      Control control = row;
      control.category = *parsed;
      control.affects_reimbursement = affects != 0;
      c.controls.push_back(std::move(control));
    }
    return c;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<ConceptRepository> make_concept_repository(Database& db) {
  return std::make_unique<SociConceptRepository>(db);
}

}  // namespace sagsaudit::storage
