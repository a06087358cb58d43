// A population file as `population check` and `population import` read it (issue 3,
// docs/population-import.md): the bytes are decoded (UTF-8, UTF-8 with BOM or Windows-1252,
// loading/text_encoding.hpp), split as CSV (loading/csv_reader.hpp) and checked row by row
// against a round (domain/population_rules.hpp) — read_population_bytes, the path of
// read_population_file after the file is read; no database. Any bytes are either a population
// (every case valid) or a PopulationRejected naming the file, line and field.
#include "domain/cpr.hpp"
#include "fuzz_support.hpp"
#include "population/population_import.hpp"

namespace {

// A round of kontanthjælp for 2027-K1 in two centers; the seeds (fuzz/corpus/population_csv)
// are written for it.
const sagsaudit::PopulationRulesInput& round_input() {
  static const sagsaudit::PopulationRulesInput input = [] {
    sagsaudit::PopulationRulesInput in;
    in.file = "population.csv";
    in.centers = {
        sagsaudit::Center{"jc-amager", "Jobcenter Amager", {}},
        sagsaudit::Center{"jc-noerrebro-bispebjerg", "Jobcenter Nørrebro-Bispebjerg", {}}};
    in.period = *sagsaudit::parse_period("2027-K1");
    return in;
  }();
  return input;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  const PopulationRulesInput& input = round_input();
  std::size_t cases = 0;
  try {
    const PopulationFileSummary summary = read_population_bytes(
        fuzz::bytes_of(data, size), input.file, input, [&](PopulationCase& c) {
          ++cases;
          if (!input.period.contains(c.decision_date)) fuzz::fail("date outside the period");
          if (c.case_number.empty()) fuzz::fail("case without sagsnummer");
          if (!is_valid_utf8(c.case_number) || !is_valid_utf8(c.case_worker)) {
            fuzz::fail("case text is not UTF-8");
          }
        });
    if (summary.rows == 0 || summary.rows != cases) {
      fuzz::fail("accepted " + std::to_string(summary.rows) + " rows, saw " +
                 std::to_string(cases) + " cases");
    }
    std::size_t counted = 0;
    for (const auto& [center, count] : summary.center_counts) counted += count;
    if (counted != cases) fuzz::fail("center counts do not add up to the cases");
    if (summary.sha256.size() != 64) fuzz::fail("sha256 is not one");
  } catch (const PopulationRejected& e) {
    fuzz::check_refusal(e, input.file);
    if (e.total() < e.issues().size()) fuzz::fail("total below the issues shown");
  }
  return 0;
}
