#pragma once
// What makes a population file acceptable (issue 3): the header names the five required fields
// (case-insensitively, or by the names the årshjul's [kolonner] gives them), and every row has
// the header's number of fields, a non-empty value for each required field, a valid CPR number,
// a known center, a decision date inside the round's period, and a sagsnummer no other row has.
// Other columns are kept as the case's attributes.
//
// The rules see one row at a time, so a file of a million rows is checked without holding it;
// every problem is collected (the first max_issues of them kept, all of them counted), so that
// one run shows what to fix. Pure: the caller reads the file.
#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/annual_wheel.hpp"
#include "domain/cpr.hpp"
#include "domain/date.hpp"
#include "domain/errors.hpp"
#include "domain/period.hpp"
#include "domain/seen_case_numbers.hpp"

namespace sagsaudit {

// One valid row of a population file.
struct PopulationCase {
  int line = 0;             // where the row starts in the file
  std::string case_number;  // sagsnummer, as written (surrounding blanks removed)
  Cpr cpr;                  // never stored as such: only its keyed hash and masked form
  std::string center;       // the center's code (the file may give the code or the name)
  std::string case_worker;  // sagsbehandler
  Date decision_date;       // afgørelsesdato
  // The other columns: header as written in the file, value as written, in file order.
  std::vector<std::pair<std::string, std::string>> attributes;
};

struct PopulationRulesInput {
  std::string file;  // for the messages
  std::vector<Center> centers;
  Period period;
  std::map<std::string, std::string> column_names;  // AnnualWheel::column_names
  std::size_t max_issues = 50;
};

// Lower-cases ASCII and the Latin-1 letters À–Þ (Æ, Ø, Å …) of UTF-8 text, the case folding
// that header matching needs; other characters are left as they are.
std::string fold_case(std::string_view utf8);

class PopulationRules {
 public:
  explicit PopulationRules(PopulationRulesInput input);

  // The header row. False (with issues recorded) when a required column is missing or a column
  // name occurs twice; then no row can be checked.
  bool check_header(int line, const std::vector<std::string>& fields, std::size_t count);

  // One data row (after check_header succeeded); `problem` is the CSV reader's complaint about
  // the row's quoting, if any. The case when the row is valid, nullopt (with issues) otherwise.
  std::optional<PopulationCase> check_row(int line, const std::vector<std::string>& fields,
                                          std::size_t count, std::string_view problem = {});

  // The file had no header row at all.
  void empty_file();

  // Room for this many sagsnumre in the duplicate check, so that it does not grow step by step
  // through a large file (an estimate is fine).
  void expect_rows(std::size_t rows) { seen_case_numbers_.reserve(rows); }

  bool ok() const { return issue_count_ == 0; }
  const std::vector<Issue>& issues() const { return issues_; }  // the first max_issues
  std::size_t issue_count() const { return issue_count_; }      // all of them
  std::size_t rows() const { return rows_; }                    // data rows seen
  // Valid rows per center code, for every center of the input (zero when none).
  const std::map<std::string, std::size_t>& center_counts() const { return center_counts_; }
  // The header as the file wrote it (column index → name).
  const std::vector<std::string>& header() const { return header_; }

 private:
  void add(int line, std::string field, std::string message);
  const Center* find_center(std::string_view text) const;

  PopulationRulesInput input_;
  Date first_day_;  // of the period, worked out once rather than per row
  Date last_day_;
  std::string known_centers_;  // "jc-amager, jc-nord, …" for the message
  std::vector<std::string> header_;
  // Per field of population_fields(), in that order: its column and its header as written.
  std::vector<std::size_t> required_column_;
  std::vector<std::string> required_name_;
  std::vector<bool> is_required_;      // per column
  SeenCaseNumbers seen_case_numbers_;  // sagsnummer → its first line
  std::map<std::string, std::size_t> center_counts_;
  std::vector<Issue> issues_;
  std::size_t issue_count_ = 0;
  std::size_t rows_ = 0;
};

// A ValidationError whose issues are the first few of `total`; the message says how many more.
class PopulationRejected : public ValidationError {
 public:
  PopulationRejected(std::vector<Issue> shown, std::size_t total)
      : ValidationError(std::move(shown)), total_(total) {}
  std::size_t total() const { return total_; }

 private:
  std::size_t total_;
};

}  // namespace sagsaudit
