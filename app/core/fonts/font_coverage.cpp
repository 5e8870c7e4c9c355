// fontconfig queries for fallback fonts and coverage.
// Sections: fontconfig helpers; fallback plan; coverage.
#include "fonts/font_coverage.h"

#include "base/utf8.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

namespace ck {

// ImGui is built with 16-bit ImWchar: nothing past the BMP reaches the atlas.
static constexpr char32_t kLastDrawable = 0xFFFF;

// ---------------------------------------------------------------------------
// [SECTION] fontconfig helpers
// ---------------------------------------------------------------------------

namespace {

struct PatternDeleter { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
struct CharSetDeleter { void operator()(FcCharSet* c) const { FcCharSetDestroy(c); } };
struct FontSetDeleter { void operator()(FcFontSet* s) const { FcFontSetDestroy(s); } };
struct ObjectSetDeleter { void operator()(FcObjectSet* o) const { FcObjectSetDestroy(o); } };
struct LangSetDeleter { void operator()(FcLangSet* l) const { FcLangSetDestroy(l); } };
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;
using CharSetPtr = std::unique_ptr<FcCharSet, CharSetDeleter>;
using FontSetPtr = std::unique_ptr<FcFontSet, FontSetDeleter>;
using ObjectSetPtr = std::unique_ptr<FcObjectSet, ObjectSetDeleter>;
using LangSetPtr = std::unique_ptr<FcLangSet, LangSetDeleter>;

std::string StringOf(const FcPattern* pattern, const char* object)
{
    FcChar8* value = nullptr;
    if (FcPatternGetString(pattern, object, 0, &value) != FcResultMatch || !value)
        return {};
    return reinterpret_cast<const char*>(value);
}

bool BoolOf(const FcPattern* pattern, const char* object, bool fallback)
{
    FcBool value = FcFalse;
    if (FcPatternGetBool(pattern, object, 0, &value) != FcResultMatch)
        return fallback;
    return value != FcFalse;
}

// Faces ImGui's FreeType builder draws well: outline fonts without colour
// layers (those would need ImGuiFreeTypeBuilderFlags_LoadColor), and not the
// variable-font entry that duplicates its named instances.
bool IsUsableFace(const FcPattern* font)
{
    if (!BoolOf(font, FC_SCALABLE, false) || BoolOf(font, FC_COLOR, false) || BoolOf(font, FC_VARIABLE, false))
        return false;
    // The icon font's private-use glyphs are pictures, not letters: text never falls back to them.
    if (StringOf(font, FC_FAMILY) == "Material Icons")
        return false;
    const std::string format = StringOf(font, FC_FONTFORMAT);
    return format.empty() || format == "TrueType" || format == "CFF";
}

bool IsNotoFamily(const std::string& family) { return family.rfind("Noto ", 0) == 0; }

// fontconfig keeps one process-wide configuration; FcInit is cheap after the
// first call and reloads nothing.
bool InitFontconfig(std::string* error)
{
    if (FcInit())
        return true;
    if (error)
        *error = "fontconfig could not be initialised";
    return false;
}

// The language whose regional forms Han characters should take.
const char* HanLanguage(const std::vector<char32_t>& characters)
{
    bool han = false, kana = false, hangul = false;
    for (char32_t c : characters) {
        han |= (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF);
        kana |= (c >= 0x3040 && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF);
        hangul |= (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F);
    }
    if (kana)
        return "ja";
    if (hangul)
        return "ko";
    return han ? "zh-cn" : nullptr;
}

// Pattern asking for the missing characters in the primary's family, weight,
// slant and spacing; fontconfig then ranks every installed font against it.
PatternPtr FallbackPattern(const FcPattern* primary, const FcCharSet* missing, const char* language)
{
    PatternPtr pattern(FcPatternCreate());
    const std::string family = StringOf(primary, FC_FAMILY);
    if (!family.empty())
        FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
    for (const char* object : {FC_WEIGHT, FC_SLANT, FC_SPACING}) {
        int value = 0;
        if (FcPatternGetInteger(primary, object, 0, &value) == FcResultMatch)
            FcPatternAddInteger(pattern.get(), object, value);
    }
    FcPatternAddCharSet(pattern.get(), FC_CHARSET, missing);
    if (language) {
        LangSetPtr langs(FcLangSetCreate());
        FcLangSetAdd(langs.get(), reinterpret_cast<const FcChar8*>(language));
        FcPatternAddLangSet(pattern.get(), FC_LANG, langs.get());
    }
    FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    return pattern;
}

// Takes from `font` the still-missing characters it covers; adds a face to
// the plan when it supplies any.
void TakeFromFace(const FcPattern* font, std::vector<char32_t>* missing, FallbackPlan* plan)
{
    FcCharSet* charset = nullptr;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch || !charset)
        return;
    FallbackFace face;
    std::vector<char32_t> still_missing;
    for (char32_t c : *missing)
        (FcCharSetHasChar(charset, c) ? face.characters : still_missing).push_back(c);
    if (face.characters.empty())
        return;
    int index = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &index);
    face.path = StringOf(font, FC_FILE);
    face.face_index = index;
    face.family = StringOf(font, FC_FAMILY);
    if (face.path.empty())
        return;
    plan->faces.push_back(std::move(face));
    *missing = std::move(still_missing);
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Fallback plan
// ---------------------------------------------------------------------------

FallbackPlan PlanFallbacks(const std::string& primary_font, const std::vector<char32_t>& needed)
{
    FallbackPlan plan;
    if (!InitFontconfig(&plan.error))
        return plan;
    int face_count = 0;
    PatternPtr primary(FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(primary_font.c_str()), 0, nullptr, &face_count));
    FcCharSet* primary_chars = nullptr;
    if (!primary || FcPatternGetCharSet(primary.get(), FC_CHARSET, 0, &primary_chars) != FcResultMatch) {
        plan.error = "cannot read the character set of " + primary_font;
        return plan;
    }

