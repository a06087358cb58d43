#include "domain/scoring.hpp"

#include <algorithm>

#include "domain/errors.hpp"
#include "domain/review_answers.hpp"

namespace sagsaudit {
namespace {

std::size_t index_of(Category c) {
  return static_cast<std::size_t>(c);
}

constexpr std::array kCategories = {Category::key_control, Category::quality_goal,
                                    Category::formality};

}  // namespace

ScoringRules scoring_rules(const AnnualWheel& wheel) {
  return ScoringRules{wheel.thresholds, wheel.not_assessable_is_error};
}

void AnswerCounts::add(Answer answer) {
  switch (answer) {
    case Answer::correct:
      ++correct;
      break;
    case Answer::error:
      ++error;
      break;
    case Answer::not_applicable:
      ++not_applicable;
      break;
    case Answer::not_assessable:
      ++not_assessable;
      break;
  }
}

AnswerCounts& AnswerCounts::operator+=(const AnswerCounts& other) {
  correct += other.correct;
  error += other.error;
  not_applicable += other.not_applicable;
  not_assessable += other.not_assessable;
  return *this;
}

Proportion correct_share(const AnswerCounts& counts, bool not_assessable_is_error) {
  const std::int64_t errors = counts.error + (not_assessable_is_error ? counts.not_assessable : 0);
  return Proportion{counts.correct, counts.correct + errors};
}

Proportion error_share(const AnswerCounts& counts, bool not_assessable_is_error) {
  const std::int64_t errors = counts.error + (not_assessable_is_error ? counts.not_assessable : 0);
  return Proportion{errors, counts.correct + errors};
}

void CaseTally::add_case(const AnswerCounts& a) {
  if (a.error > 0) {
    ++with_error;
  } else if (a.correct > 0) {
    ++(a.not_assessable > 0 ? correct_and_not_assessable : correct_only);
  } else if (a.not_assessable > 0) {
    ++not_assessable_only;
  } else {
    ++not_counted;
  }
}

CaseTally& CaseTally::operator+=(const CaseTally& other) {
  with_error += other.with_error;
  correct_only += other.correct_only;
  correct_and_not_assessable += other.correct_and_not_assessable;
  not_assessable_only += other.not_assessable_only;
  not_counted += other.not_counted;
  return *this;
}

Proportion error_free_share(const CaseTally& c, bool not_assessable_is_error) {
  if (not_assessable_is_error) {
    return Proportion{c.correct_only, c.with_error + c.correct_only + c.correct_and_not_assessable +
                                          c.not_assessable_only};
  }
  return Proportion{c.correct_only + c.correct_and_not_assessable,
                    c.with_error + c.correct_only + c.correct_and_not_assessable};
}

CategoryTally& CategoryTally::operator+=(const CategoryTally& other) {
  answers += other.answers;
  cases += other.cases;
  return *this;
}

const CategoryTally& Tally::category(Category c) const {
  return categories[index_of(c)];
}
CategoryTally& Tally::category(Category c) {
  return categories[index_of(c)];
}

const ControlTally* Tally::find_control(std::string_view id) const {
  const auto it = std::find_if(controls.begin(), controls.end(),
                               [&](const ControlTally& c) { return c.control_id == id; });
  return it == controls.end() ? nullptr : &*it;
}

Tally& Tally::operator+=(const Tally& other) {
  reviews += other.reviews;
  for (const ControlTally& theirs : other.controls) {
    const auto mine = std::find_if(controls.begin(), controls.end(), [&](const ControlTally& c) {
      return c.control_id == theirs.control_id && c.category == theirs.category;
    });
    if (mine == controls.end()) {
      controls.push_back(theirs);
    } else {
      mine->answers += theirs.answers;
    }
  }
  for (Category c : kCategories) category(c) += other.category(c);
  overall += other.overall;
  return *this;
}

Tally empty_tally(const Concept& concept_) {
  Tally tally;
  tally.controls.reserve(concept_.controls.size());
  for (const Control& control : concept_.controls) {
    tally.controls.push_back(ControlTally{control.id, control.category, {}});
  }
  return tally;
}

void add_review(Tally& tally, const Concept& concept_, const std::vector<ControlAnswer>& answers) {
  require_valid_review_answers(concept_, answers, ReviewStage::submit);
  // Find every control's row before adding anything, so that a tally made for another concept
  // is refused whole rather than left half-counted.
  std::array<AnswerCounts, 3> by_category{};
  AnswerCounts all;
  std::vector<std::pair<ControlTally*, Answer>> rows;
  rows.reserve(answers.size());
  for (const ControlAnswer& answer : answers) {
    const Control& control = *concept_.find_control(answer.control_id);
    const auto row =
        std::find_if(tally.controls.begin(), tally.controls.end(), [&](const ControlTally& c) {
          return c.control_id == control.id && c.category == control.category;
        });
    if (row == tally.controls.end()) {
      throw ValidationError(std::vector<Issue>{
          Issue{"", 0, 0, control.id,
                "optællingen er ikke lavet til kvalitetskonceptet for " + concept_.benefit_type}});
    }
    rows.emplace_back(&*row, answer.answer);
    by_category[index_of(control.category)].add(answer.answer);
    all.add(answer.answer);
  }
  for (auto& [row, answer] : rows) row->answers.add(answer);
  for (Category c : kCategories) {
    tally.category(c).answers += by_category[index_of(c)];
    tally.category(c).cases.add_case(by_category[index_of(c)]);
  }
  tally.overall.answers += all;
  tally.overall.cases.add_case(all);
  ++tally.reviews;
}

Tally tally_reviews(const Concept& concept_, const std::vector<ReviewedCase>& cases) {
  Tally tally = empty_tally(concept_);
  for (const ReviewedCase& reviewed : cases) {
    try {
      add_review(tally, concept_, reviewed.answers);
    } catch (const ValidationError& error) {
      std::vector<Issue> issues = error.issues();
      for (Issue& issue : issues) issue.message = reviewed.case_number + ": " + issue.message;
      throw ValidationError(std::move(issues));
    }
  }
  return tally;
}

bool matches(const CellFilter& filter, const Cell& cell) {
  return (!filter.center || *filter.center == cell.center) &&
         (!filter.benefit_type || *filter.benefit_type == cell.benefit_type) &&
         (!filter.period || *filter.period == cell.period) &&
         (!filter.year || *filter.year == cell.period.year);
}

Tally total(const std::vector<Cell>& cells, const CellFilter& filter) {
  Tally sum;
  for (const Cell& cell : cells) {
    if (matches(filter, cell)) sum += cell.tally;
  }
  return sum;
}

Share make_share(const Proportion& proportion) {
  return Share{proportion, whole_percent(proportion.part, proportion.whole),
               wilson_interval(proportion.part, proportion.whole)};
}

PercentCorrect percent_correct(const AnswerCounts& counts, const ScoringRules& rules) {
  PercentCorrect result;
  result.share = make_share(correct_share(counts, rules.not_assessable_is_error));
  result.not_assessable = counts.not_assessable;
  result.not_applicable = counts.not_applicable;
  if (result.share.percent) {
    result.light = classify_percent(*result.share.percent, rules.thresholds);
  }
  if (result.share.interval) {
    result.too_small_to_tell = too_small_to_tell(*result.share.interval, rules.thresholds);
  }
  return result;
}

CategoryFigures category_figures(const CategoryTally& tally, const ScoringRules& rules) {
  return CategoryFigures{percent_correct(tally.answers, rules),
                         make_share(error_free_share(tally.cases, rules.not_assessable_is_error))};
}

const CategoryFigures& Figures::category(Category c) const {
  return categories[index_of(c)];
}

Figures figures(const Tally& tally, const ScoringRules& rules) {
  Figures result;
  result.reviews = tally.reviews;
  result.controls.reserve(tally.controls.size());
  for (const ControlTally& control : tally.controls) {
    result.controls.push_back(ControlFigures{control.control_id, control.category,
                                             percent_correct(control.answers, rules)});
  }
  for (Category c : kCategories) {
    result.categories[index_of(c)] = category_figures(tally.category(c), rules);
  }
  result.overall = category_figures(tally.overall, rules);
  return result;
}

}  // namespace sagsaudit
