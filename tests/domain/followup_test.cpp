// Opfølgning: initiative status at its boundaries, corrections, which cells get an initiative.
#include "domain/followup.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

const Date kDeadline = make_date(2027, 6, 30);
const FollowupRules kLimit30{30};

InitiativeStatus status_on(InitiativeMarker marker, Date today, FollowupRules rules = kLimit30) {
  return initiative_status(marker, kDeadline, today, rules);
}

TEST(InitiativeStatus, OpenFollowsTheDeadlineAtEveryBoundary) {
  using S = InitiativeStatus;
  const auto open = InitiativeMarker::open;
  EXPECT_EQ(status_on(open, make_date(2027, 6, 29)), S::in_progress);  // the day before
  EXPECT_EQ(status_on(open, make_date(2027, 6, 30)), S::in_progress);  // the deadline day
  EXPECT_EQ(status_on(open, make_date(2027, 7, 1)), S::yellow);        // the day after: 1 day
  EXPECT_EQ(status_on(open, make_date(2027, 7, 30)), S::yellow);       // day 30 = the limit
  EXPECT_EQ(status_on(open, make_date(2027, 7, 31)), S::red);          // day 31 = limit + 1
  EXPECT_EQ(status_on(open, make_date(2028, 6, 30)), S::red);
}

TEST(InitiativeStatus, TheLimitIsConfigurable) {
  using S = InitiativeStatus;
  const auto open = InitiativeMarker::open;
  EXPECT_EQ(status_on(open, make_date(2027, 7, 1), FollowupRules{1}), S::yellow);  // day 1 = N
  EXPECT_EQ(status_on(open, make_date(2027, 7, 2), FollowupRules{1}), S::red);     // N + 1
  EXPECT_EQ(status_on(open, make_date(2027, 7, 14), FollowupRules{14}), S::yellow);
  EXPECT_EQ(status_on(open, make_date(2027, 7, 15), FollowupRules{14}), S::red);
}

TEST(InitiativeStatus, MarkersOverrideOrRaiseTheDeadlineRule) {
  using M = InitiativeMarker;
  using S = InitiativeStatus;
  // Done is green whether early, on time or late.
  EXPECT_EQ(status_on(M::done, make_date(2027, 6, 1)), S::green);
  EXPECT_EQ(status_on(M::done, make_date(2027, 6, 30)), S::green);
  EXPECT_EQ(status_on(M::done, make_date(2028, 1, 1)), S::green);
  // At risk is red at once.
  EXPECT_EQ(status_on(M::at_risk, make_date(2027, 6, 1)), S::red);
  EXPECT_EQ(status_on(M::at_risk, make_date(2027, 7, 1)), S::red);
  // Delayed is yellow before the deadline and until the limit, red beyond it.
  EXPECT_EQ(status_on(M::delayed, make_date(2027, 6, 1)), S::yellow);
  EXPECT_EQ(status_on(M::delayed, make_date(2027, 6, 30)), S::yellow);
  EXPECT_EQ(status_on(M::delayed, make_date(2027, 7, 30)), S::yellow);
  EXPECT_EQ(status_on(M::delayed, make_date(2027, 7, 31)), S::red);
}

TEST(InitiativeStatus, WithoutADeadlineAnOpenInitiativeIsInProgress) {
  EXPECT_EQ(
      initiative_status(InitiativeMarker::open, std::nullopt, make_date(2030, 1, 1), kLimit30),
      InitiativeStatus::in_progress);
  EXPECT_EQ(
      initiative_status(InitiativeMarker::delayed, std::nullopt, make_date(2030, 1, 1), kLimit30),
      InitiativeStatus::yellow);
  EXPECT_EQ(days_overdue(std::nullopt, make_date(2030, 1, 1)), 0);
}

TEST(InitiativeStatus, DaysOverdueCountsWholeDaysAfterTheDeadline) {
  EXPECT_EQ(days_overdue(kDeadline, make_date(2027, 6, 29)), 0);
  EXPECT_EQ(days_overdue(kDeadline, make_date(2027, 6, 30)), 0);
  EXPECT_EQ(days_overdue(kDeadline, make_date(2027, 7, 1)), 1);
  EXPECT_EQ(days_overdue(kDeadline, make_date(2028, 6, 30)), 366);  // 2028 is a leap year
}

