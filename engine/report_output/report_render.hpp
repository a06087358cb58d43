#pragma once
// The reports in the formats people download: JSON (the shape docs/reports.md describes), CSV
// in Danish Excel conventions, HTML and XLSX. The CLI's `report … --format` and the web API's
// /api/v1/reports/… both write through here, so the two never disagree.
#include <boost/json.hpp>

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report_output/report_format.hpp"
#include "reports/reports.hpp"
#include "storage/database.hpp"

namespace sagsaudit::report_output {

// The three categories in the order every report shows them.
inline constexpr std::array<Category, 3> kCategories = {
    Category::key_control, Category::quality_goal, Category::formality};

boost::json::object overview_json(const OverviewReport& report);
boost::json::object center_json(const CenterReport& report);
boost::json::object error_statistics_json(const ErrorStatisticsReport& report);

// CSV text without the BOM (with_bom adds it, for files Excel opens).
std::string overview_csv(const OverviewReport& report);
std::string center_csv(const CenterReport& report);
std::string error_statistics_csv(const ErrorStatisticsReport& report);
std::string with_bom(const std::string& csv);

// What the rich formats (HTML, XLSX) show beyond the center report's data.
std::vector<CenterSectionExtras> center_extras(storage::Database& db, const CenterReport& report,
                                               const Period& period);
// The forvaltning's fejlstatistik trend per ydelsestype for the overview's HTML (none for a
// whole year).
std::vector<std::pair<NamedCode, ErrorTrend>> overview_trends(storage::Database& db,
                                                              const OverviewQuery& query);

// The workbook `write` writes to the file it is given, as bytes (via a temporary file).
std::string xlsx_bytes(const std::function<void(const std::string& file)>& write);

enum class DownloadFormat { json, csv, html, xlsx };
std::optional<DownloadFormat> parse_download_format(std::string_view text);

struct Download {
  std::string content;       // the bytes (CSV with BOM)
  std::string content_type;  // e.g. "text/csv; charset=utf-8"
  std::string file_name;     // e.g. "centerrapport-jc-amager-2027-K1.csv"
};

// `content` as a download named stem + the format's extension (CSV gets the BOM; XLSX content
// is the workbook's bytes).
Download download(DownloadFormat format, const std::string& stem, std::string content);

// Build the report and render it. Throw what the report builders throw (NotFound,
// ValidationError, StorageError).
Download overview_download(storage::Database& db, const OverviewQuery& query,
                           DownloadFormat format);
Download center_download(storage::Database& db, const std::string& center, const Period& period,
                         DownloadFormat format);
Download error_statistics_download(storage::Database& db, const std::optional<std::string>& center,
                                   const Period& period, DownloadFormat format);

}  // namespace sagsaudit::report_output
