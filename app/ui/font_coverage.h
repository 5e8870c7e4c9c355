// Which installed fonts can draw which characters, asked of fontconfig (never
// by scanning font files ourselves). Fonts::Build uses the fallback plan to
// merge, say, Noto Sans CJK into every text role for just the characters the
// primary font lacks; `check` and the staff panel use UncoveredCharacters()
// and ContainsRightToLeft() to warn about text the kiosk cannot show well.
//
// Limits worth knowing:
// - ImGui here is built with 16-bit ImWchar, so characters past U+FFFF
//   (most emoji, rare CJK) can never be drawn and always count as uncovered.
// - Right-to-left scripts are detected, not shaped: the kiosk draws them
//   left-to-right with unjoined letters, so `check` reports them.
#pragma once
#include <string>
#include <vector>

namespace ck::ui {

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

// The distinct visible characters of `text` that no installed scalable,
// non-colour font covers, or that lie past U+FFFF; sorted ascending. Empty
// when fontconfig cannot be initialised (nothing can be said then).
std::vector<char32_t> UncoveredCharacters(const std::string& text);

// "U+E000" for messages.
std::string CodepointLabel(char32_t c);

struct FallbackFace {
    std::string path;
    int face_index = 0;                 // face inside a .ttc collection (ImFontConfig::FontNo)
    std::string family;                 // e.g. "Noto Sans CJK SC", for reports
    std::vector<char32_t> characters;   // the ones this face supplies, sorted
};

struct FallbackPlan {
    std::vector<FallbackFace> faces;    // merge order: Noto families first, best coverage first
    std::vector<char32_t> uncovered;    // neither the primary font nor any fallback has these
    std::string error;                  // set when fontconfig or the primary font failed
};

// For the characters of `needed` that `primary_font` (a font file; face 0)
// lacks, the installed fonts that cover them, in the primary's weight and
// slant where one exists. Han text is matched as Simplified Chinese unless it
// also has kana (Japanese) or Hangul (Korean), so the CJK face draws the
// regional glyph forms readers expect.
FallbackPlan PlanFallbacks(const std::string& primary_font, const std::vector<char32_t>& needed);

} // namespace ck::ui
