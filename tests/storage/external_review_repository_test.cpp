// External reviews: stored whole, replaced until locked, read back exactly; blind rounds.
#include "storage/external_review_repository.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "storage/round_repository.hpp"
#include "storage/storage_test_support.hpp"
#include "storage/workflow_storage_support.hpp"

namespace sagsaudit::storage {
namespace {

const std::string kRound = "sygedagpenge-2027-K3";

class ExternalReviewRepositoryTest : public testing::MigratedStorageTest {
 protected:
  void SetUp() override {
    MigratedStorageTest::SetUp();
    if (IsSkipped()) return;
    testing::insert_versions(db());
    make_round_repository(db())->create(testing::sample_round());
  }

  static ExternalReview review(const std::string& source, const std::string& sha) {
    ExternalReview r;
    r.round_id = kRound;
    r.source = source;
    r.file_name = "revisor.csv";
    r.file_sha256 = sha;
    r.imported_at = "2027-11-01T08:00:00Z";
    r.imported_by = "cli:dorte";
    return r;
  }

  static ExternalAnswer answer(const std::string& number, const std::string& control, Answer a,
                               const std::string& comment, bool in_sample, int line) {
    return ExternalAnswer{number, control, a, comment, in_sample, line};
  }
};

TEST_F(ExternalReviewRepositoryTest, StoresAndReadsEveryFieldInByteOrder) {
  auto repo = make_external_review_repository(db());
  repo->store(review("Deloitte", std::string(64, 'a')),
              {answer("S-2", "SD-N01", Answer::error, "mangler ÆØÅ-dokumentation", true, 3),
               answer("S-1", "SD-N02", Answer::correct, "", true, 2),
               answer("S-1", "SD-F01", Answer::not_assessable, "akt mangler", true, 4),
               answer("X-9", "SD-N01", Answer::not_applicable, "", false, 5)});
  const auto found = repo->find(kRound, "Deloitte");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->file_name, "revisor.csv");
  EXPECT_EQ(found->file_sha256, std::string(64, 'a'));
  EXPECT_EQ(found->imported_at, "2027-11-01T08:00:00Z");
  EXPECT_EQ(found->imported_by, "cli:dorte");
  EXPECT_FALSE(found->locked);
  EXPECT_EQ(found->locked_at, "");

  const auto answers = repo->answers(kRound, "Deloitte");
  ASSERT_EQ(answers.size(), 4u);
  EXPECT_EQ(answers[0].case_number, "S-1");
  EXPECT_EQ(answers[0].control_id, "SD-F01");
  EXPECT_EQ(answers[0].answer, Answer::not_assessable);
  EXPECT_EQ(answers[0].line, 4);
  EXPECT_EQ(answers[1].control_id, "SD-N02");
  EXPECT_EQ(answers[2].case_number, "S-2");
  EXPECT_EQ(answers[2].comment, "mangler ÆØÅ-dokumentation");
  EXPECT_TRUE(answers[2].in_sample);
  EXPECT_EQ(answers[3].case_number, "X-9");
  EXPECT_FALSE(answers[3].in_sample);
  EXPECT_EQ(answers[3].answer, Answer::not_applicable);
  EXPECT_TRUE(repo->answers(kRound, "KPMG").empty());
  EXPECT_FALSE(repo->find(kRound, "KPMG"));
}

TEST_F(ExternalReviewRepositoryTest, SeveralSourcesAndReplacingUntilLocked) {
  auto repo = make_external_review_repository(db());
  repo->store(review("KPMG", std::string(64, 'k')),
              {answer("S-1", "SD-N01", Answer::correct, "", true, 2)});
  repo->store(review("Deloitte", std::string(64, 'a')),
              {answer("S-1", "SD-N01", Answer::correct, "", true, 2),
               answer("S-2", "SD-N01", Answer::correct, "", true, 3)});
  // A second import from Deloitte replaces the first one's answers entirely.
  repo->store(review("Deloitte", std::string(64, 'b')),
              {answer("S-3", "SD-N01", Answer::error, "for sent", true, 2)});
  const auto list = repo->list(kRound);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].source, "Deloitte");
  EXPECT_EQ(list[0].file_sha256, std::string(64, 'b'));
  EXPECT_EQ(list[1].source, "KPMG");
  const auto answers = repo->answers(kRound, "Deloitte");
  ASSERT_EQ(answers.size(), 1u);
  EXPECT_EQ(answers[0].case_number, "S-3");
  EXPECT_EQ(testing::row_count(db(), "external_review_answers"), 2);

  repo->lock(kRound, "Deloitte", "2027-11-02T09:00:00Z", "cli:dorte");
  const auto locked = repo->find(kRound, "Deloitte");
  EXPECT_TRUE(locked->locked);
  EXPECT_EQ(locked->locked_at, "2027-11-02T09:00:00Z");
  EXPECT_EQ(locked->locked_by, "cli:dorte");
  EXPECT_THROW(repo->lock(kRound, "Deloitte", "t", "x"), ConflictError);
  EXPECT_THROW(repo->lock(kRound, "PwC", "t", "x"), NotFound);
  EXPECT_THROW(repo->store(review("Deloitte", std::string(64, 'c')), {}), ConflictError);
  EXPECT_EQ(repo->answers(kRound, "Deloitte").size(), 1u);  // untouched
  EXPECT_FALSE(repo->find(kRound, "KPMG")->locked);
}

TEST_F(ExternalReviewRepositoryTest, StoreInsideATransactionIsRolledBackWithIt) {
  auto repo = make_external_review_repository(db());
  {
    Transaction transaction(db());
    repo->store(review("Deloitte", std::string(64, 'a')),
                {answer("S-1", "SD-N01", Answer::correct, "", true, 2)});
  }
  EXPECT_FALSE(repo->find(kRound, "Deloitte"));
  EXPECT_EQ(testing::row_count(db(), "external_review_answers"), 0);
}

TEST_F(ExternalReviewRepositoryTest, BlindRoundsAreMarkedOnce) {
  auto repo = make_external_review_repository(db());
  EXPECT_FALSE(repo->blind(kRound));
  repo->mark_blind(BlindMark{kRound, "2027-10-01T08:00:00Z", "cli:dorte"});
  const auto mark = repo->blind(kRound);
  ASSERT_TRUE(mark);
  EXPECT_EQ(mark->marked_at, "2027-10-01T08:00:00Z");
  EXPECT_EQ(mark->marked_by, "cli:dorte");
  EXPECT_THROW(repo->mark_blind(BlindMark{kRound, "t", "x"}), ConflictError);
  // An unknown round is refused by the foreign key.
  EXPECT_THROW(repo->mark_blind(BlindMark{"nope-2027-K1", "t", "x"}), StorageError);
}

}  // namespace
}  // namespace sagsaudit::storage
