// SampleReader and SampleRepository on SOCI: tables sample_protocols, sample_strata,
// sample_picks and sample_exclusions (migrations 4 and 10), read together with population_cases.
#include <soci/soci.h>

#include <algorithm>
#include <map>

#include "domain/errors.hpp"
#include "storage/batch_insert.hpp"
#include "storage/sample_repository.hpp"
#include "storage/soci_errors.hpp"
#include "storage/write_scope.hpp"

namespace sagsaudit::storage {
namespace {

// excluded_rounds is a list of round ids; ids never contain a blank, so blanks separate them.
std::string join_ids(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
  return out;
}

std::vector<std::string> split_ids(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find(' ', start), text.size());
    if (end > start) out.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

class SociSampleRepository final : public SampleRepository {
 public:
  explicit SociSampleRepository(Database& db) : db_(db), sql_(db.session()) {}

  std::vector<SampledCase> sampled_cases(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded(
        "cannot read the stikprøve of round " + round + " from " + db_.redacted_url(), [&] {
          std::vector<SampledCase> out;
          SampledCase row;
          row.round_id = round;
          soci::statement query =
              (sql_.prepare << "SELECT p.case_number, p.center, c.case_worker, "
                               "c.masked_cpr, p.draw_order FROM sample_picks p "
                               "JOIN population_cases c ON c.population_id = "
                               "p.population_id AND c.case_number = p.case_number "
                               "WHERE p.round_id = :round "
                               "ORDER BY p.center, p.draw_order",
               soci::into(row.case_number), soci::into(row.center), soci::into(row.case_worker),
               soci::into(row.masked_cpr), soci::into(row.draw_order), soci::use(round));
          query.execute();
          while (query.fetch()) out.push_back(row);
          // By the center code's bytes whatever the database's collation (a PostgreSQL in a
          // Danish locale sorts differently), then draw order.
          std::sort(out.begin(), out.end(), [](const SampledCase& a, const SampledCase& b) {
            return a.center != b.center ? a.center < b.center : a.draw_order < b.draw_order;
          });
          return out;
        });
  }

  void store(const SampleProtocol& p) override {
    guarded("cannot store the stikprøve of round " + p.round_id + " in " + db_.redacted_url(), [&] {
      WriteScope scope(db_);
      // ON CONFLICT in the insert: a concurrent draw of the same round waits for this one and
      // is then told so, instead of failing on the primary key.
      if (!insert_protocol(p)) {
        throw ConflictError("runden " + p.round_id +
                            " har allerede en stikprøve; en trækning erstattes aldrig");
      }
      insert_strata(p);
      scope.done();
    });
  }

  std::optional<SampleProtocol> protocol(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded(
        "cannot read the sample protocol of round " + round + " from " + db_.redacted_url(),
        [&] { return load(round); });
  }

  std::vector<std::string> drawn_case_numbers(const std::vector<std::string>& round_ids) override {
    return guarded("cannot read earlier stikprøver from " + db_.redacted_url(), [&] {
      std::vector<std::string> out;
      for (const auto& round : round_ids) {
        std::string number;
        soci::statement query = (sql_.prepare << "SELECT case_number FROM sample_picks "
                                                 "WHERE round_id = :round",
                                 soci::into(number), soci::use(round));
        query.execute();
        while (query.fetch()) out.push_back(number);
      }
      return out;
    });
  }

  bool has_protocol(std::string_view round_id) override {
    const std::string round(round_id);
    return guarded(
        "cannot read the sample protocol of round " + round + " from " + db_.redacted_url(),
        [&] { return has_protocol_unguarded(round); });
  }

 private:
  bool has_protocol_unguarded(const std::string& round) {
    int count = 0;
    sql_ << "SELECT COUNT(*) FROM sample_protocols WHERE round_id = :round", soci::into(count),
        soci::use(round);
    return count > 0;
  }

  // False when the round has a protocol already.
  bool insert_protocol(const SampleProtocol& p) {
    const std::string seed = std::to_string(p.seed);
    const int from_os = p.seed_from_os ? 1 : 0;
    const std::string excluded_rounds = join_ids(p.excluded_rounds);
    soci::statement insert =
        (sql_.prepare << "INSERT INTO sample_protocols (round_id, benefit_type, period, "
                         "population_sha256, population_file, rule, seed, seed_from_os, "
                         "algorithm, algorithm_version, exclude_last, excluded_rounds, drawn_at, "
                         "drawn_by) VALUES (:round, :type, :period, :sha, :file, :rule, :seed, "
                         ":from_os, :algorithm, :version, :exclude_last, :excluded_rounds, :at, "
                         ":by) ON CONFLICT (round_id) DO NOTHING",
         soci::use(p.round_id), soci::use(p.benefit_type), soci::use(p.period),
         soci::use(p.population_sha256), soci::use(p.population_file), soci::use(p.rule),
         soci::use(seed), soci::use(from_os), soci::use(p.algorithm),
         soci::use(p.algorithm_version), soci::use(p.exclude_last), soci::use(excluded_rounds),
         soci::use(p.drawn_at), soci::use(p.drawn_by));
    insert.execute(true);
    return insert.get_affected_rows() == 1;
  }

