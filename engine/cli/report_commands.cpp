// sagsaudit report overview | center | fejlstatistik
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/report_format.hpp"
#include "cli/report_html.hpp"
#include "cli/report_output.hpp"
#include "cli/report_xlsx.hpp"
#include "cli/text_table.hpp"
#include "reports/reports.hpp"
#include "setup/database_setup.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/sample_repository.hpp"

namespace sagsaudit::cli {
namespace {

// What the rich formats show beyond the center report's data: the center's fejlstatistik trend
// per ydelsestype, the round's sample protocol, and the comments of the fejl and kan ikke
// vurderes answers (one query per round).
std::vector<CenterSectionExtras> center_extras(storage::Database& db, const CenterReport& r,
                                               const Period& period) {
  const ErrorStatisticsReport stats = build_error_statistics(db, r.center.code, period);
  auto samples = storage::make_sample_repository(db);
  auto answers = storage::make_review_answer_repository(db);
  std::vector<CenterSectionExtras> out;
  for (const auto& s : r.sections) {
    CenterSectionExtras x;
    for (const auto& stat : stats.sections) {
      if (stat.round_id == s.round_id) x.trend = stat.trend;
    }
    x.protocol = samples->protocol(s.round_id);
    if (!s.error_cases.empty()) {
      for (auto& review :
           answers->round_answers(s.round_id, {ReviewState::submitted, ReviewState::approved})) {
        if (review.center != r.center.code) continue;
        for (auto& a : review.answers) {
          if (a.answer == Answer::error || a.answer == Answer::not_assessable) {
            x.flagged[review.case_number].push_back(std::move(a));
          }
        }
      }
      // The repository orders by control id; show them in the concept's order, as the text
      // report does.
      std::map<std::string, std::size_t> position;
      for (const auto& c : s.center.controls) position.emplace(c.control_id, position.size());
      for (auto& [number, flagged] : x.flagged) {
        std::stable_sort(flagged.begin(), flagged.end(), [&](const auto& a, const auto& b) {
          return position[a.control_id] < position[b.control_id];
        });
      }
    }
    out.push_back(std::move(x));
  }
  return out;
}

Period period_option(const po::variables_map& vm) {
  const std::string text = vm["period"].as<std::string>();
  const auto period = parse_period(text);
  if (!period) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--period", "'" + text + "' er ikke en periode (fx 2027-K1, 2027-H2, 2027)"}});
  }
  return *period;
}

std::vector<std::string> csv_figure_header() {
  return {"Korrekte",       "Tællende",      "Procent korrekt",      "Trafiklys",
          "Nedre 95 % (%)", "Øvre 95 % (%)", "For få til at skelne", "Kan ikke vurderes",
          "Ikke relevant",  "Fejlfri sager", "Sager talt",           "Fejlfri (%)"};
}

std::vector<std::string> csv_figure(const CategoryFigures& f) {
  const PercentCorrect& p = f.correct;
  const auto& i = p.share.interval;
  return {std::to_string(p.share.proportion.part),
          std::to_string(p.share.proportion.whole),
          p.share.percent ? std::to_string(*p.share.percent) : "",
          p.light ? danish_label(*p.light) : std::string(kNoDataLabel),
          i ? share_percent(i->lower, 2) : "",
          i ? share_percent(i->upper, 2) : "",
          p.too_small_to_tell ? "ja" : "nej",
          std::to_string(p.not_assessable),
          std::to_string(p.not_applicable),
          std::to_string(f.error_free.proportion.part),
          std::to_string(f.error_free.proportion.whole),
          f.error_free.percent ? std::to_string(*f.error_free.percent) : ""};
}

boost::json::value optional_int(const std::optional<int>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object share_json(const Share& s) {
  boost::json::object out{{"del", s.proportion.part},
                          {"helhed", s.proportion.whole},
                          {"procent", optional_int(s.percent)}};
  if (s.interval) {
    out["wilson_nedre"] = s.interval->lower;
    out["wilson_oevre"] = s.interval->upper;
  } else {
    out["wilson_nedre"] = nullptr;
    out["wilson_oevre"] = nullptr;
  }
  return out;
}

boost::json::object percent_json(const PercentCorrect& p) {
  boost::json::object out = share_json(p.share);
  out["trafiklys"] = p.light ? boost::json::value(light_code(*p.light)) : nullptr;
  out["for_faa_til_at_skelne"] = p.too_small_to_tell;
  out["kan_ikke_vurderes"] = p.not_assessable;
  out["ikke_relevant"] = p.not_applicable;
  return out;
}

boost::json::object category_json(const CategoryFigures& f) {
  return {{"korrekt", percent_json(f.correct)}, {"fejlfri_sager", share_json(f.error_free)}};
}

const std::array<Category, 3> kCategories = {Category::key_control, Category::quality_goal,
                                             Category::formality};

boost::json::object light_figure_json(const LightFigure& f) {
  boost::json::object categories;
  for (const Category c : kCategories) {
    categories[to_code(c)] = category_json(f.categories[static_cast<std::size_t>(c)]);
  }
  return {{"sager", f.reviews},
          {"venter", f.pending},
          {"samlet", category_json(f.overall)},
          {"kategorier", categories}};
}

boost::json::object figures_json(const Figures& f) {
  boost::json::object categories;
  for (const Category c : kCategories) categories[to_code(c)] = category_json(f.category(c));
  boost::json::array controls;
  for (const auto& c : f.controls) {
    boost::json::object item = percent_json(c.correct);
    item["kontrol"] = c.control_id;
    item["kategori"] = to_code(c.category);
    controls.push_back(std::move(item));
  }
  return {{"sager", f.reviews},
          {"samlet", category_json(f.overall)},
          {"kategorier", categories},
          {"kontroller", controls}};
}

boost::json::value fraction_json(const std::optional<Fraction>& f) {
  if (!f) return nullptr;
  return boost::json::object{
      {"taeller", f->numerator}, {"naevner", f->denominator}, {"vaerdi", f->to_double()}};
}

boost::json::value goal_json(const std::optional<StrategicGoal>& goal,
                             const std::optional<GoalStatus>& status) {
  if (!goal || !status) return nullptr;
  return boost::json::object{
      {"basisaar", goal->baseline_year},
      {"maalaar", goal->target_year},
      {"reduktion", goal->reduction.to_string()},
      {"basis",
       boost::json::object{{"fejl", status->baseline.part}, {"talt", status->baseline.whole}}},
      {"nu", boost::json::object{{"fejl", status->current.part}, {"talt", status->current.whole}}},
      {"maal", fraction_json(status->target)},
      {"naaet", status->reached ? boost::json::value(*status->reached) : nullptr},
      {"fremskridt", fraction_json(status->progress)}};
}

std::string json_text(const boost::json::value& value) {
  std::ostringstream out;
  print_json(out, value);
  return out.str();
}

// ---- overview -------------------------------------------------------------------------------

int overview(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  OverviewQuery query;
  if (vm.count("period") == vm.count("year")) {
    throw ValidationError("angiv enten --period eller --year");
  }
  if (vm.count("period")) query.period = period_option(vm);
  if (vm.count("year")) query.year = vm["year"].as<int>();
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const OverviewReport r = build_overview(*db, query);

  if (format == Format::xlsx) {
    write_overview_xlsx(r, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }
  if (format == Format::html) {
    // The forvaltning's trend per ydelsestype; a year overview has no single period to end on.
    std::vector<std::pair<NamedCode, ErrorTrend>> trends;
    if (query.period) {
      for (auto& s : build_error_statistics(*db, std::nullopt, *query.period).sections) {
        trends.emplace_back(s.benefit_type, std::move(s.trend));
      }
    }
    emit(vm, ctx, format, overview_html(r, trends));
    return exit_ok;
  }

  if (format == Format::json) {
    boost::json::array rows;
    for (std::size_t c = 0; c < r.centers.size(); ++c) {
      boost::json::array cells;
      for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
        auto cell = light_figure_json(r.cells[c][b]);
        cell["ydelsestype"] = r.benefit_types[b].code;
        cells.push_back(std::move(cell));
      }
      rows.push_back(
          boost::json::object{{"center", r.centers[c].code},
                              {"navn", r.centers[c].name},
                              {"celler", cells},
                              {"i_alt", light_figure_json(r.center_totals[c])},
                              {"strategisk_maal", goal_json(r.goal, r.center_goals[c])}});
    }
    boost::json::array types, forvaltning;
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
      types.push_back(boost::json::object{{"kode", r.benefit_types[b].code},
                                          {"navn", r.benefit_types[b].name}});
      auto cell = light_figure_json(r.forvaltning[b]);
      cell["ydelsestype"] = r.benefit_types[b].code;
      forvaltning.push_back(std::move(cell));
    }
    emit(vm, ctx, format,
         json_text(boost::json::object{
             {"periode", r.label},
             {"graenser", boost::json::object{{"groen_min", r.thresholds.green_min},
                                              {"gul_min", r.thresholds.yellow_min}}},
             {"ydelsestyper", types},
             {"centre", rows},
             {"forvaltningen",
              boost::json::object{{"celler", forvaltning},
                                  {"i_alt", light_figure_json(r.total)},
                                  {"strategisk_maal", goal_json(r.goal, r.forvaltning_goal)}}}}));
    return exit_ok;
  }

  if (format == Format::csv) {
    std::vector<std::string> header = {"Periode", "Center", "Ydelsestype", "Sager", "Venter"};
    for (auto& h : csv_figure_header()) header.push_back(h);
    std::string out = csv_line(header);
    auto row = [&](const std::string& center, const std::string& type, const LightFigure& f) {
      std::vector<std::string> fields = {r.label, center, type, std::to_string(f.reviews),
                                         std::to_string(f.pending)};
      for (auto& v : csv_figure(f.overall)) fields.push_back(v);
      out += csv_line(fields);
    };
    for (std::size_t c = 0; c < r.centers.size(); ++c) {
      for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
        row(r.centers[c].code, r.benefit_types[b].code, r.cells[c][b]);
      }
      row(r.centers[c].code, "i alt", r.center_totals[c]);
    }
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
      row("forvaltningen", r.benefit_types[b].code, r.forvaltning[b]);
    }
    row("forvaltningen", "i alt", r.total);
    emit(vm, ctx, format, out);
    return exit_ok;
  }

  std::ostringstream out;
  out << "Overblik " << r.label << ": procent korrekte svar pr. center og ydelsestype\n"
      << thresholds_text(r.thresholds) << "\n";
  TextTable table(
      {"Center", "Ydelsestype", "Korrekt", "Lys", "n", "95 %-interval", "Sager", "Venter"});
  auto add = [&](const std::string& center, const std::string& type, const LightFigure& f) {
    const PercentCorrect& p = f.overall.correct;
    table.add_row({center, type, percent_text(p.share.percent) + mark(p), light_text(p.light),
                   std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
                   std::to_string(f.reviews), std::to_string(f.pending)});
  };
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
      add(r.centers[c].code, r.benefit_types[b].code, r.cells[c][b]);
    }
    add(r.centers[c].code, "i alt", r.center_totals[c]);
  }
  for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
    add("forvaltningen", r.benefit_types[b].code, r.forvaltning[b]);
  }
  add("forvaltningen", "i alt", r.total);
  table.print(out);
  out << "\n" << kLegend;
  if (r.goal && r.forvaltning_goal) {
    out << "\nForvaltningen — " << goal_text(*r.goal, *r.forvaltning_goal);
  }
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

