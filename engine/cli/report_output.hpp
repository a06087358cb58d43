#pragma once
// How a report leaves the CLI, shared by every report command (report_commands.cpp,
// followup_commands.cpp): the --format choice, CSV in Danish Excel conventions (';', decimal
// comma, UTF-8 with BOM), and writing to --out or stdout.
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace sagsaudit::cli {

enum class Format { text, csv, json, html, xlsx };

// --format: text (or tekst), csv, json, html, xlsx. ValidationError naming --format otherwise.
Format format_option(const po::variables_map& vm);

// An Excel workbook is binary: written to a terminal it would be noise, so it needs --out.
// Checked before the database is opened, so the mistake costs nothing.
std::string xlsx_file(const po::variables_map& vm);

// "Rapporten er skrevet til FIL."
void report_written(CommandContext& ctx, const std::string& file);

// One CSV field, quoted when it holds ';', '"' or a line break.
std::string csv_field(const std::string& text);
// Fields joined by ';', ending in CRLF.
std::string csv_line(const std::vector<std::string>& fields);

// Writes the report to --out (CSV with a BOM, so Excel reads UTF-8) or to stdout.
void emit(const po::variables_map& vm, CommandContext& ctx, Format format,
          const std::string& content);

}  // namespace sagsaudit::cli
