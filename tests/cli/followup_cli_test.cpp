// Opfølgning as a user meets it (issue 8): a red light of a published round becomes an
// initiative, a fejl on a reimbursement-relevant nøglekontrol becomes a berigtigelse, with the
// exact figures of the hand-computed dataset (review_support.hpp).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "cli/cli_support.hpp"
#include "cli/review_support.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

class FollowupCli : public ReviewCli {
 protected:
  // The known dataset, with amounts on two fejl of refusion controls:
  // Nørrebro-Bispebjerg case 0 SD-N01 1.234,50 kr. and Vesterbro-Valby case 0 SD-N05 250 kr.
  void import_known() {
    std::string text = known_file();
    amount(text, cases_.at("jc-noerrebro-bispebjerg")[0], "SD-N01", "1.234,50");
    amount(text, cases_.at("jc-vesterbro-valby")[0], "SD-N05", "250");
    const auto imported = run({"review", "import", "--round", kRound, write("known.csv", text)});
    ASSERT_EQ(imported.status, 0) << imported.err;
  }

  static void amount(std::string& text, const std::string& number, const std::string& control,
                     const std::string& kroner) {
    const std::string line = number + ";" + control + ";fejl;mangler dokumentation;\n";
    const auto at = text.find(line);
    ASSERT_NE(at, std::string::npos) << line;
    text.replace(at, line.size(),
                 number + ";" + control + ";fejl;mangler dokumentation;" + kroner + "\n");
  }

  void publish() {
    ASSERT_EQ(run({"round", "advance", kRound, "--to", "afsluttet"}).status, 0);
    const auto reported = run({"round", "advance", kRound, "--to", "rapporteret"});
    ASSERT_EQ(reported.status, 0) << reported.err;
    EXPECT_EQ(reported.out,
              "Runde " + kRound +
                  ": 'afsluttet' → 'rapporteret'.\n1 initiativ(er) for røde celler; se "
                  "'sagsaudit followup initiatives'.\n");
  }

  boost::json::value json(std::vector<std::string> args) {
    args.push_back("--json");
    const auto result = run(args);
    EXPECT_EQ(result.status, 0) << result.err;
    return boost::json::parse(result.out);
  }

  std::string status_on(const std::string& day, const std::string& limit = "30") {
    const auto all = json({"followup", "initiatives", "--today", day, "--gul-graense-dage", limit});
    return std::string(all.as_array().at(0).at("status").as_string());
  }
};

TEST_F(FollowupCli, TheRedCellOfAPublishedRoundGetsOneInitiative) {
  import_known();
  EXPECT_EQ(run({"followup", "initiatives"}).out, "Ingen initiativer.\n");
  publish();

  // Only Nørrebro-Bispebjerg is red: 111 of 150 = 74 %. Vesterbro-Valby's 149 of 200 = 74.5 %
  // shows 75 % and is yellow; Amager's 189 of 200 shows 95 % and is green.
  const auto all = json({"followup", "initiatives", "--today", "2027-05-01"});
  ASSERT_EQ(all.as_array().size(), 1u);
  const auto& first = all.as_array().at(0);
  EXPECT_EQ(first.at("nr").as_int64(), 1);
  EXPECT_EQ(first.at("runde").as_string(), kRound);
  EXPECT_EQ(first.at("center").as_string(), "jc-noerrebro-bispebjerg");
  EXPECT_EQ(first.at("ydelsestype").as_string(), "sygedagpenge");
  EXPECT_EQ(first.at("lys").as_string(), "red");
  EXPECT_EQ(first.at("procent").as_int64(), 74);
  EXPECT_EQ(first.at("status").as_string(), "in_progress");
  EXPECT_TRUE(first.at("frist").is_null());

  // Backfilling again creates nothing: one initiative per cell.
  EXPECT_EQ(run({"followup", "sync"}).out,
            "0 initiativer oprettet for røde celler; 0 berigtigelser oprettet, 0 ajourført, 0 "
            "lukket som ikke relevante.\n");
  EXPECT_THAT(run({"audit", "list", "--object", "1"}).out, HasSubstr("initiative.create"));

  // A yellow cell may get one by choice; a green one may not.
  EXPECT_EQ(
      run({"followup", "initiative", "add", "--round", kRound, "--center", "jc-vesterbro-valby"})
          .status,
      0);
  const auto green =
      run({"followup", "initiative", "add", "--round", kRound, "--center", "jc-amager"});
  EXPECT_EQ(green.status, 1);
  EXPECT_EQ(green.err,
            "fejl: --center: cellen jc-amager × sygedagpenge er grøn; kun røde og gule celler kan "
            "få et initiativ\n");
  const auto twice =
      run({"followup", "initiative", "add", "--round", kRound, "--center", "jc-vesterbro-valby"});
  EXPECT_EQ(twice.status, 4);
}

