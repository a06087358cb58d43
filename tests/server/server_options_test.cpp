// server_options (engine/server/server_options.hpp): what the configuration's [server] keys
// make of the options `sagsaudit serve` runs with.
#include "server/server_options.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace sagsaudit::server {
namespace {

TEST(ServerOptionsTest, LoginFailuresPerAddressComesFromTheConfiguration) {
  Config config;
  EXPECT_EQ(server_options(config).login_failures_per_address, 20);  // the default
  config.login_failures_per_address = "0";                           // behind a reverse proxy
  EXPECT_EQ(server_options(config).login_failures_per_address, 0);
  config.login_failures_per_address = "5";
  EXPECT_EQ(server_options(config).login_failures_per_address, 5);
  config.login_failures_per_address = "-5";
  try {
    server_options(config);
    FAIL() << "-5 was accepted";
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.what(), std::string("[server] login_failures_per_address: '-5' skal være et "
                                        "helt tal fra 0 (slået fra) til 100000"));
  }
}

TEST(ServerOptionsTest, ThreadsWorkersAndTickComeFromTheConfiguration) {
  Config config;
  const ServerOptions defaults = server_options(config);
  EXPECT_EQ(defaults.io_threads, 2);
  EXPECT_EQ(defaults.workers, 4);
  EXPECT_EQ(defaults.pool_size, 5);
  EXPECT_EQ(defaults.tick_interval, std::chrono::minutes(60));
  config.server_threads = "1";
  config.server_workers = "8";
  config.tick_minutes = "0";
  const ServerOptions set = server_options(config);
  EXPECT_EQ(set.io_threads, 1);
  EXPECT_EQ(set.workers, 8);
  EXPECT_EQ(set.pool_size, 9);
  EXPECT_EQ(set.tick_interval, std::chrono::minutes(0));
  // From an environment variable or an option, checked here (a file's value when it is read).
  config.server_threads = "to";
  try {
    server_options(config);
    FAIL() << "'to' was accepted";
  } catch (const ValidationError& error) {
    EXPECT_EQ(error.what(),
              std::string("[server] threads: 'to' skal være et helt tal fra 1 til 256"));
  }
}

}  // namespace
}  // namespace sagsaudit::server
