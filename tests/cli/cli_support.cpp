#include "cli/cli_support.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "cli/run_cli.hpp"

namespace sagsaudit::testing {

std::filesystem::path source_dir() { return SAGSAUDIT_SOURCE_DIR; }

std::string read_text(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

CliSandbox::CliSandbox() {
  static std::atomic<int> counter{0};
  dir_ = std::filesystem::temp_directory_path() /
         ("sagsaudit-cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(dir_);
  std::filesystem::create_directories(dir_);
  std::filesystem::copy(source_dir() / "concepts", concepts_dir());
  std::filesystem::copy_file(source_dir() / "annual-wheel" / "aarshjul.toml", wheel_file());
}

CliSandbox::~CliSandbox() { std::filesystem::remove_all(dir_); }

CliResult CliSandbox::run(std::vector<std::string> args, std::map<std::string, std::string> env) {
  auto has = [&](const std::string& option) {
    for (const auto& arg : args) {
      if (arg == option || arg.rfind(option + "=", 0) == 0) return true;
    }
    return false;
  };
  // Options go after the command words; a plain "--help" run needs none.
  const bool is_command = !args.empty() && args.front().rfind("-", 0) != 0;
  if (is_command) {
    if (!has("--db")) args.insert(args.end(), {"--db", database_url()});
    if (!has("--concepts")) args.insert(args.end(), {"--concepts", concepts_dir().string()});
    if (!has("--wheel")) args.insert(args.end(), {"--wheel", wheel_file().string()});
  }
  return run_exactly(args, env);
}

CliResult CliSandbox::run_exactly(const std::vector<std::string>& args,
                                  const std::map<std::string, std::string>& env) {
  const EnvLookup lookup = [env](std::string_view name) -> std::optional<std::string> {
    auto it = env.find(std::string(name));
    if (it == env.end()) return std::nullopt;
    return it->second;
  };
  std::ostringstream out, err;
  CliResult result;
  result.status = cli::run_cli(args, out, err, lookup);
  result.out = out.str();
  result.err = err.str();
  return result;
}

void CliSandbox::edit(const std::filesystem::path& file, const std::string& from,
                      const std::string& to) {
  std::string text = read_text(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
}

}  // namespace sagsaudit::testing
