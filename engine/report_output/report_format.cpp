#include "report_output/report_format.hpp"

#include <cstdio>
#include <sstream>
#include <string_view>

namespace sagsaudit::report_output {

namespace {

// "-12", "-1.234,50", "-3 %": a number as the reports print it, which a spreadsheet may
// read as one (never a formula).
bool plain_number(const std::string& text) {
  std::size_t i = text.front() == '-' || text.front() == '+' ? 1 : 0;
  bool digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digit = true;
    } else if (c != '.' && c != ',') {
      break;
    }
  }
  return digit && (i == text.size() || text.substr(i) == " %");
}

}  // namespace

std::string csv_field(const std::string& text) {
  // Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or CR
  // before one) as a formula, and a comment is anybody's text. Such a cell gets a leading
  // apostrophe, which shows it as text (OWASP "CSV injection"); plain numbers stay numbers.
  std::string cell = text;
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string::npos &&
      !plain_number(cell)) {
    cell.insert(cell.begin(), '\'');
  }
  if (cell.find_first_of(";\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) {
    out += c;
    if (c == '"') out += '"';
  }
  return out + "\"";
}

std::string csv_line(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + csv_field(fields[i]);
  return out + "\r\n";
}

void for_each_overview_row(
    const OverviewReport& r, bool names,
    const std::function<void(const std::string&, const std::string&, const LightFigure&)>& row) {
  auto center = [&](std::size_t c) { return names ? r.centers[c].name : r.centers[c].code; };
  auto type = [&](std::size_t b) {
    return names ? r.benefit_types[b].name : r.benefit_types[b].code;
  };
  const std::string forvaltning = names ? "Forvaltningen" : "forvaltningen";
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) row(center(c), type(b), r.cells[c][b]);
    row(center(c), "i alt", r.center_totals[c]);
  }
  for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
    row(forvaltning, type(b), r.forvaltning[b]);
  }
  row(forvaltning, "i alt", r.total);
}

std::string percent_text(const std::optional<int>& percent) {
  return percent ? std::to_string(*percent) + " %" : std::string(kNoDataLabel);
}

std::string light_text(const std::optional<TrafficLight>& light) {
  return light ? danish_label(*light) : "—";
}

// A share in percent with `decimals` decimals and a decimal comma (display only: the interval
// never decides a colour).
std::string share_percent(double share, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, share * 100.0);
  std::string out = buffer;
  for (auto& c : out) {
    if (c == '.') c = ',';
  }
  return out;
}

std::string interval_text(const std::optional<WilsonInterval>& interval) {
  if (!interval) return "";
  return share_percent(interval->lower, 1) + "–" + share_percent(interval->upper, 1) + " %";
}

std::string share_text(const Share& share) {
  if (!share.percent) return std::string(kNoDataLabel);
  return std::to_string(share.proportion.part) + " af " + std::to_string(share.proportion.whole) +
         " = " + std::to_string(*share.percent) + " %";
}

std::string mark(const PercentCorrect& p) {
  return p.too_small_to_tell ? "*" : "";
}

std::string thresholds_text(const Thresholds& t) {
  return "Trafiklys: grøn ≥ " + std::to_string(t.green_min) + " %, gul ≥ " +
         std::to_string(t.yellow_min) + " %, ellers rød (valgt på det viste, afrundede tal).\n";
}

std::string points_text(const Fraction& value) {
  return to_decimal_text(value, 1);
}

std::string fraction_percent_text(const Fraction& share) {
  return to_decimal_text(share * fraction_from_int(100), 1) + " %";
}

std::string goal_text(const StrategicGoal& goal, const GoalStatus& status) {
  std::ostringstream out;
  out << "Strategisk mål: fejlandelen skal ned med "
      << to_decimal_text(fraction_from_decimal(goal.reduction) * fraction_from_int(100), 0)
      << " % fra " << goal.baseline_year << " til " << goal.target_year << ".\n";
  if (!status.target) {
    out << "  Ingen data fra basisåret " << goal.baseline_year << "; intet mål at måle på.\n";
    return out.str();
  }
  out << "  Basisår " << goal.baseline_year << ": " << status.baseline.part << " fejl af "
      << status.baseline.whole << " = "
      << fraction_percent_text(make_fraction(status.baseline.part, status.baseline.whole))
      << "; mål " << fraction_percent_text(*status.target) << ".\n";
  if (!status.current.has_data()) {
    out << "  Nu: ingen data.\n";
    return out.str();
  }
  out << "  Nu: " << status.current.part << " fejl af " << status.current.whole << " = "
      << fraction_percent_text(make_fraction(status.current.part, status.current.whole))
      << "; nået: " << (status.reached.value_or(false) ? "ja" : "nej");
  if (status.progress) out << "; fremskridt " << to_decimal_text(*status.progress, 2);
  out << ".\n";
  return out.str();
}

std::string deadline_text(const std::optional<Date>& deadline) {
  return deadline ? to_danish(*deadline) : "ikke fastsat";
}

std::string action_text(const storage::Initiative& initiative) {
  return initiative.action.empty() ? "(ikke udfyldt)" : initiative.action;
}

std::string initiative_status_text(const InitiativeLine& line) {
  std::string text = status_text(line.status);
  if (line.overdue_days == 1) text += " — 1 dag over fristen";
  if (line.overdue_days > 1)
    text += " — " + std::to_string(line.overdue_days) + " dage over fristen";
  return text;
}

std::string improvement_text(const Improvement& change, bool next_round) {
  const std::string before = percent_text(change.before);
  if (!next_round) return before + " → ingen ny runde endnu";
  std::string text = before + " → " + percent_text(change.after);
  if (change.improved) text += *change.improved ? " (forbedret)" : " (ikke forbedret)";
  return text;
}

std::string affected_period_text(const std::optional<AffectedPeriod>& period) {
  return period ? to_danish(period->from) + " – " + to_danish(period->to) : "";
}

std::string amount_text(const std::optional<Decimal>& amount) {
  return amount ? format_kroner(*amount) : "—";
}

}  // namespace sagsaudit::report_output
