#pragma once
// Reading CSV as Danish case systems and Excel write it: fields separated by ';', a record per
// line (CRLF, LF or a lone CR), fields optionally in double quotes, in which the separator and
// line breaks are plain text and "" is one quote. The reader walks over text it does not own
// and reuses one record's storage for the next, so a file of a million rows costs its own bytes
// and one record, not a copy of every row.
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit {

struct CsvRecord {
  int line = 0;                     // physical line (1-based) where the record starts
  std::vector<std::string> fields;  // the first field_count entries are this record's
  std::size_t field_count = 0;
  // Empty, or what is wrong with the record's quoting (Danish), e.g. an opening quote that is
  // never closed. The fields are still as well read as possible.
  std::string problem;

  std::string_view field(std::size_t i) const { return fields[i]; }
};

class CsvReader {
 public:
  // REQUIRES: `text` outlives the reader.
  explicit CsvReader(std::string_view text, char separator = ';')
      : text_(text), separator_(separator) {}

  // Reads the next record into `record` (reusing its storage); false at the end. Lines that are
  // entirely empty are skipped (but counted, so later line numbers stay right).
  bool next(CsvRecord& record);

  // How far the reader has come, in bytes of the text (for progress reports).
  std::size_t position() const { return pos_; }

 private:
  std::string& next_field(CsvRecord& record);

  std::string_view text_;
  char separator_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

// A header field as matched against known column names: lower case for ASCII and Æ, Ø, Å,
// surrounding blanks removed ("  Beløb " → "beløb"). Shared by the imports that find their
// columns by header.
std::string normalised_header(std::string_view text);
// The text without surrounding blanks (spaces and tabs).
std::string trim_blanks(std::string_view text);

}  // namespace sagsaudit
