// The external auditor's filled-in template as `compare import` reads it (issue 7,
// compare/external_review_import.hpp): decoded (loading/text_encoding.hpp), split as CSV and
// checked against a round of kontanthjælp with a sample of three cases —
// read_external_review_text, the import without its database. Any bytes are either answers
// to store or a ValidationError naming the file, line and field.
#include <set>

#include "compare/external_review_import.hpp"
#include "domain/answer.hpp"
#include "fuzz_support.hpp"
#include "loading/concept_loader.hpp"

namespace {

const sagsaudit::Concept& round_concept() {
  static const sagsaudit::Concept concept_ =
      sagsaudit::load_concept_file(SAGSAUDIT_SOURCE_DIR "/concepts/kontanthjaelp.toml");
  return concept_;
}

const std::set<std::string> kSampled = {"KH-2027-001", "KH-2027-002", "KH-2027-003"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  const std::string file = "revisor.csv";
  const std::string text = decode_text(fuzz::bytes_of(data, size)).text;
  try {
    const ExternalReviewLines read =
        read_external_review_text(text, file, round_concept(), "kontanthjaelp", kSampled);
    if (read.answers.empty()) fuzz::fail("accepted a file without answers");
    std::set<std::string> in_sample, outside;
    for (const auto& a : read.answers) {
      if (a.case_number.empty()) fuzz::fail("answer without sagsnummer");
      if (!round_concept().find_control(a.control_id)) fuzz::fail("unknown control accepted");
      if (needs_comment(a.answer) && a.comment.empty()) fuzz::fail("comment missing");
      if (a.in_sample != (kSampled.count(a.case_number) > 0)) fuzz::fail("in_sample is wrong");
      (a.in_sample ? in_sample : outside).insert(a.case_number);
    }
    if (read.cases_in_sample != in_sample.size() ||
        read.cases_outside_sample != std::vector<std::string>(outside.begin(), outside.end())) {
      fuzz::fail("case counts do not match the answers");
    }
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, file);
  }
  return 0;
}
