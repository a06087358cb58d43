#pragma once
// Revisorsammenligning statistics per control, per category, per ydelsestype and overall
// (issue 7 item 2): from labelled pairs of answers (the municipality's and the auditor's on the
// same control of the same case) to an agreement table and its statistics for each grouping.
// The arithmetic lives in agreement_coefficients.hpp, mcnemar.hpp and wilson_interval.hpp (the
// same Wilson interval that scoring shows beside every percentage); this file only groups and
// assembles.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/agreement_coefficients.hpp"
#include "domain/agreement_table.hpp"
#include "domain/concept.hpp"  // Category
#include "domain/mcnemar.hpp"
#include "domain/wilson_interval.hpp"

namespace sagsaudit {

// The answer labels the statistics are computed over. `categories` are the rows and columns of
// every table; a pair with an answer outside them (e.g. "ikke relevant") is counted as excluded.
// The error rates and McNemar's test use the 2×2 of the `correct` and `error` labels only.
struct AnswerScale {
  std::vector<std::string> categories = {"korrekt", "fejl"};
  std::string correct = "korrekt";
  std::string error = "fejl";
};

// One control of one case, answered by both sides.
struct LabelledAnswerPair {
  std::string benefit_type;  // ydelsestype code, e.g. "kontanthjaelp"
  Category category = Category::formality;
  std::string control_id;  // unique within the ydelsestype's concept
  std::string municipality;
  std::string auditor;
};

struct ErrorRate {
  std::int64_t errors = 0;
  std::int64_t n = 0;       // items answered korrekt or fejl by both sides
  double rate = 0.0;        // errors / n
  WilsonInterval interval;  // at the requested confidence (wilson_interval.hpp)
};

// Both sides' error rates on the same items (the korrekt/fejl 2×2 with the municipality in the
// rows), and McNemar's test of whether one side finds systematically more errors.
struct ErrorRateComparison {
  ErrorRate municipality;  // (c + d) / n
  ErrorRate auditor;       // (b + d) / n
  McNemarTest mcnemar;     // b = we korrekt / auditor fejl, c = we fejl / auditor korrekt
};

// Absent when the table has no korrekt/fejl pairs. Throws ValidationError when `correct` or
// `error` is not one of the table's categories, or they are the same.
std::optional<ErrorRateComparison> compare_error_rates(const AgreementTable& table,
                                                       const std::string& correct,
                                                       const std::string& error,
                                                       double confidence = 0.95);

struct AgreementStatistics {
  AgreementTable table;  // municipality in rows, auditor in columns
  std::optional<AgreementCoefficient> percent_agreement;
  std::optional<AgreementCoefficient> cohen_kappa;
  std::optional<AgreementCoefficient> gwet_ac1;
  std::optional<ErrorRateComparison> error_rates;
};

// Everything above for one table.
AgreementStatistics agreement_statistics(AgreementTable table, const AnswerScale& scale,
                                         double confidence = 0.95);

enum class AgreementGrouping {
  overall,
  category,                   // one category across all ydelsestyper
  benefit_type,               // one ydelsestype
  benefit_type_and_category,  // one category within one ydelsestype
  control,                    // one control (of one ydelsestype)
};

struct AgreementGroup {
  AgreementGrouping grouping = AgreementGrouping::overall;
  std::string benefit_type;          // empty for overall and category
  std::optional<Category> category;  // set for category, benefit_type_and_category and control
  std::string control_id;            // set for control
  AgreementStatistics statistics;
};

// The statistics for every grouping that occurs in `pairs`, in a fixed order: overall; each
// category (in Category order); then per ydelsestype (sorted by code): the ydelsestype, each of
// its categories, each of its controls (sorted by id). A control's category is the one its first
// pair names; pairs that name the same control with another category are a caller error
// (ValidationError), since a concept version gives each control one category.
// Note: a case answers many controls, so pooled groups (category, ydelsestype, overall) hold
// correlated answers; their intervals treat the answers as independent and are too narrow when
// errors cluster in cases (docs/agreement.md, "Limits").
std::vector<AgreementGroup> summarize_agreement(std::span<const LabelledAnswerPair> pairs,
                                                const AnswerScale& scale = {},
                                                double confidence = 0.95);

}  // namespace sagsaudit
