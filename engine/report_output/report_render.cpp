// The reports as JSON and CSV, and the downloads the web API serves: one writer for the CLI
// (`report … --format`) and the server (/api/v1/reports/…).
#include "report_output/report_render.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "report_output/report_html.hpp"
#include "report_output/report_xlsx.hpp"
#include "storage/review_answer_repository.hpp"
#include "storage/sample_repository.hpp"

namespace sagsaudit::report_output {
namespace {

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

}  // namespace

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

std::vector<std::pair<NamedCode, ErrorTrend>> overview_trends(storage::Database& db,
                                                              const OverviewQuery& query) {
  // The forvaltning's trend per ydelsestype; a year overview has no single period to end on.
  std::vector<std::pair<NamedCode, ErrorTrend>> trends;
  if (query.period) {
    for (auto& s : build_error_statistics(db, std::nullopt, *query.period).sections) {
      trends.emplace_back(s.benefit_type, std::move(s.trend));
    }
  }
  return trends;
}

boost::json::object overview_json(const OverviewReport& r) {
  boost::json::array rows;
  for (std::size_t c = 0; c < r.centers.size(); ++c) {
    boost::json::array cells;
    for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
      auto cell = light_figure_json(r.cells[c][b]);
      cell["ydelsestype"] = r.benefit_types[b].code;
      cells.push_back(std::move(cell));
    }
    rows.push_back(boost::json::object{{"center", r.centers[c].code},
                                       {"navn", r.centers[c].name},
                                       {"celler", cells},
                                       {"i_alt", light_figure_json(r.center_totals[c])},
                                       {"strategisk_maal", goal_json(r.goal, r.center_goals[c])}});
  }
  boost::json::array types, forvaltning;
  for (std::size_t b = 0; b < r.benefit_types.size(); ++b) {
    types.push_back(
        boost::json::object{{"kode", r.benefit_types[b].code}, {"navn", r.benefit_types[b].name}});
    auto cell = light_figure_json(r.forvaltning[b]);
    cell["ydelsestype"] = r.benefit_types[b].code;
    forvaltning.push_back(std::move(cell));
  }
  return boost::json::object{
      {"periode", r.label},
      {"graenser", boost::json::object{{"groen_min", r.thresholds.green_min},
                                       {"gul_min", r.thresholds.yellow_min}}},
      {"ydelsestyper", types},
      {"centre", rows},
      {"forvaltningen",
       boost::json::object{{"celler", forvaltning},
                           {"i_alt", light_figure_json(r.total)},
                           {"strategisk_maal", goal_json(r.goal, r.forvaltning_goal)}}}};
}

std::string overview_csv(const OverviewReport& r) {
  std::vector<std::string> header = {"Periode", "Center", "Ydelsestype", "Sager", "Venter"};
  for (auto& h : csv_figure_header()) header.push_back(h);
  std::string out = csv_line(header);
  auto row = [&](const std::string& center, const std::string& type, const LightFigure& f) {
    std::vector<std::string> fields = {r.label, center, type, std::to_string(f.reviews),
                                       std::to_string(f.pending)};
    for (auto& v : csv_figure(f.overall)) fields.push_back(v);
    out += csv_line(fields);
  };
  for_each_overview_row(r, false, row);
  return out;
}

boost::json::object center_json(const CenterReport& r) {
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
  return boost::json::object{
      {"center", r.center.code},
      {"navn", r.center.name},
      {"periode", r.period},
      {"graenser", boost::json::object{{"groen_min", r.thresholds.green_min},
                                       {"gul_min", r.thresholds.yellow_min}}},
      {"ydelsestyper", sections},
      {"i_alt", light_figure_json(r.total)},
      {"strategisk_maal", goal_json(r.goal, r.goal_status)}};
}

std::string center_csv(const CenterReport& r) {
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
  return out;
}

boost::json::object error_statistics_json(const ErrorStatisticsReport& r) {
  auto proportion_json = [](const Proportion& p) {
    return boost::json::object{{"fejl", p.part}, {"talt", p.whole}};
  };
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
          {"forrige", row.previous ? boost::json::value(proportion_json(*row.previous)) : nullptr},
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
        {"forrige_runde", s.previous_round_id ? boost::json::value(*s.previous_round_id) : nullptr},
        {"kontroller", rows},
        {"udvikling", boost::json::object{{"perioder", periods}, {"serier", trend_series}}}});
  }
  return boost::json::object{{"center", r.center ? boost::json::value(r.center->code) : nullptr},
                             {"periode", r.period},
                             {"ydelsestyper", sections}};
}

