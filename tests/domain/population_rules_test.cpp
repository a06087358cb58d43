// The rules a population file must meet (issue 3), one rule at a time, with the exact messages.
#include "domain/population_rules.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out(1);
  for (char c : line) {
    if (c == ';') {
      out.emplace_back();
    } else {
      out.back().push_back(c);
    }
  }
  return out;
}

PopulationRulesInput input() {
  PopulationRulesInput in;
  in.file = "pop.csv";
  in.centers = {Center{"jc-amager", "Jobcenter Amager", {}},
                Center{"jc-nord", "Jobcenter Nord", {}}};
  in.period = *parse_period("2027-K1");
  return in;
}

constexpr const char* kHeader = "sagsnummer;cpr;center;sagsbehandler;afgørelsesdato;beløb";

// Checks the header and the rows (line numbers 1, 2, …) and returns the formatted issues.
std::vector<std::string> issues_of(PopulationRules& rules, const std::vector<std::string>& lines) {
  int line = 1;
  for (const auto& text : lines) {
    const auto fields = split(text);
    if (line == 1) {
      if (!rules.check_header(line, fields, fields.size())) break;
    } else {
      rules.check_row(line, fields, fields.size());
    }
    ++line;
  }
  std::vector<std::string> out;
  for (const auto& issue : rules.issues()) out.push_back(format_issue(issue));
  return out;
}

std::vector<std::string> issues_of(const std::vector<std::string>& lines) {
  PopulationRules rules(input());
  return issues_of(rules, lines);
}

TEST(PopulationRules, AValidRowBecomesACaseWithItsAttributes) {
  PopulationRules rules(input());
  const auto header = split(kHeader);
  ASSERT_TRUE(rules.check_header(1, header, header.size()));
  const auto row = split(" S-1 ;010180-1234;jc-amager;Jens Hansen;31-03-2027;1234,50");
  const auto c = rules.check_row(2, row, row.size());
  ASSERT_TRUE(c);
  EXPECT_EQ(c->line, 2);
  EXPECT_EQ(c->case_number, "S-1");
  EXPECT_EQ(c->cpr.digits10, "0101801234");
  EXPECT_EQ(c->center, "jc-amager");
  EXPECT_EQ(c->case_worker, "Jens Hansen");
  EXPECT_EQ(to_iso(c->decision_date), "2027-03-31");
  ASSERT_EQ(c->attributes.size(), 1u);
  EXPECT_EQ(c->attributes[0].first, "beløb");
  EXPECT_EQ(c->attributes[0].second, "1234,50");
  EXPECT_TRUE(rules.ok());
  EXPECT_EQ(rules.center_counts().at("jc-amager"), 1u);
  EXPECT_EQ(rules.center_counts().at("jc-nord"), 0u);
}

TEST(PopulationRules, HeadersMatchCaseInsensitivelyIncludingDanishLetters) {
  EXPECT_EQ(fold_case("AFGØRELSESDATO Æ Å ×"), "afgørelsesdato æ å ×");
  EXPECT_THAT(issues_of({"SagsNummer;CPR;Center;SAGSBEHANDLER;AFGØRELSESDATO",
                         "S-1;0101801234;jc-nord;A;2027-01-01"}),
              ElementsAre());
}

TEST(PopulationRules, WheelColumnNamesRenameRequiredFields) {
  PopulationRulesInput in = input();
  in.column_names = {{"sagsnummer", "Sagsnr."}, {"afgørelsesdato", "Afgørelse dato"}};
  PopulationRules rules(in);
  EXPECT_THAT(issues_of(rules, {"sagsnr.;cpr;center;sagsbehandler;afgørelse dato;sagsnummer",
                                "S-1;0101801234;jc-nord;A;2027-01-01;gammelt nr"}),
              ElementsAre());
  PopulationRules missing(in);
  EXPECT_THAT(issues_of(missing, {"sagsnummer;cpr;center;sagsbehandler;afgørelsesdato"}),
              ElementsAre("pop.csv:1: sagsnummer: kolonnen 'Sagsnr.' mangler (navnet kommer fra "
                          "årshjulets [kolonner])",
                          "pop.csv:1: afgørelsesdato: kolonnen 'Afgørelse dato' mangler (navnet "
                          "kommer fra årshjulets [kolonner])"));
}

TEST(PopulationRules, MissingEmptyAndDuplicateHeaders) {
  EXPECT_THAT(issues_of({"sagsnummer;cpr;;center;CPR"}),
              ElementsAre("pop.csv:1: kolonne 3 har ingen overskrift",
                          "pop.csv:1: CPR: kolonnen står to gange (kolonne 2 og 5)",
                          "pop.csv:1: sagsbehandler: kolonnen 'sagsbehandler' mangler",
                          "pop.csv:1: afgørelsesdato: kolonnen 'afgørelsesdato' mangler"));
}

TEST(PopulationRules, UnknownCenterListsTheKnownOnes) {
  EXPECT_THAT(issues_of({kHeader, "S-1;0101801234;jc-syd;A;2027-01-01;"}),
              ElementsAre("pop.csv:2: center: ukendt center 'jc-syd' (kendte centre: jc-amager, "
                          "jc-nord)"));
}

