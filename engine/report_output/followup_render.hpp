#pragma once
// The follow-up report (issue 8) and the berigtigelser as JSON and CSV, and as downloads: one
// writer for `sagsaudit followup report|corrections --format` and GET /api/v1/followup, so the
// two never disagree (docs/followup.md).
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "followup/followup.hpp"
#include "report_output/report_render.hpp"

namespace sagsaudit::report_output {

boost::json::object initiative_json(const InitiativeLine& line);
boost::json::object correction_json(const storage::Correction& correction);
// Per center, then {"center": "i alt", …}.
boost::json::array totals_json(const std::vector<CorrectionTotal>& totals);
// The whole report: opgjort, center, gul_graense_dage, initiativer, aabne_berigtigelser, i_alt,
// afsluttede_berigtigelser.
boost::json::object followup_json(const FollowupReport& report);

std::vector<std::string> correction_csv_header();
std::vector<std::string> correction_csv(const storage::Correction& correction);
std::string totals_csv(const std::vector<CorrectionTotal>& totals);
// The handleplan rows, an empty line, the open corrections, an empty line, the totals (no BOM).
std::string followup_csv(const FollowupReport& report);

// "opfoelgning-<center or forvaltningen>-<today>" in the format asked.
Download followup_download(const FollowupReport& report, DownloadFormat format);

}  // namespace sagsaudit::report_output
