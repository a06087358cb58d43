// backup, restore and retention as an operator meets them (issue 9), on both backends: a round
// trip that compares every table row by row, the refusals, and retention that erases exactly the
// personal fields it names while every report figure stays the same.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <iterator>
#include <sstream>

#include <soci/soci.h>
#include <unistd.h>

#include "cli/review_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/database.hpp"
#include "storage/table_inventory.hpp"

namespace sagsaudit::testing {
namespace {

using storage::Backend;
using ::testing::HasSubstr;
using ::testing::Not;

std::string pg_server() {
  const char* url = std::getenv("SAGSAUDIT_TEST_PG_URL");
  return url ? url : "";
}

// A database of its own on the test server (pg_dump and pg_restore work on whole databases),
// dropped again by the destructor.
class FreshPgDatabase {
 public:
  FreshPgDatabase() {
    static int counter = 0;
    name_ = "sagsaudit_ops_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    admin_ = storage::Database::open(pg_server());
    admin_->session() << "DROP DATABASE IF EXISTS " + name_;
    admin_->session() << "CREATE DATABASE " + name_;
    // postgresql://user@host:port/postgres?… → …/<name>?…
    const std::string server = pg_server();
    const auto slash = server.find('/', server.find("://") + 3);
    const auto query = server.find('?', slash);
    url_ = server.substr(0, slash + 1) + name_ +
           (query == std::string::npos ? "" : server.substr(query));
  }
  ~FreshPgDatabase() {
    try {
      admin_->session() << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (const std::exception& error) {
      std::cerr << "could not drop " << name_ << ": " << error.what() << '\n';
    }
  }
  const std::string& url() const { return url_; }

 private:
  std::string name_;
  std::string url_;
  std::unique_ptr<storage::Database> admin_;
};

// Two databases for a test: the one the sandbox works on and an empty one to restore into.
class OperationsCli : public ReviewCli, public ::testing::WithParamInterface<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::postgresql) {
      if (pg_server().empty()) {
        if (std::getenv("SAGSAUDIT_TEST_REQUIRE_PG")) {
          FAIL() << "SAGSAUDIT_TEST_PG_URL is not set but SAGSAUDIT_TEST_REQUIRE_PG is";
        }
        GTEST_SKIP() << "SAGSAUDIT_TEST_PG_URL is not set";
      }
      source_pg_ = std::make_unique<FreshPgDatabase>();
      target_pg_ = std::make_unique<FreshPgDatabase>();
      sandbox_.use_database(source_pg_->url());
      target_url_ = target_pg_->url();
    } else {
      target_url_ = "sqlite:" + (sandbox_.dir() / "restored.db").string();
    }
    ReviewCli::SetUp();
  }

  // The round with the known answers imported, an auditor's review of it (the same answers and
  // comments) and the round moved to `state`.
  void fill(const std::string& state) {
    const auto ours = run({"review", "import", "--round", kRound, write("ours.csv", known_file())});
    ASSERT_EQ(ours.status, 0) << ours.err;
    std::istringstream in(known_file());
    std::string line;
    std::string auditor = "sagsnummer;kontrol;svar;kommentar\n";
    std::getline(in, line);
    while (std::getline(in, line)) auditor += line.substr(0, line.size() - 1) + "\n";
    const auto theirs = run({"compare", "import", "--round", kRound, "--source", "Deloitte",
                             write("deloitte.csv", auditor)});
    ASSERT_EQ(theirs.status, 0) << theirs.err;
    if (state == "in_review") return;
    for (const std::string to : {"closed", "reported"}) {
      const auto moved = run({"round", "advance", kRound, "--to", to});
      ASSERT_EQ(moved.status, 0) << moved.err;
      if (to == state) break;
    }
  }

  std::string backup_file() const { return (sandbox_.dir() / "sagsaudit.backup").string(); }

  // Every table of both databases, row by row.
  void expect_same_rows(const std::string& a_url, const std::string& b_url) {
    auto a = storage::Database::open(a_url);
    auto b = storage::Database::open(b_url);
    const auto tables = storage::table_names(*a);
    ASSERT_EQ(storage::table_names(*b), tables);
    EXPECT_EQ(tables.size(), 40u);  // every table of migrations 1–12 (tests/storage/migrations)
    for (const auto& table : tables) {
      EXPECT_EQ(storage::table_rows_as_text(*b, table), storage::table_rows_as_text(*a, table))
          << table;
    }
  }