TEST_F(FollowupCli, InitiativeStatusFollowsTheDeadlineAndTheMarkers) {
  import_known();
  publish();
  const auto set = run({"followup", "initiative", "set", "1", "--what", "Tjekliste for beregning",
                        "--responsible", "Teamleder Ida", "--deadline", "30-06-2027", "--controls",
                        "SD-N01,SD-K01"});
  ASSERT_EQ(set.status, 0) << set.err;
  EXPECT_EQ(set.out,
            "Initiativ 1 (jc-noerrebro-bispebjerg × sygedagpenge 2027-K1): Tjekliste for "
            "beregning; ansvarlig: Teamleder Ida; frist: 30-06-2027; kontroller: SD-N01,SD-K01.\n");

  EXPECT_EQ(status_on("2027-06-30"), "in_progress");  // the deadline day
  EXPECT_EQ(status_on("2027-07-01"), "yellow");       // the day after
  EXPECT_EQ(status_on("2027-07-30"), "yellow");       // day 30 = the limit
  EXPECT_EQ(status_on("2027-07-31"), "red");          // day 31
  EXPECT_EQ(status_on("2027-07-07", "7"), "yellow");  // a limit of 7 days: day 7
  EXPECT_EQ(status_on("2027-07-08", "7"), "red");     //   and day 8

  const auto no_reason = run({"followup", "initiative", "status", "1", "--delayed"});
  EXPECT_EQ(no_reason.status, 1);
  EXPECT_EQ(no_reason.err,
            "fejl: --reason: en ændring af status kræver en begrundelse (initiativ 1)\n");
  const auto delayed = run({"followup", "initiative", "status", "1", "--delayed", "--reason",
                            "kursus udskudt", "--today", "2027-06-01"});
  ASSERT_EQ(delayed.status, 0) << delayed.err;
  EXPECT_EQ(delayed.out,
            "Initiativ 1 er markeret 'forsinket'; status pr. 01-06-2027: gul — Initiativet "
            "forløber med nogen forsinkelse.\n");
  EXPECT_EQ(status_on("2027-06-01"), "yellow");
  ASSERT_EQ(run({"followup", "initiative", "status", "1", "--done", "--reason", "afholdt"}).status,
            0);
  EXPECT_EQ(status_on("2027-12-31"), "green");

  const auto shown = json({"followup", "initiative", "show", "1"});
  const auto& changes = shown.at("aendringer").as_array();
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].at("til").as_string(), "delayed");
  EXPECT_EQ(changes[0].at("begrundelse").as_string(), "kursus udskudt");
  EXPECT_EQ(changes[1].at("til").as_string(), "done");
  const auto audit = run({"audit", "list", "--object", "1"});
  EXPECT_THAT(audit.out, HasSubstr("initiative.update"));
  EXPECT_THAT(audit.out, HasSubstr("initiative.status"));
}

