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

// The page frame every HTML report shares (A4 print CSS, inline styles): the start up to and
// including the <h1> title, and the end with a closing note paragraph (none when empty). Between
// them, html_cell / html_num_cell / html_header_row build table rows with escaped text.
std::string html_page_start(const std::string& title);
std::string html_page_end(const std::string& note);
std::string html_cell(const std::string& text);
std::string html_num_cell(const std::string& text);
std::string html_header_row(const std::vector<std::string>& names);

// An inline SVG line chart of the overall error share over the trend's periods (gaps where a
// period has no data); empty when no period has data.
std::string trend_svg(const ErrorTrend& trend, const std::string& title);

// `trends`: the forvaltning's fejlstatistik trend per ydelsestype (empty for a year overview).
std::string overview_html(const OverviewReport& report,
                          const std::vector<std::pair<NamedCode, ErrorTrend>>& trends);

// `extras` parallel to report.sections.
std::string center_html(const CenterReport& report, const std::vector<CenterSectionExtras>& extras);

std::string error_statistics_html(const ErrorStatisticsReport& report);

// Opfølgning (issue 8): open initiatives by status colour (overdue first), the handleplan as
// seed 001 lays it out (Nr., Handlinger, Forventet afslutningstidspunkt, Status, Status i
// farver — the colour always with its word), the targeted controls before → after, and the open
// berigtigelser with amounts and totals.
std::string followup_html(const FollowupReport& report);

}  // namespace sagsaudit::report_output
