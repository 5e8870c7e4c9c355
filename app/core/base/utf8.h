// Small UTF-8 helpers. Content is untrusted: anything that is not valid
// UTF-8 becomes U+FFFD before it reaches the model, so fonts, layout and
// search can assume valid text.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

constexpr unsigned kReplacementChar = 0xFFFD;

// Copy of `text` with each invalid byte (stray continuation, overlong form,
// surrogate, value past U+10FFFF, truncated sequence) replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);

// True when `text` is valid UTF-8; otherwise `*bad_offset` (if given) is the
// byte offset of the first invalid sequence.
bool IsValidUtf8(std::string_view text, size_t* bad_offset = nullptr);

// Appends `codepoint` encoded as UTF-8 (U+FFFD for surrogates, 0 or values
// past U+10FFFF).
void AppendUtf8(std::string& out, unsigned codepoint);

// Decodes the codepoint at `*pos` and advances `*pos` past it. An invalid
// byte yields U+FFFD and advances by one. At or past the end returns 0.
unsigned DecodeUtf8(std::string_view text, size_t* pos);

// Removes the last codepoint of `text` (a valid sequence, or one stray byte);
// returns the number of bytes removed (0 when empty).
size_t Utf8PopBack(std::string& text);

// Number of codepoints (invalid bytes count as one each).
size_t Utf8Length(std::string_view text);

// ASCII letters lowered; other bytes (including all of UTF-8) unchanged.
std::string ToLowerAscii(std::string_view text);

// The lines of `text`, without their "\n" or "\r\n" (a last line without a
// newline counts; an empty text has none). The views point into `text`.
std::vector<std::string_view> SplitLines(std::string_view text);

} // namespace ck
