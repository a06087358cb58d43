// The API's request bodies (server/api_bodies.hpp): pure functions of the parsed JSON object.
#include "server/api_bodies.hpp"

#include <charconv>
#include <optional>

#include "domain/answer.hpp"
#include "domain/date.hpp"
#include "domain/decimal.hpp"
#include "domain/errors.hpp"
#include "domain/user_role.hpp"
#include "server/api_json.hpp"

namespace sagsaudit::server {
namespace {

struct AnswerCode {
  Answer answer;
  const char* code;
};
constexpr AnswerCode kAnswers[] = {{Answer::correct, "korrekt"},
                                   {Answer::error, "fejl"},
                                   {Answer::not_applicable, "ikke_relevant"},
                                   {Answer::not_assessable, "kan_ikke_vurderes"}};

std::optional<Answer> answer_from(const std::string& text) {
  for (const auto& item : kAnswers) {
    if (text == item.code) return item.answer;
  }
  return std::nullopt;
}

UserRole role_field(const std::string& text) {
  const auto role = parse_user_role(text);
  if (!role) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "rolle", "'" + text + "' er ukendt (admin, koordinator, leder eller revisor)"}});
  }
  return *role;
}

std::string text_field(const boost::json::object& body, const char* name) {
  const auto* value = body.if_contains(name);
  if (!value || !value->is_string()) {
    throw ValidationError(std::vector<Issue>{{"", 0, 0, name, "mangler (tekst)"}});
  }
  return std::string(value->as_string());
}

}  // namespace

std::string answer_text(Answer a) {
  for (const auto& item : kAnswers) {
    if (item.answer == a) return item.code;
  }
  return "korrekt";
}

// The answers of a PUT, every problem named by its place ("svar[2].beloeb").
std::vector<ControlAnswer> answers_from(const boost::json::object& body) {
  const auto* list = body.if_contains("svar");
  if (!list || !list->is_array()) {
    throw ValidationError(std::vector<Issue>{{"", 0, 0, "svar", "mangler (en liste)"}});
  }
  std::vector<ControlAnswer> out;
  std::vector<Issue> issues;
  int index = 0;
  for (const auto& item : list->as_array()) {
    const std::string where = "svar[" + std::to_string(index++) + "]";
    auto add = [&](const std::string& field, const std::string& message) {
      issues.push_back(Issue{"", 0, 0, where + "." + field, message});
    };
    if (!item.is_object()) {
      issues.push_back(Issue{"", 0, 0, where, "skal være et objekt"});
      continue;
    }
    const auto& o = item.as_object();
    ControlAnswer a;
    const auto* control = o.if_contains("kontrol");
    if (!control || !control->is_string()) {
      add("kontrol", "mangler");
    } else {
      a.control_id = std::string(control->as_string());
    }
    const auto* answer = o.if_contains("svar");
    const auto parsed = answer && answer->is_string()
                            ? answer_from(std::string(answer->as_string()))
                            : std::nullopt;
    if (!parsed) {
      add("svar", "skal være korrekt, fejl, ikke_relevant eller kan_ikke_vurderes");
    } else {
      a.answer = *parsed;
    }
    if (const auto* comment = o.if_contains("kommentar"); comment && !comment->is_null()) {
      if (comment->is_string()) {
        a.comment = std::string(comment->as_string());
      } else {
        add("kommentar", "skal være tekst");
      }
    }
    if (const auto* amount = o.if_contains("beloeb"); amount && !amount->is_null()) {
      const auto value =
          amount->is_string() ? parse_kroner(std::string(amount->as_string())) : std::nullopt;
      if (!value) {
        add("beloeb", "er ikke et beløb i kroner (fx \"1234,50\")");
      } else {
        a.amount = value;
      }
    }
    if (const auto* period = o.if_contains("periode"); period && !period->is_null()) {
      const auto* from = period->is_object() ? period->as_object().if_contains("fra") : nullptr;
      const auto* to = period->is_object() ? period->as_object().if_contains("til") : nullptr;
      const auto f =
          from && from->is_string() ? parse_date(std::string(from->as_string())) : std::nullopt;
      const auto t =
          to && to->is_string() ? parse_date(std::string(to->as_string())) : std::nullopt;
      if (!f || !t) {
        add("periode", "skal være {\"fra\": \"ÅÅÅÅ-MM-DD\", \"til\": \"ÅÅÅÅ-MM-DD\"}");
      } else {
        a.affected_period = AffectedPeriod{*f, *t};
      }
    }
    out.push_back(std::move(a));
  }
  if (!issues.empty()) throw ValidationError(std::move(issues));
  return out;
}

NewUserBody new_user_from(const boost::json::object& body) {
  NewUserBody out;
  out.user.username = required_string(body, "brugernavn");
  out.user.display_name = required_string(body, "navn");
  out.user.role = role_field(required_string(body, "rolle"));
  out.user.centers = optional_strings(body, "centre").value_or(std::vector<std::string>{});
  out.password = required_string(body, "adgangskode");
  return out;
}

UserChange user_change_from(const boost::json::object& body) {
  UserChange change;
  change.display_name = optional_string(body, "navn");
  if (auto role = optional_string(body, "rolle")) change.role = role_field(*role);
  change.centers = optional_strings(body, "centre");
  change.active = optional_bool(body, "aktiv");
  change.password = optional_string(body, "adgangskode");
  return change;
}

LoginBody login_from(const boost::json::object& body) {
  LoginBody out;
  out.username = text_field(body, "brugernavn");
  out.password = text_field(body, "adgangskode");
  return out;
}

std::uint64_t seed_value(const boost::json::object& body) {
  const auto* value = body.if_contains("seed");
  std::string text;
  if (value && value->is_string()) text = std::string(value->as_string());
  if (value && value->is_int64() && value->as_int64() >= 0) {
    return static_cast<std::uint64_t>(value->as_int64());
  }
  if (value && value->is_uint64()) return value->as_uint64();
  // Digits only, as `sample draw --seed` reads it: std::stoull would skip leading blanks and
  // accept a sign, reading " -5" as 2^64-5 (found by fuzz/api_json_fuzzer.cpp).
  std::uint64_t seed = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seed);
  if (!text.empty() && error == std::errc() && end == text.data() + text.size()) return seed;
  throw ValidationError(
      std::vector<Issue>{{"", 0, 0, "seed", "skal være et helt tal fra 0 til 2^64-1 (som tekst)"}});
}

RoundState advance_target(const boost::json::object& body) {
  const auto* to = body.if_contains("til");
  const auto state =
      to && to->is_string() ? parse_round_state(std::string(to->as_string())) : std::nullopt;
  if (!state) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "til", "mangler eller er ikke en rundetilstand (fx reported)"}});
  }
  return *state;
}

}  // namespace sagsaudit::server
