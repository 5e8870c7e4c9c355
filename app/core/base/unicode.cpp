// Character classes. See unicode.h.
#include "base/unicode.h"

#include "base/utf8.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace ck {

bool IsInvisibleCharacter(char32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) ||
           c == 0x00AD ||                     // soft hyphen
           (c >= 0x200B && c <= 0x200F) ||    // zero-width space/joiners, LRM/RLM
           (c >= 0x2028 && c <= 0x202E) ||    // line/paragraph separators, embeddings
           (c >= 0x2060 && c <= 0x206F) ||    // word joiner, invisible operators, isolates
           (c >= 0xFE00 && c <= 0xFE0F) ||    // variation selectors
           c == 0xFEFF ||                     // byte order mark
           (c >= 0xE0100 && c <= 0xE01EF);    // variation selectors supplement
}

bool IsRightToLeft(char32_t c)
{
    return (c >= 0x0590 && c <= 0x08FF) ||    // Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic
           (c >= 0xFB1D && c <= 0xFDFF) ||    // Hebrew and Arabic presentation forms
           (c >= 0xFE70 && c <= 0xFEFF && c != 0xFEFF) ||
           (c >= 0x10800 && c <= 0x10FFF) ||  // supplementary right-to-left scripts
           (c >= 0x1E800 && c <= 0x1EFFF);
}

bool ContainsRightToLeft(const std::string& text)
{
    size_t pos = 0;
    while (pos < text.size())
        if (IsRightToLeft(DecodeUtf8(text, &pos)))
            return true;
    return false;
}

std::vector<char32_t> DistinctCharacters(const std::string& text)
{
    // One pass with a seen-set, then a sort of the few distinct ones: the
    // text of a 500-page folder has millions of characters and only
    // hundreds of different ones (sorting them all stalled a reload's frame).
    std::vector<bool> seen_bmp(0x10000, false);
    std::vector<char32_t> characters;
    characters.reserve(256);
    size_t pos = 0;
    while (pos < text.size()) {
        const char32_t c = DecodeUtf8(text, &pos);
        if (c < 0x10000) {
            if (seen_bmp[c])
                continue;
            seen_bmp[c] = true;
        } else if (std::find(characters.begin(), characters.end(), c) != characters.end()) {
            continue;   // beyond the BMP: rare, a short list
        }
        if (!IsInvisibleCharacter(c))
            characters.push_back(c);
    }
    std::sort(characters.begin(), characters.end());
    return characters;
}

std::string CodepointLabel(char32_t c)
{
    char label[16];
    std::snprintf(label, sizeof(label), "U+%04X", static_cast<unsigned>(c));
    return label;
}

std::string LocalTime(const char* format)
{
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[64] = {};
    std::strftime(text, sizeof text, format, &local);
    return text;
}

std::string LocalToday()
{
    return LocalTime("%Y-%m-%d");
}

} // namespace ck
