// tick, rounds, assignment, users and the audit log as a user meets them (issue 4).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <soci/soci.h>

#include <boost/json.hpp>

#include <fstream>
#include <map>

#include "cli/cli_support.hpp"
#include "storage/database.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class WorkflowCli : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_EQ(sandbox_.run({"init"}).status, 0); }
  void sql(const std::string& statement) {
    auto db = storage::Database::open(sandbox_.database_url());
    db->session() << statement;
  }
  CliSandbox sandbox_;
};

TEST_F(WorkflowCli, TickCreatesTheDueRoundsOnceAndSaysSo) {
  const auto first = sandbox_.run({"tick", "--today", "2027-01-01"});
  ASSERT_EQ(first.status, 0) << first.err;
  EXPECT_THAT(first.out,
              StartsWith("01-01-2027: 10 runde(r) oprettet, 0 vindue(r) åbnet, 0 lukket, 0 "
                         "sagsgennemgang(e) over fristen, 0 runde(r) afsluttet, 0 "
                         "notifikation(er).\n  oprettet       kontanthjaelp-2027-K1\n"));
  const auto again = sandbox_.run({"tick", "--today", "01-01-2027"});
  EXPECT_EQ(again.status, 0);
  EXPECT_EQ(again.out, "01-01-2027: intet at gøre.\n");

  const auto year = sandbox_.run({"tick", "--today", "2027-01-02", "--until", "2027-12-31"});
  ASSERT_EQ(year.status, 0) << year.err;
  EXPECT_THAT(year.out, HasSubstr("01-04-2027: 5 runde(r) oprettet, 5 vindue(r) åbnet"));
  const auto list = sandbox_.run({"rounds", "list", "--year", "2027"});
  EXPECT_THAT(list.out, HasSubstr("\n29 runder.\n"));
  EXPECT_THAT(list.out, HasSubstr("sygedagpenge-2027-K3              2027-K3  planlagt  "
                                  "01-10-2027 – 30-10-2027  0/0       0\n"));
  const auto json = sandbox_.run({"rounds", "list", "--state", "planlagt", "--json"});
  const auto rounds = boost::json::parse(json.out).as_array();
  EXPECT_EQ(rounds.size(), 29u);
  EXPECT_EQ(rounds[0].at("id").as_string(), "forsikrede_ledige-2027-K1");  // window, then id
  EXPECT_EQ(rounds[0].at("vindue_aabner").as_string(), "2027-04-01");
  EXPECT_EQ(sandbox_.run({"rounds", "list", "--state", "afsluttet"}).out,
            "Ingen runder med disse filtre. Runder oprettes af 'sagsaudit tick'.\n");
}

