// The follow-up report as JSON, CSV and downloads (followup_render.hpp).
#include "report_output/followup_render.hpp"

#include "report_output/report_html.hpp"
#include "report_output/report_xlsx.hpp"

namespace sagsaudit::report_output {

boost::json::object initiative_json(const InitiativeLine& l) {
  const auto& i = l.initiative;
  boost::json::array controls;
  for (const auto& c : l.controls) {
    controls.push_back(boost::json::object{
        {"kontrol", c.control_id},
        {"foer", c.change.before ? boost::json::value(*c.change.before) : nullptr},
        {"efter", c.change.after ? boost::json::value(*c.change.after) : nullptr},
        {"forbedret", c.change.improved ? boost::json::value(*c.change.improved) : nullptr}});
  }
  return {{"nr", i.id},
          {"runde", i.round_id},
          {"periode", i.period},
          {"center", i.center},
          {"ydelsestype", i.benefit_type},
          {"lys", light_code(i.source_light)},
          {"procent", i.source_percent ? boost::json::value(*i.source_percent) : nullptr},
          {"hvad", i.action},
          {"ansvarlig", i.responsible},
          {"frist", i.deadline ? boost::json::value(to_iso(*i.deadline)) : nullptr},
          {"markering", marker_code(i.marker)},
          {"status", status_code(l.status)},
          {"status_tekst", initiative_status_text(l)},
          {"dage_over_frist", l.overdue_days},
          {"naeste_runde", l.next_round_id ? boost::json::value(*l.next_round_id) : nullptr},
          {"kontroller", controls}};
}

boost::json::object correction_json(const storage::Correction& c) {
  return {{"nr", c.id},
          {"runde", c.round_id},
          {"sag", c.case_number},
          {"kontrol", c.control_id},
          {"ydelsestype", c.benefit_type},
          {"periode", c.period},
          {"center", c.center},
          {"beloeb", c.amount ? boost::json::value(c.amount->to_string()) : nullptr},
          {"periode_fra",
           c.affected_period ? boost::json::value(to_iso(c.affected_period->from)) : nullptr},
          {"periode_til",
           c.affected_period ? boost::json::value(to_iso(c.affected_period->to)) : nullptr},
          {"status", correction_code(c.state)},
          {"begrundelse", c.reason}};
}

boost::json::array totals_json(const std::vector<CorrectionTotal>& totals) {
  boost::json::array out;
  for (const auto& t : totals) {
    out.push_back(boost::json::object{{"center", t.center.empty() ? "i alt" : t.center},
                                      {"antal", t.count},
                                      {"beloeb", t.amount.to_string()}});
  }
  return out;
}

boost::json::object followup_json(const FollowupReport& r) {
  boost::json::array initiatives, corrections;
  for (const auto& l : r.initiatives) initiatives.push_back(initiative_json(l));
  for (const auto& c : r.open_corrections) corrections.push_back(correction_json(c));
  return {{"opgjort", to_iso(r.today)},
          {"center", r.center ? boost::json::value(*r.center) : nullptr},
          {"gul_graense_dage", r.rules.yellow_limit_days},
          {"initiativer", initiatives},
          {"aabne_berigtigelser", corrections},
          {"i_alt", totals_json(r.open_totals)},
          {"afsluttede_berigtigelser", r.closed_corrections}};
}

std::vector<std::string> correction_csv_header() {
  return {"Nr.",         "Center",      "Ydelsestype", "Runde",  "Sag",        "Kontrol",
          "Beløb (kr.)", "Periode fra", "Periode til", "Status", "Begrundelse"};
}

std::vector<std::string> correction_csv(const storage::Correction& c) {
  return {std::to_string(c.id),
          c.center,
          c.benefit_type,
          c.round_id,
          c.case_number,
          c.control_id,
          c.amount ? format_kroner(*c.amount) : "",
          c.affected_period ? to_danish(c.affected_period->from) : "",
          c.affected_period ? to_danish(c.affected_period->to) : "",
          danish_label(c.state),
          c.reason};
}

std::string totals_csv(const std::vector<CorrectionTotal>& totals) {
  std::string out = csv_line({"Center", "Antal", "Beløb (kr.)"});
  for (const auto& t : totals) {
    out += csv_line(
        {t.center.empty() ? "I alt" : t.center, std::to_string(t.count), format_kroner(t.amount)});
  }
  return out;
}

std::string followup_csv(const FollowupReport& r) {
  std::string out =
      csv_line({"Nr.", "Center", "Ydelsestype", "Runde", "Handlinger", "Ansvarlig",
                "Forventet afslutningstidspunkt", "Status", "Status i farver", "Dage over frist"});
  for (const auto& l : r.initiatives) {
    const auto& i = l.initiative;
    out += csv_line({std::to_string(i.id), i.center, i.benefit_type, i.round_id, action_text(i),
                     i.responsible, deadline_text(i.deadline), initiative_status_text(l),
                     danish_label(l.status), std::to_string(l.overdue_days)});
  }
  out += "\r\n" + csv_line(correction_csv_header());
  for (const auto& c : r.open_corrections) out += csv_line(correction_csv(c));
  return out + "\r\n" + totals_csv(r.open_totals);
}

Download followup_download(const FollowupReport& r, DownloadFormat format) {
  std::string who;
  for (const char ch : r.center ? *r.center : std::string("forvaltningen")) {
    if (ch != ',') who += ch == ' ' ? '_' : ch;  // "a, b" → "a_b"
  }
  const std::string stem = "opfoelgning-" + who + "-" + to_iso(r.today);
  switch (format) {
    case DownloadFormat::json:
      return download(format, stem, boost::json::serialize(followup_json(r)));
    case DownloadFormat::csv:
      return download(format, stem, followup_csv(r));
    case DownloadFormat::html:
      return download(format, stem, followup_html(r));
    case DownloadFormat::xlsx:
      return download(format, stem,
                      xlsx_bytes([&](const std::string& file) { write_followup_xlsx(r, file); }));
  }
  return {};
}

}  // namespace sagsaudit::report_output