  // Flips the lowest bit of the last byte of one cpr_hash in `b_url` (the smallest
  // sagsnummer's); then population_cases of a and b differ in that one row, every other table
  // not at all.
  void expect_one_changed_hash_byte_differs(const std::string& a_url, const std::string& b_url) {
    auto a = storage::Database::open(a_url);
    auto b = storage::Database::open(b_url);
    const bool sqlite = b->backend() == Backend::sqlite;
    std::string number, hex;
    b->session() << (sqlite ? "SELECT case_number, lower(hex(cpr_hash)) FROM population_cases "
                              "ORDER BY case_number LIMIT 1"
                            : "SELECT case_number, encode(cpr_hash, 'hex') FROM population_cases "
                              "ORDER BY case_number LIMIT 1"),
        soci::into(number), soci::into(hex);
    ASSERT_EQ(hex.size(), 64u);
    const std::string digits = "0123456789abcdef";
    const char last = hex.back();
    const auto value = digits.find(last);
    ASSERT_NE(value, std::string::npos) << hex;
    hex.back() = digits[value ^ 1];
    b->session() << (sqlite ? "UPDATE population_cases SET cpr_hash = X'" + hex +
                                  "' WHERE case_number = :n"
                            : "UPDATE population_cases SET cpr_hash = decode('" + hex +
                                  "', 'hex') WHERE case_number = :n"),
        soci::use(number);
    const auto before = storage::table_rows_as_text(*a, "population_cases");
    const auto after = storage::table_rows_as_text(*b, "population_cases");
    std::vector<std::string> only_before, only_after;
    std::set_difference(before.begin(), before.end(), after.begin(), after.end(),
                        std::back_inserter(only_before));
    std::set_difference(after.begin(), after.end(), before.begin(), before.end(),
                        std::back_inserter(only_after));
    ASSERT_EQ(only_before.size(), 1u);
    ASSERT_EQ(only_after.size(), 1u);
    EXPECT_NE(only_after[0].find("\\x" + hex), std::string::npos) << only_after[0];
    hex.back() = last;
    EXPECT_NE(only_before[0].find("\\x" + hex), std::string::npos) << only_before[0];
    for (const auto& table : storage::table_names(*a)) {
      if (table == "population_cases") continue;
      EXPECT_EQ(storage::table_rows_as_text(*b, table), storage::table_rows_as_text(*a, table))
          << table;
    }
  }

  std::int64_t count(const std::string& url, const std::string& sql) {
    auto db = storage::Database::open(url);
    long long n = 0;
    db->session() << sql, soci::into(n);
    return n;
  }

  std::unique_ptr<FreshPgDatabase> source_pg_;
  std::unique_ptr<FreshPgDatabase> target_pg_;
  std::string target_url_;
};

