#include "cli/report_output.hpp"

#include <fstream>
#include <sstream>

#include "cli/json_output.hpp"
#include "domain/errors.hpp"

namespace sagsaudit::cli {

Format format_option(const po::variables_map& vm) {
  const std::string text = vm["format"].as<std::string>();
  if (text == "text" || text == "tekst") return Format::text;
  if (text == "csv") return Format::csv;
  if (text == "json") return Format::json;
  if (text == "html") return Format::html;
  if (text == "xlsx") return Format::xlsx;
  throw ValidationError(std::vector<Issue>{
      {"", 0, 0, "--format", "'" + text + "' er ukendt (text, csv, json, html eller xlsx)"}});
}

std::string xlsx_file(const po::variables_map& vm) {
  if (!vm.count("out")) {
    throw ValidationError(std::vector<Issue>{
        {"", 0, 0, "--format",
         "xlsx er et binært regneark og skrives kun til en fil: angiv --out FIL.xlsx"}});
  }
  return vm["out"].as<std::string>();
}

void report_written(CommandContext& ctx, const std::string& file, const std::string& what) {
  ctx.out << what << " er skrevet til " << file << ".\n";
}

void emit(const po::variables_map& vm, CommandContext& ctx, Format format,
          const std::string& content, const std::string& what) {
  const std::string bom = format == Format::csv ? "\xEF\xBB\xBF" : "";
  if (!vm.count("out")) {
    ctx.out << bom << content;
    return;
  }
  const std::string file = vm["out"].as<std::string>();
  std::ofstream stream(file, std::ios::binary | std::ios::trunc);
  stream << bom << content;
  stream.close();
  if (!stream) throw ValidationError("kan ikke skrive " + file);
  report_written(ctx, file, what);
}

std::string json_text(const boost::json::value& value) {
  std::ostringstream out;
  print_json(out, value);
  return out.str();
}

}  // namespace sagsaudit::cli
