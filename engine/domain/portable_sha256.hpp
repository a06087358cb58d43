#pragma once
// SHA-256 (FIPS 180-4) in plain C++, as lower-case hex. The storage layer needs it for the audit
// log's hash chain and does not link libsodium (engine/crypto/sha256.hpp); both give the same
// digest, which the engine tests check.
#include <string>
#include <string_view>

namespace sagsaudit {

std::string portable_sha256_hex(std::string_view bytes);

}  // namespace sagsaudit
