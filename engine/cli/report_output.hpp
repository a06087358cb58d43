#pragma once
// How every report command writes its output (the report commands and the revisorsammenligning,
// issue 7): the --format option, CSV in Danish Excel conventions, and the file or terminal it
// goes to. Kept in one place so every report reads and writes the same way.
#include <boost/json.hpp>

#include <string>
#include <vector>

#include "cli/command.hpp"
#include "report_output/report_format.hpp"

namespace sagsaudit::cli {

enum class Format { text, csv, json, html, xlsx };

// --format: text (tekst), csv, json, html or xlsx. Throws ValidationError naming --format.
Format format_option(const po::variables_map& vm);

// An Excel workbook is binary: written to a terminal it would be noise, so it needs --out.
// Checked before the database is opened, so the mistake costs nothing.
std::string xlsx_file(const po::variables_map& vm);

// "Rapporten er skrevet til FIL." (`what` names something else than a report.)
void report_written(CommandContext& ctx, const std::string& file,
                    const std::string& what = "Rapporten");

// CSV in Danish Excel conventions: ';', decimal comma, UTF-8 with BOM (written by emit()).
using report_output::csv_field;
using report_output::csv_line;

// Writes `content` to --out (replacing the file) or to the terminal; CSV gets a BOM. `what`
// as for report_written.
void emit(const po::variables_map& vm, CommandContext& ctx, Format format,
          const std::string& content, const std::string& what = "Rapporten");

std::string json_text(const boost::json::value& value);

}  // namespace sagsaudit::cli
