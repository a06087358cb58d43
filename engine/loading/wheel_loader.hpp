#pragma once
// Reads the årshjul file (docs/annual-wheel-format.md) into a domain AnnualWheel, refusing a bad
// file whole with every problem as file:line:column.
#include <filesystem>
#include <string>

#include "domain/annual_wheel.hpp"

namespace sagsaudit {

// Parses and validates an årshjul from TOML text; `file` is the name used in messages. The
// version is the SHA-256 of the text. Throws ValidationError with every issue.
AnnualWheel parse_annual_wheel(const std::string& text, const std::string& file);

AnnualWheel load_annual_wheel_file(const std::filesystem::path& path);

}  // namespace sagsaudit
