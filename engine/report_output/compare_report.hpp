#pragma once
// The revisorsammenligning's renderings (issue 7 item 5) and the auditor's template (item 1):
// text, CSV, JSON, HTML (the reports' A4 page frame) and XLSX (the reports' workbook formats).
// The figures come from engine/compare/comparison.hpp; nothing here computes a statistic.
#include <boost/json.hpp>

#include <string>

#include "compare/comparison.hpp"
#include "compare/external_review_import.hpp"
#include "report_output/report_render.hpp"

namespace sagsaudit::report_output {

std::string comparison_text(const Comparison& c);
std::string comparison_csv(const Comparison& c);  // without the BOM (emit() adds it)
boost::json::value comparison_json(const Comparison& c);
std::string comparison_html(const Comparison& c);
// Writes `file` (replacing it); throws ValidationError when it cannot be written.
void write_comparison_xlsx(const Comparison& c, const std::string& file);

// The template: one line per sampled case × control, svar and kommentar empty.
std::string external_template_csv(const ExternalReviewTemplate& t);  // without the BOM
void write_external_template_xlsx(const ExternalReviewTemplate& t, const std::string& file);

// The web API's /api/v1/rounds/{id}/compare: the comparison rendered as the CLI's
// `compare report --format` renders it (JSON, CSV with BOM, HTML, XLSX).
Download comparison_download(const Comparison& c, DownloadFormat format);

}  // namespace sagsaudit::report_output
