// Reviews kept elsewhere as `review import` reads them (scoring/review_import.hpp): decoded
// (loading/text_encoding.hpp), split as CSV and checked against a round of kontanthjælp whose
// sample has cases in every review state — read_review_import_text, the import without its
// database. Any bytes are either reviews to store or a ValidationError naming the file, line
// and field. The first byte picks the stage (draft or submit), so both rule sets are fuzzed.
#include "domain/answer.hpp"
#include "domain/review_state.hpp"
#include "fuzz_support.hpp"
#include "loading/concept_loader.hpp"
#include "scoring/review_import.hpp"

namespace {

const sagsaudit::Concept& round_concept() {
  static const sagsaudit::Concept concept_ =
      sagsaudit::load_concept_file(SAGSAUDIT_SOURCE_DIR "/concepts/kontanthjaelp.toml");
  return concept_;
}

const std::map<std::string, sagsaudit::storage::CaseReview>& round_reviews() {
  static const std::map<std::string, sagsaudit::storage::CaseReview> reviews = [] {
    using sagsaudit::ReviewState;
    std::map<std::string, sagsaudit::storage::CaseReview> out;
    const std::pair<const char*, ReviewState> cases[] = {{"KH-2027-001", ReviewState::assigned},
                                                         {"KH-2027-002", ReviewState::in_progress},
                                                         {"KH-2027-003", ReviewState::returned},
                                                         {"KH-2027-004", ReviewState::submitted},
                                                         {"KH-2027-005", ReviewState::approved}};
    for (const auto& [number, state] : cases) {
      sagsaudit::storage::CaseReview r;
      r.round_id = "kontanthjaelp-2027-K1";
      r.case_number = number;
      r.center = "jc-amager";
      r.assignee = "kirsten.m";
      r.state = state;
      out.emplace(number, r);
    }
    return out;
  }();
  return reviews;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  if (size == 0) return 0;
  const ReviewStage stage = (data[0] & 1) ? ReviewStage::draft : ReviewStage::submit;
  const std::string file = "gennemgange.csv";
  const std::string text = decode_text(fuzz::bytes_of(data + 1, size - 1)).text;
  try {
    const ReviewImportLines read = read_review_import_text(text, file, "kontanthjaelp-2027-K1",
                                                           round_concept(), round_reviews(), stage);
    std::size_t answers = 0;
    for (const auto& c : read.cases) {
      const auto review = round_reviews().find(c.case_number);
      if (review == round_reviews().end()) fuzz::fail("case outside the sample accepted");
      if (!awaits_reviewer(review->second.state)) fuzz::fail("finished review accepted");
      if (!check_review_answers(round_concept(), c.answers, stage).empty()) {
        fuzz::fail("answers accepted that the rules refuse");
      }
      answers += c.answers.size();
    }
    if (answers != read.rows || read.rows == 0) fuzz::fail("rows do not match the answers");
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, file);
  }
  return 0;
}
