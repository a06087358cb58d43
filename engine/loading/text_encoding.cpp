#include "loading/text_encoding.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace sagsaudit {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Windows-1252 0x80–0x9F; the other bytes are the Latin-1 code point of the same number.
constexpr std::array<char16_t, 32> kHighControls = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80–87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88–8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90–97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98–9F
};

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

std::string describe(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8:
      return "UTF-8";
    case TextEncoding::utf8_bom:
      return "UTF-8 med BOM";
    case TextEncoding::windows1252:
      return "Windows-1252";
  }
  return "?";
}

std::string encoding_code(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::utf8:
      return "utf-8";
    case TextEncoding::utf8_bom:
      return "utf-8-bom";
    case TextEncoding::windows1252:
      return "windows-1252";
  }
  return "?";
}

bool is_valid_utf8(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    // Skip ASCII eight bytes at a time: population files are nearly all ASCII.
    while (end - p >= 8) {
      std::uint64_t word;
      std::memcpy(&word, p, 8);
      if (word & 0x8080808080808080ULL) break;
      p += 8;
    }
    if (p >= end) break;
    const unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      continue;
    }
    int length = 0;
    std::uint32_t cp = 0;
    std::uint32_t min = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      length = 2, cp = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
      length = 3, cp = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
      length = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;  // a continuation byte first, C0/C1 (overlong) or F5–FF
    }
    if (end - p < length) return false;
    for (int i = 1; i < length; ++i) {
      if ((p[i] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    p += length;
  }
  return true;
}

std::string windows1252_to_utf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char ch : bytes) {
    const auto b = static_cast<unsigned char>(ch);
    if (b >= 0x80 && b <= 0x9F) {
      append_utf8(out, kHighControls[b - 0x80]);
    } else {
      append_utf8(out, b);
    }
  }
  return out;
}

DecodedText decode_text(std::string bytes) {
  if (is_valid_utf8(bytes)) {
    if (std::string_view(bytes).substr(0, kBom.size()) == kBom) {
      bytes.erase(0, kBom.size());
      return DecodedText{std::move(bytes), TextEncoding::utf8_bom};
    }
    return DecodedText{std::move(bytes), TextEncoding::utf8};
  }
  return DecodedText{windows1252_to_utf8(bytes), TextEncoding::windows1252};
}

}  // namespace sagsaudit
