// Assignment and review life on a real database, both backends: independence with the shipped
// årshjul, even loads, everything logged; reassignment; overdue reviews and closing by tick.
#include "workflow/assign.hpp"

#include <gtest/gtest.h>

#include <map>

#include "engine/workflow_test_support.hpp"
#include "storage/audit_log.hpp"
#include "storage/notification_repository.hpp"
#include "storage/round_repository.hpp"
#include "storage/user_repository.hpp"
#include "workflow/review_transitions.hpp"
#include "workflow/round_transitions.hpp"
#include "workflow/tick.hpp"

namespace sagsaudit {
namespace {

using testing::count_rows;

const std::vector<std::string> kCenters = {"jc-amager",          "jc-noerrebro-bispebjerg",
                                           "jc-vesterbro-valby", "center-sygedagpenge",
                                           "ydelsescentret",     "center-sprog-integration"};
const std::string kRound = "sygedagpenge-2027-K1";

// Stands in for the sampling track's reader: the drawn cases, by center then draw order.
class FixedSample final : public storage::SampleReader {
 public:
  explicit FixedSample(std::vector<storage::SampledCase> cases) : cases_(std::move(cases)) {}
  std::vector<storage::SampledCase> sampled_cases(std::string_view round_id) override {
    std::vector<storage::SampledCase> out;
    for (const auto& c : cases_) {
      if (c.round_id == round_id) out.push_back(c);
    }
    return out;
  }

 private:
  std::vector<storage::SampledCase> cases_;
};

// Five cases from each of the six centers.
FixedSample thirty_cases() {
  const std::vector<std::string> prefixes = {"AMA", "NB", "VV", "SD", "YC", "SI"};
  std::vector<storage::SampledCase> cases;
  for (std::size_t c = 0; c < kCenters.size(); ++c) {
    for (int i = 1; i <= 5; ++i) {
      cases.push_back(storage::SampledCase{kRound, prefixes[c] + "-" + std::to_string(i),
                                           kCenters[c], "sb", "010180-xxxx", i});
    }
  }
  return FixedSample(cases);
}

class AssignTest : public testing::WorkflowTest {
 protected:
  void SetUp() override {
    WorkflowTest::SetUp();
    if (IsSkipped()) return;
    tick(db(), make_date(2027, 4, 1), "2027-04-01T06:00:00Z");
    auto users = storage::make_user_repository(db());
    // Four coordinators, each belonging to one or two centers; one manager.
    users->add({"anna", "Anna", UserRole::coordinator, {"jc-amager"}, true, ""}, "t");
    users->add(
        {"bo", "Bo", UserRole::coordinator, {"jc-noerrebro-bispebjerg", "jc-amager"}, true, ""},
        "t");
    users->add({"carl", "Carl", UserRole::coordinator, {"center-sygedagpenge"}, true, ""}, "t");
    users->add({"dorte", "Dorte", UserRole::coordinator, {"ydelsescentret"}, true, ""}, "t");
    users->add({"ejnar", "Ejnar", UserRole::manager, {}, true, ""}, "t");
  }

