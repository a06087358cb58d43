// Opfølgning storage (migration 7): initiatives, status changes and corrections kept exactly,
// one per cell / per (round, case, control), on both backends.
#include "storage/followup_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/case_review_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/user_repository.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

const std::string kRound = "sygedagpenge-2027-K3";

class FollowupRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
    make_round_repository(db())->create(testing::sample_round());
    make_user_repository(db())->add(User{"anna", "Anna", UserRole::coordinator, {"x"}, true, ""},
                                    "t");
    for (const char* number : {"S-1", "S-2"}) {
      CaseReview r;
      r.round_id = kRound;
      r.case_number = number;
      r.center = "jc-amager";
      r.assignee = "anna";
      r.state = ReviewState::submitted;
      r.due_date = make_date(2027, 10, 30);
      r.updated_at = "2027-10-01T08:00:00Z";
      make_case_review_repository(db())->add(r);
    }
  }

  static Initiative initiative(const std::string& center) {
    Initiative i;
    i.round_id = kRound;
    i.period = "2027-K3";
    i.center = center;
    i.benefit_type = "sygedagpenge";
    i.source_light = TrafficLight::red;
    i.source_percent = 71;
    i.created_at = i.updated_at = "2027-11-15T08:00:00Z";
    i.created_by = "cli:lead";
    return i;
  }

  static Correction correction(const std::string& case_number, const std::string& control) {
    Correction c;
    c.round_id = kRound;
    c.case_number = case_number;
    c.control_id = control;
    c.benefit_type = "sygedagpenge";
    c.period = "2027-K3";
    c.center = "jc-amager";
    c.amount = Decimal{123450, 100};
    c.affected_period = AffectedPeriod{make_date(2027, 7, 1), make_date(2027, 7, 31)};
    c.created_at = c.updated_at = "2027-10-02T09:00:00Z";
    c.updated_by = "anna";
    return c;
  }
};

TEST_F(FollowupRepositoryTest, InitiativesAreStoredAndUpdatedExactly) {
  auto repo = make_followup_repository(db());
  const auto first = repo->add_initiative(initiative("jc-amager"));
  const auto second = repo->add_initiative(initiative("jc-vesterbro-valby"));
  EXPECT_LT(first, second);

  auto stored = repo->find_initiative(first);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->round_id, kRound);
  EXPECT_EQ(stored->period, "2027-K3");
  EXPECT_EQ(stored->center, "jc-amager");
  EXPECT_EQ(stored->benefit_type, "sygedagpenge");
  EXPECT_EQ(stored->source_light, TrafficLight::red);
  EXPECT_EQ(stored->source_percent, 71);
  EXPECT_EQ(stored->action, "");
  EXPECT_EQ(stored->deadline, std::nullopt);
  EXPECT_TRUE(stored->controls.empty());
  EXPECT_EQ(stored->marker, InitiativeMarker::open);
  EXPECT_EQ(stored->created_by, "cli:lead");

  stored->action = "Undervisning i partshøring; \"tjekliste\"";
  stored->responsible = "Teamleder Ida";
  stored->deadline = make_date(2028, 2, 29);
  stored->controls = {"SD-N01", "SD-N03"};
  stored->marker = InitiativeMarker::delayed;
  stored->updated_at = "2027-11-20T10:00:00Z";
  repo->update_initiative(*stored);

  const auto again = repo->find_initiative(kRound, "jc-amager", "sygedagpenge");
  ASSERT_TRUE(again);
  EXPECT_EQ(again->id, first);
  EXPECT_EQ(again->action, "Undervisning i partshøring; \"tjekliste\"");
  EXPECT_EQ(again->responsible, "Teamleder Ida");
  EXPECT_EQ(again->deadline, make_date(2028, 2, 29));
  EXPECT_EQ(again->controls, (std::vector<std::string>{"SD-N01", "SD-N03"}));
  EXPECT_EQ(again->marker, InitiativeMarker::delayed);
  EXPECT_EQ(again->updated_at, "2027-11-20T10:00:00Z");

  EXPECT_EQ(repo->initiatives().size(), 2u);
  FollowupFilter only;
  only.center = "jc-vesterbro-valby";
  const auto filtered = repo->initiatives(only);
  ASSERT_EQ(filtered.size(), 1u);
  EXPECT_EQ(filtered[0].id, second);
  EXPECT_FALSE(repo->find_initiative(kRound, "jc-amager", "kontanthjaelp"));
  EXPECT_FALSE(repo->find_initiative(999));
}

