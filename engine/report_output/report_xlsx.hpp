#pragma once
// The reports as Excel workbooks with libxlsxwriter (issue 5 item 6): one sheet per section,
// numbers as numbers (percentages as fractions with a percent format, so Excel can compute with
// them), the light as the cell's colour and as the word beside it.
#include <string>
#include <vector>

#include "report_output/report_format.hpp"
#include "reports/reports.hpp"

namespace sagsaudit::report_output {

// Each writes `file` (replacing it); throws ValidationError when it cannot be written.
void write_overview_xlsx(const OverviewReport& report, const std::string& file);
// `extras` parallel to report.sections.
void write_center_xlsx(const CenterReport& report, const std::vector<CenterSectionExtras>& extras,
                       const std::string& file);
void write_error_statistics_xlsx(const ErrorStatisticsReport& report, const std::string& file);

// Opfølgning (issue 8): sheets Handleplan (the colour as the cell's colour and its word),
// Kontroller (before → after), Berigtigelser (open ones) and I alt (per center and total).
void write_followup_xlsx(const FollowupReport& report, const std::string& file);
// The berigtigelser list (`followup corrections`): every row with its state, and the totals per
// center and over all, amounts as numbers in kroner.
void write_corrections_xlsx(const std::vector<storage::Correction>& corrections,
                            const std::string& file);

}  // namespace sagsaudit::report_output