TEST_P(OperationsCli, BackupAndRestoreKeepEveryRowOfEveryTable) {
  fill("reported");
  const std::string source = sandbox_.database_url();
  const auto backup = run({"backup", backup_file()});
  ASSERT_EQ(backup.status, 0) << backup.err;
  EXPECT_THAT(backup.out, HasSubstr("Sikkerhedskopien er skrevet til " + backup_file() + " ("));
  EXPECT_THAT(backup.out, HasSubstr("Skemaversion 12, 40 tabeller.\n"));
  EXPECT_THAT(backup.out, HasSubstr("Revisionsloggen er intakt: "));
  EXPECT_FALSE(std::filesystem::exists(backup_file() + ".tmp"));

  const auto restored = run({"restore", backup_file(), "--db", target_url_, "--json"});
  ASSERT_EQ(restored.status, 0) << restored.err;
  const auto json = boost::json::parse(restored.out);
  EXPECT_EQ(json.at("skemaversion"), 12);
  EXPECT_EQ(json.at("sikkerhedskopiens_skemaversion"), 12);
  EXPECT_EQ(json.at("migreringer_koert"), 0);
  EXPECT_EQ(json.at("erstattet"), false);
  EXPECT_EQ(json.at("revisionslog").at("ok"), true);
  const auto& tables = json.at("tabeller");
  EXPECT_EQ(tables.at("population_cases"), 300);
  EXPECT_EQ(tables.at("review_answers"), 600);
  EXPECT_EQ(tables.at("external_review_answers"), 600);
  EXPECT_EQ(tables.at("case_reviews"), 30);
  EXPECT_EQ(tables.at("audit_log"), count(source, "SELECT COUNT(*) FROM audit_log"));
  expect_same_rows(source, target_url_);

  // The restored database is a working one: the same report, its audit log intact.
  const auto verify = run({"audit", "verify", "--db", target_url_});
  EXPECT_EQ(verify.status, 0) << verify.err;
  EXPECT_EQ(run({"report", "overview", "--period", "2027-K1", "--db", target_url_}).out,
            run({"report", "overview", "--period", "2027-K1"}).out);

  // The comparison sees the CPR hashes' bytes (BLOB / BYTEA since migration 10): one bit of one
  // restored hash changed, and population_cases differs in exactly that row.
  expect_one_changed_hash_byte_differs(source, target_url_);
}

TEST_P(OperationsCli, RestoreRefusesANonEmptyDatabaseUnlessForced) {
  fill("closed");
  ASSERT_EQ(run({"backup", backup_file()}).status, 0);
  // A change after the backup, which the forced restore takes back.
  ASSERT_EQ(run({"round", "advance", kRound, "--to", "reported"}).status, 0);
  const auto refused = run({"restore", backup_file()});
  EXPECT_EQ(refused.status, 1);
  EXPECT_THAT(refused.err, HasSubstr("er ikke tom (40 tabeller); gendan i en ny, tom database, "
                                     "eller brug --force for at erstatte dens indhold\n"));
  EXPECT_EQ(count(sandbox_.database_url(), "SELECT COUNT(*) FROM rounds WHERE state = 'reported'"),
            1);

  const auto forced = run({"restore", backup_file(), "--force"});
  ASSERT_EQ(forced.status, 0) << forced.err;
  EXPECT_THAT(forced.out, HasSubstr("(det tidligere indhold er erstattet)"));
  EXPECT_EQ(count(sandbox_.database_url(), "SELECT COUNT(*) FROM rounds WHERE state = 'reported'"),
            0);
  EXPECT_EQ(count(sandbox_.database_url(), "SELECT COUNT(*) FROM rounds WHERE state = 'closed'"),
            1);
  // Restoring the backup elsewhere gives the same rows as the forced restore.
  ASSERT_EQ(run({"restore", backup_file(), "--db", target_url_}).status, 0);
  expect_same_rows(sandbox_.database_url(), target_url_);
}

TEST_P(OperationsCli, BackupAndRestoreRefuseWrongFiles) {
  ASSERT_EQ(run({"backup", backup_file()}).status, 0);
  const auto again = run({"backup", backup_file()});
  EXPECT_EQ(again.status, 1);
  EXPECT_EQ(again.err, "fejl: '" + backup_file() +
                           "' findes allerede; vælg et andet filnavn (en sikkerhedskopi "
                           "overskrives aldrig)\n");

  const std::string text = write("noter.txt", "ikke en sikkerhedskopi\n");
  const auto garbage = run({"restore", text, "--db", target_url_});
  EXPECT_EQ(garbage.status, 1);
  EXPECT_EQ(garbage.err, "fejl: '" + text +
                             "' er ikke en sikkerhedskopi fra sagsaudit backup, men den "
                             "konfigurerede database er " +
                             (GetParam() == Backend::sqlite ? "SQLite" : "PostgreSQL") +
                             "; gendan den i en database af samme slags\n");
  const auto missing = run({"restore", text + ".mangler", "--db", target_url_});
  EXPECT_EQ(missing.status, 1);
  EXPECT_EQ(missing.err, "fejl: sikkerhedskopien '" + text + ".mangler' findes ikke\n");
}

