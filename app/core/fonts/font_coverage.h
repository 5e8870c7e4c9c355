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
#include "base/unicode.h"
#include "content/content_check.h"
#include <string>
#include <vector>

namespace ck {

// The distinct visible characters of `text` that no installed scalable,
// non-colour font covers, or that lie past U+FFFF; sorted ascending. Empty
// when fontconfig cannot be initialised (nothing can be said then).
std::vector<char32_t> UncoveredCharacters(const std::string& text);

// GlyphCoverage answered by fontconfig, for `check` and the staff panel.
class FontconfigCoverage : public GlyphCoverage {
public:
    std::vector<char32_t> Uncovered(const std::string& text) const override { return UncoveredCharacters(text); }
};

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

} // namespace ck
