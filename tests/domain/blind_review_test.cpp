// Blind review: who may see which side's answers while a round keeps them apart.
#include "domain/blind_review.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

const BlindState kApart{true, false};

TEST(BlindReview, OnlyABlindUnlockedRoundKeepsTheSidesApart) {
  EXPECT_FALSE(keeps_sides_apart(BlindState{false, false}));
  EXPECT_FALSE(keeps_sides_apart(BlindState{false, true}));
  EXPECT_TRUE(keeps_sides_apart(BlindState{true, false}));
  EXPECT_FALSE(keeps_sides_apart(BlindState{true, true}));  // locked: lifted
}

TEST(BlindReview, TheRevisorCannotSeeTheMunicipalitysAnswersWhileApart) {
  EXPECT_FALSE(may_see(UserRole::auditor, ReviewSide::municipality, kApart));
  EXPECT_TRUE(may_see(UserRole::auditor, ReviewSide::auditor, kApart));
}

TEST(BlindReview, TheMunicipalitysRolesCannotSeeTheAuditorsAnswersWhileApart) {
  for (const auto role : {UserRole::admin, UserRole::coordinator, UserRole::manager}) {
    EXPECT_FALSE(may_see(role, ReviewSide::auditor, kApart)) << role_code(role);
    EXPECT_TRUE(may_see(role, ReviewSide::municipality, kApart)) << role_code(role);
  }
  // Somebody who is not a user counts as the municipality's.
  EXPECT_FALSE(may_see(std::nullopt, ReviewSide::auditor, kApart));
  EXPECT_TRUE(may_see(std::nullopt, ReviewSide::municipality, kApart));
}

TEST(BlindReview, EverybodySeesBothSidesOnceLockedOrWhenNotBlind) {
  for (const BlindState state : {BlindState{true, true}, BlindState{false, false}}) {
    for (const auto role :
         {UserRole::admin, UserRole::coordinator, UserRole::manager, UserRole::auditor}) {
      EXPECT_TRUE(may_see(role, ReviewSide::auditor, state));
      EXPECT_TRUE(may_see(role, ReviewSide::municipality, state));
    }
  }
}

TEST(BlindReview, TheRefusalSaysWhoWhatAndHowItEnds) {
  EXPECT_EQ(blind_refusal("sygedagpenge-2027-K1", UserRole::auditor, ReviewSide::municipality),
            "runden sygedagpenge-2027-K1 er blind: rollen revisor kan ikke se kommunens svar, før "
            "revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). Forsøget er "
            "skrevet i revisionsloggen.");
  EXPECT_EQ(blind_refusal("x", std::nullopt, ReviewSide::auditor),
            "runden x er blind: en bruger uden rolle kan ikke se revisorens svar, før "
            "revisorgennemgangen er indlæst og låst ('sagsaudit compare lock'). Forsøget er "
            "skrevet i revisionsloggen.");
}

}  // namespace
}  // namespace sagsaudit
