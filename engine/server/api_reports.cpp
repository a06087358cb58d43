// /api/v1/reports/…: the same reports and writers as `sagsaudit report … --format` (one writer,
// report_output/report_render.hpp). A leder sees only their own centers' reports.
#include "domain/errors.hpp"
#include "report_output/report_render.hpp"
#include "server/api.hpp"
#include "server/api_json.hpp"

namespace sagsaudit::server {
namespace {

using report_output::DownloadFormat;

Period period_parameter(const Call& call) {
  const auto text = call.query("periode");
  const auto period = text ? parse_period(*text) : std::nullopt;
  if (!period) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "periode", "mangler eller er ikke en periode (fx 2027-K1, 2027-H2, 2027)"}});
  }
  return *period;
}

std::optional<DownloadFormat> format_parameter(const Call& call) {
  const auto text = call.query("format");
  if (!text) return std::nullopt;
  const auto format = report_output::parse_download_format(*text);
  if (!format) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "format", "'" + *text + "' er ukendt (json, csv, xlsx eller html)"}});
  }
  return format;
}

ApiResponse download_response(const report_output::Download& d, bool attachment) {
  ApiResponse r;
  r.content_type = d.content_type;
  r.body = d.content;
  if (attachment) {
    r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + d.file_name + "\"");
  }
  return r;
}

const std::vector<UserRole> kReaders = {UserRole::admin, UserRole::auditor, UserRole::manager};
const std::vector<UserRole> kAllCenters = {UserRole::admin, UserRole::auditor};

}  // namespace

void add_report_routes(Router& router) {
  // The whole forvaltning: every center, so not for a leder (who sees only their own).
  router.add(Route{"GET", "/api/v1/reports/overview", true, true, kAllCenters, [](Call& call) {
                     OverviewQuery query;
                     query.period = period_parameter(call);
                     const auto format = format_parameter(call);
                     return download_response(
                         report_output::overview_download(call.database(), query,
                                                          format.value_or(DownloadFormat::json)),
                         format.has_value());
                   }});

  router.add(Route{"GET", "/api/v1/reports/center", true, true, kReaders, [](Call& call) {
                     const auto center = call.query("center");
                     if (!center || center->empty()) {
                       throw ValidationError(
                           std::vector<Issue>{{"", 0, 0, "center", "mangler (centrets kode)"}});
                     }
                     if (call.user().role == UserRole::manager) require_center(call, *center);
                     const Period period = period_parameter(call);
                     const auto format = format_parameter(call);
                     return download_response(
                         report_output::center_download(call.database(), *center, period,
                                                        format.value_or(DownloadFormat::json)),
                         format.has_value());
                   }});

  router.add(
      Route{"GET", "/api/v1/reports/fejlstatistik", true, true, kReaders, [](Call& call) {
              auto center = call.query("center");
              if (center && center->empty()) center.reset();
              if (call.user().role == UserRole::manager) {
                if (!center) {
                  throw HttpError(403, "adgang_naegtet",
                                  "en leder ser kun fejlstatistik for egne centre: angiv center");
                }
                require_center(call, *center);
              }
              const Period period = period_parameter(call);
              const auto format = format_parameter(call);
              return download_response(
                  report_output::error_statistics_download(call.database(), center, period,
                                                           format.value_or(DownloadFormat::json)),
                  format.has_value());
            }});
}

}  // namespace sagsaudit::server
