#include "config/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <variant>

#include "domain/errors.hpp"
#include "loading/read_file.hpp"
#include "loading/toml_fields.hpp"

namespace sagsaudit {

const std::vector<ConfigSetting>& config_settings() {
  static const std::vector<ConfigSetting> settings = {
      {"database", "url", "SAGSAUDIT_DB", "db",
       "database: sqlite:STI (standard: sqlite:sagsaudit.db) eller "
       "postgresql://bruger@vært:port/db",
       &Config::database_url},
      {"server", "listen", "SAGSAUDIT_LISTEN", "listen",
       "webserverens adresse, VÆRT:PORT (standard: 127.0.0.1:8080)", &Config::listen},
      // The web server's own keys (issue 6, docs/web.md).
      {"server", "threads", "SAGSAUDIT_SERVER_THREADS", "threads",
       "webserverens I/O-tråde (standard: 2)", &Config::server_threads, NumberRange{1, 256, ""}},
      {"server", "workers", "SAGSAUDIT_SERVER_WORKERS", "workers",
       "webserverens arbejdstråde og databaseforbindelser (standard: 4)", &Config::server_workers,
       NumberRange{1, 256, ""}},
      {"server", "tls_cert", "SAGSAUDIT_TLS_CERT", "tls-cert",
       "certifikat (PEM) til HTTPS; sammen med tls_key", &Config::tls_cert},
      {"server", "tls_key", "SAGSAUDIT_TLS_KEY", "tls-key", "privat nøgle (PEM) til HTTPS",
       &Config::tls_key},
      {"server", "ui_dir", "SAGSAUDIT_UI_DIR", "ui-dir",
       "mappen med den byggede brugerflade (standard: web/ui/dist)", &Config::ui_dir},
      {"server", "upload_dir", "SAGSAUDIT_UPLOAD_DIR", "upload-dir",
       "hvor uploadede populationsfiler gemmes (standard: uploads)", &Config::upload_dir},
      {"server", "tick_minutes", "SAGSAUDIT_TICK_MINUTES", "tick-minutes",
       "minutter mellem serverens planlægningskørsler (tick; standard: 60, 0 = slået fra)",
       &Config::tick_minutes, NumberRange{0, 10080, "slået fra"}},
      {"server", "login_failures_per_address", "SAGSAUDIT_LOGIN_FAILURES_PER_ADDRESS",
       "login-failures-per-address",
       "mislykkede logins fra én klientadresse, før den afvises i 5 minutter (standard: 20; "
       "0 = slået fra, bag en reverse proxy)",
       &Config::login_failures_per_address, NumberRange{0, 100000, "slået fra"}},
      {"paths", "concepts", "SAGSAUDIT_CONCEPTS", "concepts",
       "mappen med kvalitetskoncepter (standard: concepts)", &Config::concepts_dir},
      {"paths", "annual_wheel", "SAGSAUDIT_WHEEL", "wheel",
       "årshjulsfilen (standard: annual-wheel/aarshjul.toml)", &Config::annual_wheel_file},
      {"security", "cpr_key_file", "SAGSAUDIT_CPR_KEY_FILE", "cpr-key-file",
       "fil med nøglen til CPR-hash (lav den med 'sagsaudit keygen --out FIL')",
       &Config::cpr_key_file},
      // Opfølgning (issue 8).
      {"opfoelgning", "gul_graense_dage", "SAGSAUDIT_GUL_GRAENSE_DAGE", "gul-graense-dage",
       "dage efter fristen, et åbent initiativ er gult, før det bliver rødt (standard: 30)",
       &Config::followup_yellow_limit_days},
  };
  return settings;
}

std::string_view installed_config_file() {
#ifdef SAGSAUDIT_INSTALLED_CONFIG
  return SAGSAUDIT_INSTALLED_CONFIG;
#else
  return {};
#endif
}

EnvLookup process_environment() {
  return [](std::string_view name) -> std::optional<std::string> {
    const char* value = std::getenv(std::string(name).c_str());
    if (!value || !*value) return std::nullopt;
    return std::string(value);
  };
}

namespace {

const ConfigSetting& setting_of(std::string Config::*member) {
  for (const auto& setting : config_settings()) {
    if (setting.member == member) return setting;
  }
  throw std::logic_error("config_number: not a setting");
}

std::string range_text(const NumberRange& range) {
  return "et helt tal fra " + std::to_string(range.min) +
         (range.min_means.empty() ? "" : " (" + std::string(range.min_means) + ")") + " til " +
         std::to_string(range.max);
}

// The number `text` is, when it is a whole number in `range`; else what is wrong, in Danish.
std::variant<int, std::string> checked_number(const std::string& text, const NumberRange& range) {
  try {
    std::size_t used = 0;
    const long value = std::stol(text, &used);
    if (used == text.size() && value >= range.min && value <= range.max) {
      return static_cast<int>(value);
    }
  } catch (const std::exception&) {
  }
  return "'" + text + "' skal være " + range_text(range);
}

void apply_file(Config& config, const std::string& file) {
  const toml::table root = parse_toml(read_file_bytes(file), file);
  std::vector<Issue> issues;
  TomlFields fields(file, issues);

  std::set<std::string_view> sections;
  for (const auto& setting : config_settings()) sections.insert(setting.section);
  std::vector<std::string_view> section_names(sections.begin(), sections.end());
  // reject_unknown_keys takes an initializer_list; check the top level by hand instead.
  for (auto&& [key, value] : root) {
    if (!sections.count(key.str())) {
      std::string known;
      for (auto name : section_names) known += (known.empty() ? "" : ", ") + std::string(name);
      fields.add(position_of(value), "", key.str(),
                 "ukendt sektion (kendte sektioner: " + known + ")");
    }
  }
  for (auto section : section_names) {
    const toml::table* table = fields.optional_table(root, section, "");
    if (!table) continue;
    for (auto&& [key, value] : *table) {
      const ConfigSetting* match = nullptr;
      std::string known;
      for (const auto& setting : config_settings()) {
        if (setting.section != section) continue;
        known += (known.empty() ? "" : ", ") + std::string(setting.key);
        if (setting.key == key.str()) match = &setting;
      }
      if (!match) {
        fields.add(position_of(value), section, key.str(),
                   "ukendt nøgle (kendte nøgler: " + known + ")");
        continue;
      }
      // The number of days may be written as a TOML integer (gul_graense_dage = 30); it is kept
      // as text like every setting and checked where it is used (domain/followup.hpp).
      const auto* number = value.as_integer();
      if (number && match->member == &Config::followup_yellow_limit_days) {
        config.*(match->member) = std::to_string(number->get());
        continue;
      }
      // A whole-number setting may be a TOML integer or text, and is checked here, where the
      // line is known.
      if (match->range) {
        if (!value.is_integer() && !value.is_string()) {
          fields.add(position_of(value), section, key.str(),
                     "skal være " + range_text(*match->range));
          continue;
        }
        const std::string text = number ? std::to_string(number->get()) : value.as_string()->get();
        const auto checked = checked_number(text, *match->range);
        if (const auto* problem = std::get_if<std::string>(&checked)) {
          fields.add(position_of(value), section, key.str(), *problem);
        } else {
          config.*(match->member) = text;
        }
        continue;
      }
      if (auto text = fields.required_string(*table, match->key, section)) {
        config.*(match->member) = *text;
      }
    }
  }
  // In the file's order (toml++ hands a table's keys over sorted by name).
  std::stable_sort(issues.begin(), issues.end(), [](const Issue& a, const Issue& b) {
    return a.line != b.line ? a.line < b.line : a.column < b.column;
  });
  if (!issues.empty()) throw ValidationError(std::move(issues));
  config.config_file = file;
}

std::optional<std::string> chosen_file(const std::optional<std::string>& explicit_file,
                                       const EnvLookup& env, std::string_view installed_file) {
  const auto named = explicit_file ? explicit_file : env(config_file_env);
  if (named) {
    std::error_code ec;
    if (!std::filesystem::exists(*named, ec)) {
      throw ValidationError({Issue{*named, 0, 0, "", "konfigurationsfilen findes ikke"}});
    }
    return named;
  }
  std::error_code ec;
  if (std::filesystem::exists(default_config_file, ec)) return std::string(default_config_file);
  // The installed configuration (packaging, issue 9), so an installed sagsaudit finds its
  // database, concepts, årshjul and UI from any directory without flags.
  if (!installed_file.empty() && std::filesystem::exists(installed_file, ec)) {
    return std::string(installed_file);
  }
  return std::nullopt;
}

}  // namespace

int config_number(const Config& config, std::string Config::*member, int fallback) {
  const std::string& text = config.*member;
  if (text.empty()) return fallback;
  const ConfigSetting& setting = setting_of(member);
  const auto number = checked_number(text, setting.range.value());
  if (const auto* value = std::get_if<int>(&number)) return *value;
  throw ValidationError(std::vector<Issue>{
      {"", 0, 0, "[" + std::string(setting.section) + "] " + std::string(setting.key),
       std::get<std::string>(number)}});
}

Config resolve_config(const std::optional<std::string>& explicit_file, const EnvLookup& env,
                      const std::map<std::string, std::string>& options,
                      std::string_view installed_file) {
  Config config;
  if (const auto file = chosen_file(explicit_file, env, installed_file)) apply_file(config, *file);
  for (const auto& setting : config_settings()) {
    if (auto value = env(setting.env)) config.*(setting.member) = *value;
    if (auto it = options.find(std::string(setting.option)); it != options.end()) {
      config.*(setting.member) = it->second;
    }
  }
  return config;
}

}  // namespace sagsaudit
