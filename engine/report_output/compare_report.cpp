#include "report_output/compare_report.hpp"

#include <algorithm>
#include <sstream>

#include "report_output/report_format.hpp"
#include "report_output/report_html.hpp"
#include "report_output/text_table.hpp"
#include "report_output/xlsx_book.hpp"

namespace sagsaudit::report_output {

namespace {

// A number with `decimals` decimals and a decimal comma: 0.7964 → "0,796".
std::string decimal_text(double value, int decimals) {
  return share_percent(value / 100.0, decimals);
}

std::string coefficient_text(const std::optional<AgreementCoefficient>& k) {
  if (!k) return "—";
  std::string out = decimal_text(k->value, 3) + " (SE " + decimal_text(k->standard_error, 3);
  if (k->interval) {
    out +=
        "; " + decimal_text(k->interval->lower, 3) + " til " + decimal_text(k->interval->upper, 3);
  }
  return out + ")";
}

std::string rate_text(const ErrorRate& r) {
  return danish_percent(r.rate) + " (" + interval_text(r.interval) + ")";
}

// One row of figures, as text, for the text, CSV and HTML renderings.
struct FigureTexts {
  std::string pairs, agreement, kappa, ac1, municipality, auditor, mcnemar;
};

FigureTexts figure_texts(const AgreementStatistics& s) {
  FigureTexts t;
  t.pairs = std::to_string(s.table.total());
  t.agreement = s.percent_agreement ? danish_percent(s.percent_agreement->value) : "—";
  t.kappa = coefficient_text(s.cohen_kappa);
  t.ac1 = coefficient_text(s.gwet_ac1);
  if (s.error_rates) {
    const auto& r = *s.error_rates;
    t.municipality = rate_text(r.municipality);
    t.auditor = rate_text(r.auditor);
    t.mcnemar = danish_p_value(r.mcnemar.p_value) + " (" + std::to_string(r.mcnemar.b) +
                " kun revisor, " + std::to_string(r.mcnemar.c) + " kun kommunen)";
  } else {
    t.municipality = t.auditor = t.mcnemar = "—";
  }
  return t;
}

const std::vector<std::string> kFigureHeader = {"Gruppe",
                                                "Par (korrekt/fejl)",
                                                "Enighed",
                                                "Cohens kappa (SE; 95 %)",
                                                "Gwets AC1 (SE; 95 %)",
                                                "Fejl, kommunen",
                                                "Fejl, revisor",
                                                "McNemar"};

// The groups shown: with a single ydelsestype (one round) the overall and per-category figures
// are the ydelsestype's own, so only the ydelsestype, its categories and its controls are shown.
std::vector<const AgreementGroup*> shown_groups(const Comparison& c) {
  const auto types = std::count_if(c.groups.begin(), c.groups.end(), [](const auto& g) {
    return g.grouping == AgreementGrouping::benefit_type;
  });
  std::vector<const AgreementGroup*> out;
  for (const auto& g : c.groups) {
    const bool pooled =
        g.grouping == AgreementGrouping::overall || g.grouping == AgreementGrouping::category;
    if (types <= 1 && pooled) continue;
    out.push_back(&g);
  }
  return out;
}

std::string grouping_code(AgreementGrouping g) {
  switch (g) {
    case AgreementGrouping::overall:
      return "i_alt";
    case AgreementGrouping::category:
      return "kategori";
    case AgreementGrouping::benefit_type:
      return "ydelsestype";
    case AgreementGrouping::benefit_type_and_category:
      return "ydelsestype_kategori";
    case AgreementGrouping::control:
      return "kontrol";
  }
  return "";
}

std::string group_label(const Comparison& c, const AgreementGroup& g) {
  switch (g.grouping) {
    case AgreementGrouping::overall:
      return "I alt";
    case AgreementGrouping::category:
      return "Alle ydelsestyper, " + to_danish(*g.category);
    case AgreementGrouping::benefit_type:
      return g.benefit_type == c.round.benefit_type ? c.benefit_title : g.benefit_type;
    case AgreementGrouping::benefit_type_and_category:
      return to_danish(*g.category);
    case AgreementGrouping::control:
      return "Kontrol " + g.control_id;
  }
  return "";
}

std::string lock_text(const storage::ExternalReview& r) {
  return r.locked ? "låst " + r.locked_at + " af " + r.locked_by : "ikke låst";
}

std::vector<std::pair<std::string, std::string>> facts(const Comparison& c) {
  return {
      {"Runde", c.round.id},
      {"Ydelsestype", c.benefit_title},
      {"Periode", c.round.period.to_string()},
      {"Revisor (kilde)", c.review.source},
      {"Indlæst", c.review.imported_at + " af " + c.review.imported_by},
      {"Fil", c.review.file_name},
      {"Filens SHA-256", c.review.file_sha256},
      {"Status", lock_text(c.review)},
      {"Sager i stikprøven", std::to_string(c.sampled_cases)},
      {"Kommunens indsendte/godkendte gennemgange", std::to_string(c.municipality_reviews)},
      {"Sager revisor har gennemgået i stikprøven", std::to_string(c.auditor_cases)},
      {"Sager gennemgået af begge", std::to_string(c.paired_cases)},
      {"Kontroller besvaret af begge", std::to_string(c.pairs)},
      {"Kontroller kun besvaret af revisor", std::to_string(c.only_auditor)},
      {"Revisors sager uden for stikprøven", std::to_string(c.outside_sample.size())},
  };
}

std::vector<std::string> disagreement_header() {
  return {"Sag",      "Center",
          "Kontrol",  "Kategori",
          "Kommunen", "Kommunens kommentar",
          "Revisor",  "Revisors kommentar"};
}

std::vector<std::string> disagreement_row(const Disagreement& d) {
  return {d.case_number,
          d.center,
          d.control_id,
          to_danish(d.category),
          danish_label(d.municipality),
          d.municipality_comment,
          danish_label(d.auditor),
          d.auditor_comment};
}

std::string two_phase_text(const TwoPhaseSample& s) {
  return "Kommunens stikprøve: " + std::to_string(s.sample_errors) + " fejl af " +
         std::to_string(s.sample_size) +
         " kontroller besvaret korrekt eller fejl. Revisors gengennemgang af dem: " +
         std::to_string(s.both_correct) + " korrekt/korrekt, " +
         std::to_string(s.only_auditor_error) + " korrekt/fejl (fejl kommunen overså), " +
         std::to_string(s.only_municipality_error) + " fejl/korrekt, " +
         std::to_string(s.both_error) + " fejl/fejl.";
}

std::string verdict_class(AgreementLevel level) {
  switch (level) {
    case AgreementLevel::high:
      return "lys-groen";
    case AgreementLevel::moderate:
      return "lys-gul";
    case AgreementLevel::low:
      return "lys-roed";
    case AgreementLevel::too_few_pairs:
      return "lys-ingen";
  }
  return "lys-ingen";
}

std::string level_code(AgreementLevel level) {
  switch (level) {
    case AgreementLevel::high:
      return "hoej";
    case AgreementLevel::moderate:
      return "moderat";
    case AgreementLevel::low:
      return "lav";
    case AgreementLevel::too_few_pairs:
      return "for_faa_par";
  }
  return "";
}

constexpr const char* kMethodNote =
    "Statistikken bygger på de kontroller, som begge har besvaret korrekt eller fejl. Kappa og "
    "AC1 som i R-pakken irrCAC; fejlandelenes intervaller er Wilson-intervaller; McNemar eksakt "
    "binomial under 25 uenige par, ellers chi-i-anden uden korrektion. Metoder og grænser for "
    "vurderingen: docs/agreement.md.";

}  // namespace

// ---- text ------------------------------------------------------------------------------------

std::string comparison_text(const Comparison& c) {
  std::ostringstream out;
  out << "Revisorsammenligning " << c.round.id << " — " << c.review.source << "\n\n";
  TextTable about({"Oplysning", "Værdi"});
  for (const auto& [k, v] : facts(c)) about.add_row({k, v});
  about.print(out);
  out << "\nVurdering (" << c.benefit_title << "): " << c.verdict.headline << ". "
      << c.verdict.explanation << "\n\nAnslået sand fejlandel: " << c.true_error_rate_text << "\n"
      << two_phase_text(c.two_phase) << "\n\n";
  TextTable figures(kFigureHeader);
  for (const auto* g : shown_groups(c)) {
    const FigureTexts t = figure_texts(g->statistics);
    figures.add_row({group_label(c, *g), t.pairs, t.agreement, t.kappa, t.ac1, t.municipality,
                     t.auditor, t.mcnemar});
  }
  figures.print(out);
  out << "\nUenigheder (" << c.disagreements.size() << "):\n";
  if (c.disagreements.empty()) {
    out << "  ingen\n";
  } else {
    TextTable list(disagreement_header());
    for (const auto& d : c.disagreements) list.add_row(disagreement_row(d));
    list.print(out);
  }
  if (!c.outside_sample.empty()) {
    out << "\nRevisors sager uden for stikprøven (indgår ikke i sammenligningen):";
    for (const auto& n : c.outside_sample) out << ' ' << n;
    out << "\n";
  }
  out << "\n" << kMethodNote << "\n";
  return out.str();
}

// ---- CSV -------------------------------------------------------------------------------------

std::string comparison_csv(const Comparison& c) {
  std::string out;
  for (const auto& [k, v] : facts(c)) out += csv_line({k, v});
  out += csv_line({"Vurdering", c.verdict.headline, c.verdict.explanation});
  out += csv_line({"Anslået sand fejlandel", c.true_error_rate_text});
  out += "\r\n";
  out += csv_line(kFigureHeader);
  for (const auto* g : shown_groups(c)) {
    const FigureTexts t = figure_texts(g->statistics);
    out += csv_line({group_label(c, *g), t.pairs, t.agreement, t.kappa, t.ac1, t.municipality,
                     t.auditor, t.mcnemar});
  }
  out += "\r\n";
  out += csv_line(disagreement_header());
  for (const auto& d : c.disagreements) out += csv_line(disagreement_row(d));
  return out;
}

// ---- JSON ------------------------------------------------------------------------------------

namespace {

boost::json::value coefficient_json(const std::optional<AgreementCoefficient>& k) {
  if (!k) return nullptr;
  boost::json::object o{{"vaerdi", k->value},
                        {"observeret", k->observed},
                        {"tilfaeldig", k->chance},
                        {"se", k->standard_error},
                        {"n", k->n}};
  o["interval"] =
      k->interval ? boost::json::value(boost::json::array{k->interval->lower, k->interval->upper})
                  : boost::json::value(nullptr);
  return o;
}

boost::json::value rate_json(const ErrorRate& r) {
  return boost::json::object{{"fejl", r.errors},
                             {"n", r.n},
                             {"andel", r.rate},
                             {"interval", boost::json::array{r.interval.lower, r.interval.upper}}};
}

boost::json::value statistics_json(const AgreementStatistics& s) {
  boost::json::array categories, counts;
  for (const auto& name : s.table.categories) categories.push_back(boost::json::value(name));
  for (const auto& row : s.table.counts) {
    boost::json::array r;
    for (const auto v : row) r.push_back(v);
    counts.push_back(std::move(r));
  }
  boost::json::object o{{"tabel", boost::json::object{{"kategorier", categories},
                                                      {"antal", counts},
                                                      {"udeladt", s.table.excluded}}},
                        {"enighed", coefficient_json(s.percent_agreement)},
                        {"kappa", coefficient_json(s.cohen_kappa)},
                        {"ac1", coefficient_json(s.gwet_ac1)}};
  if (s.error_rates) {
    const auto& m = s.error_rates->mcnemar;
    o["fejl_kommunen"] = rate_json(s.error_rates->municipality);
    o["fejl_revisor"] = rate_json(s.error_rates->auditor);
    o["mcnemar"] = boost::json::object{
        {"b_kun_revisor_fejl", m.b},
        {"c_kun_kommunen_fejl", m.c},
        {"metode", m.method == McNemarMethod::exact_binomial ? "eksakt_binomial" : "chi_i_anden"},
        {"p", m.p_value}};
  } else {
    o["fejl_kommunen"] = nullptr;
    o["fejl_revisor"] = nullptr;
    o["mcnemar"] = nullptr;
  }
  return o;
}

}  // namespace

boost::json::value comparison_json(const Comparison& c) {
  boost::json::array groups;
  for (const auto& g : c.groups) {
    boost::json::object o{{"gruppering", grouping_code(g.grouping)},
                          {"ydelsestype", g.benefit_type},
                          {"kategori", g.category ? to_code(*g.category) : ""},
                          {"kontrol", g.control_id},
                          {"statistik", statistics_json(g.statistics)}};
    groups.push_back(std::move(o));
  }
  boost::json::array disagreements;
  for (const auto& d : c.disagreements) {
    disagreements.push_back(boost::json::object{{"sag", d.case_number},
                                                {"center", d.center},
                                                {"kontrol", d.control_id},
                                                {"kategori", to_code(d.category)},
                                                {"kommunen_svar", answer_code(d.municipality)},
                                                {"kommunen_kommentar", d.municipality_comment},
                                                {"revisor_svar", answer_code(d.auditor)},
                                                {"revisor_kommentar", d.auditor_comment},
                                                {"revisor_linje", d.auditor_line}});
  }
  boost::json::array outside;
  for (const auto& n : c.outside_sample) outside.push_back(boost::json::value(n));
  boost::json::object truth{{"tekst", c.true_error_rate_text},
                            {"stikproeve", c.two_phase.sample_size},
                            {"stikproeve_fejl", c.two_phase.sample_errors},
                            {"korrekt_korrekt", c.two_phase.both_correct},
                            {"korrekt_fejl", c.two_phase.only_auditor_error},
                            {"fejl_korrekt", c.two_phase.only_municipality_error},
                            {"fejl_fejl", c.two_phase.both_error}};
  if (c.true_error_rate) {
    const auto& e = *c.true_error_rate;
    truth["kommunens_andel"] = e.municipality_rate;
    truth["skoen"] = e.estimate;
    truth["se"] = e.standard_error;
    truth["interval"] = boost::json::array{e.interval.lower, e.interval.upper};
  } else {
    truth["skoen"] = nullptr;
  }
  return boost::json::object{
      {"runde", c.round.id},
      {"ydelsestype", c.round.benefit_type},
      {"periode", c.round.period.to_string()},
      {"kilde", c.review.source},
      {"indlaest", c.review.imported_at},
      {"indlaest_af", c.review.imported_by},
      {"fil_sha256", c.review.file_sha256},
      {"laast", c.review.locked},
      {"sager_i_stikproeven", c.sampled_cases},
      {"kommunens_gennemgange", c.municipality_reviews},
      {"revisors_sager", c.auditor_cases},
      {"sager_begge", c.paired_cases},
      {"par", c.pairs},
      {"kun_revisor", c.only_auditor},
      {"uden_for_stikproeven", outside},
      {"vurdering", boost::json::object{{"niveau", level_code(c.verdict.level)},
                                        {"overskrift", c.verdict.headline},
                                        {"forklaring", c.verdict.explanation}}},
      {"sand_fejlandel", truth},
      {"grupper", groups},
      {"uenigheder", disagreements}};
}

// ---- HTML ------------------------------------------------------------------------------------

std::string comparison_html(const Comparison& c) {
  std::string out = html_page_start("Revisorsammenligning " + c.benefit_title + " " +
                                    c.round.period.to_string() + " — " + c.review.source);
  out +=
      "<style>table.uenig td { font-size: 9pt; } table.uenig td.komm { width: 28%; }\n"
      "table.uenig td:first-child { white-space: nowrap; }\n"
      "p.dom { font-size: 12.5pt; padding: .35em .6em; border: 1px solid #999; }</style>\n";
  out += "<section>\n<table>\n";
  for (const auto& [k, v] : facts(c)) {
    out += "<tr><th>" + html_escape(k) + "</th>" + html_cell(v) + "</tr>\n";
  }
  out += "</table>\n</section>\n<section>\n<h2>Vurdering</h2>\n<p class=\"dom lys " +
         verdict_class(c.verdict.level) + "\">" + html_escape(c.verdict.headline) + "</p>\n" +
         "<p class=\"meta\">" + html_escape(c.verdict.explanation) + "</p>\n";
  out += "<h2>Anslået sand fejlandel</h2>\n<p>" + html_escape(c.true_error_rate_text) +
         "</p>\n<p class=\"meta\">" + html_escape(two_phase_text(c.two_phase)) +
         "</p>\n</section>\n";
  out += "<section>\n<h2>Overensstemmelse</h2>\n<table>\n" + html_header_row(kFigureHeader);
  for (const auto* g : shown_groups(c)) {
    const FigureTexts t = figure_texts(g->statistics);
    const bool head = g->grouping == AgreementGrouping::benefit_type;
    out += std::string("<tr>") +
           (head ? "<th>" + html_escape(group_label(c, *g)) + "</th>"
                 : html_cell(group_label(c, *g))) +
           html_num_cell(t.pairs) + html_num_cell(t.agreement) + html_cell(t.kappa) +
           html_cell(t.ac1) + html_cell(t.municipality) + html_cell(t.auditor) +
           html_cell(t.mcnemar) + "</tr>\n";
  }
  out += "</table>\n</section>\n";
  out += "<h2>Uenigheder (" + std::to_string(c.disagreements.size()) + ")</h2>\n";
  if (c.disagreements.empty()) {
    out += "<p>Ingen: de to har svaret ens på alle kontroller, som begge har besvaret.</p>\n";
  } else {
    out += "<table class=\"uenig\">\n" + html_header_row(disagreement_header());
    for (const auto& d : c.disagreements) {
      const auto row = disagreement_row(d);
      out += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i) {
        out += (i == 5 || i == 7) ? "<td class=\"komm\">" + html_escape(row[i]) + "</td>"
                                  : html_cell(row[i]);
      }
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  if (!c.outside_sample.empty()) {
    std::string list;
    for (const auto& n : c.outside_sample) list += (list.empty() ? "" : ", ") + n;
    out += "<h2>Revisors sager uden for stikprøven</h2>\n<p>Indgår ikke i sammenligningen: " +
           html_escape(list) + "</p>\n";
  }
  return out + html_page_end(kMethodNote);
}

// ---- XLSX ------------------------------------------------------------------------------------

namespace {

void write_row(lxw_worksheet* ws, lxw_row_t row, const std::vector<std::string>& cells,
               lxw_format* format = nullptr) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    worksheet_write_string(ws, row, static_cast<lxw_col_t>(i), cells[i].c_str(), format);
  }
}

void write_number_or_blank(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col,
                           const std::optional<double>& value, lxw_format* format = nullptr) {
  if (value) worksheet_write_number(ws, row, col, *value, format);
}

}  // namespace

