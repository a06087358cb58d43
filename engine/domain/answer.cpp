#include "domain/answer.hpp"

#include <array>
#include <cstdint>
#include <stdexcept>

namespace sagsaudit {
namespace {

constexpr std::array kAnswers = {Answer::correct, Answer::error, Answer::not_applicable,
                                 Answer::not_assessable};

bool is_blank(char ch) {
  return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

// ASCII lower case with runs of blanks made one space; bytes ≥ 0x80 (UTF-8) are kept as they are.
std::string normalized(std::string_view text) {
  std::string out;
  bool pending_space = false;
  for (char ch : trimmed(text)) {
    if (is_blank(ch)) {
      pending_space = true;
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
  }
  return out;
}

bool is_digit(char ch) {
  return ch >= '0' && ch <= '9';
}

}  // namespace

std::string answer_code(Answer answer) {
  switch (answer) {
    case Answer::correct:
      return "correct";
    case Answer::error:
      return "error";
    case Answer::not_applicable:
      return "not_applicable";
    case Answer::not_assessable:
      return "not_assessable";
  }
  return "?";
}

std::string danish_label(Answer answer) {
  switch (answer) {
    case Answer::correct:
      return "korrekt";
    case Answer::error:
      return "fejl";
    case Answer::not_applicable:
      return "ikke relevant";
    case Answer::not_assessable:
      return "kan ikke vurderes";
  }
  return "?";
}

std::optional<Answer> parse_answer(std::string_view text) {
  const std::string key = normalized(text);
  for (Answer answer : kAnswers) {
    if (key == answer_code(answer) || key == danish_label(answer)) return answer;
  }
  return std::nullopt;
}

bool needs_comment(Answer answer) {
  return answer == Answer::error || answer == Answer::not_assessable;
}

std::optional<Decimal> parse_kroner(std::string_view text) {
  text = trimmed(text);
  bool negative = false;
  if (!text.empty() && text.front() == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  const std::size_t comma = text.find(',');
  const bool comma_is_mark = comma != std::string_view::npos;
  const std::size_t mark = comma_is_mark ? comma : text.find('.');
  std::string_view whole = text.substr(0, mark);
  std::string_view fraction =
      mark == std::string_view::npos ? std::string_view{} : text.substr(mark + 1);
  if (mark != std::string_view::npos && (fraction.empty() || fraction.size() > 2)) {
    return std::nullopt;
  }
  for (char ch : fraction) {
    if (!is_digit(ch)) return std::nullopt;
  }
  // With a decimal comma, '.' may group the kroner in threes: 1.234.567,89.
  std::string digits;
  if (comma_is_mark && whole.find('.') != std::string_view::npos) {
    std::size_t group = 0;
    bool first = true;
    for (std::size_t i = 0; i <= whole.size(); ++i) {
      if (i == whole.size() || whole[i] == '.') {
        // The first group has 1–3 digits, every later one exactly 3.
        if (group == 0 || group > 3 || (!first && group != 3)) return std::nullopt;
        first = false;
        group = 0;
        continue;
      }
      if (!is_digit(whole[i])) return std::nullopt;
      digits += whole[i];
      ++group;
    }
  } else {
    for (char ch : whole) {
      if (!is_digit(ch)) return std::nullopt;
    }
    digits = std::string(whole);
  }
  if (digits.empty() || digits.size() > 13) return std::nullopt;
  std::int64_t numerator = 0;
  for (char ch : digits) numerator = numerator * 10 + (ch - '0');
  std::int64_t denominator = 1;
  for (char ch : fraction) {
    numerator = numerator * 10 + (ch - '0');
    denominator *= 10;
  }
  // Shortest form, as parse_decimal keeps it: 12,50 and 12,5 are the same amount.
  while (denominator > 1 && numerator % 10 == 0) {
    numerator /= 10;
    denominator /= 10;
  }
  return Decimal{negative ? -numerator : numerator, denominator};
}

std::string format_kroner(const Decimal& amount) {
  // Decimal denominators are powers of ten; the amount is whole øre when the denominator is at
  // most 100 or divides the numerator down to øre.
  const bool whole_ore =
      amount.denominator > 0 &&
      (amount.denominator <= 100 || amount.numerator % (amount.denominator / 100) == 0);
  if (!whole_ore) {
    throw std::invalid_argument("beløbet har mere end to decimaler: " + amount.to_string());
  }
  const std::int64_t ore = amount.denominator <= 100
                               ? amount.numerator * (100 / amount.denominator)
                               : amount.numerator / (amount.denominator / 100);
  const bool negative = ore < 0;
  const std::int64_t magnitude = negative ? -ore : ore;
  const std::string kroner = std::to_string(magnitude / 100);
  std::string grouped;
  for (std::size_t i = 0; i < kroner.size(); ++i) {
    if (i > 0 && (kroner.size() - i) % 3 == 0) grouped += '.';
    grouped += kroner[i];
  }
  const std::int64_t rest = magnitude % 100;
  return (negative ? "-" : "") + grouped + ',' + (rest < 10 ? "0" : "") + std::to_string(rest);
}

}  // namespace sagsaudit