TEST_F(FollowupCli, BadIdsDatesAndControlsNameTheField) {
  import_known();
  publish();
  const auto bad_id = run({"followup", "initiative", "set", "abc", "--what", "x"});
  EXPECT_EQ(bad_id.status, 1);
  EXPECT_EQ(bad_id.err,
            "fejl: ID: 'abc' er ikke et initiativnummer (et helt tal som 12; se listen)\n");
  const auto unknown = run({"followup", "initiative", "set", "99", "--what", "x"});
  EXPECT_EQ(unknown.status, 3);
  EXPECT_EQ(unknown.err, "fejl: initiativ 99 findes ikke\n");
  const auto bad_date = run({"followup", "initiative", "set", "1", "--deadline", "31-02-2027"});
  EXPECT_EQ(bad_date.status, 1);
  EXPECT_EQ(bad_date.err,
            "fejl: --deadline: '31-02-2027' er ikke en dato (skriv fx 31-12-2027 eller "
            "2027-12-31)\n");
  const auto bad_control =
      run({"followup", "initiative", "set", "1", "--what", "x", "--controls", "SD-N01,KH-N01"});
  EXPECT_EQ(bad_control.status, 1);
  EXPECT_EQ(bad_control.err,
            "fejl: --controls: kontrol 'KH-N01' findes ikke i kvalitetskonceptet for "
            "sygedagpenge\n");
  // Refused whole: the action was not stored either.
  EXPECT_EQ(json({"followup", "initiative", "show", "1"}).at("hvad").as_string(), "");
  const auto bad_limit = run({"followup", "initiatives", "--gul-graense-dage", "0"});
  EXPECT_EQ(bad_limit.status, 1);
  EXPECT_EQ(bad_limit.err,
            "fejl: [opfoelgning] gul_graense_dage: skal være et helt antal dage fra 1 til 3650, "
            "ikke '0'\n");
  const auto two =
      run({"followup", "initiative", "status", "1", "--done", "--open", "--reason", "x"});
  EXPECT_EQ(two.status, 1);
  EXPECT_THAT(two.err, StartsWith("fejl: --done/--delayed/--at-risk/--open: angiv præcis én"));
}

TEST_F(FollowupCli, EveryFejlOnARefusionControlBecomesOneCorrection) {
  import_known();
  // Refusion controls are SD-N01…SD-N07 (SD-N08 has refusion = false). Nørrebro-Bispebjerg's
  // cases 0, 1 and 2 and Vesterbro-Valby's cases 0, 1 and 2 have fejl on all seven: 42.
  const auto all = run({"followup", "corrections", "--format", "json"});
  ASSERT_EQ(all.status, 0) << all.err;
  const auto doc = boost::json::parse(all.out);
  const auto& rows = doc.at("berigtigelser").as_array();
  ASSERT_EQ(rows.size(), 42u);
  const auto& totals = doc.at("i_alt").as_array();
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[0].at("center").as_string(), "jc-noerrebro-bispebjerg");
  EXPECT_EQ(totals[0].at("antal").as_int64(), 21);
  EXPECT_EQ(totals[0].at("beloeb").as_string(), "1234.5");
  EXPECT_EQ(totals[1].at("center").as_string(), "jc-vesterbro-valby");
  EXPECT_EQ(totals[1].at("antal").as_int64(), 21);
  EXPECT_EQ(totals[1].at("beloeb").as_string(), "250");
  EXPECT_EQ(totals[2].at("center").as_string(), "i alt");
  EXPECT_EQ(totals[2].at("antal").as_int64(), 42);
  EXPECT_EQ(totals[2].at("beloeb").as_string(), "1484.5");

  // The one with an amount: Nørrebro-Bispebjerg case 0, SD-N01.
  const std::string n0 = cases_.at("jc-noerrebro-bispebjerg")[0];
  std::int64_t id = 0;
  for (const auto& r : rows) {
    if (r.at("sag").as_string() == n0 && r.at("kontrol").as_string() == "SD-N01") {
      id = r.at("nr").as_int64();
      EXPECT_EQ(r.at("beloeb").as_string(), "1234.5");
      EXPECT_EQ(r.at("status").as_string(), "open");
      EXPECT_EQ(r.at("periode").as_string(), "2027-K1");
    }
  }
  ASSERT_GT(id, 0);
  // Submitting the same data again (sync) creates nothing.
  EXPECT_THAT(run({"followup", "sync"}).out, HasSubstr("0 berigtigelser oprettet"));

  const std::string nr = std::to_string(id);
  const auto no_reason = run({"followup", "correction", "set", nr, "--status", "ikke-relevant"});
  EXPECT_EQ(no_reason.status, 1);
  EXPECT_EQ(no_reason.err,
            "fejl: --reason: 'ikke relevant' kræver en begrundelse (berigtigelse " + nr + ")\n");
  const auto done = run({"followup", "correction", "set", nr, "--status", "berigtiget"});
  ASSERT_EQ(done.status, 0) << done.err;
  EXPECT_EQ(done.out, "Berigtigelse " + nr + " (" + kRound + "/" + n0 +
                          ", SD-N01, 1.234,50 kr.) er nu 'berigtiget'.\n");
  const auto bad_state = run({"followup", "correction", "set", nr, "--status", "lukket"});
  EXPECT_EQ(bad_state.err,
            "fejl: --status: 'lukket' er ukendt (berigtiget, ikke-relevant eller åben)\n");
  EXPECT_THAT(run({"audit", "list", "--object", nr}).out, HasSubstr("correction.status"));

  // Open ones only, as the finance office reads them: CSV with Danish amounts and totals.
  const auto csv = run({"followup", "corrections", "--state", "åben", "--center",
                        "jc-vesterbro-valby", "--format", "csv"});
  ASSERT_EQ(csv.status, 0) << csv.err;
  EXPECT_THAT(csv.out, StartsWith("\xEF\xBB\xBFNr.;Center;Ydelsestype;Runde;Sag;Kontrol;Beløb "
                                  "(kr.);Periode fra;Periode til;Status;Begrundelse\r\n"));
  EXPECT_THAT(csv.out,
              HasSubstr(";jc-vesterbro-valby;sygedagpenge;" + kRound + ";" +
                        cases_.at("jc-vesterbro-valby")[0] + ";SD-N05;250,00;;;åben;\r\n"));
  EXPECT_THAT(csv.out, HasSubstr("\r\nCenter;Antal;Beløb (kr.)\r\njc-vesterbro-valby;21;250,00\r\n"
                                 "I alt;21;250,00\r\n"));

  // The report lists the open ones with their total: 41 left, 250 kr.
  publish();
  const auto report = run({"followup", "report", "--today", "2027-05-01"});
  ASSERT_EQ(report.status, 0) << report.err;
  EXPECT_THAT(report.out, HasSubstr("I alt                    41     250,00\n"));
  EXPECT_THAT(report.out, HasSubstr("1 berigtigelser er afsluttet.\n"));
}

