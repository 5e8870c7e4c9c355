// Unicode character classes the checks and the font builder share, and the
// local date they compare review dates against. No fonts are asked here:
// fonts/font_coverage.h does that with fontconfig.
#pragma once
#include <string>
#include <vector>

namespace ck {

// True for code points that draw nothing on their own (C0/C1 controls, line
// and paragraph separators, zero-width and directional marks, variation
// selectors): no font needs to cover them.
bool IsInvisibleCharacter(char32_t c);

// True for code points of right-to-left scripts (Hebrew, Arabic, Syriac,
// Thaana, N'Ko and their presentation forms, and the right-to-left scripts
// of the supplementary planes).
bool IsRightToLeft(char32_t c);
bool ContainsRightToLeft(const std::string& text);

// The distinct visible characters of `text` (UTF-8), sorted ascending.
std::vector<char32_t> DistinctCharacters(const std::string& text);

// "U+E000" for messages.
std::string CodepointLabel(char32_t c);

// The local time now in strftime's `format`; LocalToday is "YYYY-MM-DD".
std::string LocalTime(const char* format);
std::string LocalToday();

} // namespace ck
