#pragma once
// SHA-256 (libsodium) as lower-case hex: the content hash behind concept and årshjul versions
// and, later, population files and the audit log chain.
#include <string>
#include <string_view>

namespace sagsaudit {

std::string sha256_hex(std::string_view bytes);

}  // namespace sagsaudit