TEST(InitiativeStatus, WordsAndSeedTexts) {
  EXPECT_EQ(danish_label(InitiativeStatus::in_progress), "i gang");
  EXPECT_EQ(danish_label(InitiativeStatus::green), "grøn");
  EXPECT_EQ(danish_label(InitiativeStatus::yellow), "gul");
  EXPECT_EQ(danish_label(InitiativeStatus::red), "rød");
  EXPECT_EQ(status_text(InitiativeStatus::green), "Initiativet er opfyldt");
  EXPECT_EQ(status_text(InitiativeStatus::yellow), "Initiativet forløber med nogen forsinkelse");
  EXPECT_EQ(status_text(InitiativeStatus::red),
            "Initiativet forløber med stor forsinkelse, risiko for manglende opfyldelse");
  EXPECT_EQ(status_code(InitiativeStatus::in_progress), "in_progress");
  EXPECT_EQ(status_code(InitiativeStatus::red), "red");
}

TEST(InitiativeMarker, CodesAndWordsRoundTrip) {
  const std::vector<std::tuple<InitiativeMarker, std::string, std::string>> all = {
      {InitiativeMarker::open, "open", "åben"},
      {InitiativeMarker::done, "done", "opfyldt"},
      {InitiativeMarker::delayed, "delayed", "forsinket"},
      {InitiativeMarker::at_risk, "at_risk", "i risiko"}};
  for (const auto& [marker, code, word] : all) {
    EXPECT_EQ(marker_code(marker), code);
    EXPECT_EQ(danish_label(marker), word);
    EXPECT_EQ(parse_initiative_marker(code), marker);
    EXPECT_EQ(parse_initiative_marker(word), marker);
  }
  EXPECT_EQ(parse_initiative_marker("færdig"), std::nullopt);
  EXPECT_TRUE(is_open(InitiativeMarker::delayed));
  EXPECT_FALSE(is_open(InitiativeMarker::done));
}

TEST(InitiativeMarker, EveryChangeNeedsAReason) {
  EXPECT_NO_THROW(check_marker_change("3", InitiativeMarker::open, InitiativeMarker::done, "x"));
  try {
    check_marker_change("3", InitiativeMarker::open, InitiativeMarker::delayed, "  ");
    FAIL() << "a blank reason was accepted";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].field, "--reason");
    EXPECT_EQ(e.issues()[0].message, "en ændring af status kræver en begrundelse (initiativ 3)");
  }
  EXPECT_THROW(check_marker_change("3", InitiativeMarker::done, InitiativeMarker::done, "x"),
               ConflictError);
}

TEST(FollowupRules, TheLimitIsAWholeNumberOfDaysFromOne) {
  const std::string field = "[opfoelgning] gul_graense_dage";
  EXPECT_EQ(parse_followup_rules("30", field).yellow_limit_days, 30);
  EXPECT_EQ(parse_followup_rules("1", field).yellow_limit_days, 1);
  EXPECT_EQ(parse_followup_rules("3650", field).yellow_limit_days, 3650);
  for (const char* bad : {"0", "-3", "3651", "", "14 dage", "2.5"}) {
    try {
      parse_followup_rules(bad, field);
      FAIL() << bad << " was accepted";
    } catch (const ValidationError& e) {
      ASSERT_EQ(e.issues().size(), 1u);
      EXPECT_EQ(e.issues()[0].field, field);
      EXPECT_EQ(e.issues()[0].message,
                "skal være et helt antal dage fra 1 til 3650, ikke '" + std::string(bad) + "'");
    }
  }
}

TEST(InitiativeOrder, RedBeforeYellowBeforeInProgressBeforeGreenMostOverdueFirst) {
  using S = InitiativeStatus;
  EXPECT_TRUE(report_before(S::red, 0, S::yellow, 20));
  EXPECT_TRUE(report_before(S::yellow, 0, S::in_progress, 0));
  EXPECT_TRUE(report_before(S::in_progress, 0, S::green, 0));
  EXPECT_TRUE(report_before(S::red, 40, S::red, 31));
  EXPECT_FALSE(report_before(S::red, 31, S::red, 40));
  EXPECT_FALSE(report_before(S::red, 5, S::red, 5));
}

