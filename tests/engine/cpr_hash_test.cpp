// The keyed CPR hash and its key file (issue 3).
#include "crypto/cpr_hash.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "domain/errors.hpp"

namespace sagsaudit {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class CprKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("cpr_key_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const fs::path& file, const std::string& text) { std::ofstream(file) << text; }
  fs::path dir_;
};

constexpr const char* kKeyHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST_F(CprKeyFile, HashIsKeyedBlake2bOfTheTenDigits) {
  write(dir_ / "key", std::string(kKeyHex) + "\n");
  const CprKey key = CprKey::load(dir_ / "key");
  EXPECT_EQ(key.hex(), kKeyHex);
  const auto with_dash = parse_cpr("010180-1234");
  const auto without = parse_cpr("0101801234");
  ASSERT_TRUE(with_dash && without);
  // Reference: Python hashlib.blake2b(b"0101801234", key=bytes(range(32)), digest_size=32).
  EXPECT_EQ(cpr_hash(key, *with_dash.cpr),
            "5d15438c1c844d84c865f9ca9a2f95875e1859eaf63c0d81edfacdd96e5deed8");
  EXPECT_EQ(cpr_hash(key, *with_dash.cpr), cpr_hash(key, *without.cpr));
  EXPECT_NE(cpr_hash(key, *with_dash.cpr), cpr_hash(key, *parse_cpr("0101801235").cpr));
  EXPECT_EQ(key.id().substr(0, 3), "k1:");
  EXPECT_EQ(key.id().size(), 19u);
  // The bytes the import stores (population_cases.cpr_hash, migration 10): the same hash.
  CprDigest bytes{};
  cpr_hash(key, *with_dash.cpr, bytes);
  EXPECT_EQ(bytes[0], 0x5d);
  EXPECT_EQ(bytes[1], 0x15);
  EXPECT_EQ(bytes[31], 0xd8);
}

TEST_F(CprKeyFile, AnotherKeyGivesAnotherHash) {
  write(dir_ / "a", kKeyHex);
  write(dir_ / "b", std::string(64, 'f'));
  const Cpr cpr = *parse_cpr("010180-1234").cpr;
  EXPECT_NE(cpr_hash(CprKey::load(dir_ / "a"), cpr), cpr_hash(CprKey::load(dir_ / "b"), cpr));
  EXPECT_NE(CprKey::load(dir_ / "a").id(), CprKey::load(dir_ / "b").id());
}

TEST_F(CprKeyFile, KeygenWritesAnOwnerOnlyFileAndNeverOverwrites) {
  const fs::path file = dir_ / "new.key";
  write_new_cpr_key_file(file);
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600u);
  const CprKey first = CprKey::load(file);
  EXPECT_EQ(first.hex().size(), 64u);
  try {
    write_new_cpr_key_file(file);
    FAIL() << "overwrote a key";
  } catch (const ValidationError& error) {
    EXPECT_THAT(error.what(), HasSubstr("filen findes allerede"));
  }
  EXPECT_EQ(CprKey::load(file).hex(), first.hex());
  write_new_cpr_key_file(dir_ / "other.key");
  EXPECT_NE(CprKey::load(dir_ / "other.key").hex(), first.hex());
}

TEST_F(CprKeyFile, MissingOrMalformedKeyFilesAreRefusedByName) {
  try {
    CprKey::load(dir_ / "absent");
    FAIL();
  } catch (const ValidationError& error) {
    EXPECT_THAT(error.what(), HasSubstr("absent: CPR-nøglefilen findes ikke"));
  }
  write(dir_ / "short", "abcd");
  try {
    CprKey::load(dir_ / "short");
    FAIL();
  } catch (const ValidationError& error) {
    EXPECT_THAT(error.what(), HasSubstr("short: ikke en CPR-nøgle"));
  }
  write(dir_ / "nothex", std::string(64, 'g'));
  EXPECT_THROW(CprKey::load(dir_ / "nothex"), ValidationError);
}

}  // namespace
}  // namespace sagsaudit
