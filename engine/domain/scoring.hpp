#pragma once
// The figures of issue 5: percent correct per control, per category and overall, the share of
// error-free cases (fejlfri sager), for a center × ydelsestype × period cell and for any total of
// cells (the forvaltning). The rules, from DESIGN.md, "Rules that users will check":
//
//   percent correct = korrekt / (korrekt + fejl); "ikke relevant" is left out; "kan ikke
//   vurderes" is counted apart and, when the årshjul says so (kan_ikke_vurderes_er_fejl), as a
//   fejl. The light is chosen on that share rounded half up to a whole percent, the number shown.
//
// Everything that is stored or added up is a count (Tally); percentages, lights and intervals are
// derived from counts at the end. A total is therefore the sum of the counts of its cells, never
// an average of their percentages: a center with 40 cases weighs four times one with 10.
// docs/scoring.md works an example by hand.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/answer.hpp"
#include "domain/concept.hpp"
#include "domain/period.hpp"
#include "domain/traffic_light.hpp"
#include "domain/wilson_interval.hpp"

namespace sagsaudit {

// What the årshjul decides about scoring; the version of the årshjul a round used.
struct ScoringRules {
  Thresholds thresholds;
  bool not_assessable_is_error = false;  // kan_ikke_vurderes_er_fejl
};
ScoringRules scoring_rules(const AnnualWheel& wheel);

// part of whole, exactly: e.g. 189 korrekt of 200 counted. whole = 0 means no data.
struct Proportion {
  std::int64_t part = 0;
  std::int64_t whole = 0;
  bool has_data() const { return whole > 0; }
  friend bool operator==(const Proportion&, const Proportion&) = default;
};

// How many answers of each kind.
struct AnswerCounts {
  std::int64_t correct = 0;
  std::int64_t error = 0;
  std::int64_t not_applicable = 0;
  std::int64_t not_assessable = 0;

  void add(Answer answer);
  std::int64_t total() const { return correct + error + not_applicable + not_assessable; }
  AnswerCounts& operator+=(const AnswerCounts& other);
  friend bool operator==(const AnswerCounts&, const AnswerCounts&) = default;
};

// korrekt of (korrekt + fejl), with kan ikke vurderes added to fejl when the rule says so.
Proportion correct_share(const AnswerCounts& counts, bool not_assessable_is_error);
// fejl (with kan ikke vurderes when the rule says so) of the same whole: 1 − correct_share.
Proportion error_share(const AnswerCounts& counts, bool not_assessable_is_error);

// Cases by what their answers (in one category, or in all) hold. Kept by kind rather than as
// "error-free yes/no" so that the counts are facts independent of the kan-ikke-vurderes rule and
// can be stored and added up; the rule is applied in error_free_share.
struct CaseTally {
  std::int64_t with_error = 0;                  // at least one fejl
  std::int64_t correct_only = 0;                // no fejl, no kan ikke vurderes, ≥ 1 korrekt
  std::int64_t correct_and_not_assessable = 0;  // no fejl, ≥ 1 korrekt, ≥ 1 kan ikke vurderes
  std::int64_t not_assessable_only = 0;         // no fejl, no korrekt, ≥ 1 kan ikke vurderes
  std::int64_t not_counted = 0;                 // only ikke relevant (or nothing) answered

  // Classifies one case by the answers it has in the category (or in all categories).
  void add_case(const AnswerCounts& case_answers);
  std::int64_t cases() const {
    return with_error + correct_only + correct_and_not_assessable + not_assessable_only +
           not_counted;
  }
  CaseTally& operator+=(const CaseTally& other);
  friend bool operator==(const CaseTally&, const CaseTally&) = default;
};

// Fejlfri sager: the cases with no fejl, of the cases that count. As for answers:
//   rule off: a case counts when it has a korrekt or a fejl; it is error-free without fejl
//             (kan ikke vurderes is set aside, as in the percentage);
//   rule on:  a case counts when it has a korrekt, fejl or kan ikke vurderes; it is error-free
//             when it has neither fejl nor kan ikke vurderes.
// A case with only ikke relevant in the category never counts.
Proportion error_free_share(const CaseTally& cases, bool not_assessable_is_error);

struct CategoryTally {
  AnswerCounts answers;
  CaseTally cases;
  CategoryTally& operator+=(const CategoryTally& other);
  friend bool operator==(const CategoryTally&, const CategoryTally&) = default;
};

struct ControlTally {
  std::string control_id;
  Category category = Category::formality;
  AnswerCounts answers;  // one answer per case, so these are also counts of cases
  friend bool operator==(const ControlTally&, const ControlTally&) = default;
};

// The counts of a set of submitted reviews: one cell, or a sum of cells.
struct Tally {
  std::int64_t reviews = 0;                 // sagsgennemgange counted
  std::vector<ControlTally> controls;       // the concept's order (ties in rankings follow it)
  std::array<CategoryTally, 3> categories;  // indexed by Category; use category()
  CategoryTally overall;                    // all categories together