    std::vector<char32_t> missing;
    for (char32_t c : needed) {
        if (IsInvisibleCharacter(c) || FcCharSetHasChar(primary_chars, c))
            continue;
        (c > kLastDrawable ? plan.uncovered : missing).push_back(c);
    }
    if (missing.empty())
        return plan;

    CharSetPtr missing_set(FcCharSetCreate());
    for (char32_t c : missing)
        FcCharSetAddChar(missing_set.get(), c);
    PatternPtr pattern = FallbackPattern(primary.get(), missing_set.get(), HanLanguage(missing));
    FcResult result = FcResultNoMatch;
    FontSetPtr sorted(FcFontSort(nullptr, pattern.get(), FcFalse, nullptr, &result));
    if (sorted) {
        // Noto families first (one design across scripts), then anything
        // else installed, each pass in fontconfig's order.
        for (bool noto_pass : {true, false})
            for (int i = 0; i < sorted->nfont && !missing.empty(); i++) {
                const FcPattern* font = sorted->fonts[i];
                if (IsUsableFace(font) && IsNotoFamily(StringOf(font, FC_FAMILY)) == noto_pass)
                    TakeFromFace(font, &missing, &plan);
            }
    }
    plan.uncovered.insert(plan.uncovered.end(), missing.begin(), missing.end());
    std::sort(plan.uncovered.begin(), plan.uncovered.end());
    return plan;
}

// ---------------------------------------------------------------------------
// [SECTION] Coverage
// ---------------------------------------------------------------------------

std::vector<char32_t> UncoveredCharacters(const std::string& text)
{
    std::vector<char32_t> uncovered;
    const std::vector<char32_t> characters = DistinctCharacters(text);
    if (characters.empty() || !InitFontconfig(nullptr))
        return uncovered;
    PatternPtr any(FcPatternCreate());
    ObjectSetPtr objects(FcObjectSetBuild(FC_CHARSET, FC_SCALABLE, FC_COLOR, FC_VARIABLE, FC_FONTFORMAT, FC_FAMILY,
                                          static_cast<char*>(nullptr)));
    FontSetPtr fonts(FcFontList(nullptr, any.get(), objects.get()));
    CharSetPtr all(FcCharSetCreate());
    for (int i = 0; fonts && i < fonts->nfont; i++) {
        FcCharSet* charset = nullptr;
        if (IsUsableFace(fonts->fonts[i]) &&
            FcPatternGetCharSet(fonts->fonts[i], FC_CHARSET, 0, &charset) == FcResultMatch)
            FcCharSetMerge(all.get(), charset, nullptr);
    }
    for (char32_t c : characters)
        if (c > kLastDrawable || !FcCharSetHasChar(all.get(), c))
            uncovered.push_back(c);
    return uncovered;
}

} // namespace ck
