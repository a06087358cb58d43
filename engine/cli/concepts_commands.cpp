// sagsaudit concepts validate | list
#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

#include "cli/command.hpp"
#include "cli/exit_codes.hpp"
#include "cli/json_output.hpp"
#include "cli/text_table.hpp"
#include "loading/concept_loader.hpp"
#include "setup/database_setup.hpp"
#include "storage/concept_repository.hpp"

namespace sagsaudit::cli {
namespace {

std::string short_version(const std::string& version) { return version.substr(0, 12); }

std::string category_counts(const Concept& c) {
  return std::to_string(c.count(Category::key_control)) + " N / " +
         std::to_string(c.count(Category::quality_goal)) + " K / " +
         std::to_string(c.count(Category::formality)) + " F";
}

boost::json::object concept_json(const Concept& c) {
  return {{"ydelsestype", c.benefit_type},
          {"titel", c.title},
          {"version", c.version},
          {"kontroller", c.controls.size()},
          {"noeglekontroller", c.count(Category::key_control)},
          {"kvalitetsmaal", c.count(Category::quality_goal)},
          {"formalia", c.count(Category::formality)}};
}

int validate(const po::variables_map& vm, CommandContext& ctx) {
  const std::filesystem::path target =
      vm.count("path") ? vm["path"].as<std::string>() : ctx.config.concepts_dir;
  std::vector<ConceptFileResult> results;
  std::error_code ec;
  if (std::filesystem::is_regular_file(target, ec)) {
    results.push_back(read_concept_file(target));
  } else {
    results = read_concept_dir(target);
  }

  const auto invalid = std::count_if(results.begin(), results.end(),
                                     [](const ConceptFileResult& r) { return !r.loaded; });
  if (vm.count("json")) {
    boost::json::array files;
    for (const auto& r : results) {
      boost::json::object item{{"fil", r.path.string()}, {"gyldig", r.loaded.has_value()}};
      if (r.loaded) item["koncept"] = concept_json(*r.loaded);
      item["fejl"] = issues_json(r.issues);
      files.push_back(std::move(item));
    }
    print_json(ctx.out, files);
  } else {
    TextTable table({"Status", "Fil", "Ydelsestype", "Kontroller", "Version"});
    for (const auto& r : results) {
      if (r.loaded) {
        table.add_row({"OK", r.path.string(), r.loaded->benefit_type,
                       std::to_string(r.loaded->controls.size()) + " (" +
                           category_counts(*r.loaded) + ")",
                       short_version(r.loaded->version)});
      } else {
        table.add_row({"FEJL", r.path.string(), "", "", ""});
      }
    }
    table.print(ctx.out);
    const auto valid = static_cast<long>(results.size()) - invalid;
    ctx.out << '\n'
            << valid << (valid == 1 ? " gyldigt kvalitetskoncept" : " gyldige kvalitetskoncepter");
    if (invalid > 0) ctx.out << ", " << invalid << (invalid == 1 ? " fil" : " filer") << " med fejl";
    ctx.out << ".\n";
  }
  for (const auto& r : results) {
    for (const auto& issue : r.issues) ctx.err << "fejl: " << format_issue(issue) << '\n';
  }
  return invalid > 0 ? exit_validation : exit_ok;
}

int list(const po::variables_map& vm, CommandContext& ctx) {
  auto db = open_database(ctx.config);
  const auto concepts = storage::make_concept_repository(*db)->current();
  if (vm.count("json")) {
    boost::json::array items;
    for (const auto& c : concepts) items.push_back(concept_json(c));
    print_json(ctx.out, items);
    return exit_ok;
  }
  if (concepts.empty()) {
    ctx.out << "Databasen har ingen kvalitetskoncepter endnu. Kør 'sagsaudit init'.\n";
    return exit_ok;
  }
  TextTable table({"Ydelsestype", "Titel", "Kontroller (N/K/F)", "Version"});
  for (const auto& c : concepts) {
    table.add_row({c.benefit_type, c.title,
                   std::to_string(c.controls.size()) + " (" + category_counts(c) + ")",
                   short_version(c.version)});
  }
  table.print(ctx.out);
  ctx.out << '\n' << concepts.size() << " kvalitetskoncepter i " << db->redacted_url() << ".\n";
  return exit_ok;
}

}  // namespace

std::vector<Command> concepts_commands() {
  return {
      Command{{"concepts", "validate"},
              "kontrollér kvalitetskoncept-filer (en mappe eller en enkelt fil)",
              "[MAPPE|FIL]",
              "Læser hver .toml-fil og melder alle fejl med fil, linje og kolonne: ukendte\n"
              "nøgler, manglende felter, ukendte kategorier, dobbelte kontrol-id'er m.m.\n"
              "Uden argument kontrolleres konfigurationens mappe (standard: concepts/).\n"
              "Afslutter med status 1, hvis blot én fil har fejl.",
              [](po::options_description& options, po::positional_options_description& pos) {
                options.add_options()("path", po::value<std::string>()->value_name("MAPPE|FIL"),
                                      "mappe eller fil, der skal kontrolleres")(
                    "json", "skriv resultatet som JSON");
                pos.add("path", 1);
              },
              validate},
      Command{{"concepts", "list"},
              "vis de kvalitetskoncepter, databasen bruger nu",
              "[--json]",
              "Viser den gældende version af hvert kvalitetskoncept i databasen (indlæst med\n"
              "'sagsaudit init'), med antal kontroller pr. kategori: N nøglekontroller,\n"
              "K kvalitetsmål, F formalia.",
              [](po::options_description& options, po::positional_options_description&) {
                options.add_options()("json", "skriv listen som JSON");
              },
              list},
  };
}

}  // namespace sagsaudit::cli
