// RoundRepository on SOCI: table rounds (migration 3).
#include <soci/soci.h>

#include "domain/errors.hpp"
#include "storage/round_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

// One row as stored; dates and the period as text.
struct RoundRow {
  std::string id;
  std::string benefit_type;
  std::string period;
  std::string state;
  std::string window_opens;
  std::string window_closes;
  std::string concept_version;
  std::string wheel_version;
  std::string created_at;
};

}  // namespace
}  // namespace sagsaudit::storage

// Reads the nine columns of kColumns, in order, into a RoundRow.
template <>
struct soci::type_conversion<sagsaudit::storage::RoundRow> {
  using base_type = soci::values;
  static void from_base(const soci::values& v, soci::indicator, sagsaudit::storage::RoundRow& r) {
    r.id = v.get<std::string>(0);
    r.benefit_type = v.get<std::string>(1);
    r.period = v.get<std::string>(2);
    r.state = v.get<std::string>(3);
    r.window_opens = v.get<std::string>(4);
    r.window_closes = v.get<std::string>(5);
    r.concept_version = v.get<std::string>(6);
    r.wheel_version = v.get<std::string>(7);
    r.created_at = v.get<std::string>(8);
  }
  static void to_base(const sagsaudit::storage::RoundRow&, soci::values&, soci::indicator&) {}
};

namespace sagsaudit::storage {
namespace {

Date stored_date(const std::string& text, const std::string& round_id) {
  auto date = parse_iso_date(text);
  if (!date) throw StorageError("round " + round_id + " has an unreadable date '" + text + "'");
  return *date;
}

Round from_row(const RoundRow& row) {
  Round round;
  round.id = row.id;
  round.benefit_type = row.benefit_type;
  auto period = parse_period(row.period);
  if (!period) throw StorageError("round " + row.id + " has an unreadable period " + row.period);
  round.period = *period;
  auto state = parse_round_state(row.state);
  if (!state) throw StorageError("round " + row.id + " has an unknown state " + row.state);
  round.state = *state;
  round.window_opens = stored_date(row.window_opens, row.id);
  round.window_closes = stored_date(row.window_closes, row.id);
  round.concept_version = row.concept_version;
  round.wheel_version = row.wheel_version;
  round.created_at = row.created_at;
  return round;
}

constexpr const char* kColumns =
    "SELECT id, benefit_type, period, state, window_opens, window_closes, concept_version, "
    "wheel_version, created_at FROM rounds ";

class SociRoundRepository final : public RoundRepository {
 public:
  explicit SociRoundRepository(Database& db) : db_(db), sql_(db.session()) {}

  bool create(const Round& round) override {
    return guarded("cannot create round " + round.id + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string period = round.period.to_string();
      const int year = round.period.year;
      const std::string state = state_code(round.state);
      const std::string opens = to_iso(round.window_opens);
      const std::string closes = to_iso(round.window_closes);
      soci::statement insert =
          (sql_.prepare << "INSERT INTO rounds (id, benefit_type, period, year, state, "
                           "window_opens, window_closes, concept_version, wheel_version, "
                           "created_at) VALUES (:id, :benefit_type, :period, :year, :state, "
                           ":opens, :closes, :concept_version, :wheel_version, :created_at) "
                           "ON CONFLICT (id) DO NOTHING",
           soci::use(round.id), soci::use(round.benefit_type), soci::use(period), soci::use(year),
           soci::use(state), soci::use(opens), soci::use(closes), soci::use(round.concept_version),
           soci::use(round.wheel_version), soci::use(round.created_at));
      insert.execute(true);
      const bool created = insert.get_affected_rows() == 1;
      scope.done();
      return created;
    });
  }

  std::optional<Round> find(std::string_view id) override {
    const std::string key(id);
    return guarded(
        "cannot read round " + key + " from " + db_.redacted_url(), [&]() -> std::optional<Round> {
          RoundRow row;
          sql_ << std::string(kColumns) + "WHERE id = :id", soci::into(row), soci::use(key);
          if (!sql_.got_data()) return std::nullopt;
          return from_row(row);
        });
  }

  std::vector<Round> list(const RoundFilter& filter) override {
    return guarded("cannot list rounds in " + db_.redacted_url(), [&] {
      const int has_year = filter.year ? 1 : 0;
      const int year = filter.year.value_or(0);
      const int has_state = filter.state ? 1 : 0;
      const std::string state = filter.state ? state_code(*filter.state) : "";
      const int has_type = filter.benefit_type ? 1 : 0;
      const std::string type = filter.benefit_type.value_or("");
      std::vector<Round> out;
      RoundRow row;
      soci::statement query =
          (sql_.prepare << std::string(kColumns) +
                               "WHERE (:has_year = 0 OR year = :year) "
                               "AND (:has_state = 0 OR state = :state) "
                               "AND (:has_type = 0 OR benefit_type = :type) "
                               "ORDER BY window_opens, id",
           soci::into(row), soci::use(has_year), soci::use(year), soci::use(has_state),
           soci::use(state), soci::use(has_type), soci::use(type));
      query.execute();
      while (query.fetch()) out.push_back(from_row(row));
      return out;
    });
  }

  void set_state(std::string_view id, RoundState from, RoundState to) override {
    const std::string key(id);
    guarded("cannot change the state of round " + key + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      const std::string from_code = state_code(from);
      const std::string to_code = state_code(to);
      soci::statement update =
          (sql_.prepare << "UPDATE rounds SET state = :to WHERE id = :id AND state = :from",
           soci::use(to_code), soci::use(key), soci::use(from_code));
      update.execute(true);
      if (update.get_affected_rows() != 1) {
        std::string current;
        sql_ << "SELECT state FROM rounds WHERE id = :id", soci::into(current), soci::use(key);
        if (!sql_.got_data()) throw NotFound("runden " + key + " findes ikke");
        const auto state = parse_round_state(current);
        throw ConflictError("runden " + key + " er '" + (state ? danish_label(*state) : current) +
                            "', ikke '" + danish_label(from) + "' (en anden har ændret den imens)");
      }
      scope.done();
    });
  }

 private:
  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<RoundRepository> make_round_repository(Database& db) {
  return std::make_unique<SociRoundRepository>(db);
}

}  // namespace sagsaudit::storage
