// sagsaudit init
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/text_table.hpp"
#include "setup/database_setup.hpp"

namespace sagsaudit::cli {
namespace {

int init(const po::variables_map&, CommandContext& ctx) {
  storage::MigrationReport migrations;
  auto db = open_database(ctx.config, &migrations);
  const InitReport report = initialise(*db, ctx.config);

  ctx.out << "Database: " << db->redacted_url() << " (skemaversion " << migrations.current
          << "; " << migrations.applied << " migration(er) kørt nu)\n";
  ctx.out << "Kvalitetskoncepter fra " << ctx.config.concepts_dir << ": " << report.concepts.size()
          << " indlæst, " << report.new_concept_versions << " ny(e) version(er)\n";
  TextTable table({"  Ydelsestype", "Kontroller", "Version"});
  for (const auto& c : report.concepts) {
    table.add_row({"  " + c.benefit_type, std::to_string(c.controls.size()), c.version.substr(0, 12)});
  }
  table.print(ctx.out);
  ctx.out << "Årshjul fra " << ctx.config.annual_wheel_file << ": " << report.wheel.entries.size()
          << " ydelsestyper, " << report.wheel.centers.size() << " centre, version "
          << report.wheel.version.substr(0, 12)
          << (report.new_wheel_version ? " (ny)" : " (uændret)") << '\n';
  return exit_ok;
}

}  // namespace

std::vector<Command> init_commands() {
  return {Command{{"init"},
                  "opret/opdatér databasen og indlæs kvalitetskoncepter og årshjul",
                  "",
                  "Kører databasens migrationer, læser og kontrollerer alle kvalitetskoncepter\n"
                  "og årshjulet og gemmer dem i én transaktion. En fejl i en fil efterlader\n"
                  "databasen uændret. Kan køres igen: uændrede filer giver ingen nye versioner;\n"
                  "en ændret fil bliver en ny version, og tidligere resultater beholder den\n"
                  "version, de blev lavet med.",
                  nullptr, init}};
}

}  // namespace sagsaudit::cli