std::string error_statistics_csv(const ErrorStatisticsReport& r) {
  const std::string who = r.center ? r.center->code : "forvaltningen";

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
  return out;
}

std::string with_bom(const std::string& csv) {
  return "\xEF\xBB\xBF" + csv;
}

std::string xlsx_bytes(const std::function<void(const std::string& file)>& write) {
  std::string path = (std::filesystem::temp_directory_path() / "sagsaudit-rapport-XXXXXX").string();
  const int fd = mkstemp(path.data());
  if (fd < 0) throw StorageError("kan ikke oprette en midlertidig fil til regnearket");
  close(fd);
  struct Remove {
    std::string path;
    ~Remove() { std::remove(path.c_str()); }
  } remove{path};
  write(path);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::optional<DownloadFormat> parse_download_format(std::string_view text) {
  if (text == "json") return DownloadFormat::json;
  if (text == "csv") return DownloadFormat::csv;
  if (text == "html") return DownloadFormat::html;
  if (text == "xlsx") return DownloadFormat::xlsx;
  return std::nullopt;
}

Download download(DownloadFormat format, const std::string& stem, std::string content) {
  switch (format) {
    case DownloadFormat::json:
      return {std::move(content), "application/json; charset=utf-8", stem + ".json"};
    case DownloadFormat::csv:
      return {with_bom(content), "text/csv; charset=utf-8", stem + ".csv"};
    case DownloadFormat::html:
      return {std::move(content), "text/html; charset=utf-8", stem + ".html"};
    case DownloadFormat::xlsx:
      return {std::move(content),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", stem + ".xlsx"};
  }
  return {};
}

Download overview_download(storage::Database& db, const OverviewQuery& query,
                           DownloadFormat format) {
  const OverviewReport r = build_overview(db, query);
  const std::string stem = "overblik-" + r.label;
  switch (format) {
    case DownloadFormat::json:
      return download(format, stem, boost::json::serialize(overview_json(r)));
    case DownloadFormat::csv:
      return download(format, stem, overview_csv(r));
    case DownloadFormat::html:
      return download(format, stem, overview_html(r, overview_trends(db, query)));
    case DownloadFormat::xlsx:
      return download(format, stem,
                      xlsx_bytes([&](const std::string& file) { write_overview_xlsx(r, file); }));
  }
  return {};
}

Download center_download(storage::Database& db, const std::string& center, const Period& period,
                         DownloadFormat format) {
  const CenterReport r = build_center_report(db, center, period);
  const std::string stem = "centerrapport-" + r.center.code + "-" + r.period;
  switch (format) {
    case DownloadFormat::json:
      return download(format, stem, boost::json::serialize(center_json(r)));
    case DownloadFormat::csv:
      return download(format, stem, center_csv(r));
    case DownloadFormat::html:
      return download(format, stem, center_html(r, center_extras(db, r, period)));
    case DownloadFormat::xlsx: {
      const auto extras = center_extras(db, r, period);
      return download(format, stem, xlsx_bytes([&](const std::string& file) {
                        write_center_xlsx(r, extras, file);
                      }));
    }
  }
  return {};
}

Download error_statistics_download(storage::Database& db, const std::optional<std::string>& center,
                                   const Period& period, DownloadFormat format) {
  const ErrorStatisticsReport r = build_error_statistics(db, center, period);
  const std::string stem = "fejlstatistik-" +
                           (r.center ? r.center->code : std::string("forvaltningen")) + "-" +
                           r.period;
  switch (format) {
    case DownloadFormat::json:
      return download(format, stem, boost::json::serialize(error_statistics_json(r)));
    case DownloadFormat::csv:
      return download(format, stem, error_statistics_csv(r));
    case DownloadFormat::html:
      return download(format, stem, error_statistics_html(r));
    case DownloadFormat::xlsx:
      return download(format, stem, xlsx_bytes([&](const std::string& file) {
                        write_error_statistics_xlsx(r, file);
                      }));
  }
  return {};
}

}  // namespace sagsaudit::report_output
