// A kvalitetskoncept file (docs/concept-format.md) as parse_concept reads it: any bytes are
// either a valid concept or a ValidationError naming the file, line and field
// (fuzz_support.hpp).
#include "fuzz_support.hpp"
#include "loading/concept_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  // The file name's stem is the expected ydelsestype; one fixed name lets the fuzzer get past
  // that check from the kontanthjælp seed (the other seeds test the refusal).
  const std::string file = "kontanthjaelp.toml";
  try {
    const Concept c = parse_concept(fuzz::bytes_of(data, size), file);
    if (c.benefit_type != "kontanthjaelp") fuzz::fail("accepted ydelsestype " + c.benefit_type);
    if (c.version.size() != 64) fuzz::fail("version is not a SHA-256: " + c.version);
    for (const Control& control : c.controls) {
      if (c.find_control(control.id) == nullptr) fuzz::fail("control not found: " + control.id);
    }
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, file);
  }
  return 0;
}
