#include "report_output/report_xlsx.hpp"

#include <array>
#include <sstream>

#include "domain/concept.hpp"
#include "domain/errors.hpp"
#include "report_output/xlsx_book.hpp"

namespace sagsaudit::report_output {
namespace {

const std::array<Category, 3> kCategories = {Category::key_control, Category::quality_goal,
                                             Category::formality};

using Book = XlsxBook;

std::size_t light_index(const std::optional<TrafficLight>& light) {
  if (!light) return 3;
  return static_cast<std::size_t>(*light);  // green, yellow, red
}

// Writes a row cell by cell; `col` advances.
class Row {
 public:
  Row(Book& book, lxw_worksheet* ws, lxw_row_t row) : book_(book), ws_(ws), row_(row) {}
  Row& text(const std::string& value, lxw_format* format = nullptr) {
    worksheet_write_string(ws_, row_, col_++, value.c_str(), format);
    return *this;
  }
  Row& number(double value, lxw_format* format = nullptr) {
    worksheet_write_number(ws_, row_, col_++, value, format);
    return *this;
  }
  Row& blank() {
    ++col_;
    return *this;
  }
  // A whole percent as the fraction it stands for (95 → 0.95, shown "95%"), coloured by light.
  Row& percent(const std::optional<int>& value, const std::optional<TrafficLight>& light) {
    if (!value) return text(std::string(kNoDataLabel), book_.light_word_[light_index(light)]);
    return number(*value / 100.0, book_.light_percent_[light_index(light)]);
  }
  Row& plain_percent(const std::optional<int>& value) {
    return value ? number(*value / 100.0, book_.percent_) : blank();
  }
  Row& light(const std::optional<TrafficLight>& value) {
    return text(light_text(value), book_.light_word_[light_index(value)]);
  }
  // Korrekt %, Trafiklys, Korrekte, Tællende, Nedre, Øvre, For få, Kan ikke vurderes,
  // Ikke relevant, Fejlfri sager, Sager talt, Fejlfri %.
  Row& figures(const CategoryFigures& f) {
    const PercentCorrect& p = f.correct;
    percent(p.share.percent, p.light).light(p.light);
    number(static_cast<double>(p.share.proportion.part));
    number(static_cast<double>(p.share.proportion.whole));
    if (p.share.interval) {
      number(p.share.interval->lower, book_.interval_)
          .number(p.share.interval->upper, book_.interval_);
    } else {
      blank().blank();
    }
    text(p.too_small_to_tell ? "ja" : "nej");
    number(static_cast<double>(p.not_assessable)).number(static_cast<double>(p.not_applicable));
    number(static_cast<double>(f.error_free.proportion.part));
    number(static_cast<double>(f.error_free.proportion.whole));
    return plain_percent(f.error_free.percent);
  }

 private:
  Book& book_;
  lxw_worksheet* ws_;
  lxw_row_t row_;
  lxw_col_t col_ = 0;
};

const std::vector<std::string> kFigureHeader = {"Korrekt (%)",
                                                "Trafiklys",
                                                "Korrekte",
                                                "Tællende",
                                                "Nedre 95 %",
                                                "Øvre 95 %",
                                                "For få til at skelne",
                                                "Kan ikke vurderes",
                                                "Ikke relevant",
                                                "Fejlfri sager",
                                                "Sager talt",
                                                "Fejlfri (%)"};

void header(Book& book, lxw_worksheet* ws, lxw_row_t row, std::vector<std::string> names,
            bool with_figures = true) {
  if (with_figures) names.insert(names.end(), kFigureHeader.begin(), kFigureHeader.end());
  Row r(book, ws, row);
  for (const auto& n : names) r.text(n, book.header_);
  worksheet_set_column(ws, 0, static_cast<lxw_col_t>(names.size() - 1), 15, nullptr);
  worksheet_freeze_panes(ws, row + 1, 0);
}

void goal_sheet(Book& book, const std::string& name,
                const std::vector<std::pair<std::string, std::string>>& texts) {
  lxw_worksheet* ws = book.sheet(name);
  worksheet_set_column(ws, 0, 0, 100, nullptr);
  lxw_row_t row = 0;
  for (const auto& [who, text] : texts) {
    Row(book, ws, row++).text(who, book.header_);
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) Row(book, ws, row++).text(line);
    ++row;
  }
}

void trend_rows(Book& book, lxw_worksheet* ws, lxw_row_t& row, const std::string& type,
                const ErrorTrend& trend) {
  for (std::size_t i = 0; i < trend.periods.size() && i < trend.overall.points.size(); ++i) {
    const Proportion& p = trend.overall.points[i];
    Row r(book, ws, row++);
    r.text(type).text(trend.periods[i].to_string());
    if (p.has_data()) {
      r.number(static_cast<double>(p.part)).number(static_cast<double>(p.whole));
      r.plain_percent(whole_percent(p.part, p.whole));
    } else {
      r.text(std::string(kNoDataLabel));
    }
  }
}

}  // namespace

