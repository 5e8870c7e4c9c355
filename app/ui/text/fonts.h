// Fonts: Noto Sans regular/bold/italic/bold-italic rasterised with ImGui's
// FreeType builder at the sizes of one text-size step. 1.86 cannot rescale a
// font at run time, so changing the text size rebuilds the atlas between
// frames (never inside one). The glyph set is built from the text the content
// and UI strings actually use; characters the primary fonts lack (CJK, ...)
// come from installed fallback fonts found through fontconfig (see
// font_coverage.h), merged into every role for just those characters.
#pragma once
#include "content/content.h"

#include <imgui.h>
#include <map>
#include <string>
#include <vector>

namespace ck {
struct FallbackPlan;
}

namespace ck::ui {

enum class FontRole {
    Body, BodyBold, BodyItalic, BodyBoldItalic,
    Code,            // code spans/blocks (DejaVu Sans Mono)
    H1, H2, H3,      // headings (bold)
    Small,           // captions, summaries, footers
    Button,          // buttons and tiles (bold)
    Title,           // the clinic name / screen title (bold, largest)
    Count
};

struct FontSizes {   // pixels, for one text-size step
    float body, h1, h2, h3, small, button, title;
};

// Sizes for step 0..TextSizeSteps()-1. Text scales with the screen's SHORTER
// side (`screen_short_side` = min(width, height)): body text is 30 px at step 1
// on a 1080 px side and the largest step at least 1.6x the default. Steps out
// of range are clamped.
FontSizes FontSizesFor(int step, float screen_short_side);
FontSizes FontSizesFor(int step, float screen_width, float screen_height);
int TextSizeSteps();
int DefaultTextSizeStep();   // 1

// In a ContentGlyphs string an icon glyph c is written as kIconInText + c
// (plane 15, which no text uses), so the icon font's private-use glyphs
// never mix with private-use characters typed in the text.
constexpr char32_t kIconInText = 0xF0000;

// True for the characters every atlas holds whatever the text (ASCII,
// Latin-1, dashes, quotes, bullet, ellipsis): content needs no rebuild for them.
bool AlwaysInAtlas(char32_t c);

// Every visible character the screens can show for `content` (clinic name;
// titles, summaries, owners and text of pages; questions and answers;
// interface strings; in every language) that is not AlwaysInAtlas, each once,
// in code point order, as UTF-8: what the atlas must hold beyond its base
// set. It reads all the text, so it runs on a worker (start-up, reload),
// never in a frame.
std::string ContentGlyphs(const Content& content);

// True when every character of `wanted` is in `held` or AlwaysInAtlas; both
// are ContentGlyphs strings (distinct characters in code point order).
bool GlyphsCovered(const std::string& held, const std::string& wanted);

struct FontPaths {
    std::string regular, bold, italic, bold_italic, mono;
    std::string icons;   // the icon font (widgets/icons.h); "" when not installed: icons draw as dots
    // Finds Noto Sans (fonts-noto-core) and DejaVu Sans Mono; overridable
    // with $CAREKIOSK_FONT_DIR. Returns false with `error` set if not found.
    static bool Find(FontPaths* out, std::string* error);
};

class Fonts {
public:
    // Rebuilds the current ImGui context's font atlas for `sizes` and the
    // characters in `text` (plus ASCII, Latin-1 and common punctuation). Must
    // be called outside a frame; the caller re-uploads the atlas texture
    // afterwards (Platform::ReloadFontTexture).
    // The font files are read for the build and freed after it. Returns
    // false with `error` set when a font file cannot be loaded; the atlas
    // then holds ImGui's built-in font so the screen still shows text.
    bool Build(const FontPaths& paths, const FontSizes& sizes, const std::string& text,
               std::string* error = nullptr);
    // The same into `atlas`, which needs no ImGui context, so it runs on a
    // worker: start-up builds the first atlas while the main thread opens the
    // window (Platform::StartImGui takes it), and the kiosk builds the atlas
    // of another text size while the screen keeps the current one
    // (Platform::ReplaceFontAtlas). Leaves ImGui's default font alone; call
    // UseAsDefault() once the atlas is the context's.
    bool BuildInto(ImFontAtlas* atlas, const FontPaths& paths, const FontSizes& sizes, const std::string& text,
                   std::string* error = nullptr);
    void UseAsDefault() const;

    Fonts() = default;
    Fonts(const Fonts&) = delete;
    Fonts& operator=(const Fonts&) = delete;
    // Moving swaps the buffers (glyph ranges) instead of copying them.
    Fonts(Fonts&& other) noexcept { Swap(other); }
    Fonts& operator=(Fonts&& other) noexcept { Swap(other); return *this; }
    void Swap(Fonts& other) noexcept;
    ImFont* Get(FontRole role) const { return fonts_[static_cast<int>(role)]; }
    const FontSizes& Sizes() const { return sizes_; }
    int Generation() const { return generation_; }   // bumps on every rebuild (layout caches key on it)

    // What the last Build did, for `check`, the staff panel and tests:
    // the fallback families merged (e.g. "Noto Sans CJK SC"), the visible
    // characters of `text` that no font drew (sorted), and the atlas size.
    const std::vector<std::string>& FallbackFamilies() const { return fallback_families_; }
    const std::vector<char32_t>& MissingCharacters() const { return missing_; }
    int AtlasWidth() const { return atlas_width_; }
    int AtlasHeight() const { return atlas_height_; }

private:
    void* FileData(const std::string& path, int* size);
    void PlanFallbackFonts(const std::vector<char32_t>& needed, std::map<std::string, FallbackPlan>* plans);
    void AddIconFonts(ImFontAtlas* atlas, const std::string& path, const FontSizes& sizes, ImFontConfig config);
    ImFont* AddRole(ImFontAtlas* atlas, const std::string& path, float size, const FallbackPlan& plan,
                    const std::vector<std::vector<ImWchar>>& ranges, ImFontConfig config);

    ImFont* fonts_[static_cast<int>(FontRole::Count)] = {};
    FontSizes sizes_ = {};
    int generation_ = 0;
    ImVector<ImWchar> ranges_;   // must outlive the atlas build
    ImVector<ImWchar> icon_ranges_;   // the icon glyphs: the chrome's and those `text` names
    // Font files, read once per build and shared by every role; the atlas
    // points into them (FontDataOwnedByAtlas = false) until the build ends.
    std::map<std::string, std::vector<unsigned char>> files_;
    // Glyph ranges of each merged face, per primary file; outlive the build.
    std::map<std::string, std::vector<std::vector<ImWchar>>> fallback_ranges_;
    std::vector<std::string> fallback_families_;
    std::vector<char32_t> missing_;
    int atlas_width_ = 0, atlas_height_ = 0;
};

} // namespace ck::ui
