#pragma once
// The option list of `sagsaudit KOMMANDO --help`, laid out like Boost.Program_options' own
// printing (caption, "  --navn VÆRDI", the description in a column wrapped to the line) but
// counting columns in characters, not bytes: Boost counts UTF-8 bytes, so an option whose
// argument name holds a non-ASCII letter (VÆRDI) had its description one column short of the
// others.
#include <cstddef>
#include <ostream>
#include <string>

#include "cli/command.hpp"

namespace sagsaudit::cli {

// Prints `options`: "caption:" (Boost offers no way to read an options_description's own),
// then one entry per option, the descriptions starting in one column (wide enough for the
// longest "  NAME PARAM" plus a blank, at least 24 and at most half the line, as Boost has it)
// and wrapped at word boundaries to `line_length` characters; a name too long for the column
// puts its description on the next line. A word longer than the column is not split.
void print_options(std::ostream& out, const std::string& caption,
                   const po::options_description& options, std::size_t line_length = 80);

}  // namespace sagsaudit::cli