void write_overview_xlsx(const OverviewReport& r, const std::string& file) {
  Book book(file);
  lxw_worksheet* ws = book.sheet("Overblik");
  header(book, ws, 0, {"Periode", "Center", "Ydelsestype", "Sager", "Venter"});
  lxw_row_t row = 1;
  auto add = [&](lxw_worksheet* sheet, const std::string& center, const std::string& type,
                 const LightFigure& f) {
    Row(book, sheet, row++)
        .text(r.label)
        .text(center)
        .text(type)
        .number(static_cast<double>(f.reviews))
        .number(static_cast<double>(f.pending))
        .figures(f.overall);
  };
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
      add(ws, r.centers[c].code, r.benefit_types[b].code, r.cells[c][b]);
    }
  }
  ws = book.sheet("Centre i alt");
  header(book, ws, 0, {"Periode", "Center", "Ydelsestype", "Sager", "Venter"});
  row = 1;
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    add(ws, r.centers[c].code, "i alt", r.center_totals[c]);
  }
  ws = book.sheet("Forvaltningen");
  header(book, ws, 0, {"Periode", "Center", "Ydelsestype", "Sager", "Venter"});
  row = 1;
  for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
    add(ws, "forvaltningen", r.benefit_types[b].code, r.forvaltning[b]);
  }
  add(ws, "forvaltningen", "i alt", r.total);
  if (r.goal && r.forvaltning_goal) {
    std::vector<std::pair<std::string, std::string>> texts = {
        {"Forvaltningen", goal_text(*r.goal, *r.forvaltning_goal)}};
    for (std::size_t c = 0; c < r.centers.size() && c < r.center_goals.size(); ++c) {
      if (r.center_goals[c])
        texts.push_back({r.centers[c].name, goal_text(*r.goal, *r.center_goals[c])});
    }
    goal_sheet(book, "Strategisk mål", texts);
  }
  book.save();
}

