// Blind review in the engine on both backends: marking, the check with its audited refusal, and
// the lock that lifts it.
#include "compare/blind_access.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "engine/workflow_test_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/user_repository.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

const std::string kRound = "sygedagpenge-2027-K1";

class BlindAccessTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    tick(db(), make_date(2027, 4, 1), "2027-04-01T06:00:00Z");
    auto users = storage::make_user_repository(db());
    users->add({"revi", "Revisor", UserRole::auditor, {}, true, ""}, "t");
    users->add({"anna", "Anna", UserRole::coordinator, {}, true, ""}, "t");
    users->add({"gone", "Gammel revisor", UserRole::auditor, {}, true, ""}, "t");
    users->set_active("gone", false);
  }

  std::vector<storage::AuditEntry> refusals() {
    std::vector<storage::AuditEntry> out;
    for (auto& e : storage::make_audit_log(db())->list()) {
      if (e.record.action == "blind.refused") out.push_back(std::move(e));
    }
    return out;
  }

  void import_deloitte() {
    storage::ExternalReview review;
    review.round_id = kRound;
    review.source = "Deloitte";
    review.file_name = "d.csv";
    review.file_sha256 = std::string(64, 'd');
    review.imported_at = "2027-05-01T08:00:00Z";
    review.imported_by = "cli:revi";
    storage::make_external_review_repository(db())->store(review, {});
  }
};

TEST_P(BlindAccessTest, ActorsAreUsersByNameWithTheirRole) {
  EXPECT_EQ(username_of_actor("cli:revi"), "revi");
  EXPECT_EQ(username_of_actor("revi"), "revi");
  EXPECT_EQ(role_of_actor(db(), "cli:revi"), UserRole::auditor);
  EXPECT_EQ(role_of_actor(db(), "anna"), UserRole::coordinator);
  EXPECT_EQ(role_of_actor(db(), "cli:nobody"), std::nullopt);
  EXPECT_EQ(role_of_actor(db(), "cli:gone"), std::nullopt);  // inactive
}

TEST_P(BlindAccessTest, NothingIsRefusedOrLoggedWhenTheRoundIsNotBlind) {
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::municipality, "cli:revi", "t", "x"));
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::auditor, "cli:anna", "t", "x"));
  EXPECT_TRUE(refusals().empty());
}

TEST_P(BlindAccessTest, EarlyLooksAreRefusedAndAuditedUntilTheLock) {
  mark_round_blind(db(), kRound, "cli:admin", "2027-04-02T08:00:00Z");
  const auto state = blind_state(db(), kRound);
  EXPECT_TRUE(state.blind);
  EXPECT_FALSE(state.locked);

  try {
    require_visible(db(), kRound, ReviewSide::municipality, "cli:revi", "2027-04-03T09:00:00Z",
                    "review show S-1");
    FAIL() << "not refused";
  } catch (const Forbidden& refused) {
    EXPECT_EQ(std::string(refused.what()),
              "runden sygedagpenge-2027-K1 er blind: rollen revisor kan ikke se kommunens svar, "
              "før revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). Forsøget "
              "er skrevet i revisionsloggen.");
  }
  EXPECT_THROW(require_visible(db(), kRound, ReviewSide::auditor, "cli:anna",
                               "2027-04-03T10:00:00Z", "compare report Deloitte"),
               Forbidden);
  EXPECT_THROW(require_visible(db(), kRound, ReviewSide::auditor, "cli:nobody",
                               "2027-04-03T11:00:00Z", "compare report Deloitte"),
               Forbidden);
  // Each side still sees its own.
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::auditor, "cli:revi", "t", "x"));
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::municipality, "cli:anna", "t", "x"));

  const auto log = refusals();
  ASSERT_EQ(log.size(), 3u);
  EXPECT_EQ(log[0].record.at, "2027-04-03T09:00:00Z");
  EXPECT_EQ(log[0].record.actor, "cli:revi");
  EXPECT_EQ(log[0].record.object_type, "round");
  EXPECT_EQ(log[0].record.object_id, kRound);
  EXPECT_EQ(log[0].record.details,
            R"({"side":"kommune","rolle":"revisor","forsoeg":"review show S-1"})");
  EXPECT_EQ(log[1].record.details,
            R"({"side":"revisor","rolle":"koordinator","forsoeg":"compare report Deloitte"})");
  EXPECT_EQ(log[2].record.details,
            R"({"side":"revisor","rolle":"","forsoeg":"compare report Deloitte"})");

  import_deloitte();
  EXPECT_THROW(mark_round_blind(db(), kRound, "cli:admin", "t"), ConflictError);
  lock_external_review(db(), kRound, "Deloitte", "cli:admin", "2027-05-02T08:00:00Z");
  EXPECT_TRUE(blind_state(db(), kRound).locked);
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::municipality, "cli:revi", "t", "x"));
  EXPECT_NO_THROW(require_visible(db(), kRound, ReviewSide::auditor, "cli:anna", "t", "x"));
  EXPECT_EQ(refusals().size(), 3u);
  EXPECT_THROW(lock_external_review(db(), kRound, "Deloitte", "cli:admin", "t"), ConflictError);
  EXPECT_THROW(lock_external_review(db(), kRound, "KPMG", "cli:admin", "t"), NotFound);
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

TEST_P(BlindAccessTest, BlindingNeedsAnExistingRoundWithoutExternalReviews) {
  EXPECT_THROW(mark_round_blind(db(), "nope-2027-K1", "cli:admin", "t"), NotFound);
  import_deloitte();
  try {
    mark_round_blind(db(), kRound, "cli:admin", "t");
    FAIL() << "not refused";
  } catch (const ConflictError& refused) {
    EXPECT_EQ(std::string(refused.what()),
              "runden sygedagpenge-2027-K1 har allerede en revisorgennemgang (Deloitte); en runde "
              "skal gøres blind, før revisorens svar indlæses");
  }
  EXPECT_FALSE(blind_state(db(), kRound).blind);
}

INSTANTIATE_TEST_SUITE_P(Backends, BlindAccessTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