TEST_F(WorkflowCli, TickRefusesABadDate) {
  const auto bad = sandbox_.run({"tick", "--today", "2027-02-30"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err,
            "fejl: --today skal være en dato som 2027-04-01 eller 01-04-2027, ikke "
            "'2027-02-30'\n");
  EXPECT_EQ(sandbox_.run({"tick", "--today", "2027-02-03", "--until", "2027-02-02"}).status, 1);
}

TEST_F(WorkflowCli, RoundShowAndAdvance) {
  ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-07-01"}).status, 0);
  const auto shown = sandbox_.run({"round", "show", "sygedagpenge-2027-K3"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_THAT(shown.out, StartsWith("Runde       sygedagpenge-2027-K3\n"
                                    "Periode     2027-K3 (01-07-2027 – 30-09-2027)\n"
                                    "Tilstand    planlagt (næste: population indlæst)\n"
                                    "Gennemgang  01-10-2027 – 30-10-2027\n"));
  EXPECT_THAT(shown.out, HasSubstr("\nIngen sager er fordelt endnu.\n"));
  const auto json =
      boost::json::parse(sandbox_.run({"round", "show", "sygedagpenge-2027-K3", "--json"}).out);
  EXPECT_EQ(json.at("tilstand").as_string(), "planned");
  EXPECT_EQ(json.at("naeste").as_array().size(), 1u);
  EXPECT_EQ(json.at("koncept_version").as_string().size(), 64u);

  const auto refused =
      sandbox_.run({"round", "advance", "sygedagpenge-2027-K3", "--to", "under gennemgang"});
  EXPECT_EQ(refused.status, 4);
  EXPECT_EQ(refused.err,
            "fejl: runden sygedagpenge-2027-K3 er 'planlagt'; herfra kan den kun gå til "
            "'population indlæst' (ikke til 'under gennemgang')\n");
  const auto missing = sandbox_.run({"round", "show", "sygedagpenge-2031-K3"});
  EXPECT_EQ(missing.status, 3);
  const auto advanced =
      sandbox_.run({"round", "advance", "sygedagpenge-2027-K3", "--to", "population_loaded"},
                   {{"USER", "kirsten"}});
  EXPECT_EQ(advanced.status, 0) << advanced.err;
  EXPECT_EQ(advanced.out, "Runde sygedagpenge-2027-K3: 'planlagt' → 'population indlæst'.\n");
  const auto log = sandbox_.run({"audit", "list", "--object", "sygedagpenge-2027-K3", "--json"});
  const auto entries = boost::json::parse(log.out).as_array();
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].at("handling").as_string(), "round.transition");
  EXPECT_EQ(entries[1].at("hvem").as_string(), "cli:kirsten");
  EXPECT_EQ(entries[1].at("fra").as_string(), "planned");
  EXPECT_EQ(entries[1].at("til").as_string(), "population_loaded");
  EXPECT_THAT(sandbox_.run({"audit", "list", "--object", "sygedagpenge-2027-K3"}).out,
              HasSubstr("planlagt → population indlæst"));
}

TEST_F(WorkflowCli, UsersAreAddedWithKnownCentersOnly) {
  const auto bad = sandbox_.run({"user", "add", "anna", "--name", "Anna Berg", "--role",
                                 "koordinator", "--center", "jc-amagre"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_THAT(bad.err, StartsWith("fejl: --center: ukendt center 'jc-amagre' (årshjulets "
                                  "centre: jc-amager, "));
  EXPECT_EQ(sandbox_.run({"user", "add", "anna", "--name", "Anna Berg", "--role", "chef"}).status,
            1);
  const auto added = sandbox_.run({"user", "add", "anna", "--name", "Anna Berg", "--role",
                                   "koordinator", "--center", "jc-amager"});
  EXPECT_EQ(added.status, 0) << added.err;
  EXPECT_EQ(added.out, "Bruger anna (Anna Berg, koordinator) i jc-amager er oprettet.\n");
  EXPECT_EQ(sandbox_.run({"user", "add", "anna", "--name", "A", "--role", "leder"}).status, 4);
  ASSERT_EQ(sandbox_.run({"user", "add", "ole", "--name", "Ole", "--role", "leder"}).status, 0);
  EXPECT_EQ(sandbox_.run({"user", "list"}).out,
            "Bruger  Navn       Rolle        Centre     Aktiv\n"
            "anna    Anna Berg  koordinator  jc-amager  ja\n"
            "ole     Ole        leder                   ja\n");
  const auto json =
      boost::json::parse(sandbox_.run({"user", "list", "--role", "leder", "--json"}).out);
  ASSERT_EQ(json.as_array().size(), 1u);
  EXPECT_EQ(json.as_array()[0].at("brugernavn").as_string(), "ole");
}

TEST_F(WorkflowCli, AuditVerifyPassesUntouchedAndNamesAnEditedEntry) {
  ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-05-01"}).status, 0);
  const auto ok = sandbox_.run({"audit", "verify"});
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ok.out, "Revisionsloggen er intakt: 25 poster kontrolleret.\n");

  sql("UPDATE audit_log SET object_id = 'delpension-2026' WHERE seq = 10");
  const auto edited = sandbox_.run({"audit", "verify"});
  EXPECT_EQ(edited.status, 1);
  EXPECT_EQ(edited.out, "");
  EXPECT_EQ(edited.err,
            "fejl: revisionsloggen er brudt ved post 10: post 10 er ændret (25 poster "
            "kontrolleret)\n");
  const auto json = boost::json::parse(sandbox_.run({"audit", "verify", "--json"}).out);
  EXPECT_EQ(json.at("ok").as_bool(), false);
  EXPECT_EQ(json.at("brudt_ved").as_int64(), 10);
}

TEST_F(WorkflowCli, AuditVerifyNamesADeletedEntry) {
  ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-05-01"}).status, 0);
  sql("DELETE FROM audit_log WHERE seq = 7");
  const auto deleted = sandbox_.run({"audit", "verify"});
  EXPECT_EQ(deleted.status, 1);
  EXPECT_EQ(deleted.err,
            "fejl: revisionsloggen er brudt ved post 7: post 7 mangler (24 poster "
            "kontrolleret)\n");
}

TEST_F(WorkflowCli, AssignBeforeTheDrawIsRefused) {
  ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-04-01"}).status, 0);
  const auto result = sandbox_.run({"assign", "--round", "sygedagpenge-2027-K1"});
  EXPECT_EQ(result.status, 4);
  EXPECT_EQ(result.err,
            "fejl: runden sygedagpenge-2027-K1 er 'planlagt'; sagerne kan kun fordeles, når den "
            "er 'stikprøve udtrukket'\n");
}

// The whole path: tick, import, draw (issue 3's commands), users, assign, reassign, show.
class AssignCli : public WorkflowCli {
 protected:
  std::string key() const { return (sandbox_.dir() / "cpr.key").string(); }
  CliResult run(std::vector<std::string> args) {
    return sandbox_.run(std::move(args), {{"SAGSAUDIT_CPR_KEY_FILE", key()}});
  }
  std::string population_file() {
    static const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg", "jc-vesterbro-valby"};
    std::string text = "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato\n";
    for (int i = 1; i <= 300; ++i) {
      char line[160];
      std::snprintf(line, sizeof line, "S-%05d;%02d%02d%02d%04d;%s;SB %d;%02d-03-2027\n", i,
                    1 + i % 28, 1 + i % 12, 40 + i % 50, i % 4000, centers[i % 3], i % 5,
                    1 + i % 28);
      text += line;
    }
    const auto file = sandbox_.dir() / "pop.csv";
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
};

TEST_F(AssignCli, IndependentAssignmentFromADrawnSample) {
  const std::string round = "sygedagpenge-2027-K1";
  ASSERT_EQ(sandbox_.run({"tick", "--today", "2027-04-02"}).status, 0);
  ASSERT_EQ(sandbox_.run({"keygen", "--out", key()}).status, 0);
  const auto imported = run({"population", "import", "--round", round, population_file()});
  ASSERT_EQ(imported.status, 0) << imported.err;
  const auto drawn = run({"sample", "draw", "--round", round, "--seed", "20270402"});
  ASSERT_EQ(drawn.status, 0) << drawn.err;
  const std::map<std::string, std::string> home = {
      {"anna", "jc-amager"}, {"bo", "jc-noerrebro-bispebjerg"}, {"carl", "jc-vesterbro-valby"}};
  for (const auto& [user, center] : home) {
    ASSERT_EQ(
        sandbox_
            .run({"user", "add", user, "--name", user, "--role", "koordinator", "--center", center})
            .status,
        0);
  }
  const auto assigned = run({"assign", "--round", round, "--json"});
  ASSERT_EQ(assigned.status, 0) << assigned.err;
  const auto report = boost::json::parse(assigned.out);
  EXPECT_TRUE(report.at("uafhaengig").as_bool());
  const auto& items = report.at("tildelinger").as_array();
  ASSERT_FALSE(items.empty());
  std::map<std::string, int> loads;
  for (const auto& item : items) {
    const std::string who(item.at("koordinator").as_string());
    EXPECT_NE(home.at(who), std::string(item.at("center").as_string()))
        << who << " got a case of their own center";
    ++loads[who];
  }
  int least = 1 << 30, most = 0;
  for (const auto& [user, count] : loads) {
    least = std::min(least, count);
    most = std::max(most, count);
  }
  EXPECT_EQ(loads.size(), 3u);
  EXPECT_LE(most - least, 1);

  const auto shown = sandbox_.run({"round", "show", round, "--json"});
  const auto json = boost::json::parse(shown.out);
  EXPECT_EQ(json.at("tilstand").as_string(), "in_review");
  EXPECT_EQ(json.at("sager").as_int64(), static_cast<std::int64_t>(items.size()));
  EXPECT_EQ(json.at("centre").as_array().size(), 3u);

  // Reassign one case of jc-amager: not to anna (her own center), but to carl or bo.
  std::string case_number, holder;
  for (const auto& item : items) {
    if (item.at("center").as_string() == "jc-amager") {
      case_number = std::string(item.at("sag").as_string());
      holder = std::string(item.at("koordinator").as_string());
      break;
    }
  }
  ASSERT_FALSE(case_number.empty());
  const auto own =
      sandbox_.run({"reassign", "--round", round, "--case", case_number, "--to", "anna"});
  EXPECT_EQ(own.status, 1);
  EXPECT_EQ(own.err,
            "fejl: anna hører til centret jc-amager og må ikke gennemgå dets sager "
            "(uafhængig tildeling)\n");
  const std::string other = holder == "bo" ? "carl" : "bo";
  const auto moved =
      sandbox_.run({"reassign", "--round", round, "--case", case_number, "--to", other});
  EXPECT_EQ(moved.status, 0) << moved.err;
  EXPECT_EQ(moved.out, "Sag " + case_number + " i runde " + round + " er flyttet fra " + holder +
                           " til " + other + " (tilstand 'tildelt').\n");
  EXPECT_THAT(sandbox_.run({"audit", "list", "--object", round + "/" + case_number}).out,
              HasSubstr("review.reassign"));
  EXPECT_EQ(sandbox_.run({"audit", "verify"}).status, 0);

  // The window closes on 30 April: every review still owed is overdue on 1 May.
  const auto late = sandbox_.run({"tick", "--today", "2027-05-01"});
  EXPECT_THAT(late.out, HasSubstr(std::to_string(items.size()) + " sagsgennemgang(e) over "
                                                                 "fristen"));
  const auto overdue = boost::json::parse(sandbox_.run({"round", "show", round, "--json"}).out);
  EXPECT_EQ(overdue.at("over_frist").as_array().size(), items.size());
}

}  // namespace
}  // namespace sagsaudit::testing
