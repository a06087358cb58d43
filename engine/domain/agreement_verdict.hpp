#pragma once
// The plain-language verdict of a revisorsammenligning (issue 7 item 5), per ydelsestype: how
// well the municipality's own reviews agree with the external auditor's, in words a quality
// network can act on. The thresholds are documented in docs/agreement.md ("Verdict"):
//   * fewer than kVerdictMinimumPairs korrekt/fejl pairs: "For få par til en vurdering";
//   * otherwise Gwet's AC1 (not kappa: it stays meaningful when nearly every answer is korrekt)
//     on the Landis & Koch (1977) benchmarks that Gwet (2014, ch. 6) applies to AC1:
//     AC1 ≥ 0,80 "Høj overensstemmelse", 0,60 ≤ AC1 < 0,80 "Moderat overensstemmelse",
//     AC1 < 0,60 "Lav overensstemmelse";
//   * when McNemar's test (p < 0,05) shows that one side finds systematically more errors, the
//     verdict is at most "Moderat overensstemmelse", and it says which side.
// And the estimated true error rate (true_error_rate.hpp) as one Danish sentence.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/agreement_summary.hpp"
#include "domain/true_error_rate.hpp"

namespace sagsaudit {

inline constexpr std::int64_t kVerdictMinimumPairs = 10;
inline constexpr double kHighAgreement = 0.80;
inline constexpr double kModerateAgreement = 0.60;
inline constexpr double kSystematicDifferenceP = 0.05;

enum class AgreementLevel { too_few_pairs, high, moderate, low };

// Who finds more errors, when McNemar's test says the difference is systematic.
enum class StricterSide { auditor, municipality };

struct AgreementVerdict {
  AgreementLevel level = AgreementLevel::too_few_pairs;
  std::optional<StricterSide> stricter;
  std::string headline;     // "Høj overensstemmelse", …
  std::string explanation;  // one or two Danish sentences with the figures behind it
};

// From the statistics of the korrekt/fejl pairs of one ydelsestype (or any group).
AgreementVerdict agreement_verdict(const AgreementStatistics& statistics);

// A share as Danish percent with one decimal: 0.0625 → "6,3 %".
std::string danish_percent(double share);

// A p-value as reports show it: "p = 0,034", or "p < 0,001" below that (never "p = 0,000").
std::string danish_p_value(double p);

// What the estimate means, in Danish, e.g. "Ud fra revisorens gengennemgang anslås den sande
// fejlandel til 6,3 % (95 %-interval 2,1–10,4 %), mod 4,0 % i kommunens egen gennemgang. …".
// `confidence` is the level the interval was computed at.
std::string describe_true_error_rate(const TrueErrorRateEstimate& estimate,
                                     double confidence = 0.95);

}  // namespace sagsaudit
