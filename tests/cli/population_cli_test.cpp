// population and sample commands as a user meets them (issue 3).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_support.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

constexpr const char* kRound = "sygedagpenge-2027-K1";

std::string population(int rows, int bad_cpr_line = 0) {
  static const char* centers[] = {"jc-amager", "jc-noerrebro-bispebjerg",
                                  "JOBCENTER VESTERBRO-VALBY"};
  std::string text = "Sagsnummer;CPR;Center;Sagsbehandler;Afgørelsesdato;Beløb\n";
  for (int i = 1; i <= rows; ++i) {
    char line[160];
    std::snprintf(line, sizeof line, "S-%05d;%02d%02d%02d%04d;%s;SB %d;%02d-03-2027;%d,50\n", i,
                  1 + i % 28, 1 + i % 12, 40 + i % 50, i % 4000,
                  i + 1 == bad_cpr_line ? "jc-amager" : centers[i % 3], i % 5, 1 + i % 31, i);
    text += line;
    if (i + 1 == bad_cpr_line) {
      // Replace this row's CPR with 31 February.
      const auto start = text.rfind('\n', text.size() - 2) + 1;
      const auto cpr = text.find(';', start) + 1;
      text.replace(cpr, 10, "3102851234");
    }
  }
  return text;
}

class PopulationCli : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sandbox_.run({"init"}).status, 0);
    const auto tick = sandbox_.run({"tick", "--today", "2027-01-05"});
    ASSERT_EQ(tick.status, 0) << tick.err;
    ASSERT_EQ(sandbox_.run({"keygen", "--out", key()}).status, 0);
  }
  std::string key() const { return (sandbox_.dir() / "cpr.key").string(); }
  std::string write(const std::string& name, const std::string& text) {
    const auto file = sandbox_.dir() / name;
    std::ofstream(file, std::ios::binary) << text;
    return file.string();
  }
  CliResult run(std::vector<std::string> args) {
    return sandbox_.run(std::move(args), {{"SAGSAUDIT_CPR_KEY_FILE", key()}});
  }
  CliSandbox sandbox_;
};

TEST_F(PopulationCli, ImportShowDrawProtocolVerify) {
  const std::string file = write("pop.csv", population(600));
  const auto check = run({"population", "check", "--round", kRound, file});
  ASSERT_EQ(check.status, 0) << check.err;
  EXPECT_THAT(check.out, StartsWith("OK  " + file + ": 600 sager, læst som UTF-8, SHA-256 "));
  EXPECT_THAT(check.out, HasSubstr("Intet er gemt."));

  const auto imported = run({"population", "import", "--round", kRound, file});
  ASSERT_EQ(imported.status, 0) << imported.err;
  EXPECT_EQ(imported.err, "");  // no progress output when stderr is not a terminal
  EXPECT_THAT(imported.out, HasSubstr("Populationen til runde sygedagpenge-2027-K1 er indlæst: "
                                      "600 sager fra " +
                                      file + " (læst som UTF-8"));
  EXPECT_THAT(imported.out, HasSubstr("jc-vesterbro-valby        200\n"));

  const auto shown = run({"population", "show", "--round", kRound, "--json"});
  ASSERT_EQ(shown.status, 0) << shown.err;
  EXPECT_THAT(shown.out, HasSubstr("\"sager\": 600"));
  EXPECT_THAT(shown.out, HasSubstr("\"tegnsaet\": \"utf-8\""));

  const auto drawn = run({"sample", "draw", "--round", kRound, "--seed", "20270401"});
  ASSERT_EQ(drawn.status, 0) << drawn.err;
  EXPECT_THAT(drawn.out, HasSubstr("frø (seed):           20270401 (angivet)\n"));
  EXPECT_THAT(drawn.out, HasSubstr("Center jc-amager: N = 200, n = 10\n  1. S-"));
  EXPECT_THAT(drawn.out, HasSubstr("Center ydelsescentret: N = 0, n = 0 — ingen sager"));
  EXPECT_THAT(drawn.out, HasSubstr("I alt 30 sager fra 6 centre.\n"));

  const auto protocol = run({"sample", "protocol", "--round", kRound});
  ASSERT_EQ(protocol.status, 0);
  EXPECT_EQ(drawn.out.substr(0, drawn.out.find("\nRunden er nu")), protocol.out);
  const auto json = run({"sample", "protocol", "--round", kRound, "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"seed\": \"20270401\""));
  EXPECT_THAT(json.out, HasSubstr("\"algoritme_version\": 1"));

  const auto verified = run({"sample", "verify", "--round", kRound, "--population", file});
  EXPECT_EQ(verified.status, 0) << verified.out << verified.err;
  EXPECT_THAT(verified.out, StartsWith("OK  stikprøven til runde sygedagpenge-2027-K1 er gentaget "
                                       "fra " +
                                       file + ": alle 30 træk i 6 centre stemmer"));

  std::string changed = population(600);
  changed[changed.find(";SB ") + 1] = 's';  // one byte
  const auto failed =
      run({"sample", "verify", "--round", kRound, "--population", write("changed.csv", changed)});
  EXPECT_EQ(failed.status, 1);
  EXPECT_THAT(failed.out, StartsWith("AFVIGER  stikprøven til runde sygedagpenge-2027-K1 kan ikke "
                                     "gentages fra "));
  EXPECT_THAT(failed.out, HasSubstr("  - filens SHA-256 er "));

  EXPECT_EQ(run({"sample", "draw", "--round", kRound}).status, 4);  // drawn already: conflict
}

