#include "domain/followup.hpp"

#include <charconv>
#include <stdexcept>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// Øre in an amount of at most two decimals.
std::int64_t to_oere(const Decimal& amount) {
  if (amount.denominator == 1) return amount.numerator * 100;
  if (amount.denominator == 10) return amount.numerator * 10;
  if (amount.denominator == 100) return amount.numerator;
  if (amount.numerator % (amount.denominator / 100) != 0) {
    throw std::invalid_argument("beløbet " + amount.to_string() + " har mere end to decimaler");
  }
  return amount.numerator / (amount.denominator / 100);
}

int rank(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::red:
      return 0;
    case InitiativeStatus::yellow:
      return 1;
    case InitiativeStatus::in_progress:
      return 2;
    case InitiativeStatus::green:
      return 3;
  }
  return 4;
}

}  // namespace

std::string marker_code(InitiativeMarker marker) {
  switch (marker) {
    case InitiativeMarker::open:
      return "open";
    case InitiativeMarker::done:
      return "done";
    case InitiativeMarker::delayed:
      return "delayed";
    case InitiativeMarker::at_risk:
      return "at_risk";
  }
  return "open";
}

std::string danish_label(InitiativeMarker marker) {
  switch (marker) {
    case InitiativeMarker::open:
      return "åben";
    case InitiativeMarker::done:
      return "opfyldt";
    case InitiativeMarker::delayed:
      return "forsinket";
    case InitiativeMarker::at_risk:
      return "i risiko";
  }
  return "åben";
}

std::optional<InitiativeMarker> parse_initiative_marker(std::string_view text) {
  for (auto m : {InitiativeMarker::open, InitiativeMarker::done, InitiativeMarker::delayed,
                 InitiativeMarker::at_risk}) {
    if (text == marker_code(m) || text == danish_label(m)) return m;
  }
  return std::nullopt;
}

std::string status_code(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::in_progress:
      return "in_progress";
    case InitiativeStatus::green:
      return "green";
    case InitiativeStatus::yellow:
      return "yellow";
    case InitiativeStatus::red:
      return "red";
  }
  return "in_progress";
}

std::string danish_label(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::in_progress:
      return "i gang";
    case InitiativeStatus::green:
      return "grøn";
    case InitiativeStatus::yellow:
      return "gul";
    case InitiativeStatus::red:
      return "rød";
  }
  return "i gang";
}

std::string status_text(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::in_progress:
      return "Initiativet forløber planmæssigt (fristen er ikke overskredet)";
    case InitiativeStatus::green:
      return "Initiativet er opfyldt";
    case InitiativeStatus::yellow:
      return "Initiativet forløber med nogen forsinkelse";
    case InitiativeStatus::red:
      return "Initiativet forløber med stor forsinkelse, risiko for manglende opfyldelse";
  }
  return "";
}

FollowupRules parse_followup_rules(std::string_view text, const std::string& field) {
  int days = 0;
  const auto* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, days);
  if (text.empty() || ec != std::errc() || ptr != end || days < 1 || days > kMaxYellowLimitDays) {
    throw ValidationError(std::vector<Issue>{{"", 0, 0, field,
                                              "skal være et helt antal dage fra 1 til " +
                                                  std::to_string(kMaxYellowLimitDays) + ", ikke '" +
                                                  std::string(text) + "'"}});
  }
  return FollowupRules{days};
}

int days_overdue(const std::optional<Date>& deadline, Date today) {
  if (!deadline) return 0;
  const auto days = (std::chrono::sys_days(today) - std::chrono::sys_days(*deadline)).count();
  return days > 0 ? static_cast<int>(days) : 0;
}

InitiativeStatus initiative_status(InitiativeMarker marker, const std::optional<Date>& deadline,
                                   Date today, const FollowupRules& rules) {
  if (marker == InitiativeMarker::done) return InitiativeStatus::green;
  if (marker == InitiativeMarker::at_risk) return InitiativeStatus::red;
  const int late = days_overdue(deadline, today);
  if (late > rules.yellow_limit_days) return InitiativeStatus::red;
  if (late > 0) return InitiativeStatus::yellow;
  return marker == InitiativeMarker::delayed ? InitiativeStatus::yellow
                                             : InitiativeStatus::in_progress;
}

void check_marker_change(std::string_view initiative, InitiativeMarker from, InitiativeMarker to,
                         std::string_view reason) {
  if (from == to) {
    throw ConflictError("initiativ " + std::string(initiative) + " er allerede '" +
                        danish_label(to) + "'");
  }
  if (blank(reason)) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "--reason",
                            "en ændring af status kræver en begrundelse (initiativ " +
                                std::string(initiative) + ")"}});
  }
}

bool is_open(InitiativeMarker marker) {
  return marker != InitiativeMarker::done;
}

bool report_before(InitiativeStatus a_status, int a_overdue, InitiativeStatus b_status,
                   int b_overdue) {
  if (rank(a_status) != rank(b_status)) return rank(a_status) < rank(b_status);
  return a_overdue > b_overdue;
}

bool needs_initiative(const std::optional<TrafficLight>& light) {
  return light == TrafficLight::red;
}

bool may_have_initiative(const std::optional<TrafficLight>& light) {
  return light == TrafficLight::red || light == TrafficLight::yellow;
}

std::string correction_code(CorrectionState state) {
  switch (state) {
    case CorrectionState::open:
      return "open";
    case CorrectionState::corrected:
      return "corrected";
    case CorrectionState::not_relevant:
      return "not_relevant";
  }
  return "open";
}

std::string danish_label(CorrectionState state) {
  switch (state) {
    case CorrectionState::open:
      return "åben";
    case CorrectionState::corrected:
      return "berigtiget";
    case CorrectionState::not_relevant:
      return "ikke relevant";
  }
  return "åben";
}

std::optional<CorrectionState> parse_correction_state(std::string_view text) {
  if (text == "ikke-relevant") return CorrectionState::not_relevant;
  for (auto s :
       {CorrectionState::open, CorrectionState::corrected, CorrectionState::not_relevant}) {
    if (text == correction_code(s) || text == danish_label(s)) return s;
  }
  return std::nullopt;
}

void check_correction_change(std::string_view correction, CorrectionState from, CorrectionState to,
                             std::string_view reason) {
  if (from == to) {
    throw ConflictError("berigtigelse " + std::string(correction) + " er allerede '" +
                        danish_label(to) + "'");
  }
  if (blank(reason) && (to == CorrectionState::not_relevant || to == CorrectionState::open)) {
    throw ValidationError(
        std::vector<Issue>{{"", 0, 0, "--reason",
                            "'" + danish_label(to) + "' kræver en begrundelse (berigtigelse " +
                                std::string(correction) + ")"}});
  }
}

Improvement improvement(std::int64_t correct_before, std::int64_t counted_before,
                        std::int64_t correct_after, std::int64_t counted_after) {
  Improvement out;
  out.before = whole_percent(correct_before, counted_before);
  out.after = whole_percent(correct_after, counted_after);
  if (out.before && out.after) out.improved = *out.after > *out.before;
  return out;
}

Decimal sum_kroner(const Decimal& a, const Decimal& b) {
  Decimal sum{to_oere(a) + to_oere(b), 100};
  while (sum.denominator > 1 && sum.numerator % 10 == 0) {
    sum.numerator /= 10;
    sum.denominator /= 10;
  }
  return sum;
}

}  // namespace sagsaudit
