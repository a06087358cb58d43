// The password taken out of a PostgreSQL URL for pg_dump/pg_restore (PGPASSWORD), issue 9.
#include <gtest/gtest.h>

#include "storage/database_url.hpp"

namespace sagsaudit::storage {
namespace {

TEST(SplitPassword, TakesTheUserPasswordOutAndDecodesIt) {
  const auto split = split_password("postgresql://jens:hemm%40lig@db.example:5432/sagsaudit");
  EXPECT_EQ(split.url, "postgresql://jens@db.example:5432/sagsaudit");
  EXPECT_EQ(split.password, "hemm@lig");
}

TEST(SplitPassword, TakesAPasswordParameterOutWithItsSeparator) {
  EXPECT_EQ(split_password("postgresql://jens@h/db?password=x").url, "postgresql://jens@h/db");
  EXPECT_EQ(split_password("postgresql://jens@h/db?password=x&sslmode=require").url,
            "postgresql://jens@h/db?sslmode=require");
  EXPECT_EQ(split_password("postgresql://jens@h/db?sslmode=require&password=x").url,
            "postgresql://jens@h/db?sslmode=require");
  EXPECT_EQ(split_password("postgresql://jens@h/db?sslmode=require&password=x").password, "x");
}

TEST(SplitPassword, LeavesAUrlWithoutPasswordAsItIs) {
  const auto split = split_password("postgresql://postgres@127.0.0.1:5432/postgres");
  EXPECT_EQ(split.url, "postgresql://postgres@127.0.0.1:5432/postgres");
  EXPECT_EQ(split.password, "");
}

}  // namespace
}  // namespace sagsaudit::storage
