#pragma once
// The terminal tables live in report_output (the revisorsammenligning's text rendering uses them
// too); the CLI keeps its names for them.
#include "report_output/text_table.hpp"

namespace sagsaudit::cli {

using report_output::display_width;
using report_output::TextTable;

}  // namespace sagsaudit::cli
