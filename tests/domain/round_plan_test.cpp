#include "domain/round_plan.hpp"

#include <gtest/gtest.h>

#include <map>

#include "domain/concept_coverage.hpp"

namespace sagsaudit {
namespace {

WheelEntry entry(std::string code, Frequency frequency, std::optional<int> window = std::nullopt) {
  WheelEntry e;
  e.benefit_type = std::move(code);
  e.name = e.benefit_type;
  e.frequency = frequency;
  e.window_days = window;
  e.sample_rule = FixedSampleRule{10};
  return e;
}

// The ten ydelsestyper at seed 003's frequencies.
AnnualWheel seed_wheel() {
  AnnualWheel w;
  w.window_days = 30;
  for (auto code : {"kontanthjaelp", "revalidering", "sygedagpenge", "forsikrede_ledige", "loentilskud"}) {
    w.entries.push_back(entry(code, Frequency::quarterly));
  }
  for (auto code : {"integration", "fleksjob_ledighedsydelse", "foertidspension", "fleksydelse"}) {
    w.entries.push_back(entry(code, Frequency::half_yearly, 45));
  }
  w.entries.push_back(entry("delpension", Frequency::yearly, 60));
  return w;
}

TEST(RoundPlan, TheSeedWheelMakesTwentyNineRoundsAYear) {
  const AnnualWheel wheel = seed_wheel();
  const auto rounds = plan_rounds(wheel, 2027);
  EXPECT_EQ(rounds.size(), 29u);  // 5 × 4 + 4 × 2 + 1
  std::map<std::string, int> per_period;
  for (const auto& r : rounds) ++per_period[r.period.to_string()];
  EXPECT_EQ(per_period["2027-K1"], 5);
  EXPECT_EQ(per_period["2027-H1"], 4);
  EXPECT_EQ(per_period["2027"], 1);
}

TEST(RoundPlan, IdsAndWindows) {
  const AnnualWheel wheel = seed_wheel();
  const auto rounds = plan_rounds(wheel, 2027);
  const auto find = [&](const std::string& id) {
    for (const auto& r : rounds) {
      if (r.id == id) return r;
    }
    ADD_FAILURE() << "no round " << id;
    return PlannedRound{};
  };
  const auto q3 = find("sygedagpenge-2027-K3");
  EXPECT_EQ(to_iso(q3.period.first_day()), "2027-07-01");
  EXPECT_EQ(to_iso(q3.window_opens), "2027-10-01");   // the day after the period ends
  EXPECT_EQ(to_iso(q3.window_closes), "2027-10-30");  // 30 days, first day included
  const auto h2 = find("foertidspension-2027-H2");
  EXPECT_EQ(to_iso(h2.window_opens), "2028-01-01");
  EXPECT_EQ(to_iso(h2.window_closes), "2028-02-14");  // 45 days
  const auto year = find("delpension-2027");
  EXPECT_EQ(to_iso(year.window_closes), "2028-02-29");  // 60 days into a leap year
}

TEST(RoundPlan, OrderedByWindowThenWheelOrder) {
  const AnnualWheel wheel = seed_wheel();
  const auto rounds = plan_rounds(wheel, 2027);
  EXPECT_EQ(rounds.front().id, "kontanthjaelp-2027-K1");
  EXPECT_EQ(rounds[4].id, "loentilskud-2027-K1");
  EXPECT_EQ(rounds[5].id, "kontanthjaelp-2027-K2");
  EXPECT_EQ(rounds[10].id, "integration-2027-H1");
  EXPECT_EQ(rounds.back().id, "delpension-2027");
}

TEST(ConceptCoverage, EveryTypeNeedsAConceptAndEveryConceptAType) {
  AnnualWheel wheel = seed_wheel();
  wheel.source_file = "aarshjul.toml";
  wheel.entries.resize(2);  // kontanthjaelp, revalidering
  wheel.entries[1].position = {40, 1};
  Concept kh;
  kh.benefit_type = "kontanthjaelp";
  Concept extra;
  extra.benefit_type = "kontanthjalp";
  extra.source_file = "concepts/kontanthjalp.toml";
  std::vector<std::string> got;
  for (const auto& issue : check_concept_coverage(wheel, {kh, extra})) got.push_back(format_issue(issue));
  EXPECT_EQ(got, (std::vector<std::string>{
                     "aarshjul.toml:40:1: ydelsestype.kode: der er intet kvalitetskoncept for "
                     "'revalidering' (forventede filen revalidering.toml)",
                     "concepts/kontanthjalp.toml:1:1: ydelsestype: 'kontanthjalp' står ikke i "
                     "årshjulet (aarshjul.toml)"}));
}

}  // namespace
}  // namespace sagsaudit
