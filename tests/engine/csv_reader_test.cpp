// The CSV reader and the encodings a population file may come in (issue 3).
#include "loading/csv_reader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "loading/text_encoding.hpp"

namespace sagsaudit {
namespace {

using ::testing::ElementsAre;

struct Row {
  int line;
  std::vector<std::string> fields;
  std::string problem;
  friend bool operator==(const Row&, const Row&) = default;
};

void PrintTo(const Row& row, std::ostream* out) {
  *out << row.line << ":";
  for (const auto& f : row.fields) *out << " [" << f << "]";
  if (!row.problem.empty()) *out << " problem: " << row.problem;
}

std::vector<Row> rows_of(std::string_view text) {
  CsvReader reader(text);
  CsvRecord record;
  std::vector<Row> out;
  while (reader.next(record)) {
    out.push_back(
        Row{record.line,
            std::vector<std::string>(record.fields.begin(),
                                     record.fields.begin() + static_cast<long>(record.field_count)),
            record.problem});
  }
  return out;
}

TEST(CsvReader, SplitsOnSemicolonsAndLineEnds) {
  EXPECT_THAT(rows_of("a;b;c\n1;2;3\n"),
              ElementsAre(Row{1, {"a", "b", "c"}, ""}, Row{2, {"1", "2", "3"}, ""}));
}

TEST(CsvReader, CrlfLfAndLoneCrAllEndARecord) {
  EXPECT_THAT(rows_of("a;b\r\n1;2\r3;4\n5;6"),
              ElementsAre(Row{1, {"a", "b"}, ""}, Row{2, {"1", "2"}, ""}, Row{3, {"3", "4"}, ""},
                          Row{4, {"5", "6"}, ""}));
}

TEST(CsvReader, EmptyFieldsAndTrailingSeparatorCount) {
  EXPECT_THAT(rows_of(";;\na;;b;\n"),
              ElementsAre(Row{1, {"", "", ""}, ""}, Row{2, {"a", "", "b", ""}, ""}));
}

TEST(CsvReader, QuotedFieldsHoldSeparatorsQuotesAndLineBreaks) {
  EXPECT_THAT(rows_of("\"a;b\";\"sagde \"\"nej\"\"\";\"to\r\nlinjer\"\nnæste;x;y\n"),
              ElementsAre(Row{1, {"a;b", "sagde \"nej\"", "to\r\nlinjer"}, ""},
                          Row{3, {"næste", "x", "y"}, ""}));
}

TEST(CsvReader, BlankLinesAreSkippedButCounted) {
  EXPECT_THAT(rows_of("\n\na;b\n\r\n\n1;2\n\n"),
              ElementsAre(Row{3, {"a", "b"}, ""}, Row{6, {"1", "2"}, ""}));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsKept) {
  EXPECT_THAT(rows_of("5\" skærm;b\n"), ElementsAre(Row{1, {"5\" skærm", "b"}, ""}));
}

TEST(CsvReader, TextAfterTheClosingQuoteIsAProblem) {
  EXPECT_THAT(rows_of("\"ab\"c;d\n"),
              ElementsAre(Row{1,
                              {"abc", "d"},
                              "tegn efter det afsluttende anførselstegn i felt 1 (et "
                              "anførselstegn i et felt skrives \"\")"}));
}

TEST(CsvReader, AnUnclosedQuoteIsAProblemNamingItsLine) {
  EXPECT_THAT(rows_of("a;b\n1;\"2\n3;4\n"),
              ElementsAre(Row{1, {"a", "b"}, ""},
                          Row{2,
                              {"1", "2\n3;4\n"},
                              "anførselstegnet i linje 2 lukkes aldrig (resten af filen blev "
                              "læst som ét felt)"}));
}

TEST(CsvReader, EmptyTextHasNoRecords) {
  EXPECT_TRUE(rows_of("").empty());
  EXPECT_TRUE(rows_of("\r\n\n").empty());
}

TEST(CsvReader, ReusesTheRecordWithoutLeakingOldFields) {
  CsvReader reader("a;b;c;d\n1\n");
  CsvRecord record;
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.field_count, 4u);
  ASSERT_TRUE(reader.next(record));
  EXPECT_EQ(record.field_count, 1u);
  EXPECT_EQ(record.field(0), "1");
  EXPECT_FALSE(reader.next(record));
}

TEST(TextEncoding, Utf8WithoutBom) {
  const DecodedText decoded = decode_text("sagsnummer;afgørelsesdato\n");
  EXPECT_EQ(decoded.encoding, TextEncoding::utf8);
  EXPECT_EQ(decoded.text, "sagsnummer;afgørelsesdato\n");
  EXPECT_EQ(describe(decoded.encoding), "UTF-8");
}

TEST(TextEncoding, Utf8WithBomLosesTheBom) {
  const DecodedText decoded = decode_text(
      "\xEF\xBB\xBF"
      "center;æ\n");
  EXPECT_EQ(decoded.encoding, TextEncoding::utf8_bom);
  EXPECT_EQ(decoded.text, "center;æ\n");
  EXPECT_EQ(describe(decoded.encoding), "UTF-8 med BOM");
}

TEST(TextEncoding, Windows1252FileWithDanishLettersIsConverted) {
  // "afgørelsesdato;Ærø;Århus;€" as Excel's "CSV (semikolonsepareret)" writes it.
  const std::string bytes = "afg\xF8relsesdato;\xC6r\xF8;\xC5rhus;\x80\n";
  EXPECT_FALSE(is_valid_utf8(bytes));
  const DecodedText decoded = decode_text(bytes);
  EXPECT_EQ(decoded.encoding, TextEncoding::windows1252);
  EXPECT_EQ(decoded.text, "afgørelsesdato;Ærø;Århus;€\n");
  EXPECT_EQ(describe(decoded.encoding), "Windows-1252");
  EXPECT_EQ(encoding_code(decoded.encoding), "windows-1252");
}

TEST(TextEncoding, UndefinedWindows1252BytesBecomeC1Controls) {
  EXPECT_EQ(windows1252_to_utf8("\x81\x8D\x8F\x90\x9D"), "\u0081\u008D\u008F\u0090\u009D");
  EXPECT_EQ(windows1252_to_utf8("\x9F\xFF"), "Ÿÿ");
}

TEST(TextEncoding, Utf8ValidationRefusesMalformedSequences) {
  EXPECT_TRUE(is_valid_utf8("plain ASCII, long enough to take the eight-byte path"));
  EXPECT_TRUE(is_valid_utf8("æøå €  \U0001F600"));
  EXPECT_FALSE(is_valid_utf8("\xC3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abcdefgh\x80"));      // a lone continuation byte after ASCII
}

}  // namespace
}  // namespace sagsaudit
