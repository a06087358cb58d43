#pragma once
// Which encoding a data file was written in, and its text as UTF-8. Danish case systems and
// Excel write CSV files either as UTF-8 (with or without a byte-order mark) or, in Excel's
// "CSV (semikolonsepareret)", as Windows-1252; a file that is not valid UTF-8 is read as the
// latter, and the caller says which it was, so that a wrong guess is visible to the user.
#include <string>
#include <string_view>

namespace sagsaudit {

enum class TextEncoding { utf8, utf8_bom, windows1252 };

// "UTF-8", "UTF-8 med BOM", "Windows-1252": what the CLI prints.
std::string describe(TextEncoding encoding);
// "utf-8", "utf-8-bom", "windows-1252": what is stored.
std::string encoding_code(TextEncoding encoding);

// True when `bytes` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Every byte as its Windows-1252 character, in UTF-8. The five bytes Windows-1252 leaves
// undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) become the C1 control characters of the same number,
// as the WHATWG Encoding Standard does, so no byte is lost or refused.
std::string windows1252_to_utf8(std::string_view bytes);

struct DecodedText {
  std::string text;  // UTF-8, without a byte-order mark
  TextEncoding encoding = TextEncoding::utf8;
};

// UTF-8 with BOM when the bytes start with EF BB BF (and the rest is valid UTF-8), UTF-8 when
// they are valid UTF-8, otherwise Windows-1252. Takes the bytes by value so that the common case
// (UTF-8) moves them instead of copying.
DecodedText decode_text(std::string bytes);

}  // namespace sagsaudit