TEST(PopulationRules, CenterMayBeGivenByNameOrInAnotherCase) {
  PopulationRules rules(input());
  const auto header = split(kHeader);
  ASSERT_TRUE(rules.check_header(1, header, header.size()));
  for (const char* text : {"S-1;0101801234;Jobcenter Amager;A;2027-01-01;",
                           "S-2;0101801234;JC-AMAGER;A;2027-01-01;"}) {
    const auto row = split(text);
    const auto c = rules.check_row(2, row, row.size());
    ASSERT_TRUE(c) << text;
    EXPECT_EQ(c->center, "jc-amager");
  }
}

TEST(PopulationRules, BadCprNumbersNeverRepeatTheNumber) {
  EXPECT_THAT(issues_of({kHeader, "S-1;310280-1234;jc-nord;A;2027-01-01;",
                         "S-2;0101801234x;jc-nord;A;2027-01-01;",
                         "S-3;01-01-80-1234;jc-nord;A;2027-01-01;"}),
              ElementsAre("pop.csv:2: cpr: ugyldig dato i CPR-nummer",
                          "pop.csv:3: cpr: ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)",
                          "pop.csv:4: cpr: ikke et CPR-nummer (forventet DDMMÅÅ-SSSS)"));
}

TEST(PopulationRules, DuplicateSagsnummerNamesTheFirstLine) {
  EXPECT_THAT(
      issues_of({kHeader, "S-1;0101801234;jc-nord;A;2027-01-01;",
                 "S-2;0101801234;jc-nord;A;2027-01-01;", "S-1;0101801234;jc-amager;B;2027-01-02;"}),
      ElementsAre("pop.csv:4: sagsnummer: sagsnummer S-1 står også i linje 2"));
}

TEST(PopulationRules, EmptyRequiredFieldsAreEachNamed) {
  EXPECT_THAT(issues_of({kHeader, " ;0101801234;jc-nord;;2027-01-01;"}),
              ElementsAre("pop.csv:2: sagsnummer: mangler (feltet er tomt)",
                          "pop.csv:2: sagsbehandler: mangler (feltet er tomt)"));
}

TEST(PopulationRules, WrongFieldCount) {
  EXPECT_THAT(issues_of({kHeader, "S-1;0101801234;jc-nord;A;2027-01-01",
                         "S-2;0101801234;jc-nord;A;2027-01-01;1;2"}),
              ElementsAre("pop.csv:2: forventede 6 felter som overskriften, fandt 5",
                          "pop.csv:3: forventede 6 felter som overskriften, fandt 7"));
}

TEST(PopulationRules, DatesMustBeRealAndInsideTheRoundsPeriod) {
  EXPECT_THAT(
      issues_of({kHeader, "S-1;0101801234;jc-nord;A;01-04-2027;",
                 "S-2;0101801234;jc-nord;A;2026-12-31;", "S-3;0101801234;jc-nord;A;30-02-2027;",
                 "S-4;0101801234;jc-nord;A;31-03-2027;", "S-5;0101801234;jc-nord;A;2027-01-01;"}),
      ElementsAre("pop.csv:2: afgørelsesdato: 01-04-2027 ligger uden for rundens periode 2027-K1 "
                  "(01-01-2027 – 31-03-2027)",
                  "pop.csv:3: afgørelsesdato: 31-12-2026 ligger uden for rundens periode 2027-K1 "
                  "(01-01-2027 – 31-03-2027)",
                  "pop.csv:4: afgørelsesdato: '30-02-2027' er ikke en dato (forventet "
                  "dd-mm-åååå eller åååå-mm-dd)"));
}

TEST(PopulationRules, QuotingProblemsFromTheReaderAreReportedForTheRow) {
  PopulationRules rules(input());
  const auto header = split(kHeader);
  ASSERT_TRUE(rules.check_header(1, header, header.size()));
  const auto row = split("S-1;0101801234;jc-nord;A;2027-01-01;x");
  EXPECT_FALSE(rules.check_row(7, row, row.size(), "anførselstegnet i linje 7 lukkes aldrig"));
  ASSERT_EQ(rules.issues().size(), 1u);
  EXPECT_EQ(format_issue(rules.issues()[0]), "pop.csv:7: anførselstegnet i linje 7 lukkes aldrig");
}

TEST(PopulationRules, TheListIsCappedButEveryProblemIsCounted) {
  PopulationRulesInput in = input();
  in.max_issues = 3;
  PopulationRules rules(in);
  std::vector<std::string> lines = {kHeader};
  for (int i = 0; i < 10; ++i)
    lines.push_back("S-" + std::to_string(i) + ";x;jc-nord;A;2027-01-01;");
  EXPECT_EQ(issues_of(rules, lines).size(), 3u);
  EXPECT_EQ(rules.issue_count(), 10u);
  EXPECT_EQ(rules.rows(), 10u);
  EXPECT_FALSE(rules.ok());
}

}  // namespace
}  // namespace sagsaudit
