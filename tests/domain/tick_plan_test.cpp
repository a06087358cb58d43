// The tick plan: rounds created once, on the first day of their period; windows opened and
// closed once; a second tick the same day finds nothing; a gap is caught up exactly.
#include "domain/tick_plan.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

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

// The ten ydelsestyper at seed 003's frequencies (5 × 4 + 4 × 2 + 1 = 29 rounds a year).
AnnualWheel seed_wheel() {
  AnnualWheel w;
  w.window_days = 30;
  w.version = std::string(64, 'w');
  for (auto code :
       {"kontanthjaelp", "revalidering", "sygedagpenge", "forsikrede_ledige", "loentilskud"}) {
    w.entries.push_back(entry(code, Frequency::quarterly));
  }
  for (auto code : {"integration", "fleksjob_ledighedsydelse", "foertidspension", "fleksydelse"}) {
    w.entries.push_back(entry(code, Frequency::half_yearly, 45));
  }
  w.entries.push_back(entry("delpension", Frequency::yearly, 60));
  return w;
}

std::map<std::string, std::string> all_concepts(const AnnualWheel& w) {
  std::map<std::string, std::string> out;
  for (const auto& e : w.entries) out[e.benefit_type] = "concept-" + e.benefit_type;
  return out;
}

Date d(int y, unsigned m, unsigned day) {
  return make_date(y, m, day);
}

// A stored world that applies plans as tick would.
struct World {
  const AnnualWheel* wheel;
  std::map<std::string, std::string> concepts;
  int first_year;
  std::vector<TickRound> rounds;
  std::vector<TickReview> reviews;
  std::map<std::string, Date> created_on, opened_on, closed_on;

  TickPlan plan(Date today) const {
    TickInput input;
    input.today = today;
    input.first_year = first_year;
    input.wheel = wheel;
    input.concept_versions = concepts;
    input.rounds = rounds;
    input.reviews = reviews;
    return plan_tick(input);
  }

  TickPlan tick(Date today) {
    TickPlan p = plan(today);
    for (const auto& c : p.create) {
      EXPECT_FALSE(created_on.count(c.planned.id)) << c.planned.id << " created twice";
      created_on[c.planned.id] = today;
      rounds.push_back(TickRound{c.planned.id, c.planned.window_opens, c.planned.window_closes,
                                 RoundState::planned});
    }
    for (auto& r : rounds) {
      if (std::find(p.open_windows.begin(), p.open_windows.end(), r.id) != p.open_windows.end()) {
        EXPECT_FALSE(r.window_opened) << r.id;
        r.window_opened = true;
        opened_on[r.id] = today;
      }
      if (std::find(p.close_windows.begin(), p.close_windows.end(), r.id) !=
          p.close_windows.end()) {
        EXPECT_FALSE(r.window_closed) << r.id;
        r.window_closed = true;
        closed_on[r.id] = today;
      }
    }
    for (auto& review : reviews) {
      for (const auto& ref : p.overdue) {
        if (ref.round_id == review.round_id && ref.case_number == review.case_number) {
          review.overdue = true;
        }
      }
    }
    return p;
  }
};