TEST(OperationsCliSqlite, RestoreIsRefusedWhileTheDatabaseIsOpen) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.run({"init"}).status, 0);
  const std::string file = (sandbox.dir() / "kopi.db").string();
  ASSERT_EQ(sandbox.run({"backup", file}).status, 0);
  {
    auto server = storage::Database::open(sandbox.database_url());  // as `serve` holds it
    const auto refused = sandbox.run({"restore", file, "--force"});
    EXPECT_EQ(refused.status, 1);
    EXPECT_EQ(refused.err, "fejl: databasen '" + (sandbox.dir() / "test.db").string() +
                               "' er i brug af en anden proces (fx sagsaudit serve); stop den "
                               "og prøv igen\n");
  }
  const auto restored = sandbox.run({"restore", file, "--force"});
  EXPECT_EQ(restored.status, 0) << restored.err;
  EXPECT_FALSE(std::filesystem::exists(sandbox.dir() / "test.db.restore-tmp"));
}

std::string backend_label(const ::testing::TestParamInfo<Backend>& param) {
  return param.param == Backend::sqlite ? "sqlite" : "postgresql";
}

// The personal keys of the reports' JSON (masked CPR in the error-case lists, comments in the
// revisorsammenligning's disagreements), removed so that the figures can be compared whole.
void strip_personal(boost::json::value& value, int& stripped) {
  if (value.is_object()) {
    auto& object = value.as_object();
    for (const char* key : {"cpr", "kommunen_kommentar", "revisor_kommentar"}) {
      stripped += static_cast<int>(object.erase(key));
    }
    for (auto& item : object) strip_personal(item.value(), stripped);
  } else if (value.is_array()) {
    for (auto& item : value.as_array()) strip_personal(item, stripped);
  }
}

