// The command line as a user meets it: help, bad input files, init, and the year's årshjul.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"

namespace sagsaudit::testing {
namespace {

using ::testing::HasSubstr;

TEST(Cli, HelpListsEveryCommand) {
  CliSandbox sandbox;
  const auto result = sandbox.run({"--help"});
  EXPECT_EQ(result.status, 0);
  for (const auto& command : cli::all_commands()) {
    std::string words;
    for (const auto& word : command.words) words += (words.empty() ? "" : " ") + word;
    EXPECT_THAT(result.out, HasSubstr("  " + words + "  ")) << words;
  }
}

TEST(Cli, EveryCommandHasHelp) {
  CliSandbox sandbox;
  for (const auto& command : cli::all_commands()) {
    std::vector<std::string> args = command.words;
    args.push_back("--help");
    const auto result = sandbox.run(args);
    std::string words;
    for (const auto& word : command.words) words += " " + word;
    EXPECT_EQ(result.status, 0) << words;
    EXPECT_THAT(result.out, HasSubstr("Brug: sagsaudit" + words)) << words;
    EXPECT_THAT(result.out, HasSubstr("--db")) << words;
  }
}

TEST(Cli, UsageErrorsExitWithTwo) {
  CliSandbox sandbox;
  auto unknown = sandbox.run({"frobnicate"});
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(unknown.err, "fejl: ukendt kommando 'frobnicate'. Se 'sagsaudit --help'.\n");
  auto missing_year = sandbox.run({"wheel", "show"});
  EXPECT_EQ(missing_year.status, 2);
  EXPECT_THAT(missing_year.err, HasSubstr("year"));
  EXPECT_THAT(missing_year.err, HasSubstr("Se 'sagsaudit wheel show --help'."));
  auto group = sandbox.run({"concepts"});
  EXPECT_EQ(group.status, 2);
  EXPECT_THAT(group.err, HasSubstr("concepts validate"));
  EXPECT_EQ(sandbox.run({}).status, 2);
}

TEST(Cli, TheTenShippedConceptsAreValid) {
  CliSandbox sandbox;
  const auto result = sandbox.run({"concepts", "validate", (source_dir() / "concepts").string()});
  EXPECT_EQ(result.status, 0) << result.err;
  EXPECT_THAT(result.out, HasSubstr("\n10 gyldige kvalitetskoncepter.\n"));
  EXPECT_EQ(result.err, "");
}

TEST(Cli, TypoedKeyIsRefusedWithFileLineAndColumn) {
  CliSandbox sandbox;
  const auto file = sandbox.concepts_dir() / "sygedagpenge.toml";
  sandbox.edit(file, "\nhjemmel = ", "\nhjemel = ");
  const auto result = sandbox.run({"concepts", "validate", sandbox.concepts_dir().string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.out, HasSubstr("\n9 gyldige kvalitetskoncepter, 1 fil med fejl.\n"));
  EXPECT_THAT(result.err, ::testing::MatchesRegex(
                              "fejl: .*/sygedagpenge\\.toml:[0-9]+:1: kontrol\\.hjemel: ukendt "
                              "nøgle \\(kendte nøgler: id, kategori, tekst, hjemmel, vejledning, "
                              "refusion\\)\nfejl: .*/sygedagpenge\\.toml:[0-9]+:1: "
                              "kontrol\\.hjemmel: mangler\n"));
}

TEST(Cli, DuplicateControlIdIsRefusedWithFileLineAndColumn) {
  CliSandbox sandbox;
  const auto file = sandbox.concepts_dir() / "delpension.toml";
  sandbox.edit(file, "id = \"DP-N02\"", "id = \"DP-N01\"");
  const auto result = sandbox.run({"concepts", "validate", file.string()});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, ::testing::MatchesRegex(
                              "fejl: .*/delpension\\.toml:[0-9]+:1: kontrol\\.id: kontrol-id "
                              "'DP-N01' findes allerede \\(linje [0-9]+\\)\n"));
}

TEST(Cli, InitThenTheYearsWheelHasTwentyNineRounds) {
  CliSandbox sandbox;
  const auto init = sandbox.run({"init"});
  ASSERT_EQ(init.status, 0) << init.err;
  EXPECT_THAT(init.out, HasSubstr(": 10 indlæst, 10 ny(e) version(er)\n"));
  EXPECT_THAT(init.out, HasSubstr(" (ny)\n"));

  const auto show = sandbox.run({"wheel", "show", "--year", "2027"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("\n29 runder i 2027 (5 ydelsestyper × 4 kvartaler + 4 "
                                  "ydelsestyper × 2 halvår + 1 ydelsestype × 1 år).\n"));
  EXPECT_THAT(show.out, HasSubstr("kontanthjaelp-2027-K1"));
  // The id column is as wide as the longest id (fleksjob_ledighedsydelse-2027-H1).
  EXPECT_THAT(show.out, HasSubstr("sygedagpenge-2027-K3              2027-K3  01-07-2027  "
                                  "30-09-2027  01-10-2027 – 30-10-2027"));
  EXPECT_THAT(show.out, HasSubstr("delpension-2027  "));

  const auto again = sandbox.run({"init"});
  ASSERT_EQ(again.status, 0) << again.err;
  EXPECT_THAT(again.out, HasSubstr(": 10 indlæst, 0 ny(e) version(er)\n"));
  EXPECT_THAT(again.out, HasSubstr(" (uændret)\n"));
}

TEST(Cli, WheelShowAsJson) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.run({"init"}).status, 0);
  const auto show = sandbox.run({"wheel", "show", "--year", "2027", "--json"});
  ASSERT_EQ(show.status, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("\"id\": \"foertidspension-2027-H2\""));
  EXPECT_THAT(show.out, HasSubstr("\"vindue_aabner\": \"2028-01-01\""));
}

TEST(Cli, ABadFileLeavesTheDatabaseUntouched) {
  CliSandbox sandbox;
  sandbox.edit(sandbox.concepts_dir() / "fleksydelse.toml", "kategori = \"formalia\"",
               "kategori = \"formalier\"");
  const auto init = sandbox.run({"init"});
  EXPECT_EQ(init.status, 1);
  EXPECT_THAT(init.err, HasSubstr("'formalier' er ikke en kategori"));
  const auto list = sandbox.run({"concepts", "list"});
  EXPECT_EQ(list.status, 0);
  EXPECT_EQ(list.out, "Databasen har ingen kvalitetskoncepter endnu. Kør 'sagsaudit init'.\n");
}

TEST(Cli, ConceptsListAfterInit) {
  CliSandbox sandbox;
  ASSERT_EQ(sandbox.run({"init"}).status, 0);
  const auto list = sandbox.run({"concepts", "list"});
  ASSERT_EQ(list.status, 0) << list.err;
  EXPECT_THAT(list.out, HasSubstr("\n10 kvalitetskoncepter i " + sandbox.database_url() + ".\n"));
  EXPECT_THAT(list.out, HasSubstr("foertidspension"));
  const auto json = sandbox.run({"concepts", "list", "--json"});
  EXPECT_THAT(json.out, HasSubstr("\"ydelsestype\": \"kontanthjaelp\""));
}

TEST(Cli, WheelShowBeforeInitSaysWhatToDo) {
  CliSandbox sandbox;
  const auto show = sandbox.run({"wheel", "show", "--year", "2027"});
  EXPECT_EQ(show.status, 3);
  EXPECT_THAT(show.err, HasSubstr("Kør 'sagsaudit init'"));
  const auto from_file =
      sandbox.run({"wheel", "show", "--year", "2027", "--file", sandbox.wheel_file().string()});
  EXPECT_EQ(from_file.status, 0);
}

TEST(Cli, WheelValidateRefusesABadThreshold) {
  CliSandbox sandbox;
  sandbox.edit(sandbox.wheel_file(), "gul_min = 75", "gul_min = 96");
  const auto result = sandbox.run({"wheel", "validate"});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, ::testing::MatchesRegex(
                              "fejl: .*aarshjul\\.toml:[0-9]+:11: trafiklys\\.gul_min: skal være "
                              "mindre end groen_min \\(96 ≥ 95\\)\n"));
}

