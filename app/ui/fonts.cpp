// Font sizes per text-size step, locating the font files, and building
// ImGui's atlas with the FreeType rasteriser.
#include "ui/fonts.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <sys/stat.h>

namespace ck::ui {

// ---------------------------------------------------------------------------
// Sizes
// ---------------------------------------------------------------------------

static const float kStepScale[] = {0.87f, 1.0f, 1.3f, 1.65f};
static const int kStepCount = static_cast<int>(sizeof(kStepScale) / sizeof(kStepScale[0]));

int TextSizeSteps() { return kStepCount; }
int DefaultTextSizeStep() { return 1; }

FontSizes FontSizesFor(int step, float screen_short_side)
{
    step = std::clamp(step, 0, kStepCount - 1);
    // A small windowed preview still gets readable text: the screen scale
    // never drops below 0.7 (21 px body at the default step).
    float screen_scale = std::max(screen_short_side / 1080.0f, 0.7f);
    float body = std::round(30.0f * screen_scale * kStepScale[step]);
    FontSizes sizes;
    sizes.body = body;
    sizes.h1 = std::round(body * 1.6f);
    sizes.h2 = std::round(body * 1.3f);
    sizes.h3 = std::round(body * 1.12f);
    // Captions shrink less than body text so they stay readable at step 0.
    sizes.small = std::round(std::max(body * 0.85f, 22.0f * screen_scale));
    sizes.button = std::round(body * 1.05f);
    sizes.title = std::round(body * 1.75f);
    return sizes;
}

FontSizes FontSizesFor(int step, float screen_width, float screen_height)
{
    return FontSizesFor(step, std::min(screen_width, screen_height));
}

// ---------------------------------------------------------------------------
// Paths
// ---------------------------------------------------------------------------

static bool IsFile(const std::string& path)
{
    struct stat info;
    return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool FontPaths::Find(FontPaths* out, std::string* error)
{
    // Debian's fonts-noto-core and fonts-dejavu-core install locations.
    std::string noto_dir = "/usr/share/fonts/truetype/noto";
    std::string mono_dir = "/usr/share/fonts/truetype/dejavu";
    if (const char* env = std::getenv("CAREKIOSK_FONT_DIR"); env && *env) {
        noto_dir = env;
        mono_dir = env;
    }
    FontPaths paths;
    paths.regular = noto_dir + "/NotoSans-Regular.ttf";
    paths.bold = noto_dir + "/NotoSans-Bold.ttf";
    paths.italic = noto_dir + "/NotoSans-Italic.ttf";
    paths.bold_italic = noto_dir + "/NotoSans-BoldItalic.ttf";
    paths.mono = mono_dir + "/DejaVuSansMono.ttf";
    for (const std::string* path : {&paths.regular, &paths.bold, &paths.italic, &paths.bold_italic, &paths.mono}) {
        if (!IsFile(*path)) {
            if (error)
                *error = "font file not found: " + *path;
            return false;
        }
    }
    *out = paths;
    return true;
}

// ---------------------------------------------------------------------------
// Atlas
// ---------------------------------------------------------------------------

// Generations are unique across all Fonts objects, so a layout cached against
// one atlas is never mistaken for valid against another.
static std::atomic<int> g_next_generation{1};

bool Fonts::Build(const FontPaths& paths, const FontSizes& sizes, const std::string& text, std::string* error)
{
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // Tall-and-narrow instead of rounding the height up to a power of two.
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    // Only the characters the content uses, plus what the UI may need: a
    // full Unicode range at 11 sizes would not fit in any texture.
    static const ImWchar kBaseRanges[] = {
        0x0020, 0x00FF,   // ASCII + Latin-1 Supplement
        0x2013, 0x2026,   // dashes, quotes, bullet, ellipsis
        0xFFFD, 0xFFFD,   // replacement character
        0,
    };
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    builder.AddText(text.c_str(), text.c_str() + text.size());
    ranges_.clear();
    builder.BuildRanges(&ranges_);

    struct RoleSpec { FontRole role; const std::string* path; float size; };
    const float code_size = std::round(sizes.body * 0.92f);   // mono looks larger at equal size
    const RoleSpec specs[] = {
        {FontRole::Body, &paths.regular, sizes.body},
        {FontRole::BodyBold, &paths.bold, sizes.body},
        {FontRole::BodyItalic, &paths.italic, sizes.body},
        {FontRole::BodyBoldItalic, &paths.bold_italic, sizes.body},
        {FontRole::Code, &paths.mono, code_size},
        {FontRole::H1, &paths.bold, sizes.h1},
        {FontRole::H2, &paths.bold, sizes.h2},
        {FontRole::H3, &paths.bold, sizes.h3},
        {FontRole::Small, &paths.regular, sizes.small},
        {FontRole::Button, &paths.bold, sizes.button},
        {FontRole::Title, &paths.bold, sizes.title},
    };

    bool ok = true;
    ImFontConfig config;
    config.OversampleH = 1;   // FreeType renders at the final size; no oversampling needed
    config.OversampleV = 1;
    for (const RoleSpec& spec : specs) {
        ImFont* font = IsFile(*spec.path)
            ? atlas->AddFontFromFileTTF(spec.path->c_str(), spec.size, &config, ranges_.Data)
            : nullptr;
        if (!font) {
            if (error && ok)
                *error = "cannot load font " + *spec.path;
            ok = false;
            break;
        }
        fonts_[static_cast<int>(spec.role)] = font;
    }

    if (!ok) {
        // Fall back to ImGui's built-in font for every role so nothing
        // dereferences a null font; text is small but present.
        atlas->Clear();
        ImFont* fallback = atlas->AddFontDefault();
        for (ImFont*& font : fonts_)
            font = fallback;
    }
    if (!atlas->Build()) {
        if (error && ok)
            *error = "font atlas build failed";
        ok = false;
    }
    ImGui::GetIO().FontDefault = fonts_[static_cast<int>(FontRole::Body)];
    sizes_ = sizes;
    generation_ = g_next_generation.fetch_add(1);
    return ok;
}

} // namespace ck::ui