TEST_F(PopulationCli, ABadCprOnLine1234IsRefusedWhole) {
  const std::string file = write("pop.csv", population(2000, 1234));
  const auto result = run({"population", "import", "--round", kRound, file});
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "fejl: " + file +
                            ":1234: CPR: ugyldig dato i CPR-nummer\n1 fejl; intet er "
                            "gemt.\n");
  const auto shown = run({"population", "show", "--round", kRound});
  EXPECT_EQ(shown.status, 3);
  EXPECT_THAT(shown.err, HasSubstr("har ingen population endnu"));
}

TEST_F(PopulationCli, ImportWithoutAKeySaysHowToMakeOne) {
  const std::string file = write("pop.csv", population(3));
  const auto result = sandbox_.run({"population", "import", "--round", kRound, file});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, HasSubstr("ingen nøgle til CPR-hash er sat op"));
  EXPECT_THAT(result.err, HasSubstr("sagsaudit keygen --out FIL"));
  const auto again = sandbox_.run({"keygen", "--out", key()});
  EXPECT_EQ(again.status, 1);
  EXPECT_THAT(again.err, HasSubstr("filen findes allerede"));
}

TEST_F(PopulationCli, UnknownRoundIsNotFound) {
  const auto result =
      run({"population", "check", "--round", "nope-2027-K1", write("pop.csv", population(3))});
  EXPECT_EQ(result.status, 3);
  EXPECT_EQ(result.err, "fejl: runden nope-2027-K1 findes ikke (se 'sagsaudit rounds list')\n");
}

TEST(SampleCli, PlanReproducesJfa) {
  CliSandbox sandbox;
  const auto plan = sandbox.run({"sample", "plan", "--tolerable", "0.05", "--expected", "0.025",
                                 "--confidence", "0.95", "--likelihood", "binomial"});
  ASSERT_EQ(plan.status, 0) << plan.err;
  EXPECT_THAT(plan.out, StartsWith("n = 234\nx = 6 (forventede fejl i stikprøven)\nøvre grænse = "
                                   "0.04997839\n"));
  const auto hyper =
      sandbox.run({"sample", "plan", "--tolerable", "0.05", "--expected", "2", "--confidence",
                   "0.95", "--likelihood", "hypergeometric", "--population", "1000", "--json"});
  ASSERT_EQ(hyper.status, 0) << hyper.err;
  EXPECT_THAT(hyper.out, HasSubstr("\"n\": 119"));
  EXPECT_THAT(hyper.out, HasSubstr("\"x\": \"2\""));
  const auto poisson = sandbox.run({"sample", "plan", "--tolerable", "0.03", "--expected", "0",
                                    "--confidence", "0.95", "--likelihood", "poisson"});
  EXPECT_THAT(poisson.out, StartsWith("n = 100\n"));
  const auto bad = sandbox.run({"sample", "plan", "--tolerable", "0,05", "--expected", "0",
                                "--confidence", "0.95", "--likelihood", "normal"});
  EXPECT_EQ(bad.status, 1);
  EXPECT_EQ(bad.err,
            "fejl: --tolerable: '0,05' er ikke et decimaltal (skriv fx 0.05 med punktum)\n"
            "fejl: --likelihood: 'normal' er ukendt (binomial, poisson eller hypergeometric)\n"
            "2 fejl i alt; intet er gemt.\n");
}

TEST(SampleCli, EvaluateGivesTheUpperBound) {
  CliSandbox sandbox;
  const auto binomial = sandbox.run({"sample", "evaluate", "--n", "60", "--errors", "0",
                                     "--confidence", "0.95", "--likelihood", "binomial"});
  EXPECT_EQ(binomial.status, 0) << binomial.err;
  EXPECT_EQ(binomial.out, "øvre grænse = 0.04870291\n");
  const auto poisson = sandbox.run({"sample", "evaluate", "--n", "60", "--errors", "0",
                                    "--confidence", "0.95", "--likelihood", "poisson"});
  EXPECT_EQ(poisson.out, "øvre grænse = 0.04992887\n");
}

}  // namespace
}  // namespace sagsaudit::testing
