#include "loading/read_file.hpp"

#include <fstream>
#include <sstream>

#include "domain/errors.hpp"

namespace sagsaudit {

std::string read_file_bytes(const std::filesystem::path& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw ValidationError({Issue{path.string(), 0, 0, "", "er en mappe, ikke en fil"}});
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ValidationError({Issue{path.string(), 0, 0, "", "filen kan ikke læses"}});
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace sagsaudit