TEST_F(FollowupRepositoryTest, OneInitiativePerCell) {
  auto repo = make_followup_repository(db());
  repo->add_initiative(initiative("jc-amager"));
  EXPECT_THROW(repo->add_initiative(initiative("jc-amager")), ConflictError);
  EXPECT_EQ(testing::row_count(db(), "initiatives"), 1);
  Initiative missing = initiative("jc-amager");
  missing.id = 42;
  EXPECT_THROW(repo->update_initiative(missing), NotFound);
}

TEST_F(FollowupRepositoryTest, StatusChangesAreNumberedPerInitiative) {
  auto repo = make_followup_repository(db());
  const auto a = repo->add_initiative(initiative("jc-amager"));
  const auto b = repo->add_initiative(initiative("jc-vesterbro-valby"));
  EXPECT_EQ(repo->add_status_change({a, 0, "2027-12-01T08:00:00Z", "anna", InitiativeMarker::open,
                                     InitiativeMarker::delayed, "sygdom i teamet"}),
            1);
  EXPECT_EQ(repo->add_status_change({b, 0, "2027-12-01T08:00:00Z", "anna", InitiativeMarker::open,
                                     InitiativeMarker::done, "gennemført"}),
            1);
  EXPECT_EQ(repo->add_status_change({a, 0, "2027-12-09T08:00:00Z", "erik",
                                     InitiativeMarker::delayed, InitiativeMarker::done, "afholdt"}),
            2);
  const auto history = repo->status_changes(a);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].seq, 1);
  EXPECT_EQ(history[0].to, InitiativeMarker::delayed);
  EXPECT_EQ(history[0].reason, "sygdom i teamet");
  EXPECT_EQ(history[1].seq, 2);
  EXPECT_EQ(history[1].actor, "erik");
  EXPECT_EQ(history[1].from, InitiativeMarker::delayed);
  EXPECT_EQ(history[1].to, InitiativeMarker::done);
}

TEST_F(FollowupRepositoryTest, CorrectionsKeepAmountPeriodAndStateExactly) {
  auto repo = make_followup_repository(db());
  const auto id = repo->add_correction(correction("S-2", "SD-N02"));
  Correction no_amount = correction("S-1", "SD-N01");
  no_amount.amount.reset();
  no_amount.affected_period.reset();
  repo->add_correction(no_amount);
  EXPECT_THROW(repo->add_correction(correction("S-2", "SD-N02")), ConflictError);

  auto stored = repo->find_correction(id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->amount, (Decimal{123450, 100}));
  EXPECT_EQ(format_kroner(*stored->amount), "1.234,50");
  EXPECT_EQ(stored->affected_period,
            (AffectedPeriod{make_date(2027, 7, 1), make_date(2027, 7, 31)}));
  EXPECT_EQ(stored->state, CorrectionState::open);
  EXPECT_EQ(stored->reason, "");

  stored->state = CorrectionState::not_relevant;
  stored->reason = "beløbet er allerede tilbagebetalt";
  stored->updated_by = "oekonomi";
  repo->update_correction(*stored);
  const auto again = repo->find_correction(id);
  EXPECT_EQ(again->state, CorrectionState::not_relevant);
  EXPECT_EQ(again->reason, "beløbet er allerede tilbagebetalt");
  EXPECT_EQ(again->updated_by, "oekonomi");

  // Ordered by center, round, case, control.
  const auto all = repo->corrections();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].case_number, "S-1");
  EXPECT_EQ(all[0].amount, std::nullopt);
  EXPECT_EQ(all[0].affected_period, std::nullopt);
  EXPECT_EQ(all[1].case_number, "S-2");
  EXPECT_EQ(repo->review_corrections(kRound, "S-2").size(), 1u);
  FollowupFilter other;
  other.center = "jc-amager-ikke";
  EXPECT_TRUE(repo->corrections(other).empty());
}

TEST_F(FollowupRepositoryTest, NotRelevantWithoutAReasonIsRefusedByTheSchema) {
  auto repo = make_followup_repository(db());
  auto c = correction("S-1", "SD-N02");
  c.id = repo->add_correction(c);
  c.state = CorrectionState::not_relevant;
  c.reason = "";
  EXPECT_THROW(repo->update_correction(c), StorageError);
  EXPECT_EQ(repo->find_correction(c.id)->state, CorrectionState::open);
}

TEST(FollowupControls, JoinAndSplit) {
  EXPECT_EQ(join_controls({"A", "B"}), "A,B");
  EXPECT_EQ(split_controls(" A , B,,C "), (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_TRUE(split_controls("").empty());
}

}  // namespace
}  // namespace sagsaudit::storage
