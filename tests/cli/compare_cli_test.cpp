// Revisorsammenligning as a user meets it (issue 7): template → filled file → import → report,
// refused imports with their lines, and blind review with its audit entries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

#include "cli/review_support.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

class CompareCli : public ReviewCli {
 protected:
  void SetUp() override {
    ReviewCli::SetUp();
    if (HasFatalFailure()) return;
    ASSERT_EQ(
        sandbox_.run({"user", "add", "revi", "--name", "Revisor R", "--role", "revisor"}).status,
        0);
    ASSERT_EQ(sandbox_.run({"user", "add", "lise", "--name", "Leder L", "--role", "leder"}).status,
              0);
  }

  void import_ours() {
    const auto imported =
        run({"review", "import", "--round", kRound, write("ours.csv", known_file())});
    ASSERT_EQ(imported.status, 0) << imported.err;
  }

  // The municipality's known answers (known_file) as the auditor's file, without the beløb
  // column, with `changes` applied: (case, control) → "svar;kommentar".
  std::string auditor_file(
      const std::map<std::pair<std::string, std::string>, std::string>& changes) {
    std::istringstream in(known_file());
    std::string line, out;
    std::getline(in, line);
    out += "sagsnummer;kontrol;svar;kommentar\n";
    while (std::getline(in, line)) {
      line.pop_back();  // the empty beløb field's ';'
      const auto first = line.find(';');
      const auto second = line.find(';', first + 1);
      const auto key = std::pair{line.substr(0, first), line.substr(first + 1, second - first - 1)};
      const auto change = changes.find(key);
      out += change == changes.end() ? line + "\n"
                                     : key.first + ";" + key.second + ";" + change->second + "\n";
    }
    return out;
  }

  CliResult as(const std::string& user, std::vector<std::string> args) {
    return sandbox_.run(std::move(args), {{"SAGSAUDIT_CPR_KEY_FILE", key()}, {"USER", user}});
  }

  boost::json::array audit(const std::string& object) {
    const auto listed = run({"audit", "list", "--object", object, "--json"});
    EXPECT_EQ(listed.status, 0) << listed.err;
    return boost::json::parse(listed.out).as_array();
  }
};

TEST_F(CompareCli, TemplateHasEverySampledCaseTimesEveryControlWithMaskedCpr) {
  const std::string file = (sandbox_.dir() / "skabelon.csv").string();
  const auto made =
      run({"compare", "template", "--round", kRound, "--format", "csv", "--out", file});
  ASSERT_EQ(made.status, 0) << made.err;
  EXPECT_EQ(made.out, "Skabelonen er skrevet til " + file + ".\n");
  const std::string text = read_text(file);
  EXPECT_THAT(text, StartsWith("\xEF\xBB\xBFsagsnummer;cpr;center;kontrol;kategori;spørgsmål;svar;"
                               "kommentar\r\n"));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 1 + 30 * 20);
  const std::string a0 = cases_.at("jc-amager")[0];
  EXPECT_THAT(text, HasSubstr("\r\n" + a0 + ";"));
  EXPECT_THAT(text, HasSubstr("-xxxx;jc-amager;SD-N01;nøglekontrol;"));
  // Ten digits in a row would be a full CPR number.
  EXPECT_FALSE(std::regex_search(text, std::regex("[0-9]{6}-?[0-9]{4}")));

  const std::string xlsx = (sandbox_.dir() / "skabelon.xlsx").string();
  const auto workbook =
      run({"compare", "template", "--round", kRound, "--format", "xlsx", "--out", xlsx});
  ASSERT_EQ(workbook.status, 0) << workbook.err;
  EXPECT_EQ(workbook.out, "Skabelonen (30 sager × 20 kontroller) er skrevet til " + xlsx + ".\n");
  EXPECT_EQ(read_text(xlsx).substr(0, 2), "PK");  // a zip container, as every .xlsx

  const auto no_out = run({"compare", "template", "--round", kRound, "--format", "xlsx"});
  EXPECT_EQ(no_out.status, 1);
  EXPECT_EQ(no_out.err,
            "fejl: --format: xlsx er et binært regneark og skrives kun til en fil: angiv --out "
            "FIL.xlsx\n");
}

