// Opfølgning on a real database, both backends: corrections follow a review through submit,
// return and resubmit; initiatives are created when the round is published, once.
#include "followup/followup.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "scoring/review_editing.hpp"
#include "storage/audit_log.hpp"
#include "storage/user_repository.hpp"
#include "workflow/assign.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

const std::string kRound = "sygedagpenge-2027-K1";

class TwoCases final : public storage::SampleReader {
 public:
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    if (round_id != kRound) return {};
    return {{kRound, "S-1", "jc-amager", "sb", "010180-xxxx", 1},
            {kRound, "S-2", "jc-amager", "sb", "010180-xxxx", 2}};
  }
};

using testing::answers_with;

class FollowupEngineTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    TwoCases sample;
    assign_round_to_anna(kRound, sample);
  }

  // Saves and submits; returns the new version.
  int submit(const std::string& number, const std::vector<ControlAnswer>& answers, int version,
             const std::string& at) {
    const auto saved = save_review_draft(db(), kRound, number, answers, version, "anna", at);
    return submit_review(db(), kRound, number, saved.review.version, "anna", at).version;
  }

  std::vector<storage::Correction> corrections() {
    return storage::make_followup_repository(db())->corrections();
  }
};

TEST_P(FollowupEngineTest, CorrectionsFollowTheReviewThroughSubmitReturnAndResubmit) {
  // SD-N03 (refusion) with an amount, SD-N08 (refusion = false) and SD-K01 (kvalitetsmål): only
  // SD-N03 asks for a berigtigelse.
  int version =
      submit("S-1", answers_with({{"SD-N03", "1.234,50"}, {"SD-N08", ""}, {"SD-K01", ""}}), 1,
             "2027-04-02T08:00:00Z");
  auto all = corrections();
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].round_id, kRound);
  EXPECT_EQ(all[0].case_number, "S-1");
  EXPECT_EQ(all[0].control_id, "SD-N03");
  EXPECT_EQ(all[0].center, "jc-amager");
  EXPECT_EQ(all[0].benefit_type, "sygedagpenge");
  EXPECT_EQ(all[0].period, "2027-K1");
  EXPECT_EQ(format_kroner(*all[0].amount), "1.234,50");
  EXPECT_EQ(all[0].state, CorrectionState::open);
  EXPECT_EQ(all[0].updated_by, "anna");
  const auto first_id = all[0].id;

  // Returned and resubmitted with another amount on SD-N03 and a new fejl on SD-N01.
  version =
      return_review(db(), kRound, "S-1", version, "se beløbet igen", "erik", "2027-04-03T08:00:00Z")
          .version;
  version = submit("S-1", answers_with({{"SD-N03", "500"}, {"SD-N01", "100"}}), version,
                   "2027-04-04T08:00:00Z");
  all = corrections();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].control_id, "SD-N01");
  EXPECT_EQ(format_kroner(*all[0].amount), "100,00");
  EXPECT_EQ(all[1].id, first_id);
  EXPECT_EQ(format_kroner(*all[1].amount), "500,00");
  EXPECT_EQ(all[1].state, CorrectionState::open);

  // Resubmitted with SD-N03 korrekt: its correction is closed as ikke relevant, with a reason.
  version = return_review(db(), kRound, "S-1", version, "SD-N03 er korrekt", "erik",
                          "2027-04-05T08:00:00Z")
                .version;
  submit("S-1", answers_with({{"SD-N01", "100"}}), version, "2027-04-06T08:00:00Z");
  all = corrections();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].state, CorrectionState::open);
  EXPECT_EQ(all[1].state, CorrectionState::not_relevant);
  EXPECT_EQ(all[1].reason,
            "svaret på kontrollen er ikke længere fejl (gennemgangen er indsendt igen)");

  // Berigtiget by hand; the same again is a conflict.
  const auto done =
      set_correction_state(db(), all[0].id, CorrectionState::corrected, "", {"oekonomi", "t2"});
  EXPECT_EQ(done.state, CorrectionState::corrected);
  EXPECT_THROW(
      set_correction_state(db(), all[0].id, CorrectionState::corrected, "x", {"oekonomi", "t3"}),
      ConflictError);

  // The audit log has every step: create ×2, update, status ×2.
  storage::AuditFilter filter;
  filter.object_type = "correction";
  std::vector<std::string> actions;
  for (const auto& e : storage::make_audit_log(db())->list(filter)) {
    actions.push_back(e.record.action + ":" + e.record.object_id + ":" + e.record.to_state);
  }
  const std::string a = std::to_string(first_id);
  const std::string b = std::to_string(all[0].id);
  EXPECT_EQ(actions, (std::vector<std::string>{
                         "correction.create:" + a + ":open", "correction.create:" + b + ":open",
                         "correction.update:" + a + ":", "correction.status:" + a + ":not_relevant",
                         "correction.status:" + b + ":corrected"}));
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);

  // Backfill finds nothing to do.
  const auto sync = sync_followup(db(), {"cli:test", "t4"});
  EXPECT_TRUE(sync.initiatives_created.empty());
  EXPECT_EQ(sync.corrections, (CorrectionSync{0, 0, 0}));
}

TEST_P(FollowupEngineTest, PublishingCreatesTheRedCellsInitiativeOnce) {
  // jc-amager: S-1 has 1 fejl of 20, S-2 12 fejl: 27 of 40 = 67.5 % → 68 %, red.
  submit("S-1", answers_with({{"SD-K01", ""}}), 1, "2027-04-02T08:00:00Z");
  std::map<std::string, std::string> twelve;
  for (int i = 1; i <= 7; ++i) twelve["SD-K0" + std::to_string(i)] = "";
  for (int i = 1; i <= 5; ++i) twelve["SD-F0" + std::to_string(i)] = "";
  submit("S-2", answers_with(twelve), 1, "2027-04-02T09:00:00Z");

  EXPECT_THROW(create_round_initiatives(db(), kRound, {"cli:test", "t"}), ConflictError);
  transition_round(db(), kRound, RoundState::closed, "cli:test", "t");
  transition_round(db(), kRound, RoundState::reported, "cli:lead", "2027-05-10T08:00:00Z");

  auto repo = storage::make_followup_repository(db());
  const auto made = repo->initiatives();
  ASSERT_EQ(made.size(), 1u);
  EXPECT_EQ(made[0].center, "jc-amager");
  EXPECT_EQ(made[0].source_light, TrafficLight::red);
  EXPECT_EQ(made[0].source_percent, 68);
  EXPECT_EQ(made[0].created_by, "cli:lead");
  EXPECT_TRUE(create_round_initiatives(db(), kRound, {"cli:test", "t"}).empty());
  EXPECT_EQ(repo->initiatives().size(), 1u);

  const auto marked = mark_initiative(db(), made[0].id, InitiativeMarker::at_risk, "ingen tid",
                                      {"erik", "2027-06-01T08:00:00Z"});
  EXPECT_EQ(marked.marker, InitiativeMarker::at_risk);
  const auto report = build_followup_report(db(), std::string("jc-amager"), make_date(2027, 6, 1),
                                            FollowupRules{30});
  ASSERT_EQ(report.initiatives.size(), 1u);
  EXPECT_EQ(report.initiatives[0].status, InitiativeStatus::red);
  EXPECT_EQ(report.initiatives[0].benefit_name, "Sygedagpenge");
  EXPECT_TRUE(report.open_corrections.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, FollowupEngineTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
