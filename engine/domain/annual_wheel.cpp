#include "domain/annual_wheel.hpp"

#include <algorithm>

namespace sagsaudit {

std::optional<Likelihood> parse_likelihood(std::string_view text) {
  if (text == "binomial") return Likelihood::binomial;
  if (text == "poisson") return Likelihood::poisson;
  if (text == "hypergeometric") return Likelihood::hypergeometric;
  return std::nullopt;
}

std::string to_string(Likelihood likelihood) {
  switch (likelihood) {
    case Likelihood::binomial: return "binomial";
    case Likelihood::poisson: return "poisson";
    case Likelihood::hypergeometric: return "hypergeometric";
  }
  return "?";
}

namespace {
// "0.05" as "5 %", for Danish readers (decimal comma).
std::string as_percent(const Decimal& rate) {
  const Decimal hundredfold{rate.numerator * 100, rate.denominator};
  auto normalised = parse_decimal(hundredfold.to_string());
  std::string text = normalised ? normalised->to_string() : hundredfold.to_string();
  std::replace(text.begin(), text.end(), '.', ',');
  return text + " %";
}

std::string with_comma(const Decimal& value) {
  std::string text = value.to_string();
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}
}  // namespace

std::string describe(const SampleRule& rule) {
  if (const auto* fixed = std::get_if<FixedSampleRule>(&rule)) {
    return std::to_string(fixed->per_center) + " pr. center";
  }
  if (const auto* percent = std::get_if<PercentSampleRule>(&rule)) {
    return with_comma(percent->percent) + " % pr. center (min. " + std::to_string(percent->min) +
           ", maks. " + std::to_string(percent->max) + ")";
  }
  const auto& stat = std::get<StatisticalSampleRule>(rule);
  const std::string expected = stat.expected < decimal_from_int(1)
                                   ? as_percent(stat.expected)
                                   : with_comma(stat.expected) + " fejl";
  return "statistisk: tolerabel " + as_percent(stat.tolerable) + ", forventet " + expected +
         ", konfidens " + as_percent(stat.confidence) + ", " + to_string(stat.likelihood);
}

const WheelEntry* AnnualWheel::find_entry(std::string_view benefit_type) const {
  const auto it = std::find_if(entries.begin(), entries.end(),
                               [&](const WheelEntry& e) { return e.benefit_type == benefit_type; });
  return it == entries.end() ? nullptr : &*it;
}

const std::vector<std::string>& population_fields() {
  static const std::vector<std::string> fields = {"sagsnummer", "cpr", "center", "sagsbehandler",
                                                  "afgørelsesdato"};
  return fields;
}

const Center* AnnualWheel::find_center(std::string_view code) const {
  const auto it = std::find_if(centers.begin(), centers.end(),
                               [&](const Center& c) { return c.code == code; });
  return it == centers.end() ? nullptr : &*it;
}

}  // namespace sagsaudit