TEST_F(CompareCli, ImportThenReportGivesTheHandComputedFigures) {
  import_ours();
  const auto& amager = cases_.at("jc-amager");
  // The auditor finds an error we missed (case 2, all korrekt with us) and rejects one of ours
  // (case 0 has fejl on every kvalitetsmål), and reviewed one case outside our sample.
  std::string text = auditor_file({{{amager[2], "SD-N01"}, "fejl;indkomst ikke modregnet"},
                                   {{amager[0], "SD-K01"}, "korrekt;partshøring er foretaget"}});
  text += "X-99999;SD-N01;korrekt;\n";
  const std::string file = write("deloitte.csv", text);
  const auto imported = run({"compare", "import", "--round", kRound, "--source", "Deloitte", file});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_EQ(imported.out,
            "Revisorgennemgangen fra Deloitte er indlæst i runde sygedagpenge-2027-K1 fra " + file +
                " (læst som UTF-8):\n  601 svar på 30 sager i stikprøven og 1 sager uden for "
                "stikprøven (X-99999; gemt og vist for sig).\nLås den med 'sagsaudit compare lock "
                "--round sygedagpenge-2027-K1 --source Deloitte', når den er endelig.\n");

  const auto report = run({"compare", "report", "--round", kRound, "--format", "json"});
  ASSERT_EQ(report.status, 0) << report.err;
  const auto json = boost::json::parse(report.out);
  EXPECT_EQ(json.at("kilde").as_string(), "Deloitte");
  EXPECT_EQ(json.at("sager_i_stikproeven").as_int64(), 30);
  EXPECT_EQ(json.at("kommunens_gennemgange").as_int64(), 30);
  EXPECT_EQ(json.at("sager_begge").as_int64(), 30);
  EXPECT_EQ(json.at("par").as_int64(), 600);
  EXPECT_EQ(json.at("uden_for_stikproeven").as_array(), (boost::json::array{"X-99999"}));
  // Overall (= the ydelsestype, one round): 550 korrekt/fejl pairs, 50 ikke relevant left out.
  // We: 449 korrekt, 101 fejl; the auditor moves one each way: [[448, 1], [1, 100]].
  const auto& groups = json.at("grupper").as_array();
  const auto& overall = groups[0].at("statistik").as_object();
  EXPECT_EQ(groups[0].at("gruppering").as_string(), "i_alt");
  EXPECT_EQ(overall.at("tabel").at("antal"),
            (boost::json::array{boost::json::array{448, 1}, boost::json::array{1, 100}}));
  EXPECT_EQ(overall.at("tabel").at("udeladt").as_int64(), 50);
  EXPECT_DOUBLE_EQ(overall.at("enighed").at("vaerdi").as_double(), 548.0 / 550.0);
  // Cohen: pe = (449² + 101²)/550²; kappa = (pa − pe)/(1 − pe).
  const double pa = 548.0 / 550.0, pe = (449.0 * 449 + 101.0 * 101) / (550.0 * 550);
  EXPECT_NEAR(overall.at("kappa").at("vaerdi").as_double(), (pa - pe) / (1 - pe), 1e-12);
  // Gwet: π = (449/550, 101/550) (both raters alike), pe = 2 π₁ π₂.
  const double pe1 = 2 * (449.0 / 550) * (101.0 / 550);
  EXPECT_NEAR(overall.at("ac1").at("vaerdi").as_double(), (pa - pe1) / (1 - pe1), 1e-12);
  EXPECT_EQ(overall.at("mcnemar").at("b_kun_revisor_fejl").as_int64(), 1);
  EXPECT_EQ(overall.at("mcnemar").at("c_kun_kommunen_fejl").as_int64(), 1);
  EXPECT_DOUBLE_EQ(overall.at("mcnemar").at("p").as_double(), 1.0);
  EXPECT_EQ(json.at("vurdering").at("overskrift").as_string(), "Høj overensstemmelse");
  EXPECT_EQ(json.at("vurdering").at("forklaring").as_string(),
            "AC1 0,99 på 550 kontroller, enige i 99,6 %.");
  const auto& truth = json.at("sand_fejlandel").as_object();
  EXPECT_EQ(truth.at("korrekt_korrekt").as_int64(), 448);
  EXPECT_EQ(truth.at("korrekt_fejl").as_int64(), 1);
  EXPECT_EQ(truth.at("fejl_korrekt").as_int64(), 1);
  EXPECT_EQ(truth.at("fejl_fejl").as_int64(), 100);
  // Every item re-reviewed: p̂ = (101/550)(100/101) + (449/550)(1/449) = 101/550.
  EXPECT_NEAR(truth.at("skoen").as_double(), 101.0 / 550, 1e-12);

  const auto& disagreements = json.at("uenigheder").as_array();
  ASSERT_EQ(disagreements.size(), 2u);
  const bool first_is_0 = amager[0] < amager[2];
  const auto& rejected = disagreements[first_is_0 ? 0 : 1].as_object();
  EXPECT_EQ(rejected.at("sag").as_string(), amager[0]);
  EXPECT_EQ(rejected.at("kontrol").as_string(), "SD-K01");
  EXPECT_EQ(rejected.at("kommunen_svar").as_string(), "error");
  EXPECT_EQ(rejected.at("kommunen_kommentar").as_string(), "mangler dokumentation");
  EXPECT_EQ(rejected.at("revisor_svar").as_string(), "correct");
  EXPECT_EQ(rejected.at("revisor_kommentar").as_string(), "partshøring er foretaget");
  const auto& missed = disagreements[first_is_0 ? 1 : 0].as_object();
  EXPECT_EQ(missed.at("sag").as_string(), amager[2]);
  EXPECT_EQ(missed.at("revisor_kommentar").as_string(), "indkomst ikke modregnet");

  const auto plain = run({"compare", "report", "--round", kRound});
  ASSERT_EQ(plain.status, 0) << plain.err;
  EXPECT_THAT(plain.out, HasSubstr("Vurdering (Sygedagpenge): Høj overensstemmelse. AC1 0,99 på "
                                   "550 kontroller, enige i 99,6 %.\n"));
  EXPECT_THAT(plain.out, HasSubstr("Revisors sager uden for stikprøven (indgår ikke i "
                                   "sammenligningen): X-99999\n"));
  for (const auto& format : {"html", "csv"}) {
    const auto other = run({"compare", "report", "--round", kRound, "--format", format});
    ASSERT_EQ(other.status, 0) << other.err;
    EXPECT_THAT(other.out, HasSubstr("partshøring er foretaget"));
    EXPECT_THAT(other.out, HasSubstr("Høj overensstemmelse"));
  }
  const std::string xlsx = (sandbox_.dir() / "sammenligning.xlsx").string();
  const auto workbook =
      run({"compare", "report", "--round", kRound, "--format", "xlsx", "--out", xlsx});
  ASSERT_EQ(workbook.status, 0) << workbook.err;
  EXPECT_EQ(read_text(xlsx).substr(0, 2), "PK");

  const auto entries = audit(kRound + "/Deloitte");
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].at("handling").as_string(), "compare.import");
  EXPECT_THAT(
      std::string(entries[0].at("detaljer").as_string()),
      HasSubstr("\"svar\":601,\"sager_i_stikproeven\":30,\"sager_uden_for_stikproeven\":1"));
}

