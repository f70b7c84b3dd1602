// UTF-8 <-> UTF-16 helpers: JS string indices and lengths count UTF-16 code units, while
// the evaluator stores strings as UTF-8. ASCII strings take the fast paths.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dp::ts {

/// True when every byte is < 0x80 (then UTF-8 and UTF-16 indices agree).
bool IsAscii(std::string_view s);
/// Number of UTF-16 code units of a UTF-8 string.
size_t Utf16Length(std::string_view s);
std::u16string ToUtf16(std::string_view s);
std::string FromUtf16(std::u16string_view s);
/// Appends the UTF-8 encoding of a code point.
void AppendCodePointUtf8(std::string& out, uint32_t code_point);
/// Decodes one code point at `i` (advancing it); invalid bytes decode as U+FFFD.
uint32_t DecodeUtf8(std::string_view s, size_t& i);

}  // namespace dp::ts