void write_comparison_xlsx(const Comparison& c, const std::string& file) {
  XlsxBook book(file);
  lxw_worksheet* ws = book.sheet("Sammenligning");
  worksheet_set_column(ws, 0, 0, 42, nullptr);
  worksheet_set_column(ws, 1, 1, 90, nullptr);
  lxw_row_t row = 0;
  for (const auto& [k, v] : facts(c)) {
    worksheet_write_string(ws, row, 0, k.c_str(), book.header_);
    worksheet_write_string(ws, row++, 1, v.c_str(), nullptr);
  }
  ++row;
  const std::size_t light = c.verdict.level == AgreementLevel::high       ? 0
                            : c.verdict.level == AgreementLevel::moderate ? 1
                            : c.verdict.level == AgreementLevel::low      ? 2
                                                                          : 3;
  worksheet_write_string(ws, row, 0, "Vurdering", book.header_);
  worksheet_write_string(ws, row++, 1, c.verdict.headline.c_str(), book.light_word_[light]);
  worksheet_write_string(ws, row++, 1, c.verdict.explanation.c_str(), nullptr);
  worksheet_write_string(ws, row, 0, "Anslået sand fejlandel", book.header_);
  worksheet_write_string(ws, row++, 1, c.true_error_rate_text.c_str(), nullptr);
  worksheet_write_string(ws, row++, 1, two_phase_text(c.two_phase).c_str(), nullptr);
  if (c.true_error_rate) {
    const auto& e = *c.true_error_rate;
    for (const auto& [label, value] :
         std::vector<std::pair<std::string, double>>{{"Kommunens fejlandel", e.municipality_rate},
                                                     {"Anslået sand fejlandel", e.estimate},
                                                     {"Nedre 95 %", e.interval.lower},
                                                     {"Øvre 95 %", e.interval.upper}}) {
      worksheet_write_string(ws, row, 0, label.c_str(), nullptr);
      worksheet_write_number(ws, row++, 1, value, book.interval_);
    }
  }
  ++row;
  worksheet_write_string(ws, row, 0, kMethodNote, nullptr);

  // The figures as numbers, so the auditor can compute with them.
  ws = book.sheet("Statistik");
  const std::vector<std::string> header = {"Gruppe",
                                           "Par",
                                           "Enighed",
                                           "Kappa",
                                           "Kappa SE",
                                           "Kappa nedre",
                                           "Kappa øvre",
                                           "AC1",
                                           "AC1 SE",
                                           "AC1 nedre",
                                           "AC1 øvre",
                                           "Fejl kommunen",
                                           "Kommunen nedre",
                                           "Kommunen øvre",
                                           "Fejl revisor",
                                           "Revisor nedre",
                                           "Revisor øvre",
                                           "Kun revisor fejl (b)",
                                           "Kun kommunen fejl (c)",
                                           "McNemar p"};
  write_row(ws, 0, header, book.header_);
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, static_cast<lxw_col_t>(header.size() - 1), 12, nullptr);
  worksheet_freeze_panes(ws, 1, 1);
  row = 1;
  for (const auto* g : shown_groups(c)) {
    const AgreementStatistics& s = g->statistics;
    worksheet_write_string(ws, row, 0, group_label(c, *g).c_str(),
                           g->grouping == AgreementGrouping::benefit_type ? book.header_ : nullptr);
    worksheet_write_number(ws, row, 1, static_cast<double>(s.table.total()), nullptr);
    lxw_col_t col = 2;
    write_number_or_blank(
        ws, row, col++,
        s.percent_agreement ? std::optional(s.percent_agreement->value) : std::nullopt,
        book.interval_);
    for (const auto* k : {&s.cohen_kappa, &s.gwet_ac1}) {
      const auto& v = *k;
      write_number_or_blank(ws, row, col++, v ? std::optional(v->value) : std::nullopt);
      write_number_or_blank(ws, row, col++, v ? std::optional(v->standard_error) : std::nullopt);
      write_number_or_blank(ws, row, col++,
                            v && v->interval ? std::optional(v->interval->lower) : std::nullopt);
      write_number_or_blank(ws, row, col++,
                            v && v->interval ? std::optional(v->interval->upper) : std::nullopt);
    }
    if (s.error_rates) {
      for (const auto* r : {&s.error_rates->municipality, &s.error_rates->auditor}) {
        worksheet_write_number(ws, row, col++, r->rate, book.interval_);
        worksheet_write_number(ws, row, col++, r->interval.lower, book.interval_);
        worksheet_write_number(ws, row, col++, r->interval.upper, book.interval_);
      }
      worksheet_write_number(ws, row, col++, static_cast<double>(s.error_rates->mcnemar.b),
                             nullptr);
      worksheet_write_number(ws, row, col++, static_cast<double>(s.error_rates->mcnemar.c),
                             nullptr);
      worksheet_write_number(ws, row, col++, s.error_rates->mcnemar.p_value, nullptr);
    }
    ++row;
  }

  ws = book.sheet("Uenigheder");
  write_row(ws, 0, disagreement_header(), book.header_);
  worksheet_set_column(ws, 0, 4, 14, nullptr);
  worksheet_set_column(ws, 5, 5, 50, nullptr);
  worksheet_set_column(ws, 6, 6, 14, nullptr);
  worksheet_set_column(ws, 7, 7, 50, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
  row = 1;
  for (const auto& d : c.disagreements) write_row(ws, row++, disagreement_row(d));

  if (!c.outside_sample.empty()) {
    ws = book.sheet("Uden for stikprøven");
    write_row(ws, 0, {"Sag (revisors, uden for stikprøven)"}, book.header_);
    worksheet_set_column(ws, 0, 0, 36, nullptr);
    row = 1;
    for (const auto& n : c.outside_sample) write_row(ws, row++, {n});
  }
  book.save();
}

