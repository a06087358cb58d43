// Case reviews: one per case and round; every change is a compare-and-set on the version.
#include "storage/case_review_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/user_repository.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

class CaseReviewRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
    make_round_repository(db())->create(testing::sample_round());
    auto users = make_user_repository(db());
    users->add(User{"anna", "Anna", UserRole::coordinator, {"x"}, true, ""}, "t");
    users->add(User{"bo", "Bo", UserRole::coordinator, {"y"}, true, ""}, "t");
  }

  CaseReview review(const std::string& number, const std::string& center) {
    CaseReview r;
    r.round_id = "sygedagpenge-2027-K3";
    r.case_number = number;
    r.center = center;
    r.assignee = "anna";
    r.due_date = make_date(2027, 10, 30);
    r.updated_at = "2027-10-01T08:00:00Z";
    return r;
  }
};

TEST_F(CaseReviewRepositoryTest, AddFindAndList) {
  auto reviews = make_case_review_repository(db());
  reviews->add(review("S-2", "y"));
  reviews->add(review("S-1", "y"));
  reviews->add(review("S-3", "x"));
  EXPECT_THROW(reviews->add(review("S-1", "x")), ConflictError);
  const auto stored = reviews->find("sygedagpenge-2027-K3", "S-1");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->center, "y");
  EXPECT_EQ(stored->assignee, "anna");
  EXPECT_EQ(stored->state, ReviewState::assigned);
  EXPECT_EQ(to_iso(stored->due_date), "2027-10-30");
  EXPECT_EQ(stored->version, 1);
  EXPECT_FALSE(stored->overdue);
  EXPECT_EQ(stored->return_reason, "");
  std::vector<std::string> order;
  for (const auto& r : reviews->list()) order.push_back(r.case_number);
  EXPECT_EQ(order, (std::vector<std::string>{"S-3", "S-1", "S-2"}));  // by center, then number
}

TEST_F(CaseReviewRepositoryTest, UpdateIsACompareAndSetOnTheVersion) {
  auto reviews = make_case_review_repository(db());
  reviews->add(review("S-1", "y"));
  CaseReview first = *reviews->find("sygedagpenge-2027-K3", "S-1");
  CaseReview second = first;
  first.state = ReviewState::in_progress;
  const auto stored = reviews->update(first, "2027-10-02T10:00:00Z");
  EXPECT_EQ(stored.version, 2);
  second.assignee = "bo";
  try {
    reviews->update(second, "2027-10-02T10:00:01Z");
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "sagsgennemgangen sygedagpenge-2027-K3/S-1 er ændret af en anden imens "
                 "(version 2, ikke 1); hent den igen");
  }
  const auto now = reviews->find("sygedagpenge-2027-K3", "S-1");
  EXPECT_EQ(now->state, ReviewState::in_progress);
  EXPECT_EQ(now->assignee, "anna");
  EXPECT_EQ(now->updated_at, "2027-10-02T10:00:00Z");
  CaseReview missing = review("S-9", "x");
  EXPECT_THROW(reviews->update(missing, "t"), NotFound);
}

TEST_F(CaseReviewRepositoryTest, MarkOverdueOnceWithoutTouchingTheVersion) {
  auto reviews = make_case_review_repository(db());
  reviews->add(review("S-1", "y"));
  reviews->add(review("S-2", "y"));
  EXPECT_TRUE(reviews->mark_overdue("sygedagpenge-2027-K3", "S-1"));
  EXPECT_FALSE(reviews->mark_overdue("sygedagpenge-2027-K3", "S-1"));
  const auto stored = reviews->find("sygedagpenge-2027-K3", "S-1");
  EXPECT_TRUE(stored->overdue);
  EXPECT_EQ(stored->version, 1);
  ReviewFilter overdue;
  overdue.overdue_only = true;
  ASSERT_EQ(reviews->list(overdue).size(), 1u);
  ReviewFilter awaiting;
  awaiting.awaiting_reviewer_only = true;
  CaseReview submitted = *reviews->find("sygedagpenge-2027-K3", "S-2");
  submitted.state = ReviewState::submitted;
  reviews->update(submitted, "t");
  ASSERT_EQ(reviews->list(awaiting).size(), 1u);
  ReviewFilter by_assignee;
  by_assignee.assignee = "bo";
  EXPECT_TRUE(reviews->list(by_assignee).empty());
}

}  // namespace
}  // namespace sagsaudit::storage
