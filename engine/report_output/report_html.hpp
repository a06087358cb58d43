#pragma once
// The reports as one self-contained HTML page each (issue 5 item 6): inline CSS, no external
// assets, A4 print CSS, the light as colour and as word, trends as inline SVG. Every text taken
// from data (names, ids, comments) is escaped: comments are user input.
#include <string>
#include <utility>
#include <vector>

#include "report_output/report_format.hpp"
#include "reports/reports.hpp"

namespace sagsaudit::report_output {

// &, <, >, " and ' as entities, so the text can stand in element content and in attributes.
std::string html_escape(const std::string& text);

// An inline SVG line chart of the overall error share over the trend's periods (gaps where a
// period has no data); empty when no period has data.
std::string trend_svg(const ErrorTrend& trend, const std::string& title);

// `trends`: the forvaltning's fejlstatistik trend per ydelsestype (empty for a year overview).
std::string overview_html(const OverviewReport& report,
                          const std::vector<std::pair<NamedCode, ErrorTrend>>& trends);

// `extras` parallel to report.sections.
std::string center_html(const CenterReport& report, const std::vector<CenterSectionExtras>& extras);

std::string error_statistics_html(const ErrorStatisticsReport& report);

}  // namespace sagsaudit::report_output