  const CategoryTally& category(Category c) const;
  CategoryTally& category(Category c);
  const ControlTally* find_control(std::string_view id) const;
  // Adds the counts; controls are matched by id and category, and a control the sum does not have
  // yet is appended (so totals over one concept keep its order).
  Tally& operator+=(const Tally& other);
  friend bool operator==(const Tally&, const Tally&) = default;
};

// Every control of the concept, in its order, with nothing counted.
Tally empty_tally(const Concept& concept_);

// Counts one submitted review into `tally` (made by empty_tally of the same concept). The
// answers must pass check_review_answers(concept_, answers, ReviewStage::submit): figures are
// only made from complete reviews. Throws ValidationError otherwise, and leaves `tally` as it was.
void add_review(Tally& tally, const Concept& concept_, const std::vector<ControlAnswer>& answers);

// One submitted sagsgennemgang.
struct ReviewedCase {
  std::string case_number;  // sagsnummer
  std::vector<ControlAnswer> answers;
};

// empty_tally + add_review for each case. The ValidationError of a bad case names the case by
// putting "sagsnummer: " in front of every message.
Tally tally_reviews(const Concept& concept_, const std::vector<ReviewedCase>& cases);

// One center × ydelsestype × period.
struct Cell {
  std::string center;        // center code
  std::string benefit_type;  // ydelsestype code
  Period period;
  Tally tally;
};

// Which cells a total takes; an empty member takes every value. `year` takes the cells whose
// period lies in that year (for the strategic goal's baseline year).
struct CellFilter {
  // Initialised explicitly so that designated initializers ({.period = p}) may leave members out.
  std::optional<std::string> center = std::nullopt;
  std::optional<std::string> benefit_type = std::nullopt;
  std::optional<Period> period = std::nullopt;
  std::optional<int> year = std::nullopt;
};
bool matches(const CellFilter& filter, const Cell& cell);

// The sum of the counts of the matching cells (never an average of their percentages). The
// forvaltning's figure for one ydelsestype and period is total(cells, {.benefit_type = …,
// .period = …}); a center's across ydelsestyper is total(cells, {.center = …, .period = …}).
Tally total(const std::vector<Cell>& cells, const CellFilter& filter);

// One share as a report shows it.
struct Share {
  Proportion proportion;
  std::optional<int> percent;              // rounded half up; nullopt = ingen data
  std::optional<WilsonInterval> interval;  // 95 % Wilson; nullopt = ingen data
};
Share make_share(const Proportion& proportion);

// Percent correct with everything shown beside it.
struct PercentCorrect {
  Share share;                        // korrekt of counted
  std::int64_t not_assessable = 0;    // kan ikke vurderes, always shown apart
  std::int64_t not_applicable = 0;    // ikke relevant, shown for completeness
  std::optional<TrafficLight> light;  // nullopt = ingen data
  bool too_small_to_tell = false;     // the Wilson interval spans green_min (wilson_interval.hpp)
};
PercentCorrect percent_correct(const AnswerCounts& counts, const ScoringRules& rules);

struct CategoryFigures {
  PercentCorrect correct;
  Share error_free;  // fejlfri sager; its whole is the number of cases that count
};
CategoryFigures category_figures(const CategoryTally& tally, const ScoringRules& rules);

struct ControlFigures {
  std::string control_id;
  Category category = Category::formality;
  PercentCorrect correct;  // its share's whole is the number of cases that count
};

// Every figure of a tally, for a report.
struct Figures {
  std::int64_t reviews = 0;
  std::vector<ControlFigures> controls;
  std::array<CategoryFigures, 3> categories;  // indexed by Category
  CategoryFigures overall;
  const CategoryFigures& category(Category c) const;
};
Figures figures(const Tally& tally, const ScoringRules& rules);

}  // namespace sagsaudit
