#include "config/config.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

EnvLookup env_of(std::map<std::string, std::string> values) {
  return [values](std::string_view name) -> std::optional<std::string> {
    auto it = values.find(std::string(name));
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

class ConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per process: ctest runs the tests of this suite in parallel processes.
    dir_ = std::filesystem::temp_directory_path() /
           ("sagsaudit-config-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
    file_ = (dir_ / "sagsaudit.toml").string();
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& text) { std::ofstream(file_) << text; }

  std::filesystem::path dir_;
  std::string file_;
};

TEST_F(ConfigTest, DefaultsWithoutAnyFile) {
  const Config c = resolve_config(std::nullopt, env_of({}), {});
  EXPECT_EQ(c.database_url, "sqlite:sagsaudit.db");
  EXPECT_EQ(c.listen, "127.0.0.1:8080");
  EXPECT_EQ(c.concepts_dir, "concepts");
  EXPECT_EQ(c.annual_wheel_file, "annual-wheel/aarshjul.toml");
}

TEST_F(ConfigTest, FileThenEnvironmentThenOption) {
  write(
      "[database]\nurl = \"sqlite:fil.db\"\n[paths]\nconcepts = \"fra-fil\"\n"
      "annual_wheel = \"hjul.toml\"\n");
  const Config c = resolve_config(
      file_, env_of({{"SAGSAUDIT_DB", "sqlite:miljoe.db"}, {"SAGSAUDIT_CONCEPTS", "fra-miljoe"}}),
      {{"db", "sqlite:tilvalg.db"}});
  EXPECT_EQ(c.database_url, "sqlite:tilvalg.db");  // option beats environment and file
  EXPECT_EQ(c.concepts_dir, "fra-miljoe");         // environment beats file
  EXPECT_EQ(c.annual_wheel_file, "hjul.toml");     // file beats default
  EXPECT_EQ(c.listen, "127.0.0.1:8080");           // default
  EXPECT_EQ(c.config_file, file_);
}

// Opfølgning (issue 8): the gul/rød limit may be a TOML integer or text; other settings stay
// text only (checked in UnknownSectionsKeysAndTypesAreRefused).
TEST_F(ConfigTest, TheYellowLimitMayBeWrittenAsANumber) {
  EXPECT_EQ(resolve_config(std::nullopt, env_of({}), {}).followup_yellow_limit_days, "30");
  write("[opfoelgning]\ngul_graense_dage = 14\n");
  EXPECT_EQ(resolve_config(file_, env_of({}), {}).followup_yellow_limit_days, "14");
  write("[opfoelgning]\ngul_graense_dage = \"21\"\n");
  EXPECT_EQ(resolve_config(file_, env_of({}), {}).followup_yellow_limit_days, "21");
  EXPECT_EQ(resolve_config(file_, env_of({{"SAGSAUDIT_GUL_GRAENSE_DAGE", "7"}}), {})
                .followup_yellow_limit_days,
            "7");
}

// [server] login_failures_per_address (docs/web.md, Security): a whole number 0…100000, written
// as a TOML integer or text; 0 turns the per-address limit off (behind a reverse proxy).
TEST_F(ConfigTest, TheLoginFailureLimitPerAddressIsAWholeNumber) {
  const Config none = resolve_config(std::nullopt, env_of({}), {});
  EXPECT_EQ(none.login_failures_per_address, "");
  EXPECT_EQ(config_number(none, &Config::login_failures_per_address, 20), 20);

  write("[server]\nlisten = \"127.0.0.1:8080\"\nlogin_failures_per_address = 0\n");
  const Config zero = resolve_config(file_, env_of({}), {});
  EXPECT_EQ(zero.login_failures_per_address, "0");
  EXPECT_EQ(config_number(zero, &Config::login_failures_per_address, 20), 0);

  write("[server]\nlogin_failures_per_address = \"50\"\n");
  EXPECT_EQ(
      config_number(resolve_config(file_, env_of({}), {}), &Config::login_failures_per_address, 20),
      50);
  const Config from_env =
      resolve_config(file_, env_of({{"SAGSAUDIT_LOGIN_FAILURES_PER_ADDRESS", "7"}}), {});
  EXPECT_EQ(config_number(from_env, &Config::login_failures_per_address, 20), 7);
  const Config from_option =
      resolve_config(file_, env_of({}), {{"login-failures-per-address", "3"}});
  EXPECT_EQ(config_number(from_option, &Config::login_failures_per_address, 20), 3);
}

// threads, workers and tick_minutes are whole numbers too: written as TOML integers (as one
// would) or as text (as the shipped files once had to), and checked with their line.
TEST_F(ConfigTest, TheServersThreadsWorkersAndTickMayBeTomlIntegers) {
  write("[server]\nthreads = 3\nworkers = \"6\"\ntick_minutes = 0\n");
  const Config config = resolve_config(file_, env_of({}), {});
  EXPECT_EQ(config_number(config, &Config::server_threads, 2), 3);
  EXPECT_EQ(config_number(config, &Config::server_workers, 4), 6);
  EXPECT_EQ(config_number(config, &Config::tick_minutes, 60), 0);

  write("[server]\nlisten = \"127.0.0.1:8080\"\nworkers = 0\ntick_minutes = 10081\n");
  try {
    resolve_config(file_, env_of({}), {});
    FAIL() << "workers = 0 and tick_minutes = 10081 were accepted";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 2u);
    EXPECT_EQ(format_issue(error.issues()[0]),
              file_ + ":3:11: server.workers: '0' skal være et helt tal fra 1 til 256");
    EXPECT_EQ(format_issue(error.issues()[1]),
              file_ +
                  ":4:16: server.tick_minutes: '10081' skal være et helt tal fra 0 (slået fra) "
                  "til 10080");
  }
}