TEST(InitiativeCells, RedNeedsOneYellowMayHaveOne) {
  EXPECT_TRUE(needs_initiative(TrafficLight::red));
  EXPECT_FALSE(needs_initiative(TrafficLight::yellow));
  EXPECT_FALSE(needs_initiative(TrafficLight::green));
  EXPECT_FALSE(needs_initiative(std::nullopt));
  EXPECT_TRUE(may_have_initiative(TrafficLight::red));
  EXPECT_TRUE(may_have_initiative(TrafficLight::yellow));
  EXPECT_FALSE(may_have_initiative(TrafficLight::green));
  EXPECT_FALSE(may_have_initiative(std::nullopt));
}

TEST(Correction, StatesAndWords) {
  EXPECT_EQ(danish_label(CorrectionState::open), "åben");
  EXPECT_EQ(danish_label(CorrectionState::corrected), "berigtiget");
  EXPECT_EQ(danish_label(CorrectionState::not_relevant), "ikke relevant");
  EXPECT_EQ(parse_correction_state("berigtiget"), CorrectionState::corrected);
  EXPECT_EQ(parse_correction_state("ikke-relevant"), CorrectionState::not_relevant);
  EXPECT_EQ(parse_correction_state("ikke relevant"), CorrectionState::not_relevant);
  EXPECT_EQ(parse_correction_state("not_relevant"), CorrectionState::not_relevant);
  EXPECT_EQ(parse_correction_state("lukket"), std::nullopt);
}

TEST(Correction, NotRelevantAndReopeningNeedAReason) {
  EXPECT_NO_THROW(
      check_correction_change("7", CorrectionState::open, CorrectionState::corrected, ""));
  EXPECT_NO_THROW(check_correction_change("7", CorrectionState::open, CorrectionState::not_relevant,
                                          "dobbelt"));
  try {
    check_correction_change("7", CorrectionState::open, CorrectionState::not_relevant, "");
    FAIL() << "ikke relevant without a reason was accepted";
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.issues().size(), 1u);
    EXPECT_EQ(e.issues()[0].field, "--reason");
    EXPECT_EQ(e.issues()[0].message, "'ikke relevant' kræver en begrundelse (berigtigelse 7)");
  }
  EXPECT_THROW(check_correction_change("7", CorrectionState::corrected, CorrectionState::open, " "),
               ValidationError);
  EXPECT_THROW(
      check_correction_change("7", CorrectionState::corrected, CorrectionState::corrected, "x"),
      ConflictError);
}

TEST(Improvement, PercentBeforeAndAfterRoundedHalfUp) {
  const auto better = improvement(14, 20, 19, 20);  // 70 % → 95 %
  EXPECT_EQ(better.before, 70);
  EXPECT_EQ(better.after, 95);
  EXPECT_EQ(better.improved, true);
  const auto same = improvement(149, 200, 3, 4);  // 74.5 % shows 75 → 75 %
  EXPECT_EQ(same.before, 75);
  EXPECT_EQ(same.after, 75);
  EXPECT_EQ(same.improved, false);
  const auto none = improvement(3, 4, 0, 0);
  EXPECT_EQ(none.after, std::nullopt);
  EXPECT_EQ(none.improved, std::nullopt);
}

TEST(Kroner, SumsExactlyToTheOere) {
  const Decimal total = sum_kroner(Decimal{123450, 100}, Decimal{5, 1});  // 1234,50 + 5
  EXPECT_EQ(total.numerator, 12395);
  EXPECT_EQ(total.denominator, 10);
  EXPECT_EQ(total.to_string(), "1239.5");
  const Decimal whole = sum_kroner(Decimal{25, 1}, Decimal{75, 1});
  EXPECT_EQ(whole.numerator, 100);
  EXPECT_EQ(whole.denominator, 1);
  const Decimal tenths = sum_kroner(Decimal{1, 10}, Decimal{2, 100});  // 0,1 + 0,02
  EXPECT_EQ(tenths.numerator, 12);
  EXPECT_EQ(tenths.denominator, 100);
  EXPECT_THROW(sum_kroner(Decimal{1, 1000}, Decimal{0, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace sagsaudit
