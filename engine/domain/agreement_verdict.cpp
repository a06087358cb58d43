#include "domain/agreement_verdict.hpp"

#include <cmath>
#include <cstdio>

namespace sagsaudit {
namespace {

std::string decimal_comma(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string out(buffer);
  for (auto& c : out) {
    if (c == '.') c = ',';
  }
  return out == "-0,00" || out == "-0,0" ? out.substr(1) : out;
}

std::string headline(AgreementLevel level) {
  switch (level) {
    case AgreementLevel::too_few_pairs:
      return "For få par til en vurdering";
    case AgreementLevel::high:
      return "Høj overensstemmelse";
    case AgreementLevel::moderate:
      return "Moderat overensstemmelse";
    case AgreementLevel::low:
      return "Lav overensstemmelse";
  }
  return "";
}

}  // namespace

std::string danish_p_value(double p) {
  return p < 0.001 ? "p < 0,001" : "p = " + decimal_comma(p, 3);
}

std::string danish_percent(double share) {
  return decimal_comma(share * 100.0, 1) + " %";
}

AgreementVerdict agreement_verdict(const AgreementStatistics& statistics) {
  AgreementVerdict v;
  const std::int64_t n = statistics.table.total();
  if (n < kVerdictMinimumPairs || !statistics.gwet_ac1) {
    v.level = AgreementLevel::too_few_pairs;
    v.headline = headline(v.level);
    v.explanation = "Kun " + std::to_string(n) +
                    " kontroller er besvaret korrekt eller fejl af begge; der skal mindst " +
                    std::to_string(kVerdictMinimumPairs) + " til.";
    return v;
  }
  const double ac1 = statistics.gwet_ac1->value;
  v.level = ac1 >= kHighAgreement       ? AgreementLevel::high
            : ac1 >= kModerateAgreement ? AgreementLevel::moderate
                                        : AgreementLevel::low;
  std::string figures =
      "AC1 " + decimal_comma(ac1, 2) + " på " + std::to_string(n) + " kontroller, enige i " +
      danish_percent(statistics.percent_agreement ? statistics.percent_agreement->value : 0.0) +
      ".";
  if (const auto& rates = statistics.error_rates; rates &&
                                                  rates->mcnemar.p_value < kSystematicDifferenceP &&
                                                  rates->mcnemar.b != rates->mcnemar.c) {
    v.stricter =
        rates->mcnemar.b > rates->mcnemar.c ? StricterSide::auditor : StricterSide::municipality;
    if (v.level == AgreementLevel::high) v.level = AgreementLevel::moderate;
    figures += std::string(" ") + (*v.stricter == StricterSide::auditor ? "Revisor" : "Kommunen") +
               " finder systematisk flere fejl (" + danish_percent(rates->auditor.rate) +
               " hos revisor mod " + danish_percent(rates->municipality.rate) +
               " hos kommunen; McNemar " + danish_p_value(rates->mcnemar.p_value) + ").";
  }
  v.headline = headline(v.level);
  v.explanation = figures;
  return v;
}

std::string describe_true_error_rate(const TrueErrorRateEstimate& e, double confidence) {
  const std::string level = decimal_comma(confidence * 100.0, 0) + " %";
  std::string out = "Ud fra revisorens gengennemgang anslås den sande fejlandel til " +
                    danish_percent(e.estimate) + " (" + level + "-interval " +
                    decimal_comma(e.interval.lower * 100.0, 1) + "–" +
                    decimal_comma(e.interval.upper * 100.0, 1) + " %), mod " +
                    danish_percent(e.municipality_rate) + " i kommunens egen gennemgang. ";
  // Compared on the displayed one-decimal figures, so the sentence never contradicts them.
  const long estimate = std::lround(e.estimate * 1000.0);
  const long own = std::lround(e.municipality_rate * 1000.0);
  if (estimate > own) {
    out += "Kommunens egne gennemgange finder altså færre fejl, end revisor vurderer, der er";
  } else if (estimate < own) {
    out += "Kommunens egne gennemgange finder altså flere fejl, end revisor vurderer, der er";
  } else {
    return out + "Revisors gengennemgang ændrer altså ikke kommunens egen fejlandel.";
  }
  const bool own_inside =
      e.municipality_rate >= e.interval.lower && e.municipality_rate <= e.interval.upper;
  out += own_inside ? "; forskellen ligger dog inden for usikkerheden."
                    : ", og forskellen er større end usikkerheden.";
  return out;
}

}  // namespace sagsaudit
