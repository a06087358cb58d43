// /api/v1/meta and /api/v1/rounds/…: reading rounds, and the admin's steps of a round
// (population upload, draw, assignment, manual state changes), each through the same engine
// function the CLI calls.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <thread>

#include "crypto/cpr_hash.hpp"
#include "domain/errors.hpp"
#include "loading/text_encoding.hpp"
#include "population/population_import.hpp"
#include "report_output/protocol_json.hpp"
#include "sampling/sample_draw.hpp"
#include "server/api.hpp"
#include "server/api_bodies.hpp"
#include "server/api_json.hpp"
#include "server/upload_staging.hpp"
#include "setup/database_setup.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/population_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/sample_repository.hpp"
#include "storage/wheel_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/round_transitions.hpp"

namespace sagsaudit::server {
namespace {

const std::vector<UserRole> kAdmin = {UserRole::admin};

storage::Round find_round(storage::Database& db, const std::string& id) {
  auto round = storage::make_round_repository(db)->find(id);
  if (!round) throw NotFound("runden " + id + " findes ikke");
  return *round;
}

struct CenterProgress {
  int sampled = 0, assigned = 0, submitted = 0, approved = 0;
};

boost::json::array progress_json(storage::Database& db, const storage::Round& round,
                                 const std::vector<storage::CaseReview>& reviews) {
  std::map<std::string, CenterProgress> by_center;
  for (const auto& r : reviews) {
    auto& p = by_center[r.center];
    ++p.sampled;
    ++p.assigned;
    if (r.state == ReviewState::submitted || r.state == ReviewState::approved) ++p.submitted;
    if (r.state == ReviewState::approved) ++p.approved;
  }
  // Drawn but not yet assigned: the sample says how many per center.
  if (reviews.empty() && round.state == RoundState::sample_drawn) {
    for (const auto& c : storage::make_sample_reader(db)->sampled_cases(round.id)) {
      ++by_center[c.center].sampled;
    }
  }
  boost::json::array out;
  for (const auto& [center, p] : by_center) {
    out.push_back(boost::json::object{{"center", center},
                                      {"udtrukket", p.sampled},
                                      {"tildelt", p.assigned},
                                      {"indsendt", p.submitted},
                                      {"godkendt", p.approved}});
  }
  return out;
}

boost::json::object round_json(storage::Database& db, const storage::Round& r,
                               const std::vector<storage::CaseReview>& reviews) {
  return {{"id", r.id},
          {"ydelsestype", r.benefit_type},
          {"periode", r.period.to_string()},
          {"tilstand", state_code(r.state)},
          {"tilstand_tekst", danish_label(r.state)},
          {"vindue_aabner", to_iso(r.window_opens)},
          {"vindue_lukker", to_iso(r.window_closes)},
          {"frist", to_iso(r.window_closes)},
          {"fremdrift", progress_json(db, r, reviews)}};
}

boost::json::object round_details(storage::Database& db, const std::string& id) {
  const storage::Round round = find_round(db, id);
  storage::ReviewFilter filter;
  filter.round_id = id;
  auto out = round_json(db, round, storage::make_case_review_repository(db)->list(filter));
  boost::json::array milestones;
  auto milestone = [&](const char* name, const Date& date) {
    milestones.push_back(boost::json::object{{"navn", name}, {"dato", to_iso(date)}});
  };
  milestone("periode_start", round.period.first_day());
  milestone("periode_slut", round.period.last_day());
  milestone("vindue_aabner", round.window_opens);
  milestone("frist", round.window_closes);
  boost::json::array next;
  for (auto s : allowed_next(round.state)) next.push_back(boost::json::value(state_code(s)));
  out["milepaele"] = milestones;
  out["naeste_tilstande"] = next;
  out["koncept_version"] = round.concept_version;
  return out;
}

// Where uploaded population files are kept, so that `sample verify` can re-read them.
std::filesystem::path upload_dir(const ServerOptions& options) {
  return options.upload_dir;
}

// FOR THE FAULT TESTS ONLY (tests/faults, docs/faults.md): with SAGSAUDIT_TEST_IMPORT_PAUSE_ROWS=N
// in the server's environment, a population upload stops for good once N rows are read (the
// reader reports every 50,000 rows), inside the import's open transaction, after logging one
// line to standard error, so a test can kill -9 the server in the middle of an import at a known
// point. Unset (always, outside those tests): no effect.
ProgressReport test_import_pause() {
  const char* text = std::getenv("SAGSAUDIT_TEST_IMPORT_PAUSE_ROWS");
  if (!text || !*text) return {};
  const std::size_t rows = std::strtoull(text, nullptr, 10);
  return [rows](std::size_t read, std::size_t, std::size_t) {
    if (read < rows) return;
    std::cerr << "{\"level\":\"test\",\"event\":\"import_pause\",\"rows\":" << read << "}"
              << std::endl;
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
  };
}

}  // namespace

void add_round_routes(Router& router) {
  router.add(Route{
      "GET", "/api/v1/meta", true, true, {}, [](Call& call) {
        auto& db = call.database();
        boost::json::array centers, types, periods, years;
        if (const auto wheel = storage::make_wheel_repository(db)->current()) {
          for (const auto& c : wheel->centers) {
            centers.push_back(boost::json::object{{"kode", c.code}, {"navn", c.name}});
          }
          for (const auto& e : wheel->entries) {
            types.push_back(boost::json::object{{"kode", e.benefit_type}, {"navn", e.name}});
          }
        }
        std::set<std::pair<Date, std::string>> period_set;
        std::set<int> year_set;
        for (const auto& r : storage::make_round_repository(db)->list()) {
          period_set.emplace(r.period.first_day(), r.period.to_string());
          year_set.insert(r.period.year);
        }
        std::set<std::string> seen;
        for (const auto& [first, text] : period_set) {
          if (seen.insert(text).second) periods.push_back(boost::json::value(text));
        }
        for (int y : year_set) years.push_back(y);
        return json_response(boost::json::object{
            {"centre", centers}, {"ydelsestyper", types}, {"perioder", periods}, {"aar", years}});
      }});

  router.add(Route{"GET", "/api/v1/rounds", true, true, {}, [](Call& call) {
                     auto& db = call.database();
                     storage::RoundFilter filter;
                     if (auto year = call.query("aar"))
                       filter.year = int_parameter(*year, "aar", 1900, 9999);
                     const auto rounds = storage::make_round_repository(db)->list(filter);
                     std::map<std::string, std::vector<storage::CaseReview>> by_round;
                     for (auto& r : storage::make_case_review_repository(db)->list()) {
                       by_round[r.round_id].push_back(std::move(r));
                     }
                     boost::json::array items;
                     for (const auto& r : rounds)
                       items.push_back(round_json(db, r, by_round[r.id]));
                     return json_response(boost::json::object{{"runder", items}});
                   }});

  router.add(Route{"GET", "/api/v1/rounds/{id}", true, true, {}, [](Call& call) {
                     return json_response(round_details(call.database(), call.param("id")));
                   }});

  router.add(Route{
      "POST", "/api/v1/rounds/{id}/population", true, true, kAdmin, [](Call& call) {
        auto& db = call.database();
        const std::string id = call.param("id");
        find_round(db, id);
        if (call.request.body.empty()) {
          throw ValidationError(std::vector<Issue>{{"", 0, 0, "fil", "populationsfilen er tom"}});
        }
        const CprKey key = load_configured_cpr_key(call.options.config);
        // The file is read under its final name (the protocol records the name) from a directory
        // of its own, and only moved next to the others once the import has succeeded: a refused
        // file never replaces one a sample was drawn from. The staging directory goes when this
        // handler ends, whatever happens; one left by a killed server goes at the next start
        // (upload_staging.hpp).
        const std::filesystem::path dir = upload_dir(call.options);
        const UploadStaging staging(dir, call.now);
        const std::filesystem::path partial = staging.directory() / (id + ".csv");
        {
          std::ofstream out(partial, std::ios::binary | std::ios::trunc);
          out << call.request.body;
          out.close();
          if (!out) throw StorageError("kan ikke gemme den modtagne fil i " + dir.string());
        }
        ImportOptions options;
        options.actor = call.actor();
        options.at = call.at();
        const PopulationFileSummary summary =
            import_population(db, id, partial.string(), key, options, test_import_pause());
        std::filesystem::rename(partial, dir / (id + ".csv"));
        boost::json::array centers;
        for (const auto& [center, count] : summary.center_counts) {
          centers.push_back(boost::json::object{{"center", center}, {"antal", count}});
        }
        return json_response(boost::json::object{{"raekker", summary.rows},
                                                 {"tegnsaet", encoding_code(summary.encoding)},
                                                 {"sha256", summary.sha256},
                                                 {"centre", centers}});
      }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/sample", true, true, kAdmin, [](Call& call) {
                     DrawOptions options;
                     options.actor = call.actor();
                     options.at = call.at();
                     if (!call.request.body.empty()) {
                       const auto body = json_body(call.request);
                       if (body.contains("seed") && !body.at("seed").is_null())
                         options.seed = seed_value(body);
                     }
                     const SampleProtocol p =
                         draw_sample(call.database(), call.param("id"), options);
                     return json_response(report_output::protocol_json(p));
                   }});

