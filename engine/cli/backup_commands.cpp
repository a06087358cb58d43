// sagsaudit backup FIL | restore FIL (issue 9; docs/operations.md "Backups")
#include <boost/json.hpp>

#include "backup/backup.hpp"
#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"

namespace sagsaudit::cli {
namespace {

boost::json::object summary_json(const DatabaseSummary& summary) {
  boost::json::object tables;
  for (const auto& t : summary.tables) tables[t.table] = t.rows;
  boost::json::object audit{{"ok", summary.audit.ok}, {"poster", summary.audit.entries}};
  if (!summary.audit.ok) audit["problem"] = summary.audit.problem;
  return {{"skemaversion", summary.schema_version},
          {"tabeller", std::move(tables)},
          {"revisionslog", std::move(audit)}};
}

void print_summary(std::ostream& out, const DatabaseSummary& summary) {
  TextTable table({"Tabel", "Rækker"});
  for (const auto& t : summary.tables) table.add_row({t.table, std::to_string(t.rows)});
  table.print(out);
  out << "Skemaversion " << summary.schema_version << ", " << summary.tables.size()
      << " tabeller.\n";
  if (summary.audit.ok) {
    out << "Revisionsloggen er intakt: " << summary.audit.entries << " poster kontrolleret.\n";
  } else {
    out << "Revisionsloggen er BRUDT ved post " << summary.audit.broken.value_or(0) << ": "
        << summary.audit.problem << '\n';
  }
}

int run_backup(const po::variables_map& vm, CommandContext& ctx) {
  const auto result = backup_database(ctx.config.database_url, vm["file"].as<std::string>());
  if (vm.count("json")) {
    boost::json::object out = summary_json(result.summary);
    out["fil"] = result.file.string();
    out["bytes"] = result.bytes;
    out["database"] = storage::to_string(result.backend);
    print_json(ctx.out, out);
  } else {
    ctx.out << "Sikkerhedskopien er skrevet til " << result.file.string() << " (" << result.bytes
            << " bytes, "
            << (result.backend == storage::Backend::sqlite ? "SQLite online backup"
                                                           : "pg_dump, custom-format")
            << ").\nDatabasen, da den blev kopieret:\n";
    print_summary(ctx.out, result.summary);
  }
  return result.summary.audit.ok ? exit_ok : exit_validation;
}

int run_restore(const po::variables_map& vm, CommandContext& ctx) {
  const std::string file = vm["file"].as<std::string>();
  const auto result =
      restore_database(ctx.config.database_url, file, RestoreOptions{vm.count("force") > 0});
  if (vm.count("json")) {
    boost::json::object out = summary_json(result.summary);
    out["fil"] = file;
    out["sikkerhedskopiens_skemaversion"] = result.backup_schema_version;
    out["migreringer_koert"] = result.migrations_applied;
    out["erstattet"] = result.replaced;
    print_json(ctx.out, out);
  } else {
    ctx.out << "Databasen er gendannet fra " << file
            << (result.replaced ? " (det tidligere indhold er erstattet)" : "") << ".\n"
            << "Sikkerhedskopiens skemaversion: " << result.backup_schema_version;
    if (result.migrations_applied > 0) {
      ctx.out << "; " << result.migrations_applied << " migrering(er) kørt bagefter";
    }
    ctx.out << ".\n";
    print_summary(ctx.out, result.summary);
  }
  if (!result.summary.audit.ok) {
    ctx.err << "fejl: revisionsloggen i den gendannede database er brudt ved post "
            << result.summary.audit.broken.value_or(0) << ": " << result.summary.audit.problem
            << '\n';
    return exit_validation;
  }
  return exit_ok;
}

}  // namespace

std::vector<Command> backup_commands() {
  return {
      Command{{"backup"},
              "tag en sikkerhedskopi af databasen",
              "FIL [--json]",
              "Skriver en sikkerhedskopi af den konfigurerede database til FIL (først til\n"
              "FIL.tmp, der omdøbes, når kopien er hel). En eksisterende FIL overskrives\n"
              "aldrig.\n\n"
              "SQLite: SQLites online backup-API; kopien er et øjebliksbillede, også mens\n"
              "serveren kører og skriver.\n"
              "PostgreSQL: pg_dump i custom-format (-Fc). pg_dump skal findes i PATH (pakken\n"
              "postgresql-client) i mindst serverens hovedversion. Adgangskoden gives som\n"
              "PGPASSWORD, aldrig på kommandolinjen.\n\n"
              "Til sidst vises skemaversionen, rækker pr. tabel og revisionsloggens kæde.\n"
              "Se docs/operations.md, afsnittet Backups.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("file",
                                      po::value<std::string>()->required()->value_name("FIL"),
                                      "sikkerhedskopiens fil")("json", "skriv resultatet som JSON");
                pos.add("file", 1);
              },
              run_backup},
      Command{{"restore"},
              "gendan databasen fra en sikkerhedskopi",
              "FIL [--force] [--json]",
              "Gendanner en sikkerhedskopi fra 'sagsaudit backup' i den konfigurerede\n"
              "database (samme slags: SQLite eller PostgreSQL). En database, der allerede har\n"
              "tabeller, afvises uden --force; gendan hellere i en ny, tom database.\n\n"
              "SQLite: kopien skrives til en midlertidig fil ved siden af databasen og\n"
              "omdøbes på plads; afvises, mens en anden proces (fx sagsaudit serve) har\n"
              "databasen åben.\n"
              "PostgreSQL: pg_restore i én transaktion; fejler den, er databasen uændret.\n\n"
              "En sikkerhedskopi fra en nyere sagsaudit (højere skemaversion) afvises; en\n"
              "ældre migreres op. Bagefter kontrolleres revisionsloggens kæde, og\n"
              "rækkerne pr. tabel vises. Se docs/operations.md, afsnittet Backups.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("file",
                                      po::value<std::string>()->required()->value_name("FIL"),
                                      "sikkerhedskopien")(
                    "force", "erstat indholdet af en database, der ikke er tom")(
                    "json", "skriv resultatet som JSON");
                pos.add("file", 1);
              },
              run_restore},
  };
}

}  // namespace sagsaudit::cli
