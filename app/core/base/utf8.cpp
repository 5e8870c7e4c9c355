#include "base/utf8.h"

namespace ck {

// Length of the valid sequence starting at `pos`, or 0 when it is invalid.
static size_t ValidSequenceLength(std::string_view text, size_t pos, unsigned* codepoint)
{
    const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned lead = byte(pos);
    if (lead < 0x80) {
        *codepoint = lead;
        return 1;
    }
    size_t length = 0;
    unsigned value = 0;
    unsigned minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        length = 2; value = lead & 0x1F; minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        length = 3; value = lead & 0x0F; minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        length = 4; value = lead & 0x07; minimum = 0x10000;
    } else {
        return 0;
    }
    if (pos + length > text.size())
        return 0;
    for (size_t i = 1; i < length; i++) {
        const unsigned next = byte(pos + i);
        if ((next & 0xC0) != 0x80)
            return 0;
        value = (value << 6) | (next & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past Unicode are invalid.
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return 0;
    *codepoint = value;
    return length;
}

std::string SanitizeUtf8(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    size_t pos = 0;
    while (pos < text.size()) {
        unsigned codepoint = 0;
        const size_t length = ValidSequenceLength(text, pos, &codepoint);
        if (length == 0) {
            AppendUtf8(out, kReplacementChar);
            pos++;
        } else {
            out.append(text.data() + pos, length);
            pos += length;
        }
    }
    return out;
}

bool IsValidUtf8(std::string_view text, size_t* bad_offset)
{
    size_t pos = 0;
    while (pos < text.size()) {
        unsigned codepoint = 0;
        const size_t length = ValidSequenceLength(text, pos, &codepoint);
        if (length == 0) {
            if (bad_offset)
                *bad_offset = pos;
            return false;
        }
        pos += length;
    }
    return true;
}

void AppendUtf8(std::string& out, unsigned codepoint)
{
    if (codepoint == 0 || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF))
        codepoint = kReplacementChar;
    if (codepoint < 0x80) {
        out += static_cast<char>(codepoint);
    } else if (codepoint < 0x800) {
        out += static_cast<char>(0xC0 | (codepoint >> 6));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    } else if (codepoint < 0x10000) {
        out += static_cast<char>(0xE0 | (codepoint >> 12));
        out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (codepoint >> 18));
        out += static_cast<char>(0x80 | ((codepoint >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((codepoint >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (codepoint & 0x3F));
    }
}

unsigned DecodeUtf8(std::string_view text, size_t* pos)
{
    if (*pos >= text.size())
        return 0;
    unsigned codepoint = 0;
    const size_t length = ValidSequenceLength(text, *pos, &codepoint);
    if (length == 0) {
        (*pos)++;
        return kReplacementChar;
    }
    *pos += length;
    return codepoint;
}

size_t Utf8PopBack(std::string& text)
{
    if (text.empty())
        return 0;
    // Walk back over at most three continuation bytes to the lead byte, and
    // accept it only if it forms exactly one valid sequence up to the end.
    size_t start = text.size() - 1;
    while (start > 0 && text.size() - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
        start--;
    unsigned codepoint = 0;
    const size_t length = ValidSequenceLength(text, start, &codepoint);
    const size_t removed = (length != 0 && start + length == text.size()) ? length : 1;
    text.resize(text.size() - removed);
    return removed;
}

size_t Utf8Length(std::string_view text)
{
    size_t count = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        DecodeUtf8(text, &pos);
        count++;
    }
    return count;
}

std::string ToLowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::vector<std::string_view> SplitLines(std::string_view text)
{
    std::vector<std::string_view> lines;
    for (size_t pos = 0; pos < text.size();) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        pos = end + 1;
    }
    return lines;
}

} // namespace ck