// ---- center ---------------------------------------------------------------------------------

int center(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const Period period = period_option(vm);
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const CenterReport r = build_center_report(*db, vm["center"].as<std::string>(), period);

  if (format == Format::xlsx || format == Format::html) {
    const std::vector<CenterSectionExtras> extras = center_extras(*db, r, period);
    if (format == Format::html) {
      emit(vm, ctx, format, center_html(r, extras));
      return exit_ok;
    }
    write_center_xlsx(r, extras, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }

  if (format == Format::json) {
    boost::json::array sections;
    for (const auto& s : r.sections) {
      boost::json::array cases;
      for (const auto& c : s.error_cases) {
        boost::json::array errors, unknown;
        for (const auto& id : c.error_controls) errors.push_back(boost::json::value(id));
        for (const auto& id : c.not_assessable_controls) unknown.push_back(boost::json::value(id));
        cases.push_back(boost::json::object{{"sag", c.case_number},
                                            {"cpr", c.masked_cpr},
                                            {"fejl", errors},
                                            {"kan_ikke_vurderes", unknown}});
      }
      sections.push_back(
          boost::json::object{{"runde", s.round_id},
                              {"ydelsestype", s.benefit_type.code},
                              {"navn", s.benefit_type.name},
                              {"kan_ikke_vurderes_er_fejl", s.rules.not_assessable_is_error},
                              {"koncept_version", s.concept_version},
                              {"venter", s.pending},
                              {"center", figures_json(s.center)},
                              {"forvaltningen", figures_json(s.forvaltning)},
                              {"sager_med_fejl", cases}});
    }
    emit(vm, ctx, format,
         json_text(boost::json::object{
             {"center", r.center.code},
             {"navn", r.center.name},
             {"periode", r.period},
             {"graenser", boost::json::object{{"groen_min", r.thresholds.green_min},
                                              {"gul_min", r.thresholds.yellow_min}}},
             {"ydelsestyper", sections},
             {"i_alt", light_figure_json(r.total)},
             {"strategisk_maal", goal_json(r.goal, r.goal_status)}}));
    return exit_ok;
  }

  if (format == Format::csv) {
    std::vector<std::string> header = {"Center", "Periode", "Ydelsestype", "Niveau", "Kontrol"};
    for (auto& h : csv_figure_header()) header.push_back(h);
    std::string out = csv_line(header);
    auto row = [&](const std::string& type, const std::string& level, const std::string& control,
                   const CategoryFigures& f) {
      std::vector<std::string> fields = {r.center.code, r.period, type, level, control};
      for (auto& v : csv_figure(f)) fields.push_back(v);
      out += csv_line(fields);
    };
    for (const auto& s : r.sections) {
      row(s.benefit_type.code, "samlet", "", s.center.overall);
      for (const Category c : kCategories)
        row(s.benefit_type.code, to_danish(c), "", s.center.category(c));
      for (const auto& c : s.center.controls) {
        row(s.benefit_type.code, "kontrol", c.control_id, CategoryFigures{c.correct, {}});
      }
      row(s.benefit_type.code, "forvaltningen", "", s.forvaltning.overall);
    }
    row("i alt", "samlet", "", r.total.overall);
    emit(vm, ctx, format, out);
    return exit_ok;
  }

  std::ostringstream out;
  out << "Centerrapport " << r.center.name << " (" << r.center.code << "), periode " << r.period
      << "\n"
      << thresholds_text(r.thresholds);
  for (const auto& s : r.sections) {
    out << "\n"
        << s.benefit_type.name << " (runde " << s.round_id << "): " << s.center.reviews
        << " sagsgennemgang(e) talt"
        << (s.pending ? ", " + std::to_string(s.pending) + " venter" : std::string())
        << (s.rules.not_assessable_is_error ? "; kan ikke vurderes tæller som fejl" : "") << "\n\n";
    TextTable table({"", "Korrekt", "Lys", "n", "95 %-interval", "Kan ikke vurderes",
                     "Fejlfri sager", "Forvaltningen"});
    auto add = [&](const std::string& name, const CategoryFigures& f, const CategoryFigures& all) {
      const PercentCorrect& p = f.correct;
      table.add_row(
          {name, percent_text(p.share.percent) + mark(p), light_text(p.light),
           std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
           std::to_string(p.not_assessable), share_text(f.error_free),
           percent_text(all.correct.share.percent) + " " + light_text(all.correct.light)});
    };
    for (const Category c : kCategories) {
      add(to_danish(c), s.center.category(c), s.forvaltning.category(c));
    }
    add("samlet", s.center.overall, s.forvaltning.overall);
    table.print(out);
    out << "\n";
    TextTable controls(
        {"Kontrol", "Kategori", "Korrekt", "Lys", "n", "95 %-interval", "Kan ikke vurderes"});
    for (const auto& c : s.center.controls) {
      const PercentCorrect& p = c.correct;
      controls.add_row({c.control_id, to_danish(c.category),
                        percent_text(p.share.percent) + mark(p), light_text(p.light),
                        std::to_string(p.share.proportion.whole), interval_text(p.share.interval),
                        std::to_string(p.not_assessable)});
    }
    controls.print(out);
    if (!s.error_cases.empty()) {
      out << "\nSager med fejl:\n";
      for (const auto& c : s.error_cases) {
        out << "  " << c.case_number << " (" << c.masked_cpr << ")";
        if (!c.error_controls.empty()) {
          out << " fejl:";
          for (const auto& id : c.error_controls) out << " " << id;
        }
        if (!c.not_assessable_controls.empty()) {
          out << " kan ikke vurderes:";
          for (const auto& id : c.not_assessable_controls) out << " " << id;
        }
        out << "\n";
      }
    }
  }
  const PercentCorrect& t = r.total.overall.correct;
  out << "\nCentret i alt " << r.period << ": " << percent_text(t.share.percent) << mark(t) << " "
      << light_text(t.light) << " (n = " << t.share.proportion.whole << ", " << r.total.reviews
      << " sager)\n\n"
      << kLegend;
  if (r.goal && r.goal_status) out << "\n" << goal_text(*r.goal, *r.goal_status);
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

// ---- fejlstatistik --------------------------------------------------------------------------

int error_statistics(const po::variables_map& vm, CommandContext& ctx) {
  const Format format = format_option(vm);
  const Period period = period_option(vm);
  std::optional<std::string> center;
  if (vm.count("center")) center = vm["center"].as<std::string>();
  const std::string xlsx = format == Format::xlsx ? xlsx_file(vm) : "";
  auto db = open_database(ctx.config);
  const ErrorStatisticsReport r = build_error_statistics(*db, center, period);
  if (format == Format::xlsx) {
    write_error_statistics_xlsx(r, xlsx);
    report_written(ctx, xlsx);
    return exit_ok;
  }
  if (format == Format::html) {
    emit(vm, ctx, format, error_statistics_html(r));
    return exit_ok;
  }
  const std::string who = r.center ? r.center->code : "forvaltningen";

  auto proportion_json = [](const Proportion& p) {
    return boost::json::object{{"fejl", p.part}, {"talt", p.whole}};
  };
  if (format == Format::json) {
    boost::json::array sections;
    for (const auto& s : r.sections) {
      boost::json::array rows;
      for (const auto& row : s.rows) {
        rows.push_back(boost::json::object{
            {"rang", optional_int(row.rank)},
            {"kontrol", row.control_id},
            {"kategori", to_code(row.category)},
            {"fejlandel", proportion_json(row.error_share)},
            {"procent", optional_int(row.percent)},
            {"forrige",
             row.previous ? boost::json::value(proportion_json(*row.previous)) : nullptr},
            {"forrige_procent", optional_int(row.previous_percent)},
            {"aendring_point", fraction_json(row.change_points)},
            {"aendring_viste_point", optional_int(row.shown_change_points)}});
      }
      boost::json::array periods;
      for (const auto& p : s.trend.periods) periods.push_back(boost::json::value(p.to_string()));
      auto series = [&](const TrendSeries& t) {
        boost::json::array points;
        for (const auto& p : t.points) {
          points.push_back(p.has_data() ? boost::json::value(proportion_json(p)) : nullptr);
        }
        return boost::json::object{{"noegle", t.key}, {"punkter", points}};
      };
      boost::json::array trend_series;
      trend_series.push_back(series(s.trend.overall));
      for (const auto& t : s.trend.categories) trend_series.push_back(series(t));
      for (const auto& t : s.trend.controls) trend_series.push_back(series(t));
      sections.push_back(boost::json::object{
          {"runde", s.round_id},
          {"ydelsestype", s.benefit_type.code},
          {"forrige_runde",
           s.previous_round_id ? boost::json::value(*s.previous_round_id) : nullptr},
          {"kontroller", rows},
          {"udvikling", boost::json::object{{"perioder", periods}, {"serier", trend_series}}}});
    }
    emit(vm, ctx, format,
         json_text(boost::json::object{
             {"center", r.center ? boost::json::value(r.center->code) : nullptr},
             {"periode", r.period},
             {"ydelsestyper", sections}}));
    return exit_ok;
  }

  auto pct = [](const std::optional<int>& p) { return p ? std::to_string(*p) + " %" : ""; };
  if (format == Format::csv) {
    std::string out =
        csv_line({"Center", "Periode", "Ydelsestype", "Rang", "Kontrol", "Kategori", "Fejl",
                  "Tællende", "Fejlandel (%)", "Forrige fejl", "Forrige tællende",
                  "Forrige fejlandel (%)", "Ændring (procentpoint)"});
    for (const auto& s : r.sections) {
      for (const auto& row : s.rows) {
        out += csv_line(
            {who, r.period, s.benefit_type.code, row.rank ? std::to_string(*row.rank) : "",
             row.control_id, to_danish(row.category), std::to_string(row.error_share.part),
             std::to_string(row.error_share.whole), row.percent ? std::to_string(*row.percent) : "",
             row.previous ? std::to_string(row.previous->part) : "",
             row.previous ? std::to_string(row.previous->whole) : "",
             row.previous_percent ? std::to_string(*row.previous_percent) : "",
             row.change_points ? points_text(*row.change_points) : ""});
      }
    }
    emit(vm, ctx, format, out);
    return exit_ok;
  }

  std::ostringstream out;
  out << "Fejlstatistik " << r.period << " for "
      << (r.center ? r.center->name + " (" + r.center->code + ")" : std::string("forvaltningen"))
      << ": kontroller efter fejlandel\n";
  for (const auto& s : r.sections) {
    out << "\n"
        << s.benefit_type.name << " (runde " << s.round_id << "; forrige periode: "
        << (s.previous_round_id ? *s.previous_round_id : std::string("ingen data")) << ")\n\n";
    TextTable table(
        {"Rang", "Kontrol", "Kategori", "Fejlandel", "Fejl af", "Forrige", "Ændring (point)"});
    for (const auto& row : s.rows) {
      table.add_row(
          {row.rank ? std::to_string(*row.rank) : "", row.control_id, to_danish(row.category),
           row.percent ? pct(row.percent) : std::string(kNoDataLabel),
           std::to_string(row.error_share.part) + "/" + std::to_string(row.error_share.whole),
           pct(row.previous_percent), row.change_points ? points_text(*row.change_points) : ""});
    }
    table.print(out);
    out << "\nUdvikling, fejlandel samlet:";
    for (std::size_t i = 0; i < s.trend.periods.size(); ++i) {
      const Proportion& p = s.trend.overall.points[i];
      out << "  " << s.trend.periods[i].to_string() << " "
          << (p.has_data() ? pct(whole_percent(p.part, p.whole)) : "—");
    }
    out << "\n";
  }
  emit(vm, ctx, format, out.str());
  return exit_ok;
}

void format_options(po::options_description& options) {
  options.add_options()(
      "format", po::value<std::string>()->default_value("text")->value_name("F"),
      "text, csv (';', decimalkomma, UTF-8 med BOM), json, html (A4, selvstændig) eller "
      "xlsx (kræver --out)")("out", po::value<std::string>()->value_name("FIL"),
                             "skriv rapporten til FIL");
}

}  // namespace

std::vector<Command> report_commands() {
  return {
      Command{{"report", "overview"},
              "overblik: procent korrekte og trafiklys for hvert center og hver ydelsestype",
              "(--period P | --year ÅR) [--format text|csv|json|html|xlsx] [--out FIL]",
              "Én linje pr. center × ydelsestype med procent korrekte svar (afrundet halvt op),\n"
              "trafiklys, antal tællende svar (n), 95 %-interval (Wilson), '*' når stikprøven er\n"
              "for lille til at skelne grøn fra gul, og antal gennemgange. Derefter centrenes\n"
              "og forvaltningens samlede tal (summen af tællingerne, aldrig gennemsnit af\n"
              "procenter) og det strategiske mål, hvis årshjulet har et. Kun indsendte og\n"
              "godkendte gennemgange tæller; 'Venter' er dem, der endnu ikke er indsendt.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("period", po::value<std::string>()->value_name("P"),
                                      "perioden, fx 2027-K1")(
                    "year", po::value<int>()->value_name("ÅR"), "hele året, fx 2027");
                format_options(options);
              },
              overview},
      Command{{"report", "center"},
              "centerrapport for én periode",
              "--center C --period P [--format text|csv|json|html|xlsx] [--out FIL]",
              "For hver ydelsestype, der er gennemgået i perioden: procent korrekte pr. kategori\n"
              "(nøglekontrol, kvalitetsmål, formalia) og samlet med trafiklys, n, 95 %-interval\n"
              "og fejlfri sager, forvaltningens tal til sammenligning, hver kontrol for sig, og\n"
              "sagerne med fejl (kun maskeret CPR). Til sidst centret i alt og det strategiske\n"
              "mål, hvis årshjulet har et.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center",
                                      po::value<std::string>()->required()->value_name("C"),
                                      "centrets kode, fx jc-amager")(
                    "period", po::value<std::string>()->required()->value_name("P"),
                    "perioden, fx 2027-K1");
                format_options(options);
              },
              center},
      Command{{"report", "fejlstatistik"},
              "kontrollerne efter fejlandel, med ændring siden forrige periode",
              "[--center C] --period P [--format text|csv|json|html|xlsx] [--out FIL]",
              "Kontrollerne ordnet efter fejlandel (fejl af tællende svar; lige andele i\n"
              "konceptets rækkefølge), for et center eller hele forvaltningen, med forrige\n"
              "periodes andel og ændringen i procentpoint (eksakt, én decimal), samt\n"
              "udviklingen over de seneste otte perioder.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("center", po::value<std::string>()->value_name("C"),
                                      "centrets kode (uden: forvaltningen)")(
                    "period", po::value<std::string>()->required()->value_name("P"),
                    "perioden, fx 2027-K1");
                format_options(options);
              },
              error_statistics},
  };
}

}  // namespace sagsaudit::cli
