#include "report_output/report_html.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <sstream>

#include "domain/concept.hpp"

namespace sagsaudit::report_output {
namespace {

const std::array<Category, 3> kCategories = {Category::key_control, Category::quality_goal,
                                             Category::formality};

// Colours printed too (print-color-adjust), and the word is always in the cell beside them, so
// a black-and-white print or a colour-blind reader loses nothing.
constexpr const char* kStyle = R"(
@page { size: A4; margin: 15mm 12mm; }
body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; color: #111; margin: 2em; }
h1 { font-size: 17pt; margin: 0 0 .3em; }
h2 { font-size: 13.5pt; margin: 1.4em 0 .4em; border-bottom: 1px solid #999; }
h3 { font-size: 11.5pt; margin: 1em 0 .3em; }
p.meta, p.note { color: #333; margin: .2em 0; }
table { border-collapse: collapse; margin: .4em 0 .8em; }
th, td { border: 1px solid #bbb; padding: .2em .45em; text-align: left; vertical-align: top; }
th { background: #eee; }
td.num { text-align: right; white-space: nowrap; }
td.lys { font-weight: bold; white-space: nowrap; }
.lys-groen { background: #b7e1a1; }
.lys-gul { background: #ffe58a; }
.lys-roed { background: #f4a6a6; }
.lys-ingen { background: #fff; color: #555; font-weight: normal; }
svg { display: block; margin: .4em 0 1em; }
svg text { font-family: Arial, sans-serif; font-size: 10px; }
* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
@media print {
  body { margin: 0; font-size: 9.5pt; }
  section { break-inside: avoid-page; }
  h2 { break-after: avoid; }
  tr, svg { break-inside: avoid; }
}
)";

std::string e(const std::string& text) {
  return html_escape(text);
}

std::string light_class(const std::optional<TrafficLight>& light) {
  if (!light) return "lys-ingen";
  switch (*light) {
    case TrafficLight::green:
      return "lys-groen";
    case TrafficLight::yellow:
      return "lys-gul";
    case TrafficLight::red:
      return "lys-roed";
  }
  return "lys-ingen";
}

// The light cell: class for the colour, word for the meaning.
std::string light_cell(const std::optional<TrafficLight>& light) {
  return "<td class=\"lys " + light_class(light) + "\">" + e(light_text(light)) + "</td>";
}

std::string num_cell(const std::string& text) {
  return "<td class=\"num\">" + e(text) + "</td>";
}
std::string cell(const std::string& text) {
  return "<td>" + e(text) + "</td>";
}

std::string header_row(const std::vector<std::string>& names) {
  std::string out = "<tr>";
  for (const auto& n : names) out += "<th>" + e(n) + "</th>";
  return out + "</tr>\n";
}

std::string page_start(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>" +
         e(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<h1>" + e(title) +
         "</h1>\n";
}

std::string page_end() {
  return "<p class=\"note\">" + e(kLegend) + "</p>\n</body>\n</html>\n";
}

std::string thresholds_paragraph(const Thresholds& t) {
  std::string text = thresholds_text(t);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return "<p class=\"meta\">" + e(text) + "</p>\n";
}

std::string goal_paragraph(const std::string& who, const std::optional<StrategicGoal>& goal,
                           const std::optional<GoalStatus>& status) {
  if (!goal || !status) return "";
  std::string out = "<h2>Strategisk mål — " + e(who) + "</h2>\n";
  std::istringstream lines(goal_text(*goal, *status));
  for (std::string line; std::getline(lines, line);) {
    out += "<p class=\"meta\">" + e(line) + "</p>\n";
  }
  return out;
}

// Percent, light, n, interval and the too-small mark of one figure, as table cells.
std::string figure_cells(const PercentCorrect& p) {
  return num_cell(percent_text(p.share.percent) + mark(p)) + light_cell(p.light) +
         num_cell(std::to_string(p.share.proportion.whole)) +
         num_cell(interval_text(p.share.interval));
}

std::string fmt_number(double value, int decimals) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

double share_of(const Proportion& p) {
  return static_cast<double>(p.part) / static_cast<double>(p.whole);
}

}  // namespace

std::string html_page_start(const std::string& title) {
  return page_start(title);
}
std::string html_page_end(const std::string& note) {
  return (note.empty() ? "" : "<p class=\"note\">" + e(note) + "</p>\n") + "</body>\n</html>\n";
}
std::string html_cell(const std::string& text) {
  return cell(text);
}
std::string html_num_cell(const std::string& text) {
  return num_cell(text);
}
std::string html_header_row(const std::vector<std::string>& names) {
  return header_row(names);
}

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string trend_svg(const ErrorTrend& trend, const std::string& title) {
  const auto& points = trend.overall.points;
  const std::size_t count = std::min(points.size(), trend.periods.size());
  double top = 0.0;
  bool any = false;
  for (std::size_t i = 0; i < count; ++i) {
    if (!points[i].has_data()) continue;
    any = true;
    top = std::max(top, share_of(points[i]));
  }
  if (!any) return "";
  // The axis runs to the next 10 % above the highest share (at least 10 %), so small error
  // shares are not squashed against the floor.
  const double axis = std::clamp(std::ceil(top * 10.0 + 1e-9) / 10.0, 0.1, 1.0);
  const double width = 640, height = 220, left = 48, right = 40, top_pad = 28, bottom = 40;
  const double plot_w = width - left - right, plot_h = height - top_pad - bottom;
  auto x = [&](std::size_t i) {
    return left + (count == 1 ? plot_w / 2
                              : plot_w * static_cast<double>(i) / static_cast<double>(count - 1));
  };
  auto y = [&](double share) { return top_pad + plot_h * (1.0 - share / axis); };

  std::ostringstream out;
  out << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\"" << height
      << "\" viewBox=\"0 0 " << width << " " << height << "\" role=\"img\" aria-label=\""
      << e(title) << "\">\n<title>" << e(title) << "</title>\n"
      << "<text x=\"" << left << "\" y=\"14\" font-weight=\"bold\">" << e(title) << "</text>\n";
  // Grid lines at whole percents: every 5 % up to a 20 % axis, every 10 % up to 50 %, else 20 %.
  const int axis_percent = static_cast<int>(std::lround(axis * 100.0));
  const int step_percent = axis_percent <= 20 ? 5 : axis_percent <= 50 ? 10 : 20;
  for (int percent = 0; percent <= axis_percent; percent += step_percent) {
    const double share = percent / 100.0;
    out << "<line x1=\"" << left << "\" x2=\"" << width - right << "\" y1=\"" << y(share)
        << "\" y2=\"" << y(share) << "\" stroke=\"#ddd\"/>\n"
        << "<text x=\"" << left - 6 << "\" y=\"" << y(share) + 3 << "\" text-anchor=\"end\">"
        << percent << " %</text>\n";
  }
  // A gap (period without data) breaks the line, so no trend is drawn across missing periods.
  std::string polyline;
  auto flush = [&] {
    if (polyline.find(' ') != std::string::npos) {
      out << "<polyline fill=\"none\" stroke=\"#1f4e9c\" stroke-width=\"2\" points=\"" << polyline
          << "\"/>\n";
    }
    polyline.clear();
  };
  for (std::size_t i = 0; i < count; ++i) {
    out << "<text x=\"" << x(i) << "\" y=\"" << height - bottom + 16 << "\" text-anchor=\"middle\">"
        << e(trend.periods[i].to_string()) << "</text>\n";
    if (!points[i].has_data()) {
      flush();
      continue;
    }
    const double share = share_of(points[i]);
    if (!polyline.empty()) polyline += " ";
    polyline += fmt_number(x(i), 1) + "," + fmt_number(y(share), 1);
  }
  flush();
  for (std::size_t i = 0; i < count; ++i) {
    if (!points[i].has_data()) continue;
    const double share = share_of(points[i]);
    const std::string label = percent_text(whole_percent(points[i].part, points[i].whole));
    out << "<circle cx=\"" << fmt_number(x(i), 1) << "\" cy=\"" << fmt_number(y(share), 1)
        << "\" r=\"3.5\" fill=\"#1f4e9c\"><title>" << e(trend.periods[i].to_string()) << ": "
        << points[i].part << " fejl af " << points[i].whole << "</title></circle>\n"
        << "<text x=\"" << fmt_number(x(i), 1) << "\" y=\"" << fmt_number(y(share) - 7, 1)
        << "\" text-anchor=\"middle\">" << e(label) << "</text>\n";
  }
  out << "<text x=\"" << left << "\" y=\"" << height - 6
      << "\">Fejlandel samlet (fejl af tællende svar) pr. periode</text>\n</svg>\n";
  return out.str();
}

std::string overview_html(const OverviewReport& r,
                          const std::vector<std::pair<NamedCode, ErrorTrend>>& trends) {
  std::string out = page_start("Overblik " + r.label) + thresholds_paragraph(r.thresholds);

  // The matrix: centers × ydelsestyper, each cell percent and light word on the light colour.
  out += "<section>\n<h2>Trafiklys pr. center og ydelsestype</h2>\n<table>\n<tr><th>Center</th>";
  for (const auto& b : r.benefit_types) out += "<th>" + e(b.name) + "</th>";
  out += "<th>I alt</th></tr>\n";
  auto matrix_cell = [&](const LightFigure& f) {
    const PercentCorrect& p = f.overall.correct;
    return "<td class=\"lys " + light_class(p.light) + "\">" +
           e(percent_text(p.share.percent) + mark(p)) + "<br>" + e(light_text(p.light)) + "</td>";
  };
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    out += "<tr><th>" + e(r.centers[c].name) + "</th>";
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) out += matrix_cell(r.cells[c][b]);
    out += matrix_cell(r.center_totals[c]) + "</tr>\n";
  }
  out += "<tr><th>Forvaltningen</th>";
  for (const auto& f : r.forvaltning) out += matrix_cell(f);
  out += matrix_cell(r.total) + "</tr>\n</table>\n</section>\n";

  out += "<section>\n<h2>Tallene</h2>\n<table>\n" +
         header_row({"Center", "Ydelsestype", "Korrekt", "Lys", "n", "95 %-interval",
                     "Fejlfri sager", "Sager", "Venter"});
  auto row = [&](const std::string& center, const std::string& type, const LightFigure& f) {
    out += "<tr>" + cell(center) + cell(type) + figure_cells(f.overall.correct) +
           num_cell(share_text(f.overall.error_free)) + num_cell(std::to_string(f.reviews)) +
           num_cell(std::to_string(f.pending)) + "</tr>\n";
  };
  for_each_overview_row(r, true, row);
  out += "</table>\n</section>\n";

  for (const auto& [type, trend] : trends) {
    const std::string svg = trend_svg(trend, "Udvikling i fejlandel, forvaltningen, " + type.name);
    if (!svg.empty()) out += "<section>\n<h2>Udvikling — " + e(type.name) + "</h2>\n" + svg;
    if (!svg.empty()) out += "</section>\n";
  }
  out += goal_paragraph("forvaltningen", r.goal, r.forvaltning_goal);
  for (std::size_t c = 0; c < r.centers.size() && c < r.center_goals.size(); ++c) {
    out += goal_paragraph(r.centers[c].name, r.goal, r.center_goals[c]);
  }
  return out + page_end();
}

namespace {

std::string protocol_html(const SampleProtocol& p, const std::string& center) {
  std::string out = "<h3>Stikprøveprotokol</h3>\n<table>\n";
  auto line = [&](const std::string& name, const std::string& value) {
    out += "<tr><th>" + e(name) + "</th>" + cell(value) + "</tr>\n";
  };
  line("Runde", p.round_id);
  line("Populationsfil", p.population_file);
  line("SHA-256", p.population_sha256);
  line("Regel", p.rule);
  line("Frø (seed)", std::to_string(p.seed) + (p.seed_from_os ? " (fra styresystemet)" : ""));
  line("Algoritme", p.algorithm + " version " + std::to_string(p.algorithm_version));
  line("Udelukket", p.exclude_last
                        ? "sager trukket i de seneste " + std::to_string(p.exclude_last) + " runder"
                        : "ingen");
  line("Trukket", p.drawn_at + " af " + p.drawn_by);
  for (const auto& s : p.strata) {
    if (s.center != center) continue;
    line("Centrets stratum",
         "N = " + std::to_string(s.population) + " (" + std::to_string(s.listed) + " i filen, " +
             std::to_string(s.excluded) + " udelukket), n = " + std::to_string(s.requested) +
             (s.took_all ? ", alle trukket" : ""));
    std::string picks;
    for (const auto& pick : s.picks) picks += (picks.empty() ? "" : ", ") + pick;
    line("Trukne sager i rækkefølge", picks);
  }
  line("I alt trukket", std::to_string(p.total_drawn()));
  return out + "</table>\n";
}

}  // namespace

std::string center_html(const CenterReport& r, const std::vector<CenterSectionExtras>& extras) {
  std::string out = page_start("Centerrapport " + r.center.name + " — " + r.period) +
                    "<p class=\"meta\">Center " + e(r.center.code) + ", periode " + e(r.period) +
                    "</p>\n" + thresholds_paragraph(r.thresholds);
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const CenterSection& s = r.sections[i];
    const CenterSectionExtras* x = i < extras.size() ? &extras[i] : nullptr;
    out += "<section>\n<h2>" + e(s.benefit_type.name) + "</h2>\n<p class=\"meta\">Runde " +
           e(s.round_id) + ": " + std::to_string(s.center.reviews) + " sagsgennemgang(e) talt" +
           (s.pending ? ", " + std::to_string(s.pending) + " venter" : std::string()) +
           (s.rules.not_assessable_is_error ? "; kan ikke vurderes tæller som fejl" : "") +
           "</p>\n<table>\n" +
           header_row({"", "Korrekt", "Lys", "n", "95 %-interval", "Kan ikke vurderes",
                       "Fejlfri sager", "Forvaltningen", "Forvaltningens lys"});
    auto add = [&](const std::string& name, const CategoryFigures& f, const CategoryFigures& all) {
      out += "<tr><th>" + e(name) + "</th>" + figure_cells(f.correct) +
             num_cell(std::to_string(f.correct.not_assessable)) +
             num_cell(share_text(f.error_free)) +
             num_cell(percent_text(all.correct.share.percent)) + light_cell(all.correct.light) +
             "</tr>\n";
    };
    for (const Category c : kCategories) {
      add(to_danish(c), s.center.category(c), s.forvaltning.category(c));
    }
    add("samlet", s.center.overall, s.forvaltning.overall);
    out += "</table>\n<h3>Kontrollerne</h3>\n<table>\n" +
           header_row({"Kontrol", "Kategori", "Korrekt", "Lys", "n", "95 %-interval",
                       "Kan ikke vurderes"});
    for (const auto& c : s.center.controls) {
      out += "<tr>" + cell(c.control_id) + cell(to_danish(c.category)) + figure_cells(c.correct) +
             num_cell(std::to_string(c.correct.not_assessable)) + "</tr>\n";
    }
    out += "</table>\n";
    if (x && x->trend) {
      out += trend_svg(*x->trend,
                       "Udvikling i fejlandel, " + r.center.name + ", " + s.benefit_type.name);
    }
    out += "<h3>Sager med fejl</h3>\n";
    if (s.error_cases.empty()) {
      out += "<p class=\"meta\">Ingen.</p>\n";
    } else {
      out += "<table>\n" + header_row({"Sag", "CPR (maskeret)", "Kontrol", "Svar", "Kommentar"});
      for (const auto& c : s.error_cases) {
        // One row per flagged answer, so each comment stands beside its control; the case and
        // CPR cells span them.
        std::vector<ControlAnswer> answers;
        if (x) {
          const auto it = x->flagged.find(c.case_number);
          if (it != x->flagged.end()) answers = it->second;
        }
        if (answers.empty()) {
          for (const auto& id : c.error_controls)
            answers.push_back({id, Answer::error, "", {}, {}, {}});
          for (const auto& id : c.not_assessable_controls) {
            answers.push_back({id, Answer::not_assessable, "", {}, {}, {}});
          }
        }
        const std::string span = std::to_string(answers.size());
        for (std::size_t a = 0; a < answers.size(); ++a) {
          out += "<tr>";
          if (a == 0) {
            out += "<td rowspan=\"" + span + "\">" + e(c.case_number) + "</td><td rowspan=\"" +
                   span + "\">" + e(c.masked_cpr) + "</td>";
          }
          out += cell(answers[a].control_id) + cell(danish_label(answers[a].answer)) +
                 cell(answers[a].comment) + "</tr>\n";
        }
      }
      out += "</table>\n";
    }
    if (x && x->protocol) out += protocol_html(*x->protocol, r.center.code);
    out += "</section>\n";
  }
  const PercentCorrect& t = r.total.overall.correct;
  out += "<section>\n<h2>Centret i alt</h2>\n<table>\n" +
         header_row({"Periode", "Korrekt", "Lys", "n", "95 %-interval", "Sager"}) + "<tr>" +
         cell(r.period) + figure_cells(t) + num_cell(std::to_string(r.total.reviews)) +
         "</tr>\n</table>\n</section>\n";
  out += goal_paragraph(r.center.name, r.goal, r.goal_status);
  return out + page_end();
}

std::string error_statistics_html(const ErrorStatisticsReport& r) {
  const std::string who = r.center ? r.center->name : std::string("forvaltningen");
  std::string out = page_start("Fejlstatistik " + r.period + " — " + who);
  for (const auto& s : r.sections) {
    out += "<section>\n<h2>" + e(s.benefit_type.name) + "</h2>\n<p class=\"meta\">Runde " +
           e(s.round_id) + "; forrige periode: " +
           e(s.previous_round_id ? *s.previous_round_id : std::string(kNoDataLabel)) +
           "</p>\n<table>\n" +
           header_row({"Rang", "Kontrol", "Kategori", "Fejlandel", "Fejl af tællende", "Forrige",
                       "Ændring (point)"});
    for (const auto& row : s.rows) {
      out += "<tr>" + num_cell(row.rank ? std::to_string(*row.rank) : "") + cell(row.control_id) +
             cell(to_danish(row.category)) + num_cell(percent_text(row.percent)) +
             num_cell(std::to_string(row.error_share.part) + " af " +
                      std::to_string(row.error_share.whole)) +
             num_cell(row.previous_percent ? percent_text(row.previous_percent) : "") +
             num_cell(row.change_points ? points_text(*row.change_points) : "") + "</tr>\n";
    }
    out += "</table>\n" +
           trend_svg(s.trend, "Udvikling i fejlandel, " + who + ", " + s.benefit_type.name) +
           "</section>\n";
  }
  return out + "</body>\n</html>\n";
}

namespace {

std::string status_class(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::green:
      return "lys-groen";
    case InitiativeStatus::yellow:
      return "lys-gul";
    case InitiativeStatus::red:
      return "lys-roed";
    case InitiativeStatus::in_progress:
      return "lys-ingen";
  }
  return "lys-ingen";
}

// The status colour as class and word, as the light cells.
std::string status_cell(InitiativeStatus status) {
  return "<td class=\"lys " + status_class(status) + "\">" + e(danish_label(status)) + "</td>";
}

std::string cell_name(const InitiativeLine& l) {
  const auto& i = l.initiative;
  return i.center + " × " + (l.benefit_name.empty() ? i.benefit_type : l.benefit_name) + " (" +
         i.period + ", " + light_text(i.source_light) + " " + percent_text(i.source_percent) + ")";
}

}  // namespace

std::string followup_html(const FollowupReport& r) {
  std::string out =
      page_start("Opfølgning — " + (r.center ? *r.center : std::string("forvaltningen")));
  out += "<p class=\"meta\">" +
         e("Opgjort " + to_danish(r.today) + ". Et åbent initiativ er gult 1–" +
           std::to_string(r.rules.yellow_limit_days) +
           " dage efter fristen og rødt derefter; markeret forsinket er det mindst gult, i "
           "risiko rødt.") +
         "</p>\n";

  out += "<section>\n<h2>Åbne initiativer</h2>\n";
  std::size_t open = 0;
  for (const auto& l : r.initiatives) open += is_open(l.initiative.marker) ? 1 : 0;
  if (open == 0) {
    out += "<p class=\"meta\">Ingen åbne initiativer.</p>\n";
  } else {
    out += "<table>\n" + header_row({"Nr.", "Status", "Celle", "Hvad", "Ansvarlig", "Frist",
                                     "Dage over frist", "Markering"});
    for (const auto& l : r.initiatives) {
      if (!is_open(l.initiative.marker)) continue;
      const auto& i = l.initiative;
      out += "<tr>" + num_cell(std::to_string(i.id)) + status_cell(l.status) + cell(cell_name(l)) +
             cell(action_text(i)) + cell(i.responsible) + cell(deadline_text(i.deadline)) +
             num_cell(std::to_string(l.overdue_days)) + cell(danish_label(i.marker)) + "</tr>\n";
    }
    out += "</table>\n";
  }
  out += "</section>\n";

  out += "<section>\n<h2>Handleplan</h2>\n";
  if (r.initiatives.empty()) {
    out += "<p class=\"meta\">Ingen initiativer.</p>\n";
  } else {
    out += "<table>\n" + header_row({"Nr.", "Handlinger", "Forventet afslutningstidspunkt",
                                     "Status " + to_danish(r.today), "Status i farver"});
    for (const auto& l : r.initiatives) {
      const auto& i = l.initiative;
      std::string action = cell_name(l) + ": " + action_text(i);
      if (action.back() != '.') action += ".";
      if (!i.responsible.empty()) action += " Ansvarlig: " + i.responsible + ".";
      if (!i.controls.empty()) {
        std::string list;
        for (const auto& c : i.controls) list += (list.empty() ? "" : ", ") + c;
        action += " Kontroller: " + list + ".";
      }
      out += "<tr>" + num_cell(std::to_string(i.id)) + cell(action) +
             cell(deadline_text(i.deadline)) + cell(initiative_status_text(l)) +
             status_cell(l.status) + "</tr>\n";
    }
    out += "</table>\n<p class=\"note\">" + e(kInitiativeLegend) + "</p>\n";
  }
  out += "</section>\n";

  bool any_control = false;
  for (const auto& l : r.initiatives) any_control = any_control || !l.controls.empty();
  if (any_control) {
    out += "<section>\n<h2>Målrettede kontroller: procent korrekt før → efter</h2>\n<table>\n" +
           header_row({"Nr.", "Kontrol", "Runde", "Før", "Næste runde", "Efter", "Udvikling"});
    for (const auto& l : r.initiatives) {
      for (const auto& c : l.controls) {
        out += "<tr>" + num_cell(std::to_string(l.initiative.id)) +
               cell(c.control_id + (c.question.empty() ? "" : " — " + c.question)) +
               cell(l.initiative.round_id) + num_cell(percent_text(c.change.before)) +
               cell(l.next_round_id.value_or("ingen endnu")) +
               num_cell(l.next_round_id ? percent_text(c.change.after) : "") +
               cell(improvement_text(c.change, l.next_round_id.has_value())) + "</tr>\n";
      }
    }
    out += "</table>\n</section>\n";
  }

  out += "<section>\n<h2>Åbne berigtigelser</h2>\n";
  if (r.open_corrections.empty()) {
    out += "<p class=\"meta\">Ingen åbne berigtigelser.</p>\n";
  } else {
    // Totals first: the finance office reads them before the case list.
    out += "<table>\n" + header_row({"Center", "Åbne berigtigelser", "Beløb (kr.)"});
    for (const auto& t : r.open_totals) {
      const std::string who = t.center.empty() ? "I alt" : t.center;
      out += "<tr>" + (t.center.empty() ? "<th>" + e(who) + "</th>" : cell(who)) +
             num_cell(std::to_string(t.count)) + num_cell(format_kroner(t.amount)) + "</tr>\n";
    }
    out += "</table>\n<h3>Sagerne</h3>\n<table>\n" +
           header_row({"Nr.", "Center", "Runde", "Sag", "Kontrol", "Beløb (kr.)", "Periode"});
    for (const auto& c : r.open_corrections) {
      out += "<tr>" + num_cell(std::to_string(c.id)) + cell(c.center) + cell(c.round_id) +
             cell(c.case_number) + cell(c.control_id) + num_cell(amount_text(c.amount)) +
             cell(affected_period_text(c.affected_period)) + "</tr>\n";
    }
    out += "</table>\n";
  }
  out += "<p class=\"meta\">" + e(std::to_string(r.closed_corrections)) +
         " berigtigelser er afsluttet (berigtiget eller ikke relevant).</p>\n</section>\n";
  return out + "</body>\n</html>\n";
}

}  // namespace sagsaudit::report_output
