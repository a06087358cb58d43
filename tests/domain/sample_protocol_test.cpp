// The protocol's text and the comparison `sample verify` reports (issue 3).
#include "domain/sample_protocol.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

SampleProtocol example() {
  SampleProtocol p;
  p.round_id = "sygedagpenge-2027-K1";
  p.benefit_type = "sygedagpenge";
  p.period = "2027-K1";
  p.population_sha256 = std::string(64, 'a');
  p.population_file = "pop.csv";
  p.rule = "3 pr. center";
  p.seed = 20270401;
  p.algorithm = "pcg32-xsh-rr+fisher-yates-partial-down";
  p.algorithm_version = 1;
  p.drawn_at = "2027-04-01T08:00:00Z";
  p.drawn_by = "cli:jens";
  p.strata = {StratumProtocol{"jc-amager", 10, 0, 10, 3, false, {"S-008", "S-006", "S-003"}, {}},
              StratumProtocol{"jc-nord", 3, 1, 2, 3, true, {"N-2", "N-1"}, {"N-3"}},
              StratumProtocol{"jc-syd", 0, 0, 0, 3, true, {}, {}}};
  return p;
}

TEST(SampleProtocol, TextNamesEveryInputAndThePicksInDrawOrder) {
  const std::string text = protocol_text(example());
  EXPECT_THAT(text, HasSubstr("frø (seed):           20270401 (angivet)\n"));
  EXPECT_THAT(text, HasSubstr("population SHA-256:   " + std::string(64, 'a') + "\n"));
  EXPECT_THAT(text, HasSubstr("algoritme:            pcg32-xsh-rr+fisher-yates-partial-down "
                              "version 1\n"));
  EXPECT_THAT(text, HasSubstr("Center jc-amager: N = 10, n = 3\n  1. S-008\n  2. S-006\n  3. "
                              "S-003\n"));
  EXPECT_THAT(text, HasSubstr("Center jc-nord: N = 2 (3 i filen, 1 udelukket), n = 2 — reglen "
                              "beder om 3, centret har kun 2: tog dem alle\n"));
  EXPECT_THAT(text, HasSubstr("Center jc-syd: N = 0, n = 0 — ingen sager i populationen\n"));
  EXPECT_THAT(text, HasSubstr("I alt 5 sager fra 3 centre.\n"));
}

TEST(SampleProtocol, IdenticalDrawsHaveNoDifferences) {
  EXPECT_TRUE(compare_draws(example(), example()).empty());
}

TEST(SampleProtocol, DifferencesNameCenterAndTheFirstDifferingPick) {
  SampleProtocol redone = example();
  redone.strata[0].picks[1] = "S-001";
  redone.strata[0].picks[2] = "S-002";
  redone.strata[1].population = 3;
  redone.strata[1].requested = 4;
  redone.strata[1].picks.push_back("N-3");
  redone.strata.pop_back();
  EXPECT_THAT(compare_draws(example(), redone),
              ElementsAre("center jc-amager: træk 2 er S-006 i protokollen, men S-001 ved "
                          "gentagelsen",
                          "center jc-nord: N er 3 ved gentagelsen, men 2 i protokollen",
                          "center jc-nord: reglen beder om 4 ved gentagelsen, men 3 i protokollen",
                          "center jc-nord: 3 sager ved gentagelsen, men 2 i protokollen",
                          "center jc-syd: står i protokollen, men har ingen sager i filen"));
}

}  // namespace
}  // namespace sagsaudit
