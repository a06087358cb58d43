// The option lists of `sagsaudit KOMMANDO --help` (engine/cli/help_format.hpp): descriptions
// start in one column, counted in characters, so an argument name with Æ (VÆRDI, two bytes in
// UTF-8) is padded like an ASCII one.
#include "cli/help_format.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_support.hpp"
#include "cli/text_table.hpp"
#include "config/config.hpp"

namespace sagsaudit::testing {
namespace {

namespace po = boost::program_options;

TEST(HelpFormat, DescriptionsStartInOneColumnWhateverTheLettersOfTheArgumentName) {
  po::options_description options;
  options.add_options()("help,h", "vis denne hjælp")(
      "config", po::value<std::string>()->value_name("FIL"), "konfigurationsfil")(
      "db", po::value<std::string>()->value_name("VÆRDI"),
      "database: sqlite:STI eller postgresql://bruger@vært:port/db")(
      "navn", po::value<std::string>()->value_name("VÆRDI"),
      "æææææ øøøøø ååååå ÆÆÆÆÆ ØØØØØ ÅÅÅÅÅ");  // 35 characters, 65 bytes: fits the 36 left
  std::ostringstream out;
  cli::print_options(out, "Fælles tilvalg", options, 60);
  EXPECT_EQ(out.str(),
            "Fælles tilvalg:\n"
            "  -h [ --help ]         vis denne hjælp\n"
            "  --config FIL          konfigurationsfil\n"
            "  --db VÆRDI            database: sqlite:STI eller\n"
            "                        postgresql://bruger@vært:port/db\n"
            "  --navn VÆRDI          æææææ øøøøø ååååå ÆÆÆÆÆ ØØØØØ ÅÅÅÅÅ\n");
}

// The first column is at most half the line; a longer name puts its description on the next
// line, in the column.
TEST(HelpFormat, ANameLongerThanTheColumnPutsItsDescriptionOnTheNextLine) {
  po::options_description options;
  options.add_options()("db", po::value<std::string>()->value_name("VÆRDI"), "database")(
      "et-meget-langt-tilvalgsnavn-her", po::value<std::string>()->value_name("VÆRDI"), "kort");
  std::ostringstream out;
  cli::print_options(out, "Tilvalg", options, 60);
  EXPECT_EQ(out.str(),
            "Tilvalg:\n"
            "  --db VÆRDI                  database\n"
            "  --et-meget-langt-tilvalgsnavn-her VÆRDI\n"
            "                              kort\n");
}

// The real help of a command: in "Fælles tilvalg" (every configuration setting, all with the
// argument name VÆRDI) each description and each continuation line starts in column 37 (the
// longest, "  --login-failures-per-address VÆRDI", is 36 characters), and no line is wider than
// 80 characters.
TEST(HelpFormat, TheCommonOptionsOfARealCommandAreAligned) {
  CliSandbox sandbox;
  const auto result = sandbox.run({"serve", "--help"});
  ASSERT_EQ(result.status, 0) << result.err;
  const auto start = result.out.find("Fælles tilvalg:\n");
  ASSERT_NE(start, std::string::npos) << result.out;
  std::istringstream lines(result.out.substr(start + std::string("Fælles tilvalg:\n").size()));
  const std::size_t column = 37;
  std::vector<std::string> names = {"  -h [ --help ]", "  --config FIL"};
  for (const auto& setting : config_settings()) {
    names.push_back("  --" + std::string(setting.option) + " VÆRDI");
  }
  std::size_t options_seen = 0;
  std::size_t continuations = 0;
  for (std::string line; std::getline(lines, line);) {
    EXPECT_LE(cli::display_width(line), 80u) << line;
    if (line.rfind("  -", 0) != 0) {
      EXPECT_EQ(line.find_first_not_of(' '), column) << line;
      ++continuations;
      continue;
    }
    // "  --db VÆRDI", blanks up to the column, then the description.
    std::string name;
    for (const auto& known : names) {
      if (line.rfind(known + " ", 0) == 0) name = known;
    }
    ASSERT_FALSE(name.empty()) << line;
    const std::size_t blanks = line.find_first_not_of(' ', name.size()) - name.size();
    EXPECT_EQ(cli::display_width(name) + blanks, column) << line;
    ++options_seen;
  }
  // --help, --config and every setting.
  EXPECT_EQ(options_seen, 2 + config_settings().size());
  EXPECT_GT(continuations, 0u);
  EXPECT_NE(result.out.find("\n  --db VÆRDI" + std::string(25, ' ') +
                            "database: sqlite:STI (standard:\n"),
            std::string::npos)
      << result.out;
}

}  // namespace
}  // namespace sagsaudit::testing
