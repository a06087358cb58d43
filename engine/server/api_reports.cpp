// /api/v1/reports/…: the same reports and writers as `sagsaudit report … --format` (one writer,
// report_output/report_render.hpp). A leder sees only their own centers' reports.
#include "compare/blind_access.hpp"
#include "domain/errors.hpp"
#include "report_output/compare_report.hpp"
#include "report_output/report_render.hpp"
#include "server/api.hpp"
#include "server/api_json.hpp"
#include "server/report_cache.hpp"
#include "storage/external_review_repository.hpp"
#include "storage/round_repository.hpp"

#include <memory>

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

std::string format_key(const std::optional<DownloadFormat>& f) {
  return f ? std::to_string(static_cast<int>(*f)) : "-";
}

const std::vector<UserRole> kReaders = {UserRole::admin, UserRole::auditor, UserRole::manager};
const std::vector<UserRole> kAllCenters = {UserRole::admin, UserRole::auditor};
// The revisorsammenligning (issue 7 item 5): the admin and the revisor only.
const std::vector<UserRole> kCompareReaders = {UserRole::admin, UserRole::auditor};

}  // namespace

void add_report_routes(Router& router, Metrics& metrics) {
  // Overblik, centerrapport and fejlstatistik are kept until the report version moves
  // (server/report_cache.hpp); the revisorsammenligning is not kept (see below).
  auto cache = std::make_shared<ReportCache>(metrics);
  // The whole forvaltning: every center, so not for a leder (who sees only their own).
  router.add(Route{"GET", "/api/v1/reports/overview", true, true, kAllCenters, [cache](Call& call) {
                     OverviewQuery query;
                     query.period = period_parameter(call);
                     const auto format = format_parameter(call);
                     const auto d = cache->get(
                         call.database(),
                         "overview|" + query.period->to_string() + "|" + format_key(format), [&] {
                           return report_output::overview_download(
                               call.database(), query, format.value_or(DownloadFormat::json));
                         });
                     return download_response(d, format.has_value());
                   }});

  router.add(
      Route{"GET", "/api/v1/reports/center", true, true, kReaders, [cache](Call& call) {
              const auto center = call.query("center");
              if (!center || center->empty()) {
                throw ValidationError(
                    std::vector<Issue>{{"", 0, 0, "center", "mangler (centrets kode)"}});
              }
              if (call.user().role == UserRole::manager) require_center(call, *center);
              const Period period = period_parameter(call);
              // Issue 7: the center report lists the municipality's answers per case; a blind
              // round within the period keeps them from the revisor until the external review
              // is locked (checked before the cache, and audited).
              for (const auto& round :
                   storage::make_round_repository(call.database())->list({period.year, {}, {}})) {
                if (period.contains(round.period.first_day())) {
                  require_visible(call.database(), round.id, ReviewSide::municipality, call.actor(),
                                  call.at(), "GET report center " + *center);
                }
              }
              const auto format = format_parameter(call);
              const auto d = cache->get(
                  call.database(),
                  "center|" + *center + "|" + period.to_string() + "|" + format_key(format), [&] {
                    return report_output::center_download(call.database(), *center, period,
                                                          format.value_or(DownloadFormat::json));
                  });
              return download_response(d, format.has_value());
            }});

  router.add(
      Route{"GET", "/api/v1/reports/fejlstatistik", true, true, kReaders, [cache](Call& call) {
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
              const auto d = cache->get(call.database(),
                                        "fejlstatistik|" + center.value_or("") + "|" +
                                            period.to_string() + "|" + format_key(format),
                                        [&] {
                                          return report_output::error_statistics_download(
                                              call.database(), center, period,
                                              format.value_or(DownloadFormat::json));
                                        });
              return download_response(d, format.has_value());
            }});

  // The revisorsammenligning as `sagsaudit compare report --round ID [--source NAVN] --format`
  // prints it (one builder, one set of writers: report_output/compare_report.hpp). The builder
  // checks the blind review for both sides and audits a refusal; it runs on every request (not
  // cached), so every refused look is in the audit log.
  router.add(
      Route{"GET", "/api/v1/rounds/{id}/compare", true, true, kCompareReaders, [](Call& call) {
              const auto source = call.query("source");
              const auto format = format_parameter(call);
              const Comparison c = build_comparison(call.database(), call.param("id"),
                                                    source.value_or(""), call.actor(), call.at());
              return download_response(
                  report_output::comparison_download(c, format.value_or(DownloadFormat::json)),
                  format.has_value());
            }});

  // The round's imported revisorgennemgange (the page's choice of source).
  router.add(Route{
      "GET", "/api/v1/rounds/{id}/compare/sources", true, true, kCompareReaders, [](Call& call) {
        const std::string id = call.param("id");
        if (!storage::make_round_repository(call.database())->find(id)) {
          throw NotFound("runden " + id + " findes ikke");
        }
        boost::json::array items;
        for (const auto& r : storage::make_external_review_repository(call.database())->list(id)) {
          items.push_back(boost::json::object{{"kilde", r.source},
                                              {"indlaest", r.imported_at},
                                              {"laast", r.locked},
                                              {"laast_tid", r.locked_at}});
        }
        return json_response(boost::json::object{{"runde", id}, {"kilder", items}});
      }});
}

}  // namespace sagsaudit::server
