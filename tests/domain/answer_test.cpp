#include "domain/answer.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace sagsaudit {
namespace {

constexpr Answer kAll[] = {Answer::correct, Answer::error, Answer::not_applicable,
                           Answer::not_assessable};

TEST(Answer, CodesAndDanishLabels) {
  EXPECT_EQ(answer_code(Answer::correct), "correct");
  EXPECT_EQ(answer_code(Answer::error), "error");
  EXPECT_EQ(answer_code(Answer::not_applicable), "not_applicable");
  EXPECT_EQ(answer_code(Answer::not_assessable), "not_assessable");
  EXPECT_EQ(danish_label(Answer::correct), "korrekt");
  EXPECT_EQ(danish_label(Answer::error), "fejl");
  EXPECT_EQ(danish_label(Answer::not_applicable), "ikke relevant");
  EXPECT_EQ(danish_label(Answer::not_assessable), "kan ikke vurderes");
  for (Answer answer : kAll) {
    EXPECT_EQ(parse_answer(answer_code(answer)), answer);
    EXPECT_EQ(parse_answer(danish_label(answer)), answer);
  }
}

TEST(Answer, ParsesDanishWordsAsTypedInExcel) {
  EXPECT_EQ(parse_answer("Korrekt"), Answer::correct);
  EXPECT_EQ(parse_answer(" FEJL "), Answer::error);
  EXPECT_EQ(parse_answer("Ikke  relevant"), Answer::not_applicable);
  EXPECT_EQ(parse_answer("ikke\trelevant"), Answer::not_applicable);
  EXPECT_EQ(parse_answer("Kan ikke vurderes\r"), Answer::not_assessable);
  EXPECT_EQ(parse_answer("NOT_ASSESSABLE"), Answer::not_assessable);
}

TEST(Answer, RefusesEverythingElse) {
  for (const char* text : {"", " ", "ok", "ja", "nej", "korrekt x", "ikkerelevant", "fejl;",
                           "kan ikke vurdere", "not applicable", "k", "1"}) {
    EXPECT_EQ(parse_answer(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Answer, CommentNeededForErrorAndNotAssessable) {
  EXPECT_FALSE(needs_comment(Answer::correct));
  EXPECT_TRUE(needs_comment(Answer::error));
  EXPECT_FALSE(needs_comment(Answer::not_applicable));
  EXPECT_TRUE(needs_comment(Answer::not_assessable));
}

TEST(Kroner, ParsesDanishAndApiForms) {
  struct Case {
    const char* text;
    const char* exact;
  };
  for (const Case& c :
       {Case{"1234,50", "1234.5"}, Case{"1.234,50", "1234.5"}, Case{"1.234.567,89", "1234567.89"},
        Case{"1234.50", "1234.5"}, Case{"1234", "1234"}, Case{"0,05", "0.05"}, Case{"0", "0"},
        Case{" 12,3 ", "12.3"}, Case{"-5", "-5"}, Case{"-5,25", "-5.25"},
        Case{"999.999,99", "999999.99"}, Case{"9999999999999", "9999999999999"}}) {
    const auto amount = parse_kroner(c.text);
    ASSERT_TRUE(amount.has_value()) << c.text;
    EXPECT_EQ(amount->to_string(), c.exact) << c.text;
  }
}

TEST(Kroner, RefusesAmbiguousOrMalformed) {
  for (const char* text :
       {"",        "-",        ",",       "1,",        ",5",       "1,234",          "1.234",
        "1,2,3",   "1.23.4,5", "12.34,5", "1.2345,00", ".234,00",  "1..234,00",      "1.234.",
        "12,5 kr", "kr 12",    "1e3",     "+5",        "1 234,50", "10000000000000", "1.234,5.6",
        "--5"}) {
    EXPECT_EQ(parse_kroner(text), std::nullopt) << '"' << text << '"';
  }
}

TEST(Kroner, FormatsTheDanishWay) {
  EXPECT_EQ(format_kroner(*parse_decimal("1234.5")), "1.234,50");
  EXPECT_EQ(format_kroner(*parse_decimal("0.05")), "0,05");
  EXPECT_EQ(format_kroner(*parse_decimal("0")), "0,00");
  EXPECT_EQ(format_kroner(*parse_decimal("999")), "999,00");
  EXPECT_EQ(format_kroner(*parse_decimal("1000")), "1.000,00");
  EXPECT_EQ(format_kroner(*parse_decimal("1234567.89")), "1.234.567,89");
  EXPECT_EQ(format_kroner(*parse_decimal("-5")), "-5,00");
  EXPECT_EQ(format_kroner(Decimal{12340, 1000}), "12,34");  // not in lowest terms, still øre
  EXPECT_THROW(format_kroner(Decimal{12345, 1000}), std::invalid_argument);
  for (const char* text : {"1.234,50", "0,07", "1.000.000,00"}) {
    EXPECT_EQ(format_kroner(*parse_kroner(text)), text);
  }
}

}  // namespace
}  // namespace sagsaudit
