#pragma once
// The k×k agreement (contingency) table of two raters who each put the same items into one of
// k answer categories: for revisorsammenligning the municipality's answer (rows) against the
// external auditor's (columns) on the same control of the same case. Every agreement statistic
// (agreement_coefficients.hpp, mcnemar.hpp) is computed from this table.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace sagsaudit {

struct AgreementTable {
  // The answer categories in the order of the rows and columns, e.g. {"korrekt", "fejl"}.
  std::vector<std::string> categories;
  // counts[i][j]: items the first rater put in categories[i] and the second in categories[j].
  std::vector<std::vector<std::int64_t>> counts;
  // Pairs left out because one side's answer (or both) is not among the categories, e.g.
  // "ikke relevant" when the table is korrekt/fejl. Kept so a report can say how many.
  std::int64_t excluded = 0;

  std::size_t size() const { return categories.size(); }
  std::int64_t total() const;                      // n: the items in the table
  std::int64_t row_total(std::size_t i) const;     // first rater's count for categories[i]
  std::int64_t column_total(std::size_t j) const;  // second rater's count for categories[j]
  std::int64_t agreements() const;                 // the diagonal
};

// One item rated by both: the first rater's answer and the second's.
struct RatingPair {
  std::string first;
  std::string second;
};

// Counts the pairs into a table over `categories`; a pair whose either answer is not a category
// is counted in `excluded`, not in the table.
// Throws ValidationError (field "categories") when there are fewer than two categories or one
// is named twice.
AgreementTable tabulate_agreement(std::vector<std::string> categories,
                                  std::span<const RatingPair> pairs);

// A table given as counts (e.g. a published example). Throws ValidationError when there are
// fewer than two categories or a duplicate, when counts is not categories.size() square, or when
// a count is negative.
AgreementTable make_agreement_table(std::vector<std::string> categories,
                                    std::vector<std::vector<std::int64_t>> counts);

}  // namespace sagsaudit
