#pragma once
#include <filesystem>
#include <string>

namespace sagsaudit {

// The whole file as bytes. Throws ValidationError naming the file when it cannot be read (a
// missing or unreadable input file is the user's to fix, not an internal error).
std::string read_file_bytes(const std::filesystem::path& path);

}  // namespace sagsaudit
