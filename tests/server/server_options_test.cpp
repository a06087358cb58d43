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

}  // namespace
}  // namespace sagsaudit::server