void write_center_xlsx(const CenterReport& r, const std::vector<CenterSectionExtras>& extras,
                       const std::string& file) {
  Book book(file);
  for (const auto& s : r.sections) {
    lxw_worksheet* ws = book.sheet(s.benefit_type.code);
    header(book, ws, 0, {"Niveau", "Kontrol"});
    lxw_row_t row = 1;
    auto add = [&](const std::string& level, const std::string& control, const CategoryFigures& f) {
      Row(book, ws, row++).text(level).text(control).figures(f);
    };
    add("samlet", "", s.center.overall);
    for (const Category c : kCategories) add(to_danish(c), "", s.center.category(c));
    add("forvaltningen", "", s.forvaltning.overall);
    for (const auto& c : s.center.controls) add("kontrol", c.control_id, {c.correct, {}});
  }

  lxw_worksheet* ws = book.sheet("Sager med fejl");
  header(book, ws, 0, {"Ydelsestype", "Sag", "CPR (maskeret)", "Kontrol", "Svar", "Kommentar"},
         false);
  lxw_row_t row = 1;
  for (std::size_t i = 0; i < r.sections.size(); ++i) {
    const CenterSection& s = r.sections[i];
    for (const auto& c : s.error_cases) {
      std::vector<ControlAnswer> answers;
      if (i < extras.size()) {
        const auto it = extras[i].flagged.find(c.case_number);
        if (it != extras[i].flagged.end()) answers = it->second;
      }
      if (answers.empty()) {
        for (const auto& id : c.error_controls)
          answers.push_back({id, Answer::error, "", {}, {}, {}});
        for (const auto& id : c.not_assessable_controls) {
          answers.push_back({id, Answer::not_assessable, "", {}, {}, {}});
        }
      }
      for (const auto& a : answers) {
        Row(book, ws, row++)
            .text(s.benefit_type.code)
            .text(c.case_number)
            .text(c.masked_cpr)
            .text(a.control_id)
            .text(danish_label(a.answer))
            .text(a.comment);
      }
    }
  }

  ws = book.sheet("Udvikling");
  header(book, ws, 0, {"Ydelsestype", "Periode", "Fejl", "Tællende", "Fejlandel (%)"}, false);
  row = 1;
  for (std::size_t i = 0; i < r.sections.size() && i < extras.size(); ++i) {
    if (extras[i].trend)
      trend_rows(book, ws, row, r.sections[i].benefit_type.code, *extras[i].trend);
  }

  ws = book.sheet("Stikprøve");
  header(book, ws, 0,
         {"Ydelsestype", "Runde", "Populationsfil", "SHA-256", "Regel", "Frø", "Algoritme", "N",
          "n", "Trukket", "Trukket af"},
         false);
  row = 1;
  for (std::size_t i = 0; i < r.sections.size() && i < extras.size(); ++i) {
    if (!extras[i].protocol) continue;
    const SampleProtocol& p = *extras[i].protocol;
    Row line(book, ws, row++);
    line.text(r.sections[i].benefit_type.code).text(p.round_id).text(p.population_file);
    line.text(p.population_sha256).text(p.rule).text(std::to_string(p.seed));
    line.text(p.algorithm + " version " + std::to_string(p.algorithm_version));
    bool found = false;
    for (const auto& st : p.strata) {
      if (st.center != r.center.code) continue;
      found = true;
      line.number(static_cast<double>(st.population)).number(static_cast<double>(st.requested));
    }
    if (!found) line.blank().blank();
    line.text(p.drawn_at).text(p.drawn_by);
  }

  ws = book.sheet("I alt");
  header(book, ws, 0, {"Center", "Periode", "Sager"});
  Row(book, ws, 1)
      .text(r.center.code)
      .text(r.period)
      .number(static_cast<double>(r.total.reviews))
      .figures(r.total.overall);
  if (r.goal && r.goal_status) {
    goal_sheet(book, "Strategisk mål", {{r.center.name, goal_text(*r.goal, *r.goal_status)}});
  }
  book.save();
}

void write_error_statistics_xlsx(const ErrorStatisticsReport& r, const std::string& file) {
  Book book(file);
  for (const auto& s : r.sections) {
    lxw_worksheet* ws = book.sheet(s.benefit_type.code);
    header(book, ws, 0,
           {"Rang", "Kontrol", "Kategori", "Fejl", "Tællende", "Fejlandel (%)", "Forrige fejl",
            "Forrige tællende", "Forrige fejlandel (%)", "Ændring (procentpoint)"},
           false);
    lxw_row_t row = 1;
    for (const auto& x : s.rows) {
      Row line(book, ws, row++);
      x.rank ? line.number(*x.rank) : line.blank();
      line.text(x.control_id).text(to_danish(x.category));
      line.number(static_cast<double>(x.error_share.part));
      line.number(static_cast<double>(x.error_share.whole));
      line.plain_percent(x.percent);
      if (x.previous) {
        line.number(static_cast<double>(x.previous->part));
        line.number(static_cast<double>(x.previous->whole));
      } else {
        line.blank().blank();
      }
      line.plain_percent(x.previous_percent);
      if (x.change_points) line.number(x.change_points->to_double());
    }
  }
  lxw_worksheet* ws = book.sheet("Udvikling");
  header(book, ws, 0, {"Ydelsestype", "Periode", "Fejl", "Tællende", "Fejlandel (%)"}, false);
  lxw_row_t row = 1;
  for (const auto& s : r.sections) trend_rows(book, ws, row, s.benefit_type.code, s.trend);
  book.save();
}

