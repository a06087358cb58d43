// The storage layer's own SHA-256 (no libsodium there) agrees with libsodium's.
#include <gtest/gtest.h>

#include "crypto/sha256.hpp"
#include "domain/pcg32.hpp"
#include "domain/portable_sha256.hpp"

namespace sagsaudit {
namespace {

TEST(AuditHash, PortableSha256AgreesWithLibsodiumOnEveryLengthUpTo300) {
  Pcg32 rng(42, 54);
  for (std::size_t length = 0; length <= 300; ++length) {
    std::string bytes(length, '\0');
    for (auto& b : bytes) b = static_cast<char>(rng.bounded(256));
    EXPECT_EQ(portable_sha256_hex(bytes), sha256_hex(bytes)) << length;
  }
}

}  // namespace
}  // namespace sagsaudit
