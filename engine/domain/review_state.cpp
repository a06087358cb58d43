#include "domain/review_state.hpp"

#include <array>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

struct StateNames {
  ReviewState state;
  const char* code;
  const char* danish;
};

constexpr std::array<StateNames, 5> kNames = {{
    {ReviewState::assigned, "assigned", "tildelt"},
    {ReviewState::in_progress, "in_progress", "i gang"},
    {ReviewState::submitted, "submitted", "indsendt"},
    {ReviewState::approved, "approved", "godkendt"},
    {ReviewState::returned, "returned", "returneret"},
}};

const StateNames& names(ReviewState state) {
  for (const auto& n : kNames) {
    if (n.state == state) return n;
  }
  return kNames.front();  // unreachable: every enumerator is in the table
}

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string state_code(ReviewState state) {
  return names(state).code;
}

std::string danish_label(ReviewState state) {
  return names(state).danish;
}

std::optional<ReviewState> parse_review_state(std::string_view code) {
  for (const auto& n : kNames) {
    if (code == n.code || code == n.danish) return n.state;
  }
  return std::nullopt;
}

std::vector<ReviewState> allowed_next(ReviewState from) {
  switch (from) {
    case ReviewState::assigned:
      return {ReviewState::in_progress};
    case ReviewState::in_progress:
      return {ReviewState::submitted};
    case ReviewState::submitted:
      return {ReviewState::approved, ReviewState::returned};
    case ReviewState::approved:
      return {};  // final: the result counts in the statistics
    case ReviewState::returned:
      return {ReviewState::in_progress};
  }
  return {};
}

bool awaits_reviewer(ReviewState state) {
  return state == ReviewState::assigned || state == ReviewState::in_progress ||
         state == ReviewState::returned;
}

void check_review_transition(std::string_view review, ReviewState from, ReviewState to,
                             std::string_view return_reason) {
  const auto next = allowed_next(from);
  bool allowed = false;
  for (auto state : next) allowed = allowed || state == to;
  if (!allowed) {
    std::string message =
        "sagsgennemgangen " + std::string(review) + " er '" + danish_label(from) + "'; ";
    if (next.empty()) {
      message += "den kan ikke ændres herfra";
    } else {
      message += "herfra kan den kun gå til ";
      for (std::size_t i = 0; i < next.size(); ++i) {
        if (i > 0) message += " eller ";
        message += "'" + danish_label(next[i]) + "'";
      }
    }
    message += " (ikke til '" + danish_label(to) + "')";
    throw ConflictError(message);
  }
  if (to == ReviewState::returned && blank(return_reason)) {
    throw ValidationError("sagsgennemgangen " + std::string(review) +
                          " kan kun returneres med en begrundelse");
  }
}

}  // namespace sagsaudit
