// Reading and checking a population file (read_population_file, read_population_bytes of
// population/population_import.hpp): no database, so `population check`, the import and the
// fuzzer (fuzz/population_csv_fuzzer.cpp) share it.
#include <algorithm>

#include "crypto/sha256.hpp"
#include "domain/errors.hpp"
#include "loading/csv_reader.hpp"
#include "loading/read_file.hpp"
#include "population/population_import.hpp"

namespace sagsaudit {
namespace {

// How often (in rows) the progress callback hears from the reader.
constexpr std::size_t kProgressEvery = 50000;

}  // namespace

PopulationFileSummary read_population_file(const std::string& path,
                                           const PopulationRulesInput& rules_input,
                                           const std::function<void(PopulationCase&)>& on_case,
                                           const ProgressReport& progress) {
  return read_population_bytes(read_file_bytes(path), path, rules_input, on_case, progress);
}

PopulationFileSummary read_population_bytes(std::string bytes, const std::string& path,
                                            const PopulationRulesInput& rules_input,
                                            const std::function<void(PopulationCase&)>& on_case,
                                            const ProgressReport& progress) {
  PopulationFileSummary summary;
  summary.file = path;
  {
    summary.sha256 = sha256_hex(bytes);
    DecodedText decoded = decode_text(std::move(bytes));
    summary.encoding = decoded.encoding;
    bytes = std::move(decoded.text);  // the only copy of the text from here on

    PopulationRules rules(rules_input);
    // One row per line, near enough (quoted line breaks are rare): sizes the duplicate check.
    rules.expect_rows(static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '\n')));
    CsvReader reader(bytes);
    CsvRecord record;
    if (!reader.next(record)) {
      rules.empty_file();
    } else if (!record.problem.empty()) {
      throw PopulationRejected({Issue{path, record.line, 0, "", record.problem}}, 1);
    } else if (rules.check_header(record.line, record.fields, record.field_count)) {
      while (reader.next(record)) {
        auto c = rules.check_row(record.line, record.fields, record.field_count, record.problem);
        if (c && rules.ok() && on_case) on_case(*c);
        if (progress && rules.rows() % kProgressEvery == 0) {
          progress(rules.rows(), reader.position(), bytes.size());
        }
      }
      if (rules.rows() == 0) {
        throw PopulationRejected({Issue{path, 0, 0, "", "filen har ingen sager, kun overskrifter"}},
                                 1);
      }
    }
    if (progress) progress(rules.rows(), bytes.size(), bytes.size());
    if (!rules.ok()) throw PopulationRejected(rules.issues(), rules.issue_count());
    summary.rows = rules.rows();
    summary.center_counts = rules.center_counts();
  }
  return summary;
}

}  // namespace sagsaudit