  void draw_sample() {
    transition_round(db(), kRound, RoundState::population_loaded, "cli:test", "t");
    transition_round(db(), kRound, RoundState::sample_drawn, "cli:test", "t");
  }
};

TEST_P(AssignTest, IndependentEvenAndLogged) {
  draw_sample();
  FixedSample sample = thirty_cases();
  const AssignReport report =
      assign_round(db(), sample, kRound, "cli:kirsten", "2027-04-02T09:00:00Z");
  EXPECT_TRUE(report.independent);  // uafhaengig_tildeling = true in the shipped årshjul
  // 30 cases over 4: two get 8; ties go to the earlier username.
  EXPECT_EQ(to_iso(report.due), "2027-04-30");
  ASSERT_EQ(report.assignments.size(), 30u);
  const std::map<std::string, std::vector<std::string>> centers_of = {
      {"anna", {"jc-amager"}},
      {"bo", {"jc-noerrebro-bispebjerg", "jc-amager"}},
      {"carl", {"center-sygedagpenge"}},
      {"dorte", {"ydelsescentret"}}};
  for (const auto& a : report.assignments) {
    const auto& own = centers_of.at(a.coordinator);
    EXPECT_EQ(std::find(own.begin(), own.end(), a.center), own.end())
        << a.coordinator << " got " << a.case_number << " of their own center " << a.center;
  }
  EXPECT_EQ(report.per_coordinator,
            (std::map<std::string, int>{{"anna", 8}, {"bo", 8}, {"carl", 7}, {"dorte", 7}}));

  EXPECT_EQ(storage::make_round_repository(db())->find(kRound)->state, RoundState::in_review);
  EXPECT_EQ(count_rows(db(),
                       "case_reviews WHERE round_id = 'sygedagpenge-2027-K1' AND state = "
                       "'assigned' AND due_date = '2027-04-30'"),
            30);
  EXPECT_EQ(count_rows(db(), "audit_log WHERE action = 'review.assign'"), 30);
  EXPECT_EQ(count_rows(db(),
                       "audit_log WHERE action = 'round.transition' AND object_id = "
                       "'sygedagpenge-2027-K1' AND to_state = 'in_review'"),
            1);
  EXPECT_EQ(count_rows(db(), "notifications WHERE kind = 'assigned'"), 4);
  const auto anna = storage::make_user_repository(db())->find("anna");
  const auto inbox = storage::make_notification_repository(db())->inbox(*anna);
  ASSERT_FALSE(inbox.empty());
  EXPECT_EQ(inbox.back().text,
            "Du har fået 8 sager i runde sygedagpenge-2027-K1 til gennemgang. Fristen er "
            "30-04-2027.");
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);

  // A second assignment is refused; reassigning one case is the way.
  EXPECT_THROW(transition_round(db(), kRound, RoundState::sample_drawn, "x", "t"), ConflictError);
  FixedSample again = thirty_cases();
  EXPECT_THROW(assign_round(db(), again, kRound, "x", "t"), ConflictError);
}

TEST_P(AssignTest, RefusedBeforeTheSampleIsDrawn) {
  FixedSample sample = thirty_cases();
  try {
    assign_round(db(), sample, kRound, "x", "t");
    FAIL() << "not refused";
  } catch (const ConflictError& error) {
    EXPECT_STREQ(error.what(),
                 "runden sygedagpenge-2027-K1 er 'planlagt'; sagerne kan kun fordeles, når den "
                 "er 'stikprøve udtrukket'");
  }
  EXPECT_THROW(assign_round(db(), sample, "nope-2027-K1", "x", "t"), NotFound);
  draw_sample();
  FixedSample empty({});
  EXPECT_THROW(assign_round(db(), empty, kRound, "x", "t"), ValidationError);
  EXPECT_THROW(assign_round(db(), sample, kRound, "x", "t", {"anna", "ejnar"}), ValidationError);
  EXPECT_EQ(count_rows(db(), "case_reviews"), 0);
  EXPECT_EQ(storage::make_round_repository(db())->find(kRound)->state, RoundState::sample_drawn);
}

TEST_P(AssignTest, OnlyTheNamedCoordinatorsAndEveryCaseNeedsOne) {
  draw_sample();
  FixedSample sample = thirty_cases();
  // anna and bo both belong to jc-amager: its five cases have nobody.
  try {
    assign_round(db(), sample, kRound, "x", "t", {"anna", "bo"});
    FAIL() << "not refused";
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.issues().size(), 5u);
    EXPECT_EQ(error.issues()[0].field, "AMA-1");
  }
  const auto report = assign_round(db(), sample, kRound, "x", "t", {"carl", "dorte"});
  EXPECT_EQ(report.per_coordinator, (std::map<std::string, int>{{"carl", 15}, {"dorte", 15}}));
}