TEST(Cli, EnvironmentConfiguresTheDatabaseAndOptionsWin) {
  CliSandbox sandbox;
  const std::string from_env = "sqlite:" + (sandbox.dir() / "fra-miljoe.db").string();
  const std::vector<std::string> args = {"init", "--concepts", sandbox.concepts_dir().string(),
                                         "--wheel", sandbox.wheel_file().string()};
  const auto by_env = sandbox.run_exactly(args, {{"SAGSAUDIT_DB", from_env}});
  ASSERT_EQ(by_env.status, 0) << by_env.err;
  EXPECT_THAT(by_env.out, HasSubstr("Database: " + from_env + " "));

  auto with_option = args;
  with_option.insert(with_option.end(), {"--db", sandbox.database_url()});
  const auto by_option = sandbox.run_exactly(with_option, {{"SAGSAUDIT_DB", from_env}});
  ASSERT_EQ(by_option.status, 0) << by_option.err;
  EXPECT_THAT(by_option.out, HasSubstr("Database: " + sandbox.database_url() + " "));
}

TEST(Cli, UnreachableDatabaseIsAStorageError) {
  CliSandbox sandbox;
  const auto result =
      sandbox.run({"concepts", "list", "--db", "sqlite:/nonexistent-dir/sub/x.db"});
  EXPECT_EQ(result.status, 6);
  EXPECT_THAT(result.err, HasSubstr("fejl: "));
}

TEST(Cli, BadDatabaseUrlIsAValidationError) {
  CliSandbox sandbox;
  const auto result = sandbox.run({"concepts", "list", "--db", "mysql://x"});
  EXPECT_EQ(result.status, 1);
}

TEST(Cli, TheExecutableRuns) {
  FILE* pipe = ::popen((std::string(SAGSAUDIT_BINARY) + " --version").c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  char buffer[128] = {};
  const std::string line = std::fgets(buffer, sizeof buffer, pipe) ? buffer : "";
  EXPECT_EQ(::pclose(pipe), 0);
  EXPECT_EQ(line, "sagsaudit 0.1.0\n");
}

}  // namespace
}  // namespace sagsaudit::testing
