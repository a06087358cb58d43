// The configuration file (docs/configuration.md) as resolve_config reads it: any bytes are
// either a configuration or a ValidationError naming the file, line and key
// (fuzz_support.hpp). resolve_config reads a file by name, so each input is written to one
// temporary file first (its name stays the same from run to run).
#include <unistd.h>

#include <fstream>

#include "config/config.hpp"
#include "fuzz_support.hpp"

namespace {

// Made on first use, removed when the process ends.
struct TemporaryFile {
  std::string path = "/tmp/sagsaudit-config-fuzz-XXXXXX";
  TemporaryFile() {
    const int fd = mkstemp(path.data());
    if (fd < 0) sagsaudit::fuzz::fail("mkstemp failed");
    close(fd);
  }
  ~TemporaryFile() { unlink(path.c_str()); }
};

const std::string& temporary_file() {
  static const TemporaryFile file;
  return file.path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace sagsaudit;
  const std::string& file = temporary_file();
  {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  const EnvLookup no_environment = [](std::string_view) { return std::optional<std::string>(); };
  try {
    const Config config = resolve_config(file, no_environment, {});
    if (config.config_file != file) fuzz::fail("config_file is '" + config.config_file + "'");
  } catch (const ValidationError& e) {
    fuzz::check_refusal(e, file);
  }
  return 0;
}