TEST_F(CompareCli, AnUnknownControlOrASagsnummerTwiceRefusesTheWholeFile) {
  const std::string a = cases_.at("jc-amager")[0];
  const std::string file =
      write("bad.csv", "sagsnummer;kontrol;svar;kommentar\n" + a + ";SD-N01;korrekt;\n" + a +
                           ";SD-X99;korrekt;\n" + a + ";SD-N01;fejl;\n" + a + ";SD-N02;måske;\n" +
                           a + ";SD-N03;korrekt;\n");
  const auto refused = run({"compare", "import", "--round", kRound, "--source", "Deloitte", file});
  EXPECT_EQ(refused.status, 1);
  EXPECT_EQ(refused.out, "");
  EXPECT_EQ(refused.err,
            "fejl: " + file +
                ":3: kontrol: 'SD-X99' findes ikke i rundens kvalitetskoncept for sygedagpenge\n"
                "fejl: " +
                file +
                ":4: kommentar: svaret 'fejl' kræver en kommentar\n"
                "fejl: " +
                file + ":4: sagsnummer: sag " + a +
                " har allerede et svar på kontrol SD-N01 i linje 2\n"
                "fejl: " +
                file +
                ":5: svar: 'måske' er ikke et svar (korrekt, fejl, ikke relevant eller kan ikke "
                "vurderes)\n"
                "4 fejl i alt; intet er gemt.\n");
  // Nothing stored, nothing logged.
  const auto report = run({"compare", "report", "--round", kRound});
  EXPECT_EQ(report.err,
            "fejl: runden sygedagpenge-2027-K1 har ingen revisorgennemgang (se 'sagsaudit compare "
            "import')\n");
  EXPECT_TRUE(audit(kRound + "/Deloitte").empty());
}