  router.add(Route{"GET", "/api/v1/rounds/{id}/sample", true, true, {}, [](Call& call) {
                     return json_response(report_output::protocol_json(
                         sample_protocol(call.database(), call.param("id"))));
                   }});

  router.add(
      Route{"GET", "/api/v1/rounds/{id}/sample/verify", true, true, {}, [](Call& call) {
              auto& db = call.database();
              const std::string id = call.param("id");
              const SampleProtocol p = sample_protocol(db, id);
              const std::filesystem::path file =
                  upload_dir(call.options) / std::filesystem::path(p.population_file).filename();
              if (!std::filesystem::exists(file)) {
                throw NotFound("populationsfilen " + file.filename().string() +
                               " findes ikke på serveren (den er ikke uploadet her); kontrollér "
                               "med 'sagsaudit sample verify --population FIL' og den oprindelige "
                               "fil");
              }
              const SampleVerification v = verify_sample(db, id, file.string());
              boost::json::array problems;
              for (const auto& problem : v.problems)
                problems.push_back(boost::json::value(problem));
              return json_response(boost::json::object{{"runde", id},
                                                       {"ok", v.ok},
                                                       {"seed", std::to_string(v.seed)},
                                                       {"sha256", v.file_sha256},
                                                       {"afvigelser", problems}});
            }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/assign", true, true, kAdmin, [](Call& call) {
                     auto& db = call.database();
                     auto samples = storage::make_sample_reader(db);
                     const AssignReport report =
                         assign_round(db, *samples, call.param("id"), call.actor(), call.at());
                     boost::json::array items;
                     for (const auto& a : report.assignments) {
                       items.push_back(boost::json::object{{"sagsnummer", a.case_number},
                                                           {"center", a.center},
                                                           {"koordinator", a.coordinator}});
                     }
                     boost::json::object loads;
                     for (const auto& [user, count] : report.per_coordinator) loads[user] = count;
                     return json_response(boost::json::object{{"runde", report.round_id},
                                                              {"uafhaengig", report.independent},
                                                              {"frist", to_iso(report.due)},
                                                              {"tildelt", items},
                                                              {"pr_koordinator", loads}});
                   }});

  router.add(Route{"POST", "/api/v1/rounds/{id}/advance", true, true, kAdmin, [](Call& call) {
                     const RoundState state = advance_target(json_body(call.request));
                     transition_round(call.database(), call.param("id"), state, call.actor(),
                                      call.at());
                     return json_response(round_details(call.database(), call.param("id")));
                   }});
}

}  // namespace sagsaudit::server