namespace {

// The status colour index of Book: green 0, yellow 1, red 2, none 3 (i gang).
std::size_t status_index(InitiativeStatus status) {
  switch (status) {
    case InitiativeStatus::green:
      return 0;
    case InitiativeStatus::yellow:
      return 1;
    case InitiativeStatus::red:
      return 2;
    case InitiativeStatus::in_progress:
      return 3;
  }
  return 3;
}

double kroner_value(const Decimal& amount) {
  return amount.to_double();
}

void correction_rows(Book& book, const std::vector<storage::Correction>& corrections) {
  lxw_worksheet* ws = book.sheet("Berigtigelser");
  header(book, ws, 0,
         {"Nr.", "Center", "Ydelsestype", "Runde", "Sag", "Kontrol", "Beløb (kr.)", "Periode fra",
          "Periode til", "Status", "Begrundelse"},
         false);
  lxw_row_t row = 1;
  for (const auto& c : corrections) {
    Row r(book, ws, row++);
    r.number(static_cast<double>(c.id)).text(c.center).text(c.benefit_type).text(c.round_id);
    r.text(c.case_number).text(c.control_id);
    if (c.amount) {
      r.number(kroner_value(*c.amount), book.kroner_);
    } else {
      r.blank();
    }
    if (c.affected_period) {
      r.text(to_danish(c.affected_period->from)).text(to_danish(c.affected_period->to));
    } else {
      r.blank().blank();
    }
    r.text(danish_label(c.state)).text(c.reason);
  }
  lxw_worksheet* totals = book.sheet("I alt");
  header(book, totals, 0, {"Center", "Antal", "Beløb (kr.)"}, false);
  row = 1;
  for (const auto& t : correction_totals(corrections)) {
    Row(book, totals, row++)
        .text(t.center.empty() ? "I alt" : t.center, t.center.empty() ? book.header_ : nullptr)
        .number(static_cast<double>(t.count))
        .number(kroner_value(t.amount), book.kroner_);
  }
}

}  // namespace

void write_followup_xlsx(const FollowupReport& r, const std::string& file) {
  Book book(file);
  lxw_worksheet* ws = book.sheet("Handleplan");
  header(book, ws, 0,
         {"Nr.", "Center", "Ydelsestype", "Runde", "Lys", "Handlinger", "Ansvarlig",
          "Forventet afslutningstidspunkt", "Status " + to_danish(r.today), "Status i farver",
          "Dage over frist", "Markering"},
         false);
  lxw_row_t row = 1;
  for (const auto& l : r.initiatives) {
    const auto& i = l.initiative;
    Row x(book, ws, row++);
    x.number(static_cast<double>(i.id)).text(i.center).text(i.benefit_type).text(i.round_id);
    x.light(i.source_light).text(action_text(i)).text(i.responsible);
    x.text(deadline_text(i.deadline)).text(initiative_status_text(l));
    x.text(danish_label(l.status), book.light_word_[status_index(l.status)]);
    x.number(l.overdue_days).text(danish_label(i.marker));
  }
  Row(book, ws, ++row).text(kInitiativeLegend);

  lxw_worksheet* controls = book.sheet("Kontroller");
  header(book, controls, 0,
         {"Nr.", "Kontrol", "Runde", "Før (%)", "Næste runde", "Efter (%)", "Udvikling"}, false);
  row = 1;
  for (const auto& l : r.initiatives) {
    for (const auto& c : l.controls) {
      Row x(book, controls, row++);
      x.number(static_cast<double>(l.initiative.id)).text(c.control_id).text(l.initiative.round_id);
      x.plain_percent(c.change.before).text(l.next_round_id.value_or("ingen endnu"));
      x.plain_percent(c.change.after).text(improvement_text(c.change, l.next_round_id.has_value()));
    }
  }
  correction_rows(book, r.open_corrections);
  book.save();
}

void write_corrections_xlsx(const std::vector<storage::Correction>& corrections,
                            const std::string& file) {
  Book book(file);
  correction_rows(book, corrections);
  book.save();
}

}  // namespace sagsaudit::report_output