TEST_F(CompareCli, ManyProblemsAreListedUpToFiftyAndCounted) {
  std::string text = "sagsnummer;kontrol;svar;kommentar\n";
  for (int i = 0; i < 60; ++i) text += "S-1;SD-N01;ja;\n";
  const std::string file = write("many.csv", text);
  const auto refused = run({"compare", "import", "--round", kRound, "--source", "D", file});
  EXPECT_EQ(refused.status, 1);
  // 60 bad answers and 59 repeats of the same sagsnummer and control.
  EXPECT_THAT(refused.err, HasSubstr("fejl: " + file + ":2: svar: 'ja' er ikke et svar"));
  EXPECT_THAT(refused.err, HasSubstr("… og 69 fejl mere (de første 50 er vist).\n119 fejl i alt; "
                                     "intet er gemt.\n"));
  EXPECT_EQ(std::count(refused.err.begin(), refused.err.end(), '\n'), 52);
}

TEST_F(CompareCli, BlindRoundRefusesEarlyLooksAndLogsThem) {
  import_ours();
  const auto blind = run({"round", "blind", "--round", kRound});
  ASSERT_EQ(blind.status, 0) << blind.err;
  const auto again = run({"round", "blind", "--round", kRound});
  EXPECT_EQ(again.status, 4);
  EXPECT_EQ(again.err, "fejl: runden sygedagpenge-2027-K1 er allerede blind\n");
  const std::string a0 = cases_.at("jc-amager")[0];

  // The revisor cannot see our answers, per case or in a center report.
  const auto show = as("revi", {"review", "show", "--round", kRound, "--case", a0});
  EXPECT_EQ(show.status, 5);
  EXPECT_EQ(show.out, "");
  EXPECT_EQ(show.err,
            "fejl: runden sygedagpenge-2027-K1 er blind: rollen revisor kan ikke se kommunens "
            "svar, før revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). "
            "Forsøget er skrevet i revisionsloggen.\n");
  const auto center = as("revi", {"report", "center", "--center", "jc-amager", "--period",
                                  "2027-K1", "--format", "html"});
  EXPECT_EQ(center.status, 5);
  EXPECT_EQ(center.out, "");
  // Our own people still can.
  EXPECT_EQ(as("lise", {"review", "show", "--round", kRound, "--case", a0}).status, 0);

  const std::string file = write("deloitte.csv", auditor_file({}));
  ASSERT_EQ(
      as("revi", {"compare", "import", "--round", kRound, "--source", "Deloitte", file}).status, 0);
  // Nobody sees the comparison before the lock: it shows both sides.
  const auto early = as("lise", {"compare", "report", "--round", kRound});
  EXPECT_EQ(early.status, 5);
  EXPECT_EQ(early.err,
            "fejl: runden sygedagpenge-2027-K1 er blind: rollen leder kan ikke se revisorens "
            "svar, før revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). "
            "Forsøget er skrevet i revisionsloggen.\n");
  EXPECT_EQ(as("revi", {"compare", "report", "--round", kRound}).status, 5);

  ASSERT_EQ(run({"compare", "lock", "--round", kRound, "--source", "Deloitte"}).status, 0);
  EXPECT_EQ(as("revi", {"review", "show", "--round", kRound, "--case", a0}).status, 0);
  EXPECT_EQ(as("lise", {"compare", "report", "--round", kRound}).status, 0);
  const auto relock = run({"compare", "lock", "--round", kRound, "--source", "Deloitte"});
  EXPECT_EQ(relock.status, 4);
  const auto reimport = run({"compare", "import", "--round", kRound, "--source", "Deloitte", file});
  EXPECT_EQ(reimport.status, 4);
  EXPECT_THAT(reimport.err, HasSubstr("er låst ("));

  // The log: the blinding, four refused looks (who, what, which side), the lock.
  std::vector<std::string> actions, refused;
  for (const auto& e : audit(kRound)) {
    const std::string action(e.at("handling").as_string());
    actions.push_back(action);
    if (action == "blind.refused") {
      refused.push_back(std::string(e.at("hvem").as_string()) + " " +
                        std::string(e.at("detaljer").as_string()));
    }
  }
  EXPECT_EQ(std::count(actions.begin(), actions.end(), "round.blind"), 1);
  EXPECT_EQ(refused,
            (std::vector<std::string>{
                "cli:revi {\"side\":\"kommune\",\"rolle\":\"revisor\",\"forsoeg\":\"review show " +
                    a0 + "\"}",
                "cli:revi {\"side\":\"kommune\",\"rolle\":\"revisor\",\"forsoeg\":\"report center "
                "jc-amager\"}",
                "cli:lise {\"side\":\"revisor\",\"rolle\":\"leder\",\"forsoeg\":\"compare report "
                "Deloitte\"}",
                "cli:revi {\"side\":\"kommune\",\"rolle\":\"revisor\",\"forsoeg\":\"compare report "
                "Deloitte\"}"}));
  const auto locks = audit(kRound + "/Deloitte");
  ASSERT_EQ(locks.size(), 2u);
  EXPECT_EQ(locks[1].at("handling").as_string(), "compare.lock");
  EXPECT_THAT(std::string(locks[1].at("detaljer").as_string()),
              HasSubstr("\"blindhed_ophaevet\":true"));
  EXPECT_EQ(run({"audit", "verify"}).status, 0);
}

