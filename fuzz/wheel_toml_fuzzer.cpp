// The årshjul file (docs/annual-wheel-format.md) as parse_annual_wheel reads it: any bytes are
// either a valid årshjul or a ValidationError naming the file, line and field
// (fuzz_support.hpp). An accepted årshjul must also plan its rounds for a year without trouble
// (`sagsaudit wheel plan`, the tick), since that is the first thing done with it.
#include "domain/round_plan.hpp"
#include "fuzz_support.hpp"
#include "loading/wheel_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  const std::string file = "aarshjul.toml";
  try {
    const AnnualWheel wheel = parse_annual_wheel(fuzz::bytes_of(data, size), file);
    if (wheel.version.size() != 64) fuzz::fail("version is not a SHA-256: " + wheel.version);
    for (const WheelEntry& entry : wheel.entries) {
      if (wheel.find_entry(entry.benefit_type) == nullptr) {
        fuzz::fail("entry not found: " + entry.benefit_type);
      }
    }
    for (const PlannedRound& round : plan_rounds(wheel, 2027)) {
      if (round.entry == nullptr) fuzz::fail("planned round without entry: " + round.id);
      if (round.window_closes < round.window_opens) fuzz::fail("window closes before it opens");
    }
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, file);
  }
  return 0;
}
