#pragma once
// Runs `sagsaudit` in-process (run_cli) in a scratch directory with its own SQLite database and
// copies of the repository's concepts and årshjul, so each test can break a file of its own.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace sagsaudit::testing {

struct CliResult {
  int status = 0;
  std::string out;
  std::string err;
};

class CliSandbox {
 public:
  CliSandbox();
  ~CliSandbox();
  CliSandbox(const CliSandbox&) = delete;
  CliSandbox& operator=(const CliSandbox&) = delete;

  // Runs the command with --db, --concepts and --wheel pointing into the sandbox (unless the
  // arguments name them) and with an environment holding only `env`.
  CliResult run(std::vector<std::string> args, std::map<std::string, std::string> env = {});
  // Runs exactly the arguments given, with an environment holding only `env`.
  CliResult run_exactly(const std::vector<std::string>& args,
                        const std::map<std::string, std::string>& env);

  std::filesystem::path dir() const { return dir_; }
  std::filesystem::path concepts_dir() const { return dir_ / "concepts"; }
  std::filesystem::path wheel_file() const { return dir_ / "aarshjul.toml"; }
  // The sandbox's SQLite file, or the database given to use_database.
  std::string database_url() const {
    return database_url_.empty() ? "sqlite:" + (dir_ / "test.db").string() : database_url_;
  }
  // Runs the commands on another database (e.g. a PostgreSQL one) from now on.
  void use_database(std::string url) { database_url_ = std::move(url); }

  // Replaces the first occurrence of `from` in a sandbox file; fails the test if absent.
  void edit(const std::filesystem::path& file, const std::string& from, const std::string& to);

 private:
  std::filesystem::path dir_;
  std::string database_url_;
};

std::filesystem::path source_dir();
std::string read_text(const std::filesystem::path& file);

}  // namespace sagsaudit::testing
