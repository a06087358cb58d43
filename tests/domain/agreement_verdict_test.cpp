// The verdict in words and the true-error-rate sentence, on tables worked by hand
// (docs/agreement.md, "Verdict").
#include "domain/agreement_verdict.hpp"

#include <gtest/gtest.h>

namespace sagsaudit {
namespace {

AgreementStatistics stats(std::int64_t a, std::int64_t b, std::int64_t c, std::int64_t d) {
  // Rows: the municipality korrekt, fejl; columns: the auditor korrekt, fejl.
  return agreement_statistics(make_agreement_table({"korrekt", "fejl"}, {{a, b}, {c, d}}),
                              AnswerScale{});
}

TEST(AgreementVerdict, HighAgreement) {
  // pa = 0,97; π = (0,915, 0,085); pe = 2·0,915·0,085 = 0,15555; AC1 = 0,81445/0,84445 = 0,9645.
  // McNemar b = 2, c = 1: exact p = 1, no systematic difference.
  const auto v = agreement_verdict(stats(90, 2, 1, 7));
  EXPECT_EQ(v.level, AgreementLevel::high);
  EXPECT_FALSE(v.stricter);
  EXPECT_EQ(v.headline, "Høj overensstemmelse");
  EXPECT_EQ(v.explanation, "AC1 0,96 på 100 kontroller, enige i 97,0 %.");
}

TEST(AgreementVerdict, ASystematicallyStricterAuditorCapsTheVerdictAtModerate) {
  // AC1 = (0,87 − 0,23355)/0,76645 = 0,8304 would be high, but b = 12, c = 1:
  // exact p = 2·(1 + 13)/2^13 = 0,003418 < 0,05, and the auditor finds 19 % against our 8 %.
  const auto v = agreement_verdict(stats(80, 12, 1, 7));
  EXPECT_EQ(v.level, AgreementLevel::moderate);
  ASSERT_TRUE(v.stricter);
  EXPECT_EQ(*v.stricter, StricterSide::auditor);
  EXPECT_EQ(v.headline, "Moderat overensstemmelse");
  EXPECT_EQ(v.explanation,
            "AC1 0,83 på 100 kontroller, enige i 87,0 %. Revisor finder systematisk flere fejl "
            "(19,0 % hos revisor mod 8,0 % hos kommunen; McNemar p = 0,003).");
}

TEST(AgreementVerdict, AStricterMunicipalityIsNamedToo) {
  const auto v = agreement_verdict(stats(80, 1, 12, 7));
  ASSERT_TRUE(v.stricter);
  EXPECT_EQ(*v.stricter, StricterSide::municipality);
}

TEST(AgreementVerdict, LowAgreement) {
  // pa = 40/60; π = (2/3, 1/3); pe = 4/9; AC1 = (2/3 − 4/9)/(5/9) = 0,40. b = c: no difference.
  const auto v = agreement_verdict(stats(30, 10, 10, 10));
  EXPECT_EQ(v.level, AgreementLevel::low);
  EXPECT_EQ(v.headline, "Lav overensstemmelse");
  EXPECT_EQ(v.explanation, "AC1 0,40 på 60 kontroller, enige i 66,7 %.");
}

TEST(AgreementVerdict, ModerateBetweenTheThresholds) {
  // pa = 0,80; π = (0,7, 0,3); pe = 0,42; AC1 = 0,38/0,58 = 0,655. b = c = 10.
  const auto v = agreement_verdict(stats(60, 10, 10, 20));
  EXPECT_EQ(v.level, AgreementLevel::moderate);
  EXPECT_EQ(v.explanation, "AC1 0,66 på 100 kontroller, enige i 80,0 %.");
}

TEST(AgreementVerdict, TooFewPairs) {
  const auto v = agreement_verdict(stats(5, 0, 0, 4));
  EXPECT_EQ(v.level, AgreementLevel::too_few_pairs);
  EXPECT_EQ(v.headline, "For få par til en vurdering");
  EXPECT_EQ(v.explanation,
            "Kun 9 kontroller er besvaret korrekt eller fejl af begge; der skal mindst 10 til.");
}

TEST(DanishPValue, NeverShowsZero) {
  EXPECT_EQ(danish_p_value(0.0341), "p = 0,034");
  EXPECT_EQ(danish_p_value(1.0), "p = 1,000");
  EXPECT_EQ(danish_p_value(0.001), "p = 0,001");
  EXPECT_EQ(danish_p_value(0.000999), "p < 0,001");
}

TEST(TrueErrorRateSentence, SaysWhichWayAndWhetherBeyondTheUncertainty) {
  TrueErrorRateEstimate e;
  e.municipality_rate = 0.04;
  e.estimate = 0.063;
  e.interval = {0.021, 0.104};
  EXPECT_EQ(describe_true_error_rate(e),
            "Ud fra revisorens gengennemgang anslås den sande fejlandel til 6,3 % "
            "(95 %-interval 2,1–10,4 %), mod 4,0 % i kommunens egen gennemgang. Kommunens egne "
            "gennemgange finder altså færre fejl, end revisor vurderer, der er; forskellen ligger "
            "dog inden for usikkerheden.");
  e.interval = {0.05, 0.08};
  EXPECT_EQ(describe_true_error_rate(e),
            "Ud fra revisorens gengennemgang anslås den sande fejlandel til 6,3 % "
            "(95 %-interval 5,0–8,0 %), mod 4,0 % i kommunens egen gennemgang. Kommunens egne "
            "gennemgange finder altså færre fejl, end revisor vurderer, der er, og forskellen er "
            "større end usikkerheden.");
  e.estimate = 0.04;
  e.interval = {0.02, 0.06};
  EXPECT_EQ(describe_true_error_rate(e),
            "Ud fra revisorens gengennemgang anslås den sande fejlandel til 4,0 % "
            "(95 %-interval 2,0–6,0 %), mod 4,0 % i kommunens egen gennemgang. Revisors "
            "gengennemgang ændrer altså ikke kommunens egen fejlandel.");
}

}  // namespace
}  // namespace sagsaudit
