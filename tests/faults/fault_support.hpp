#pragma once
// The fault tests (issue 9, docs/faults.md) run the real `sagsaudit` binary as child processes —
// `serve` to be killed with SIGKILL, the CLI to set up and check — against scratch databases, and
// talk to the server over HTTP with a timeout (a hung server fails the test instead of hanging
// it). Every process a test starts is killed and reaped when its object goes, also on failure.
#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace sagsaudit::testing {

// A child process with standard output and error in `log_file` and standard input from
// `stdin_file` (or /dev/null), started in `dir`, with exactly the environment `env`.
struct ChildOptions {
  std::filesystem::path dir;
  std::map<std::string, std::string> env;
  std::filesystem::path log_file;
  std::filesystem::path stdin_file;
  std::optional<long long> file_size_limit;  // RLIMIT_FSIZE in bytes; SIGXFSZ ignored
};

class Child {
 public:
  Child(const std::vector<std::string>& args, const ChildOptions& options);
  ~Child();  // SIGKILL and reap, if still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  bool running();
  void kill9();  // SIGKILL and reap
  // Waits for the exit; the exit status, or 128 + signal.
  int wait();

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

struct HttpReply {
  unsigned status = 0;  // 0: no answer (refused, reset or timed out); see error
  std::string body;
  std::string error;
  std::map<std::string, std::string> headers;  // names in lower case
};

// One request on a fresh connection; never waits longer than `timeout` in all.
HttpReply http_call(unsigned short port, const std::string& method, const std::string& target,
                    const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {},
                    std::chrono::milliseconds timeout = std::chrono::seconds(30));

std::filesystem::path source_path(const std::string& relative);

// A scratch world for one test: a directory, a database (SQLite file in the directory, or a
// PostgreSQL URL given), the shipped concepts and årshjul, a CPR key, round
// sygedagpenge-2027-K1 (planlagt), user `admin` (admin) and `anna` (koordinator at
// jc-vesterbro-valby, so the independent assignment gives her the cases of jc-amager).
class FaultWorld {
 public:
  // database_url empty: SQLite in the world's directory (or in sqlite_dir when given).
  explicit FaultWorld(std::string database_url = "", const std::filesystem::path& sqlite_dir = {});
  ~FaultWorld();
  FaultWorld(const FaultWorld&) = delete;
  FaultWorld& operator=(const FaultWorld&) = delete;

  static inline const std::string kRound = "sygedagpenge-2027-K1";
  static inline const std::string kPassword = "fejl-test-adgangskode";

  const std::filesystem::path& dir() const { return dir_; }
  const std::string& database_url() const { return url_; }
  std::map<std::string, std::string> env() const;

  struct Result {
    int status = 0;
    std::string output;  // standard output and error
  };
  // `sagsaudit ARGS…` with the world's environment (plus `extra`) and optional standard input.
  Result cli(const std::vector<std::string>& args, const std::string& stdin_text = "",
             const std::map<std::string, std::string>& extra = {},
             std::optional<long long> file_size_limit = std::nullopt) const;
  // The same, failing the test unless it exits with 0.
  std::string cli_ok(const std::vector<std::string>& args,
                     const std::string& stdin_text = "") const;

  // A population file of `rows` cases of the round's period, all at jc-amager.
  std::filesystem::path population_file(int rows, const std::string& name = "population.csv") const;

 private:
  std::filesystem::path dir_;
  std::string url_;
};

// `sagsaudit serve` on a free port of 127.0.0.1 in the world, as a child process; the
// constructor waits until /healthz answers.
class ServerProcess {
 public:
  explicit ServerProcess(const FaultWorld& world,
                         const std::map<std::string, std::string>& extra = {}, int workers = 4);
  unsigned short port() const { return port_; }
  Child& child() { return *child_; }
  std::string log() const;
  // Waits until the server's standard error holds `text`; false after `timeout`.
  bool wait_for_log(const std::string& text, std::chrono::seconds timeout) const;
  void kill9() { child_->kill9(); }

 private:
  unsigned short port_ = 0;
  std::filesystem::path log_file_;
  std::unique_ptr<Child> child_;
};

struct Session {
  std::string cookie;  // "sagsaudit_session=…"
  std::string csrf;
  std::map<std::string, std::string> headers(bool with_csrf = true) const;
};

// Logs in with FaultWorld::kPassword; fails the test (empty session) when refused.
Session log_in(unsigned short port, const std::string& user);

// SELECT COUNT(*) …, and one text column of one row, on a database URL.
long long count_rows(const std::string& url, const std::string& sql);
std::string text_value(const std::string& url, const std::string& sql);

std::string read_file(const std::filesystem::path& file);

}  // namespace sagsaudit::testing
