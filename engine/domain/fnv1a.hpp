#pragma once
// FNV-1a, 64-bit (Fowler/Noll/Vo): a tiny, fully specified hash used to turn a stratum's key
// into a PCG32 stream number. Not a cryptographic hash, and it need not be: it only has to be
// the same everywhere and easy to redo by hand.
#include <cstdint>
#include <string_view>

namespace sagsaudit {

// Offset basis 14695981039346656037; for each byte: hash ^= byte; hash *= 1099511628211
// (modulo 2^64). The bytes are taken as given: pass UTF-8 text to hash text.
std::uint64_t fnv1a_64(std::string_view bytes);

}  // namespace sagsaudit
