#include "domain/fnv1a.hpp"

namespace sagsaudit {

std::uint64_t fnv1a_64(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (char ch : bytes) {
    // Through unsigned char: a UTF-8 byte above 0x7f must be 0x80–0xff, never sign-extended.
    hash ^= static_cast<unsigned char>(ch);
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace sagsaudit
