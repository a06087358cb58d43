#pragma once
// Configuration: sagsaudit.toml, overridden key by key by environment variables, overridden in
// turn by command-line options (docs/configuration.md). One table, config_settings(), names
// each key in all three places, so they can never drift apart.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sagsaudit {

struct Config {
  std::string database_url = "sqlite:sagsaudit.db";
  std::string listen = "127.0.0.1:8080";
  // The web server (issue 6, docs/web.md): numbers as text, like every setting; "" = default.
  std::string server_threads;  // I/O threads (default 2)
  std::string server_workers;  // API worker threads and database connections (default 4)
  std::string tls_cert;        // PEM certificate chain; with tls_key: HTTPS only
  std::string tls_key;         // PEM private key
  std::string ui_dir = "web/ui/dist";
  std::string upload_dir = "uploads";  // uploaded population files, kept for sample verify
  std::string tick_minutes;  // the server's scheduler: minutes between ticks (default 60; 0 off)
  // Failed logins from one client address before it is refused for a while (default 20; 0 off,
  // behind a reverse proxy; docs/web.md, Security). A whole number, checked by config_number.
  std::string login_failures_per_address;
  std::string concepts_dir = "concepts";
  std::string annual_wheel_file = "annual-wheel/aarshjul.toml";
  // The secret key under which CPR numbers are hashed (crypto/cpr_hash.hpp); no default, so
  // that a population is never imported under a key nobody chose to keep.
  std::string cpr_key_file;
  // Opfølgning (issue 8): how many days past its deadline an open initiative is gul before it
  // turns rød ([opfoelgning] gul_graense_dage; read by domain/followup.hpp
  // parse_followup_rules, which refuses anything but a whole number 1…3650).
  std::string followup_yellow_limit_days = "30";
  std::string config_file;  // the file that was read; empty when none was
};

// The values a whole-number setting allows (both ends included); `min_means`, when set, says
// what the smallest value does ("slået fra").
struct NumberRange {
  int min = 0;
  int max = 0;
  std::string_view min_means;
};

struct ConfigSetting {
  std::string_view section;      // [database]
  std::string_view key;          // url
  std::string_view env;          // SAGSAUDIT_DB
  std::string_view option;       // db  (as --db)
  std::string_view description;  // help text, Danish
  std::string Config::*member;
  // Set for a whole-number setting: in the file it may be a TOML integer or text, and a value
  // outside the range is refused with file:line:column when the file is read.
  std::optional<NumberRange> range = std::nullopt;
};

const std::vector<ConfigSetting>& config_settings();

// A whole-number setting's value (`member` must be one with a range): `fallback` when unset,
// else the number. Throws ValidationError naming "[section] key" when the value (from the
// environment or an option; a file's is checked when read) is not a whole number in range.
int config_number(const Config& config, std::string Config::*member, int fallback);

inline constexpr std::string_view default_config_file = "sagsaudit.toml";
inline constexpr std::string_view config_file_env = "SAGSAUDIT_CONFIG";
// The configuration file `cmake --install` and the Debian package put in place
// (SYSCONFDIR/sagsaudit/sagsaudit.toml, /etc/sagsaudit/sagsaudit.toml in the package;
// docs/operations.md). Set by engine/CMakeLists.txt; empty in a build that defines none.
std::string_view installed_config_file();

using EnvLookup = std::function<std::optional<std::string>(std::string_view name)>;
// The process environment (the one place that reads it).
EnvLookup process_environment();

// REQUIRES: `options` maps ConfigSetting::option to the value given on the command line.
// The file is `explicit_file` if given (it must exist), else $SAGSAUDIT_CONFIG (must exist),
// else ./sagsaudit.toml when present, else `installed_file` when present (the installed
// configuration; "" = none); with none, the defaults apply. Throws ValidationError for a missing
// named file or a bad one (unknown keys, wrong types), with file:line:column.
Config resolve_config(const std::optional<std::string>& explicit_file, const EnvLookup& env,
                      const std::map<std::string, std::string>& options,
                      std::string_view installed_file = installed_config_file());

}  // namespace sagsaudit
