#include "loading/wheel_loader.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "domain/round_plan.hpp"
#include "engine/loader_test_support.hpp"

namespace sagsaudit {
namespace {

const std::string file = "aarshjul.toml";

const std::string valid = R"(titel = "Årshjul"
vindue_dage = 30
kan_ikke_vurderes_er_fejl = true
uafhaengig_tildeling = true

[trafiklys]
groen_min = 95
gul_min = 75

[[center]]
kode = "jc-amager"
navn = "Jobcenter Amager"

[[ydelsestype]]
kode = "kontanthjaelp"
navn = "Kontanthjælp"
frekvens = "kvartal"
stikproeve = { regel = "statistisk", tolerabel_fejlrate = 0.05, forventede_fejl = 0.01, konfidens = 0.95 }

[[ydelsestype]]
kode = "fleksydelse"
navn = "Fleksydelse"
frekvens = "halvår"
vindue_dage = 45
stikproeve = { regel = "procent", procent = 2.5, min = 5, maks = 20 }

[[ydelsestype]]
kode = "delpension"
navn = "Delpension"
frekvens = "år"
stikproeve = { regel = "fast", antal_pr_center = 5 }

[kolonner]
sagsnummer = "Sagsnr."
"afgørelsesdato" = "Afg. dato"

[strategisk_maal]
basisaar = 2026
maalaar = 2028
reduktion = 0.5
)";

std::vector<std::string> errors_of(const std::string& text) {
  return testing::errors_of(parse_annual_wheel, text, file);
}

using testing::replaced;

TEST(WheelLoader, ReadsEveryField) {
  const AnnualWheel w = parse_annual_wheel(valid, file);
  EXPECT_EQ(w.title, "Årshjul");
  EXPECT_EQ(w.window_days, 30);
  EXPECT_TRUE(w.not_assessable_is_error);
  EXPECT_EQ(w.thresholds.green_min, 95);
  EXPECT_EQ(w.thresholds.yellow_min, 75);
  ASSERT_EQ(w.centers.size(), 1u);
  EXPECT_EQ(w.centers[0].name, "Jobcenter Amager");
  ASSERT_EQ(w.entries.size(), 3u);
  const auto& stat = std::get<StatisticalSampleRule>(w.entries[0].sample_rule);
  EXPECT_EQ(stat.tolerable.to_string(), "0.05");
  EXPECT_EQ(stat.expected.to_string(), "0.01");
  EXPECT_EQ(stat.confidence.to_string(), "0.95");
  EXPECT_EQ(stat.likelihood, Likelihood::binomial);  // the default
  const auto& percent = std::get<PercentSampleRule>(w.entries[1].sample_rule);
  EXPECT_EQ(percent.percent.to_string(), "2.5");
  EXPECT_EQ(percent.min, 5);
  EXPECT_EQ(percent.max, 20);
  EXPECT_EQ(w.entries[1].window_days, 45);
  EXPECT_EQ(w.entries[1].frequency, Frequency::half_yearly);
  EXPECT_EQ(std::get<FixedSampleRule>(w.entries[2].sample_rule).per_center, 5);
  EXPECT_EQ(w.entries[2].frequency, Frequency::yearly);
  EXPECT_EQ(w.version.size(), 64u);
  EXPECT_EQ(plan_rounds(w, 2027).size(), 7u);  // 4 + 2 + 1
  EXPECT_TRUE(w.independent_assignment);
  ASSERT_TRUE(w.strategic_goal.has_value());
  EXPECT_EQ(w.strategic_goal->baseline_year, 2026);
  EXPECT_EQ(w.strategic_goal->target_year, 2028);
  EXPECT_EQ(w.strategic_goal->reduction.to_string(), "0.5");
  EXPECT_EQ(w.column_names, (std::map<std::string, std::string>{{"afgørelsesdato", "Afg. dato"},
                                                                {"sagsnummer", "Sagsnr."}}));
}

TEST(WheelLoader, StrategicGoalIsCheckedWhereItIsWritten) {
  EXPECT_EQ(errors_of(replaced(replaced(valid, "maalaar = 2028", "maalaar = 2025"),
                               "reduktion = 0.5", "reduktion = 1.5")),
            (std::vector<std::string>{
                "aarshjul.toml:39:11: strategisk_maal.maalaar: målåret (2025) skal ligge efter "
                "basisåret (2026)",
                "aarshjul.toml:40:13: strategisk_maal.reduktion: reduktionen skal være større end "
                "0 og højst 1 (0.5 = halvering), ikke 1.5"}));
  EXPECT_EQ(errors_of(replaced(valid, "reduktion = 0.5\n", "")),
            std::vector<std::string>{"aarshjul.toml:37:1: strategisk_maal.reduktion: mangler"});
}

TEST(WheelLoader, ColumnNamesOnlyForTheRequiredFieldsAndNeverEmpty) {
  EXPECT_EQ(errors_of(replaced(replaced(valid, "sagsnummer = \"Sagsnr.\"", "sagsnr = \"Sagsnr.\""),
                               "\"Afg. dato\"", "\"\"")),
            (std::vector<std::string>{
                "aarshjul.toml:35:20: kolonner.afgørelsesdato: må ikke være tom",
                "aarshjul.toml:34:10: kolonner.sagsnr: ukendt felt; kolonner kan angives for: "
                "sagsnummer, cpr, center, sagsbehandler, afgørelsesdato"}));
  EXPECT_EQ(errors_of(replaced(valid, "\"Sagsnr.\"", "7")),
            std::vector<std::string>{"aarshjul.toml:34:14: kolonner.sagsnummer: skal være tekst, "
                                     "ikke heltal"});
}

TEST(WheelLoader, DefaultsWhenOptionalKeysAreLeftOut) {
  const AnnualWheel w = parse_annual_wheel(
      replaced(replaced(valid, "[trafiklys]\ngroen_min = 95\ngul_min = 75\n", ""),
               "kan_ikke_vurderes_er_fejl = true\n", ""),
      file);
  EXPECT_EQ(w.thresholds.green_min, 95);
  EXPECT_EQ(w.thresholds.yellow_min, 75);
  EXPECT_FALSE(w.not_assessable_is_error);
  const AnnualWheel plain = parse_annual_wheel(
      replaced(replaced(valid, "uafhaengig_tildeling = true\n", ""),
               "[kolonner]\nsagsnummer = \"Sagsnr.\"\n\"afgørelsesdato\" = \"Afg. dato\"\n", ""),
      file);
  EXPECT_FALSE(plain.independent_assignment);
  EXPECT_TRUE(plain.column_names.empty());
}

TEST(WheelLoader, UnknownFrequency) {
  EXPECT_EQ(errors_of(replaced(valid, "\"halvår\"", "\"halvaar\"")),
            std::vector<std::string>{"aarshjul.toml:23:12: ydelsestype.frekvens: 'halvaar' er "
                                     "ikke en frekvens (brug kvartal, halvår eller år)"});
}

TEST(WheelLoader, ThresholdOutOfRange) {
  EXPECT_EQ(errors_of(replaced(valid, "groen_min = 95", "groen_min = 105")),
            std::vector<std::string>{"aarshjul.toml:7:13: trafiklys.groen_min: skal være en "
                                     "procent mellem 0 og 100, ikke 105"});
}

TEST(WheelLoader, UnknownKeysAtEveryLevel) {
  EXPECT_EQ(errors_of(replaced(replaced(valid, "vindue_dage = 30", "vindue = 30"), "maks = 20",
                               "max = 20")),
            (std::vector<std::string>{
                "aarshjul.toml:2:1: vindue: ukendt nøgle (kendte nøgler: titel, vindue_dage, "
                "kan_ikke_vurderes_er_fejl, uafhaengig_tildeling, trafiklys, kolonner, "
                "strategisk_maal, center, ydelsestype)",
                "aarshjul.toml:25:59: stikproeve.max: ukendt nøgle (kendte nøgler: regel, "
                "procent, min, maks)",
                "aarshjul.toml:25:14: stikproeve.maks: mangler"}));
}

TEST(WheelLoader, UnknownSampleRuleAndLikelihood) {
  EXPECT_EQ(errors_of(replaced(valid, "regel = \"fast\"", "regel = \"tilfældig\"")),
            std::vector<std::string>{"aarshjul.toml:31:24: stikproeve.regel: 'tilfældig' er ikke "
                                     "en stikprøveregel (brug fast, procent eller statistisk)"});
  EXPECT_EQ(errors_of(replaced(valid, "konfidens = 0.95 }",
                               "konfidens = 0.95, sandsynlighed = \"normal\" }")),
            std::vector<std::string>{"aarshjul.toml:18:123: stikproeve.sandsynlighed: 'normal' er "
                                     "ikke en fordeling (brug binomial, poisson eller "
                                     "hypergeometric)"});
}

TEST(WheelLoader, MissingSampleRuleAndDuplicateType) {
  EXPECT_EQ(
      errors_of(replaced(valid, "stikproeve = { regel = \"fast\", antal_pr_center = 5 }\n", "")),
      std::vector<std::string>{"aarshjul.toml:27:1: ydelsestype.stikproeve: mangler (fx "
                               "stikproeve = { regel = \"fast\", antal_pr_center = 10 })"});
  EXPECT_EQ(errors_of(replaced(valid, "kode = \"delpension\"", "kode = \"fleksydelse\"")),
            std::vector<std::string>{"aarshjul.toml:27:1: ydelsestype.kode: 'fleksydelse' findes "
                                     "allerede (linje 20)"});
}

TEST(WheelLoader, ExpectedRateMustBeBelowTolerable) {
  EXPECT_EQ(errors_of(replaced(valid, "forventede_fejl = 0.01", "forventede_fejl = 0.07")),
            std::vector<std::string>{"aarshjul.toml:18:14: stikproeve.forventede_fejl: en "
                                     "forventet fejlrate (0.07) skal være mindre end den "
                                     "tolerable (0.05)"});
}

}  // namespace
}  // namespace sagsaudit
