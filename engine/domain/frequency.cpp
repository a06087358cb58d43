#include "domain/frequency.hpp"

namespace sagsaudit {

std::optional<Frequency> parse_frequency(std::string_view danish) {
  if (danish == "kvartal") return Frequency::quarterly;
  if (danish == "halvår") return Frequency::half_yearly;
  if (danish == "år") return Frequency::yearly;
  return std::nullopt;
}

std::string to_danish(Frequency frequency) {
  switch (frequency) {
    case Frequency::quarterly: return "kvartal";
    case Frequency::half_yearly: return "halvår";
    case Frequency::yearly: return "år";
  }
  return "?";
}

int periods_per_year(Frequency frequency) {
  switch (frequency) {
    case Frequency::quarterly: return 4;
    case Frequency::half_yearly: return 2;
    case Frequency::yearly: return 1;
  }
  return 0;
}

}  // namespace sagsaudit