TEST(TickPlan, DailyTicksThrough2027CreateThe29RoundsOnceOnTheFirstDayOfTheirPeriod) {
  const AnnualWheel wheel = seed_wheel();
  World world{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  int ticks_with_work = 0;
  for (Date day = d(2027, 1, 1); day <= d(2027, 12, 31); day = add_days(day, 1)) {
    const TickPlan first = world.tick(day);
    if (!first.empty()) ++ticks_with_work;
    EXPECT_TRUE(world.plan(day).empty()) << "second tick on " << to_iso(day);
  }
  ASSERT_EQ(world.created_on.size(), 29u);
  for (const auto& planned : plan_rounds(wheel, 2027)) {
    EXPECT_EQ(world.created_on.at(planned.id), planned.period.first_day()) << planned.id;
  }
  // Windows of K1–K3, H1 open within 2027; K4, H2 and the year open on 1 January 2028.
  EXPECT_EQ(world.opened_on.size(), 5u * 3 + 4);
  EXPECT_EQ(world.opened_on.at("sygedagpenge-2027-K1"), d(2027, 4, 1));
  EXPECT_EQ(world.closed_on.at("sygedagpenge-2027-K1"), d(2027, 5, 1));  // 30 days: 1–30 April
  EXPECT_EQ(world.opened_on.at("integration-2027-H1"), d(2027, 7, 1));
  EXPECT_EQ(world.closed_on.at("integration-2027-H1"), d(2027, 8, 15));  // 45 days: 1 Jul–14 Aug
  EXPECT_EQ(world.closed_on.size(), 5u * 3 + 4);
  EXPECT_FALSE(world.opened_on.count("delpension-2027"));
  // Work on: 1 Jan (10 created), 1 Apr, 1 May, 1 Jul, 31 Jul, 15 Aug, 1 Oct, 31 Oct.
  EXPECT_EQ(ticks_with_work, 8);
}

TEST(TickPlan, AGapOfMonthsCatchesUpToTheSameStateAsDailyTicks) {
  const AnnualWheel wheel = seed_wheel();
  World daily{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  for (Date day = d(2027, 1, 1); day <= d(2027, 11, 15); day = add_days(day, 1)) daily.tick(day);

  World gap{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  gap.tick(d(2027, 1, 10));
  const TickPlan caught_up = gap.tick(d(2027, 11, 15));
  EXPECT_EQ(caught_up.create.size(), 19u);  // K2, K3, K4 (3 × 5) and H2 (4)
  ASSERT_EQ(gap.rounds.size(), daily.rounds.size());
  std::map<std::string, std::pair<bool, bool>> a, b;
  for (const auto& r : daily.rounds) a[r.id] = {r.window_opened, r.window_closed};
  for (const auto& r : gap.rounds) b[r.id] = {r.window_opened, r.window_closed};
  EXPECT_EQ(a, b);
  EXPECT_TRUE(gap.plan(d(2027, 11, 15)).empty());
  // Rounds created in the catch-up open and close in the same tick, in window order.
  EXPECT_EQ(caught_up.open_windows.front(), "forsikrede_ledige-2027-K1");
  EXPECT_EQ(caught_up.close_windows.back(), "sygedagpenge-2027-K3");
}

TEST(TickPlan, YearsBeforeTheFirstTickAreNotCreated) {
  const AnnualWheel wheel = seed_wheel();
  World world{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  const TickPlan p = world.tick(d(2027, 1, 20));
  EXPECT_EQ(p.create.size(), 10u);
  for (const auto& c : p.create) EXPECT_EQ(c.planned.period.year, 2027) << c.planned.id;

  World earlier{&wheel, all_concepts(wheel), 2026, {}, {}, {}, {}, {}};
  const TickPlan q = earlier.tick(d(2027, 1, 20));
  EXPECT_EQ(q.create.size(), 39u);         // all of 2026 and the ten of 2027 that have started
  EXPECT_EQ(q.open_windows.size(), 29u);   // 2026's 29 windows have opened by 20 January 2027
  EXPECT_EQ(q.close_windows.size(), 19u);  // K1–K3 and H1; K4, H2 and the year are open
}

TEST(TickPlan, NothingBeforeAPeriodStarts) {
  const AnnualWheel wheel = seed_wheel();
  World world{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  EXPECT_TRUE(world.tick(d(2026, 12, 31)).empty());
  EXPECT_EQ(world.tick(d(2027, 1, 1)).create.size(), 10u);
  EXPECT_TRUE(world.tick(d(2027, 3, 31)).empty());
  EXPECT_EQ(world.tick(d(2027, 4, 1)).create.size(), 5u);
}

TEST(TickPlan, ATypeWithoutAConceptIsSkippedAndCreatedOnceItHasOne) {
  const AnnualWheel wheel = seed_wheel();
  auto concepts = all_concepts(wheel);
  concepts.erase("delpension");
  World world{&wheel, concepts, 2027, {}, {}, {}, {}, {}};
  const TickPlan p = world.tick(d(2027, 1, 1));
  EXPECT_EQ(p.create.size(), 9u);
  ASSERT_EQ(p.skipped.size(), 1u);
  EXPECT_EQ(p.skipped[0].field, "delpension-2027");
  world.concepts["delpension"] = "concept-delpension";
  const TickPlan q = world.tick(d(2027, 1, 2));
  ASSERT_EQ(q.create.size(), 1u);
  EXPECT_EQ(q.create[0].planned.id, "delpension-2027");
  EXPECT_EQ(q.create[0].concept_version, "concept-delpension");
}

TEST(TickPlan, ReviewsAreOverdueTheDayAfterTheirDueDateUnlessSubmitted) {
  const AnnualWheel wheel = seed_wheel();
  World world{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  world.tick(d(2027, 4, 1));
  const Date due = d(2027, 4, 30);
  world.reviews = {{"sygedagpenge-2027-K1", "S-3", ReviewState::assigned, due, false},
                   {"sygedagpenge-2027-K1", "S-1", ReviewState::in_progress, due, false},
                   {"sygedagpenge-2027-K1", "S-2", ReviewState::submitted, due, false},
                   {"sygedagpenge-2027-K1", "S-4", ReviewState::approved, due, false},
                   {"sygedagpenge-2027-K1", "S-5", ReviewState::returned, due, false},
                   {"sygedagpenge-2027-K1", "S-6", ReviewState::returned, due, true}};
  EXPECT_TRUE(world.tick(d(2027, 4, 30)).overdue.empty());
  const TickPlan p = world.tick(d(2027, 5, 1));
  EXPECT_EQ(p.overdue, (std::vector<ReviewRef>{{"sygedagpenge-2027-K1", "S-1"},
                                               {"sygedagpenge-2027-K1", "S-3"},
                                               {"sygedagpenge-2027-K1", "S-5"}}));
  EXPECT_TRUE(world.plan(d(2027, 5, 1)).empty());
}

TEST(TickPlan, ARoundUnderReviewClosesWhenEveryReviewIsApproved) {
  const AnnualWheel wheel = seed_wheel();
  World world{&wheel, all_concepts(wheel), 2027, {}, {}, {}, {}, {}};
  world.tick(d(2027, 4, 2));
  for (auto& r : world.rounds) {
    if (r.id == "sygedagpenge-2027-K1") {
      r.state = RoundState::in_review;
      r.reviews = 3;
      r.approved_reviews = 2;
    }
    if (r.id == "revalidering-2027-K1") r.state = RoundState::in_review;  // no reviews: stays
  }
  EXPECT_TRUE(world.plan(d(2027, 4, 3)).close_rounds.empty());
  for (auto& r : world.rounds) {
    if (r.id == "sygedagpenge-2027-K1") r.approved_reviews = 3;
  }
  EXPECT_EQ(world.plan(d(2027, 4, 3)).close_rounds,
            std::vector<std::string>{"sygedagpenge-2027-K1"});
}

}  // namespace
}  // namespace sagsaudit