TEST_P(AssignTest, ReassignKeepsIndependenceAndIsLogged) {
  draw_sample();
  FixedSample sample = thirty_cases();
  assign_round(db(), sample, kRound, "x", "t");
  auto reviews = storage::make_case_review_repository(db());
  const auto before = *reviews->find(kRound, "AMA-1");
  EXPECT_THROW(reassign_case(db(), kRound, "AMA-1", "anna", "x", "t"), ValidationError);
  EXPECT_THROW(reassign_case(db(), kRound, "AMA-1", "ejnar", "x", "t"), ValidationError);
  EXPECT_THROW(reassign_case(db(), kRound, "AMA-1", before.assignee, "x", "t"), ValidationError);
  EXPECT_THROW(reassign_case(db(), kRound, "S-404", "dorte", "x", "t"), NotFound);
  const std::string to = before.assignee == "dorte" ? "carl" : "dorte";
  const auto after = reassign_case(db(), kRound, "AMA-1", to, "cli:kirsten", "t2");
  EXPECT_EQ(after.assignee, to);
  EXPECT_EQ(after.version, 2);
  const auto entries = storage::make_audit_log(db())->list(
      {std::string("case_review"), kRound + "/AMA-1", std::nullopt, 1000});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[1].record.action, "review.reassign");
  EXPECT_EQ(entries[1].record.actor, "cli:kirsten");
  EXPECT_EQ(entries[1].record.details,
            "{\"fra\":\"" + before.assignee + "\",\"til\":\"" + to + "\"}");
}

TEST_P(AssignTest, TickMarksOverdueReviewsAndClosesAFullyApprovedRound) {
  draw_sample();
  FixedSample sample = thirty_cases();
  assign_round(db(), sample, kRound, "x", "t");
  auto reviews = storage::make_case_review_repository(db());
  // All but two are submitted and approved before the deadline; one of the two is submitted.
  int left = 0;
  for (const auto& r : reviews->list()) {
    int version = r.version;
    version = transition_review(db(), kRound, r.case_number, ReviewState::in_progress, version,
                                r.assignee, "t")
                  .version;
    if (left++ < 2) continue;
    version = transition_review(db(), kRound, r.case_number, ReviewState::submitted, version,
                                r.assignee, "t")
                  .version;
    transition_review(db(), kRound, r.case_number, ReviewState::approved, version, "ejnar", "t");
  }
  const auto first = reviews->list()[0];
  EXPECT_THROW(transition_review(db(), kRound, first.case_number, ReviewState::submitted,
                                 first.version - 1, first.assignee, "t"),
               ConflictError);
  EXPECT_FALSE(tick(db(), make_date(2027, 4, 30), "t").changed());
  const TickReport late = tick(db(), make_date(2027, 5, 1), "t");
  ASSERT_EQ(late.overdue.size(), 2u);
  EXPECT_EQ(late.windows_closed.size(), 5u);
  EXPECT_TRUE(late.rounds_closed.empty());
  storage::ReviewFilter overdue;
  overdue.overdue_only = true;
  EXPECT_EQ(reviews->list(overdue).size(), 2u);
  EXPECT_EQ(count_rows(db(), "notifications WHERE kind = 'review_overdue'"), 2);
  EXPECT_EQ(count_rows(db(),
                       "notifications WHERE kind = 'window_closed' AND round_id = "
                       "'sygedagpenge-2027-K1' AND text LIKE '%2 af 30 sagsgennemgange er "
                       "ikke indsendt.'"),
            2);

  for (const auto& r : reviews->list(overdue)) {
    const int v = transition_review(db(), kRound, r.case_number, ReviewState::submitted, r.version,
                                    r.assignee, "t")
                      .version;
    const int w = transition_review(db(), kRound, r.case_number, ReviewState::returned, v, "ejnar",
                                    "t", "Bilag mangler")
                      .version;
    const int x =
        transition_review(db(), kRound, r.case_number, ReviewState::in_progress, w, r.assignee, "t")
            .version;
    const int y =
        transition_review(db(), kRound, r.case_number, ReviewState::submitted, x, r.assignee, "t")
            .version;
    transition_review(db(), kRound, r.case_number, ReviewState::approved, y, "ejnar", "t");
  }
  const TickReport done = tick(db(), make_date(2027, 5, 2), "t");
  EXPECT_EQ(done.rounds_closed, std::vector<std::string>{kRound});
  EXPECT_EQ(storage::make_round_repository(db())->find(kRound)->state, RoundState::closed);
  EXPECT_FALSE(tick(db(), make_date(2027, 5, 2), "t").changed());
  EXPECT_TRUE(storage::make_audit_log(db())->verify().ok);
}

INSTANTIATE_TEST_SUITE_P(Backends, AssignTest,
                         ::testing::Values(storage::Backend::sqlite, storage::Backend::postgresql),
                         testing::backend_name);

}  // namespace
}  // namespace sagsaudit