TEST_F(FollowupCli, TheReportWritesEveryFormat) {
  import_known();
  publish();
  ASSERT_EQ(run({"followup", "initiative", "set", "1", "--what", "Tjekliste <beregning>",
                 "--deadline", "2027-06-30"})
                .status,
            0);
  const auto html = run({"followup", "report", "--format", "html", "--today", "2027-07-05"});
  ASSERT_EQ(html.status, 0) << html.err;
  EXPECT_THAT(html.out, HasSubstr("<th>Nr.</th><th>Handlinger</th><th>Forventet "
                                  "afslutningstidspunkt</th><th>Status 05-07-2027</th><th>Status "
                                  "i farver</th>"));
  EXPECT_THAT(html.out, HasSubstr("Tjekliste &lt;beregning&gt;"));
  EXPECT_THAT(html.out, HasSubstr("<td>30-06-2027</td><td>Initiativet forløber med nogen "
                                  "forsinkelse — 5 dage over fristen</td><td class=\"lys "
                                  "lys-gul\">gul</td>"));
  const auto csv = run({"followup", "report", "--format", "csv", "--today", "2027-07-05"});
  EXPECT_THAT(csv.out,
              HasSubstr("\r\n1;jc-noerrebro-bispebjerg;sygedagpenge;" + kRound +
                        ";Tjekliste <beregning>;;30-06-2027;Initiativet forløber med nogen "
                        "forsinkelse — 5 dage over fristen;gul;5\r\n"));
  const std::string xlsx = (sandbox_.dir() / "opf.xlsx").string();
  const auto book = run({"followup", "report", "--format", "xlsx", "--out", xlsx});
  EXPECT_EQ(book.out, "Rapporten er skrevet til " + xlsx + ".\n");
  EXPECT_EQ(read_text(xlsx).substr(0, 2), "PK");
  const auto no_out = run({"followup", "report", "--format", "xlsx"});
  EXPECT_EQ(no_out.status, 1);
  const auto json_report = run({"followup", "report", "--format", "json", "--today", "2027-08-15"});
  const auto doc = boost::json::parse(json_report.out);
  EXPECT_EQ(doc.at("initiativer").as_array().at(0).at("status").as_string(), "red");
  EXPECT_EQ(doc.at("initiativer").as_array().at(0).at("dage_over_frist").as_int64(), 46);
}