TEST_F(ConfigTest, ABadLoginFailureLimitIsRefusedWithFileLineAndKey) {
  write(
      "[server]\nlisten = \"127.0.0.1:8080\"\nlogin_failures_per_address = -1\n"
      "[database]\nurl = \"sqlite:x.db\"\n");
  try {
    resolve_config(file_, env_of({}), {});
    FAIL() << "a negative limit was accepted";
  } catch (const ValidationError& error) {
    ASSERT_EQ(error.issues().size(), 1u);
    EXPECT_EQ(format_issue(error.issues()[0]),
              file_ +
                  ":3:30: server.login_failures_per_address: '-1' skal være et helt tal fra 0 "
                  "(slået fra) til 100000");
  }
  for (const std::string bad : {"\"tyve\"", "\"20 \"", "100001", "2.5", "true"}) {
    write("[server]\nlogin_failures_per_address = " + bad + "\n");
    try {
      resolve_config(file_, env_of({}), {});
      FAIL() << bad << " was accepted";
    } catch (const ValidationError& error) {
      ASSERT_EQ(error.issues().size(), 1u) << bad;
      EXPECT_EQ(error.issues()[0].line, 2) << bad;
      EXPECT_EQ(error.issues()[0].field, "server.login_failures_per_address") << bad;
      const std::string quoted = bad.front() == '"' ? bad.substr(1, bad.size() - 2) : bad;
      const bool number_or_text = bad != "2.5" && bad != "true";
      EXPECT_EQ(error.issues()[0].message,
                (number_or_text ? "'" + quoted + "' skal være " : std::string("skal være ")) +
                    "et helt tal fra 0 (slået fra) til 100000")
          << bad;
    }
  }
  // From the environment (no file line to name): the key.
  const Config env =
      resolve_config(std::nullopt, env_of({{"SAGSAUDIT_LOGIN_FAILURES_PER_ADDRESS", "mange"}}), {});
  try {
    config_number(env, &Config::login_failures_per_address, 20);
    FAIL() << "'mange' was accepted";
  } catch (const ValidationError& error) {
    EXPECT_EQ(format_issue(error.issues().at(0)),
              "[server] login_failures_per_address: 'mange' skal være et helt tal fra 0 "
              "(slået fra) til 100000");
  }
}

TEST_F(ConfigTest, ConfigFileFromEnvironment) {
  write("[server]\nlisten = \"0.0.0.0:9000\"\n");
  const Config c = resolve_config(std::nullopt, env_of({{"SAGSAUDIT_CONFIG", file_}}), {});
  EXPECT_EQ(c.listen, "0.0.0.0:9000");
}

// Packaging (issue 9): the installed configuration (/etc/sagsaudit/sagsaudit.toml in the Debian
// package) is read only when no file is named and ./sagsaudit.toml is absent; a missing one is
// no error. (ctest runs these in the build folder, which has no sagsaudit.toml.)
TEST_F(ConfigTest, TheInstalledFileIsTheLastFallback) {
  write("[database]\nurl = \"sqlite:/var/lib/sagsaudit/sagsaudit.db\"\n");
  const Config installed = resolve_config(std::nullopt, env_of({}), {}, file_);
  EXPECT_EQ(installed.database_url, "sqlite:/var/lib/sagsaudit/sagsaudit.db");
  EXPECT_EQ(installed.config_file, file_);

  const std::string other = (dir_ / "andet.toml").string();
  std::ofstream(other) << "[server]\nlisten = \"0.0.0.0:9000\"\n";
  const Config named =
      resolve_config(std::nullopt, env_of({{"SAGSAUDIT_CONFIG", other}}), {}, file_);
  EXPECT_EQ(named.database_url, "sqlite:sagsaudit.db");  // the installed file is not read
  EXPECT_EQ(named.listen, "0.0.0.0:9000");
  EXPECT_EQ(named.config_file, other);

  const Config none =
      resolve_config(std::nullopt, env_of({}), {}, (dir_ / "findes-ikke.toml").string());
  EXPECT_EQ(none.database_url, "sqlite:sagsaudit.db");
  EXPECT_EQ(none.config_file, "");
}

TEST_F(ConfigTest, NamedFileMustExist) {
  try {
    resolve_config((dir_ / "findes-ikke.toml").string(), env_of({}), {});
    FAIL();
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.issues().at(0).message, "konfigurationsfilen findes ikke");
  }
}

TEST_F(ConfigTest, UnknownSectionsKeysAndTypesAreRefused) {
  write("[database]\nuri = \"x\"\n[paths]\nconcepts = 5\n[web]\nport = 1\n");
  try {
    resolve_config(file_, env_of({}), {});
    FAIL();
  } catch (const ValidationError& error) {
    std::vector<std::string> got;
    for (const auto& issue : error.issues()) got.push_back(format_issue(issue));
    // In the file's order.
    EXPECT_EQ(got, (std::vector<std::string>{
                       file_ + ":2:7: database.uri: ukendt nøgle (kendte nøgler: url)",
                       file_ + ":4:12: paths.concepts: skal være tekst, ikke heltal",
                       file_ + ":5:1: web: ukendt sektion (kendte sektioner: database, "
                               "opfoelgning, paths, security, server)"}));
  }
}

}  // namespace
}  // namespace sagsaudit
