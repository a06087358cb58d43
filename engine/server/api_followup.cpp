// /api/v1/followup/…: opfølgning (issue 8, docs/followup.md) over the web — the follow-up report
// as `sagsaudit followup report --format` writes it (report_output/followup_render.hpp), and the
// changes `sagsaudit followup initiative add|set|status` and `followup correction set` make,
// through the same engine functions (followup/followup.hpp), so every change is in the audit log.
//
// Who: admin and revisor read every center; a leder reads and changes only their own centers'
// initiatives and berigtigelser (the follow-up is the center management's); the revisor changes
// nothing; a koordinator has no access, as to the center reports the follow-up is built from.
#include <charconv>

#include "domain/errors.hpp"
#include "followup/followup.hpp"
#include "report_output/followup_render.hpp"
#include "server/api.hpp"
#include "server/api_json.hpp"
#include "storage/followup_repository.hpp"
#include "workflow/clock.hpp"

namespace sagsaudit::server {
namespace {

using report_output::DownloadFormat;

const std::vector<UserRole> kReaders = {UserRole::admin, UserRole::auditor, UserRole::manager};
const std::vector<UserRole> kChangers = {UserRole::admin, UserRole::manager};

FollowupRules rules_of(const Call& call) {
  return parse_followup_rules(call.options.config.followup_yellow_limit_days,
                              "[opfoelgning] gul_graense_dage");
}

Stamp stamp_of(const Call& call) {
  return Stamp{call.actor(), call.at()};
}

// {nr} of the path: a positive whole number, or NotFound (no such initiative or correction).
std::int64_t number_param(const Call& call, const std::string& what) {
  const std::string text = call.param("nr");
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    throw NotFound(what + " '" + text + "' findes ikke (nummeret er et helt tal som 12)");
  }
  return id;
}

// The engine names the CLI's options; the API's fields are the JSON names.
[[noreturn]] void rethrow_with_fields(const ValidationError& e) {
  std::vector<Issue> issues = e.issues();
  for (auto& issue : issues) {
    if (issue.field == "--reason") issue.field = "begrundelse";
    if (issue.field == "--what") issue.field = "hvad";
    if (issue.field == "--controls") issue.field = "kontroller";
    if (issue.field == "--center") issue.field = "center";
  }
  throw ValidationError(std::move(issues));
}

template <class F>
auto with_api_fields(F&& f) {
  try {
    return f();
  } catch (const ValidationError& e) {
    rethrow_with_fields(e);
  }
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

// A leder may only touch their own centers (403 otherwise); admin everything.
void require_changer_center(const Call& call, const std::string& center) {
  if (call.user().role == UserRole::manager) require_center(call, center);
}

storage::Initiative find_initiative(Call& call, std::int64_t id) {
  auto found = storage::make_followup_repository(call.database())->find_initiative(id);
  if (!found) throw NotFound("initiativ " + std::to_string(id) + " findes ikke");
  return *found;
}

// The initiative as the report shows it (status for today, controls before → after), with its
// history of status changes.
boost::json::object initiative_reply(Call& call, std::int64_t id, const std::string& center) {
  const auto report = build_followup_report(call.database(), center, local_today(), rules_of(call));
  for (const auto& line : report.initiatives) {
    if (line.initiative.id != id) continue;
    auto json = report_output::initiative_json(line);
    boost::json::array changes;
    for (const auto& c : storage::make_followup_repository(call.database())->status_changes(id)) {
      changes.push_back(boost::json::object{{"tid", c.at},
                                            {"af", c.actor},
                                            {"fra", marker_code(c.from)},
                                            {"til", marker_code(c.to)},
                                            {"begrundelse", c.reason}});
    }
    json["aendringer"] = changes;
    return json;
  }
  throw NotFound("initiativ " + std::to_string(id) + " findes ikke");
}

std::optional<InitiativeMarker> marker_field(const boost::json::object& body, const char* field,
                                             bool required) {
  const auto text =
      required ? std::optional(required_string(body, field)) : optional_string(body, field);
  if (!text) return std::nullopt;
  const auto marker = parse_initiative_marker(*text);
  if (!marker) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, field, "'" + *text + "' er ukendt (open, done, delayed eller at_risk)"}});
  }
  return marker;
}

std::optional<CorrectionState> state_field(const boost::json::object& body, const char* field,
                                           bool required) {
  const auto text =
      required ? std::optional(required_string(body, field)) : optional_string(body, field);
  if (!text) return std::nullopt;
  const auto state = parse_correction_state(*text);
  if (!state) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, field, "'" + *text + "' er ukendt (open, corrected eller not_relevant)"}});
  }
  return state;
}

}  // namespace