TEST_F(CompareCli, SeveralSourcesLiveSideBySideAndAReimportReplacesUntilLocked) {
  import_ours();
  const std::string a = cases_.at("jc-amager")[0];
  const std::string one = write("one.csv", "sagsnummer;kontrol;svar;kommentar\n" + a +
                                               ";SD-N01;korrekt;\n" + a + ";SD-N02;korrekt;\n");
  const std::string two =
      write("two.csv", "sagsnummer;kontrol;svar;kommentar\n" + a + ";SD-N01;fejl;forkert sats\n");
  ASSERT_EQ(run({"compare", "import", "--round", kRound, "--source", "Deloitte", one}).status, 0);
  ASSERT_EQ(run({"compare", "import", "--round", kRound, "--source", "KPMG", one}).status, 0);
  const auto which = run({"compare", "report", "--round", kRound});
  EXPECT_EQ(which.status, 1);
  EXPECT_EQ(which.err,
            "fejl: --source: runden har flere revisorgennemgange; vælg én af: Deloitte, KPMG\n");

  const auto again = run({"compare", "import", "--round", kRound, "--source", "KPMG", two});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr("  Den tidligere indlæsning fra KPMG er erstattet.\n"));
  const auto kpmg = boost::json::parse(
      run({"compare", "report", "--round", kRound, "--source", "KPMG", "--format", "json"}).out);
  EXPECT_EQ(kpmg.at("par").as_int64(), 1);
  EXPECT_EQ(kpmg.at("uenigheder").as_array().size(), 1u);
  EXPECT_EQ(kpmg.at("vurdering").at("overskrift").as_string(), "For få par til en vurdering");
  const auto deloitte = boost::json::parse(
      run({"compare", "report", "--round", kRound, "--source", "Deloitte", "--format", "json"})
          .out);
  EXPECT_EQ(deloitte.at("par").as_int64(), 2);
  EXPECT_TRUE(deloitte.at("uenigheder").as_array().empty());
}

TEST_F(CompareCli, BlindingAfterAnImportIsRefused) {
  const std::string file = write("d.csv", "sagsnummer;kontrol;svar;kommentar\n" +
                                              cases_.at("jc-amager")[0] + ";SD-N01;korrekt;\n");
  ASSERT_EQ(run({"compare", "import", "--round", kRound, "--source", "Deloitte", file}).status, 0);
  const auto blind = run({"round", "blind", "--round", kRound});
  EXPECT_EQ(blind.status, 4);
  EXPECT_EQ(blind.err,
            "fejl: runden sygedagpenge-2027-K1 har allerede en revisorgennemgang (Deloitte); en "
            "runde skal gøres blind, før revisorens svar indlæses\n");
}

}  // namespace
}  // namespace sagsaudit::testing
