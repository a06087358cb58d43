#include "crypto/sha256.hpp"

#include <sodium.h>

#include <stdexcept>

namespace sagsaudit {
namespace {
void ensure_sodium() {
  // sodium_init is idempotent and thread-safe; it returns -1 only when the library is unusable.
  static const int status = sodium_init();
  if (status < 0) throw std::runtime_error("libsodium could not be initialised");
}
}  // namespace

std::string sha256_hex(std::string_view bytes) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

}  // namespace sagsaudit