class RetentionCli : public OperationsCli {
 protected:
  boost::json::value plan(const std::vector<std::string>& extra) {
    std::vector<std::string> args = {"retention", "apply", "--today", "2030-04-02", "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = run(args);
    EXPECT_EQ(result.status, 0) << result.err;
    return boost::json::parse(result.out);
  }

  // Every report of the round as JSON: overview, the center reports, fejlstatistik and the
  // revisorsammenligning.
  std::vector<std::string> reports() {
    std::vector<std::vector<std::string>> commands = {
        {"report", "overview", "--period", "2027-K1", "--format", "json"},
        {"report", "fejlstatistik", "--period", "2027-K1", "--format", "json"},
        {"compare", "report", "--round", kRound, "--format", "json"}};
    for (const auto& [center, numbers] : cases_) {
      commands.push_back(
          {"report", "center", "--center", center, "--period", "2027-K1", "--format", "json"});
    }
    std::vector<std::string> out;
    for (const auto& command : commands) {
      const auto result = run(command);
      EXPECT_EQ(result.status, 0) << result.err;
      out.push_back(result.out);
    }
    return out;
  }

  std::int64_t rows(const std::string& table_and_where) {
    return count(sandbox_.database_url(), "SELECT COUNT(*) FROM " + table_and_where);
  }
};

const boost::json::object kOldRoundRows{{"population_cases", 300},
                                        {"review_answers", 101},
                                        {"case_reviews", 0},
                                        {"external_review_answers", 101},
                                        {"corrections", 0}};

// The audit log never takes a CPR number (comments with one are refused at input); should one be
// there anyway (written by hand, say), retention counts it and warns, and leaves the entry as it
// is, since rewriting it would break the chain.
TEST_P(RetentionCli, CountsAndWarnsOfACprNumberInTheRoundsAuditEntries) {
  fill("reported");
  {
    auto db = storage::Database::open(sandbox_.database_url());
    storage::make_audit_log(*db)->append({"2027-05-01T08:00:00Z", "cli:test", "note", "case_review",
                                          kRound + "/S-00003", "", "",
                                          "{\"note\":\"0101801234\"}"});
  }
  const auto dry = plan({"--older-than", "3"});
  EXPECT_EQ(dry.at("runder").at(0).at("revisionslogposter_med_cpr"), 1);
  const auto text = run({"retention", "apply", "--today", "2030-04-02", "--older-than", "3"});
  EXPECT_THAT(text.out, HasSubstr("Advarsel: 1 revisionslogpost(er) om disse runder ser ud til at "
                                  "indeholde et CPR-nummer; de kan ikke ændres uden at bryde "
                                  "hashkæden (docs/operations.md, Retention).\n"));
  EXPECT_EQ(run({"audit", "verify"}).status, 0);
}

TEST_P(RetentionCli, RefusesARoundStillInReview) {
  fill("in_review");
  const auto dry = plan({"--older-than", "3"});
  ASSERT_EQ(dry.at("runder").as_array().size(), 1u);
  const auto& round = dry.at("runder").at(0);
  EXPECT_EQ(round.at("runde").as_string(), kRound);
  EXPECT_EQ(round.at("tilstand"), "in_review");
  EXPECT_EQ(round.at("afvist"), true);
  EXPECT_EQ(round.at("raekker"), kOldRoundRows);

  const auto executed =
      run({"retention", "apply", "--today", "2030-04-02", "--older-than", "3", "--execute"});
  ASSERT_EQ(executed.status, 0) << executed.err;
  EXPECT_THAT(executed.out, HasSubstr("Slettet i 0 runde(r): 0 rækker i population_cases "));
  EXPECT_THAT(executed.out, HasSubstr("1 runde(r) afvist, fordi de ikke er afsluttet eller "
                                      "rapporteret"));
  EXPECT_EQ(rows("population_cases WHERE masked_cpr <> ''"), 300);
  EXPECT_EQ(rows("review_answers WHERE comment <> ''"), 101);
  EXPECT_EQ(rows("audit_log WHERE action = 'retention.apply'"), 0);
}

TEST_P(RetentionCli, ErasesThePersonalFieldsOfOldRoundsAndKeepsEveryFigure) {
  fill("reported");
  const auto before = reports();
  const std::int64_t audit_before = rows("audit_log");

  // Too recent for 4 years: the period ended 31-03-2027, the cutoff is 02-04-2026.
  const auto recent = plan({"--older-than", "4"});
  EXPECT_EQ(recent.at("skaeringsdato"), "2026-04-02");
  EXPECT_TRUE(recent.at("runder").as_array().empty());
  EXPECT_EQ(recent.at("runder_uden_persondata"), 0);

  // The dry run counts and changes nothing.
  const auto dry_text = run({"retention", "apply", "--today", "2030-04-02", "--older-than", "3"});
  ASSERT_EQ(dry_text.status, 0) << dry_text.err;
  EXPECT_THAT(dry_text.out,
              HasSubstr("Prøvekørsel — intet er ændret. Ville slette: persondata på sagsniveau i "
                        "runder, hvis periode sluttede før 02-04-2027 (ældre end 3 år).\n"));
  EXPECT_THAT(dry_text.out,
              HasSubstr("Ville slette i 1 runde(r): 300 rækker i population_cases (cpr_hash, "
                        "masked_cpr, case_worker, attributes); 101 rækker i review_answers "
                        "(comment); 0 rækker i case_reviews (return_reason); 101 rækker i "
                        "external_review_answers (comment); 0 rækker i corrections (reason).\n"));
  EXPECT_THAT(dry_text.out, HasSubstr("Kør igen med --execute for at slette.\n"));
  const auto dry = plan({"--older-than", "3"});
  EXPECT_EQ(dry.at("udfoert"), false);
  ASSERT_EQ(dry.at("runder").as_array().size(), 1u);
  EXPECT_EQ(dry.at("runder").at(0).at("afvist"), false);
  EXPECT_EQ(dry.at("runder").at(0).at("raekker"), kOldRoundRows);
  EXPECT_EQ(dry.at("runder").at(0).at("revisionslogposter_med_cpr"), 0);
  EXPECT_EQ(rows("population_cases WHERE masked_cpr <> ''"), 300);
  EXPECT_EQ(rows("audit_log"), audit_before);

  const auto executed = plan({"--older-than", "3", "--execute"});
  EXPECT_EQ(executed.at("udfoert"), true);
  EXPECT_EQ(executed.at("runder").at(0).at("raekker"), kOldRoundRows);

  // The fields are blank; every row is still there.
  EXPECT_EQ(rows("population_cases"), 300);
  EXPECT_EQ(
      rows("population_cases WHERE length(cpr_hash) = 0 AND masked_cpr = '' AND case_worker = '' "
           "AND attributes = '{}'"),
      300);
  EXPECT_EQ(rows("review_answers"), 600);
  EXPECT_EQ(rows("review_answers WHERE comment NOT IN ('', '[slettet]')"), 0);
  EXPECT_EQ(rows("review_answers WHERE comment = '[slettet]'"), 101);
  EXPECT_EQ(rows("external_review_answers"), 600);
  EXPECT_EQ(rows("external_review_answers WHERE comment NOT IN ('', '[slettet]')"), 0);
  EXPECT_EQ(rows("external_review_answers WHERE comment = '[slettet]'"), 101);

  // One audit entry for the round, the chain intact.
  EXPECT_EQ(rows("audit_log"), audit_before + 1);
  const auto listed = run({"audit", "list", "--object", kRound, "--json"});
  const auto entries = boost::json::parse(listed.out).as_array();
  const auto& last = entries.back();
  EXPECT_EQ(last.at("handling"), "retention.apply");
  EXPECT_EQ(last.at("detaljer"),
            "{\"aeldre_end_aar\":3,\"skaeringsdato\":\"2027-04-02\",\"slettede_felter\":"
            "{\"population_cases\":300,\"review_answers\":101,\"case_reviews\":0,"
            "\"external_review_answers\":101,\"corrections\":0}}");
  const auto verified = run({"audit", "verify"});
  EXPECT_EQ(verified.status, 0) << verified.err;

  // Every figure the same: the overview and the fejlstatistik byte for byte, the center reports
  // and the revisorsammenligning once the masked CPRs (now blank) are left out.
  const auto after = reports();
  ASSERT_EQ(after.size(), before.size());
  EXPECT_EQ(after[0], before[0]);
  EXPECT_EQ(after[1], before[1]);
  int stripped_before = 0;
  int stripped_after = 0;
  for (std::size_t i = 2; i < before.size(); ++i) {
    auto b = boost::json::parse(before[i]);
    auto a = boost::json::parse(after[i]);
    strip_personal(b, stripped_before);
    strip_personal(a, stripped_after);
    EXPECT_EQ(a, b) << i;
  }
  EXPECT_GT(stripped_before, 0);
  EXPECT_EQ(stripped_after, stripped_before);
  EXPECT_THAT(after[3], Not(HasSubstr("-xxxx")));
  EXPECT_THAT(before[3] + before[4] + before[5], HasSubstr("-xxxx"));

  // A second run finds nothing.
  const auto again = plan({"--older-than", "3", "--execute"});
  EXPECT_TRUE(again.at("runder").as_array().empty());
  // The round erased, and the four other rounds of 2027-K1 that tick made (never populated).
  EXPECT_EQ(again.at("runder_uden_persondata"), 5);
  EXPECT_EQ(rows("audit_log"), audit_before + 1);
}

TEST(OperationsCliSqlite, BackupWhileAnotherConnectionWritesTakesTheCommittedState) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.run({"init"}).status, 0);
  auto server = storage::Database::open(sandbox.database_url());
  const std::string file = (sandbox.dir() / "kopi.db").string();
  {
    // The server is in the middle of a write (it holds SQLite's write lock) during the backup.
    storage::Transaction writing(*server);
    server->session() << "INSERT INTO users (username, display_name, role, created_at) "
                         "VALUES ('ny', 'Ny', 'admin', '2027-04-01T08:00:00Z')";
    const auto backup = sandbox.run({"backup", file});
    ASSERT_EQ(backup.status, 0) << backup.err;
    writing.commit();
  }
  auto copy = storage::Database::open("sqlite:" + file);
  EXPECT_EQ(storage::table_row_count(*copy, "users"), 0);
  EXPECT_EQ(storage::table_row_count(*copy, "concept_versions"), 10);
  EXPECT_EQ(storage::table_row_count(*server, "users"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, RetentionCli,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_label);

INSTANTIATE_TEST_SUITE_P(Backends, OperationsCli,
                         ::testing::Values(Backend::sqlite, Backend::postgresql), backend_label);

}  // namespace
}  // namespace sagsaudit::testing
