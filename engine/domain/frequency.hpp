#pragma once
// How often an ydelsestype is reviewed: kvartal, halvår or år (seed 003's årshjul).
#include <optional>
#include <string>
#include <string_view>

namespace sagsaudit {

enum class Frequency { quarterly, half_yearly, yearly };

// The Danish words of the årshjul file: "kvartal", "halvår", "år".
std::optional<Frequency> parse_frequency(std::string_view danish);
std::string to_danish(Frequency frequency);
// Rounds a year holds at this frequency: 4, 2 or 1.
int periods_per_year(Frequency frequency);

}  // namespace sagsaudit