void add_followup_routes(Router& router) {
  // The report: one center (?center=), or every center the caller may see.
  router.add(
      Route{"GET", "/api/v1/followup", true, true, kReaders, [](Call& call) {
              auto center = call.query("center");
              if (center && center->empty()) center.reset();
              const auto format = format_parameter(call);
              const Date today = local_today();
              const FollowupRules rules = rules_of(call);
              FollowupReport report;
              if (center) {
                if (call.user().role == UserRole::manager) require_center(call, *center);
                report = build_followup_report(call.database(), center, today, rules);
              } else if (call.user().role == UserRole::manager) {
                report = build_followup_report(call.database(), call.user().centers, today, rules);
              } else {
                report = build_followup_report(call.database(), std::nullopt, today, rules);
              }
              const auto d =
                  report_output::followup_download(report, format.value_or(DownloadFormat::json));
              ApiResponse r;
              r.content_type = d.content_type;
              r.body = d.content;
              if (format) {
                r.headers.emplace_back("Content-Disposition",
                                       "attachment; filename=\"" + d.file_name + "\"");
              }
              return r;
            }});

  // `followup initiative add`: a yellow (or red) cell's initiative by choice.
  router.add(Route{"POST", "/api/v1/followup/initiatives", true, true, kChangers, [](Call& call) {
                     const auto body = json_body(call.request);
                     const std::string round = required_string(body, "runde");
                     const std::string center = required_string(body, "center");
                     require_changer_center(call, center);
                     const auto id = with_api_fields([&] {
                       return create_cell_initiative(call.database(), round, center,
                                                     stamp_of(call));
                     });
                     return json_response(initiative_reply(call, id, center), 201);
                   }});

  router.add(
      Route{"GET", "/api/v1/followup/initiatives/{nr}", true, true, kReaders, [](Call& call) {
              const auto id = number_param(call, "initiativ");
              const auto i = find_initiative(call, id);
              if (call.user().role == UserRole::manager) require_center(call, i.center);
              return json_response(initiative_reply(call, id, i.center));
            }});

  // `followup initiative set`: hvad, ansvarlig, frist (ISO or dd-mm-åååå), kontroller.
  router.add(
      Route{"PATCH", "/api/v1/followup/initiatives/{nr}", true, true, kChangers, [](Call& call) {
              const auto id = number_param(call, "initiativ");
              const auto body = json_body(call.request);
              const auto i = find_initiative(call, id);
              require_changer_center(call, i.center);
              InitiativeFields fields;
              fields.action = optional_string(body, "hvad");
              fields.responsible = optional_string(body, "ansvarlig");
              if (const auto text = optional_string(body, "frist")) {
                fields.deadline = parse_date(*text);
                if (!fields.deadline) {
                  throw ValidationError(std::vector<Issue>{
                      {"", 0, 0, "frist",
                       "'" + *text + "' er ikke en dato (skriv fx 2027-12-31 eller 31-12-2027)"}});
                }
              }
              fields.controls = optional_strings(body, "kontroller");
              if (!fields.action && !fields.responsible && !fields.deadline && !fields.controls) {
                throw ValidationError(std::vector<Issue>{
                    {"", 0, 0, "hvad",
                     "intet at ændre: angiv mindst én af hvad, ansvarlig, frist og kontroller"}});
              }
              with_api_fields(
                  [&] { return set_initiative(call.database(), id, fields, stamp_of(call)); });
              return json_response(initiative_reply(call, id, i.center));
            }});

  // `followup initiative status`: {til: open|done|delayed|at_risk, begrundelse, fra?}. `fra` is
  // the marker the page showed: another one by now is 409 (stale page), as is `til` == now.
  router.add(Route{
      "POST", "/api/v1/followup/initiatives/{nr}/status", true, true, kChangers, [](Call& call) {
        const auto id = number_param(call, "initiativ");
        const auto body = json_body(call.request);
        const auto i = find_initiative(call, id);
        require_changer_center(call, i.center);
        const InitiativeMarker to = *marker_field(body, "til", true);
        const auto from = marker_field(body, "fra", false);
        const std::string reason = optional_string(body, "begrundelse").value_or("");
        with_api_fields(
            [&] { return mark_initiative(call.database(), id, to, reason, stamp_of(call), from); });
        return json_response(initiative_reply(call, id, i.center));
      }});

  // `followup correction set`: {til: corrected|not_relevant|open, begrundelse, fra?}.
  router.add(Route{
      "POST", "/api/v1/followup/corrections/{nr}/status", true, true, kChangers, [](Call& call) {
        const auto id = number_param(call, "berigtigelse");
        const auto body = json_body(call.request);
        const auto found = storage::make_followup_repository(call.database())->find_correction(id);
        if (!found) throw NotFound("berigtigelse " + std::to_string(id) + " findes ikke");
        require_changer_center(call, found->center);
        const CorrectionState to = *state_field(body, "til", true);
        const auto from = state_field(body, "fra", false);
        const std::string reason = optional_string(body, "begrundelse").value_or("");
        const auto c = with_api_fields([&] {
          return set_correction_state(call.database(), id, to, reason, stamp_of(call), from);
        });
        return json_response(report_output::correction_json(c));
      }});
}

}  // namespace sagsaudit::server