// ---- template ----------------------------------------------------------------------------------

namespace {

std::vector<std::vector<std::string>> template_rows(const ExternalReviewTemplate& t) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& sampled : t.cases) {
    for (const auto& control : t.concept_.controls) {
      rows.push_back({sampled.case_number, sampled.masked_cpr, sampled.center, control.id,
                      to_danish(control.category), control.question, "", ""});
    }
  }
  return rows;
}

}  // namespace

std::string external_template_csv(const ExternalReviewTemplate& t) {
  std::string out = csv_line(external_template_header());
  for (const auto& row : template_rows(t)) out += csv_line(row);
  return out;
}

void write_external_template_xlsx(const ExternalReviewTemplate& t, const std::string& file) {
  XlsxBook book(file);
  lxw_worksheet* ws = book.sheet("Revisorgennemgang");
  write_row(ws, 0, external_template_header(), book.header_);
  const std::vector<double> widths = {14, 13, 18, 11, 14, 70, 18, 50};
  for (std::size_t i = 0; i < widths.size(); ++i) {
    worksheet_set_column(ws, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), widths[i],
                         nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  lxw_row_t row = 1;
  for (const auto& r : template_rows(t)) write_row(ws, row++, r);
  if (row > 1) {
    // svar: a drop-down with the four answers (typing another word is refused by Excel).
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    // libxlsxwriter takes char** but only reads the strings.
    static char korrekt[] = "korrekt", fejl[] = "fejl", irrelevant[] = "ikke relevant",
                unknown[] = "kan ikke vurderes";
    char* answers[] = {korrekt, fejl, irrelevant, unknown, nullptr};
    validation.value_list = answers;
    worksheet_data_validation_range(ws, 1, 6, row - 1, 6, &validation);
  }
  ws = book.sheet("Vejledning");
  worksheet_set_column(ws, 0, 0, 110, nullptr);
  const std::vector<std::string> help = {
      "Revisorgennemgang af " + t.round.id + " (" + t.concept_.title + ")",
      "Udfyld 'svar' (korrekt, fejl, ikke relevant eller kan ikke vurderes) og 'kommentar' for "
      "hver kontrol, I har vurderet.",
      "Fejl og kan ikke vurderes kræver en kommentar. Skriv aldrig CPR-numre i kommentaren.",
      "Lad 'svar' stå tomt for kontroller og sager, I ikke har vurderet.",
      "Sager uden for stikprøven kan tilføjes som nye linjer; de gemmes og vises for sig.",
      "Gem arket 'Revisorgennemgang' som CSV UTF-8 (semikolonsepareret) og indlæs det med",
      "  sagsaudit compare import --round " + t.round.id + " --source NAVN FIL.csv",
  };
  row = 0;
  for (const auto& line : help) {
    worksheet_write_string(ws, row, 0, line.c_str(), row == 0 ? book.header_ : nullptr);
    ++row;
  }
  book.save();
}

Download comparison_download(const Comparison& c, DownloadFormat format) {
  const std::string stem = "revisorsammenligning-" + c.round.id + "-" + c.review.source;
  switch (format) {
    case DownloadFormat::csv:
      return download(format, stem, comparison_csv(c));
    case DownloadFormat::html:
      return download(format, stem, comparison_html(c));
    case DownloadFormat::xlsx:
      return download(format, stem,
                      xlsx_bytes([&](const std::string& file) { write_comparison_xlsx(c, file); }));
    case DownloadFormat::json:
      break;
  }
  return download(DownloadFormat::json, stem, boost::json::serialize(comparison_json(c)));
}

}  // namespace sagsaudit::report_output