  // The strata, their picks and their exclusions, a few statements for all of them.
  void insert_strata(const SampleProtocol& p) {
    // The round's population (migration 10), by which a pick refers to its case.
    const long long population_id = population_id_of(p.round_id);
    BatchInsert strata(
        sql_, "sample_strata",
        {"round_id", "center", "listed", "excluded", "population", "requested", "took_all"});
    BatchInsert picks(sql_, "sample_picks",
                      {"round_id", "center", "draw_order", "case_number", "population_id"});
    BatchInsert exclusions(sql_, "sample_exclusions", {"round_id", "center", "case_number"});
    for (const auto& s : p.strata) {
      strata.row()
          .text(p.round_id)
          .text(s.center)
          .number(static_cast<long long>(s.listed))
          .number(static_cast<long long>(s.excluded))
          .number(static_cast<long long>(s.population))
          .number(static_cast<long long>(s.requested))
          .number(s.took_all ? 1 : 0);
      for (std::size_t k = 0; k < s.picks.size(); ++k) {
        picks.row()
            .text(p.round_id)
            .text(s.center)
            .number(static_cast<long long>(k + 1))
            .text(s.picks[k])
            .number(population_id);
      }
      for (const auto& number : s.excluded_cases) {
        exclusions.row().text(p.round_id).text(s.center).text(number);
      }
    }
    strata.write();
    picks.write();
    exclusions.write();
  }

  long long population_id_of(const std::string& round) {
    long long id = 0;
    sql_ << "SELECT population_id FROM populations WHERE round_id = :round", soci::into(id),
        soci::use(round);
    if (!sql_.got_data()) throw NotFound("runden " + round + " har ingen population");
    return id;
  }

  std::optional<SampleProtocol> load(const std::string& round) {
    SampleProtocol p;
    std::string seed;
    int from_os = 0;
    std::string excluded_rounds;
    sql_ << "SELECT benefit_type, period, population_sha256, population_file, rule, seed, "
            "seed_from_os, algorithm, algorithm_version, exclude_last, excluded_rounds, "
            "drawn_at, drawn_by FROM sample_protocols WHERE round_id = :round",
        soci::into(p.benefit_type), soci::into(p.period), soci::into(p.population_sha256),
        soci::into(p.population_file), soci::into(p.rule), soci::into(seed), soci::into(from_os),
        soci::into(p.algorithm), soci::into(p.algorithm_version), soci::into(p.exclude_last),
        soci::into(excluded_rounds), soci::into(p.drawn_at), soci::into(p.drawn_by),
        soci::use(round);
    if (!sql_.got_data()) return std::nullopt;
    p.round_id = round;
    p.seed = std::stoull(seed);
    p.seed_from_os = from_os != 0;
    p.excluded_rounds = split_ids(excluded_rounds);

    std::map<std::string, std::size_t> index;
    {
      StratumProtocol row;
      int listed = 0, excluded = 0, population = 0, requested = 0, took_all = 0;
      soci::statement query =
          (sql_.prepare << "SELECT center, listed, excluded, population, requested, took_all "
                           "FROM sample_strata WHERE round_id = :round ORDER BY center",
           soci::into(row.center), soci::into(listed), soci::into(excluded), soci::into(population),
           soci::into(requested), soci::into(took_all), soci::use(round));
      query.execute();
      while (query.fetch()) {
        StratumProtocol s;
        s.center = row.center;
        s.listed = static_cast<std::size_t>(listed);
        s.excluded = static_cast<std::size_t>(excluded);
        s.population = static_cast<std::size_t>(population);
        s.requested = static_cast<std::size_t>(requested);
        s.took_all = took_all != 0;
        index[s.center] = p.strata.size();
        p.strata.push_back(std::move(s));
      }
    }
    {
      std::string center;
      std::string number;
      soci::statement query =
          (sql_.prepare << "SELECT center, case_number FROM sample_picks WHERE round_id = :round "
                           "ORDER BY center, draw_order",
           soci::into(center), soci::into(number), soci::use(round));
      query.execute();
      while (query.fetch()) p.strata.at(index.at(center)).picks.push_back(number);
    }
    {
      std::string center;
      std::string number;
      soci::statement query = (sql_.prepare << "SELECT center, case_number FROM sample_exclusions "
                                               "WHERE round_id = :round",
                               soci::into(center), soci::into(number), soci::use(round));
      query.execute();
      while (query.fetch()) p.strata.at(index.at(center)).excluded_cases.push_back(number);
      // Byte order, whatever the database's collation.
      for (auto& s : p.strata) std::sort(s.excluded_cases.begin(), s.excluded_cases.end());
    }
    // Centers in byte order too, so both backends print the same protocol.
    std::sort(
        p.strata.begin(), p.strata.end(),
        [](const StratumProtocol& a, const StratumProtocol& b) { return a.center < b.center; });
    return p;
  }

  Database& db_;
  soci::session& sql_;
};

}  // namespace

std::unique_ptr<SampleReader> make_sample_reader(Database& db) {
  return std::make_unique<SociSampleRepository>(db);
}

std::unique_ptr<SampleRepository> make_sample_repository(Database& db) {
  return std::make_unique<SociSampleRepository>(db);
}

}  // namespace sagsaudit::storage