TEST_F(FollowupCli, TheNextRoundShowsWhetherTheTargetedControlsImproved) {
  import_known();
  publish();
  ASSERT_EQ(run({"followup", "initiative", "set", "1", "--what", "Tjekliste", "--controls",
                 "SD-N01,SD-K01,SD-F01"})
                .status,
            0);
  // Before the next round: only the percent of the initiative's own round. Nørrebro-Bispebjerg's
  // cases 0, 1 and 2 have fejl on SD-N01 and SD-K01: 7 of 10 = 70 %. SD-F01 is ikke relevant
  // in every case there: no data.
  const auto before = run({"followup", "initiative", "show", "1"});
  EXPECT_THAT(before.out, HasSubstr("  Kontrol SD-N01: 70 % → ingen ny runde endnu\n"));
  EXPECT_THAT(before.out, HasSubstr("  Kontrol SD-F01: ingen data → ingen ny runde endnu\n"));

  // The next quarter's round of sygedagpenge, drawn and assigned as the first.
  ASSERT_EQ(run({"tick", "--today", "2027-07-02"}).status, 0);
  const std::string k2 = "sygedagpenge-2027-K2";
  static const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg", "jc-vesterbro-valby"};
  std::string pop = "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato\n";
  for (int i = 1; i <= 300; ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "T-%05d;%02d%02d%02d%04d;%s;SB %d;%02d-05-2027\n", i,
                  1 + i % 28, 1 + i % 12, 40 + i % 50, (i + 7) % 4000, centers[i % 3], i % 5,
                  1 + i % 28);
    pop += line;
  }
  ASSERT_EQ(run({"population", "import", "--round", k2, write("pop2.csv", pop)}).status, 0);
  ASSERT_EQ(run({"sample", "draw", "--round", k2, "--seed", "20270702"}).status, 0);
  const auto assigned = boost::json::parse(run({"assign", "--round", k2, "--json"}).out);
  std::map<std::string, std::vector<std::string>> next;
  for (const auto& item : assigned.at("tildelinger").as_array()) {
    next[std::string(item.at("center").as_string())].push_back(
        std::string(item.at("sag").as_string()));
  }
  for (auto& [center, numbers] : next) std::sort(numbers.begin(), numbers.end());
  // K2: Nørrebro-Bispebjerg has one fejl on SD-N01 (9 of 10 = 90 %) and four on SD-K01
  // (6 of 10 = 60 %); the other centers answer korrekt throughout.
  const auto first = cases_;
  cases_ = next;
  const std::string text =
      "sagsnummer;kontrol;svar;kommentar;beløb\n" + answers("jc-amager", {}) +
      answers("jc-noerrebro-bispebjerg",
              {{0, {"SD-N01", "SD-K01"}}, {1, {"SD-K01"}}, {2, {"SD-K01"}}, {3, {"SD-K01"}}},
              true) +
      answers("jc-vesterbro-valby", {});
  cases_ = first;
  const auto imported = run({"review", "import", "--round", k2, write("k2.csv", text)});
  ASSERT_EQ(imported.status, 0) << imported.err;

  const auto after = run({"followup", "initiative", "show", "1"});
  EXPECT_THAT(after.out, HasSubstr("  Kontrol SD-N01: 70 % → 90 % (forbedret) (" + k2 + ")\n"));
  EXPECT_THAT(after.out,
              HasSubstr("  Kontrol SD-K01: 70 % → 60 % (ikke forbedret) (" + k2 + ")\n"));
  EXPECT_THAT(after.out, HasSubstr("  Kontrol SD-F01: ingen data → ingen data (" + k2 + ")\n"));
  const auto json = boost::json::parse(run({"followup", "report", "--format", "json"}).out);
  const auto& line = json.at("initiativer").as_array().at(0);
  EXPECT_EQ(line.at("naeste_runde").as_string(), k2);
  EXPECT_EQ(line.at("kontroller").as_array().at(0).at("foer").as_int64(), 70);
  EXPECT_EQ(line.at("kontroller").as_array().at(0).at("efter").as_int64(), 90);
  EXPECT_EQ(line.at("kontroller").as_array().at(0).at("forbedret").as_bool(), true);
  // The new round's fejl on refusion controls became berigtigelser too: 1 (SD-N01).
  const auto corrections =
      boost::json::parse(run({"followup", "corrections", "--format", "json"}).out);
  EXPECT_EQ(corrections.at("berigtigelser").as_array().size(), 43u);
}

}  // namespace
}  // namespace sagsaudit::testing
