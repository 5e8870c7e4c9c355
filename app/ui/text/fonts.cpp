// Font sizes per text-size step, locating the font files, and building
// ImGui's atlas with the FreeType rasteriser.
#include "text/fonts.h"

#include "base/utf8.h"
#include "fonts/font_coverage.h"
#include "content/icon_names.h"
#include "widgets/icons.h"

#include <imgui_freetype.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
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
    if (IsFile(IconFontPath()))
        paths.icons = IconFontPath();
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

// What the UI may draw beyond the content's own text.
static const ImWchar kBaseRanges[] = {
    0x0020, 0x00FF,   // ASCII + Latin-1 Supplement
    0x2013, 0x2026,   // dashes, quotes, bullet, ellipsis
    // Not U+FFFD: each font's glyph index is a table as long as its highest
    // character, 11 fonts x 6 bytes x 65 533 = 4 MB for a sign no patient
    // needs. Content with invalid UTF-8 has it in its text and still gets it.
    0,
};

bool AlwaysInAtlas(char32_t c)
{
    for (const ImWchar* range = kBaseRanges; range[0]; range += 2)
        if (c >= range[0] && c <= range[1])
            return true;
    return false;
}

std::string ContentGlyphs(const Content& content)
{
    std::string text = content.config.clinic_name;
    for (const LanguageContent& lang : content.languages) {
        for (const Page& page : lang.pages)
            text += page.title + page.summary + page.owner + DocumentPlainText(page.doc);
        for (const FaqEntry& entry : lang.faq)
            text += entry.question + DocumentPlainText(entry.answer);
        for (const auto& [key, value] : lang.ui)
            text += value;
    }
    // Icons are glyphs of the icon font: the pages' own join the atlas too.
    for (const LanguageContent& lang : content.languages)
        for (const Page& page : lang.pages)
            if (const char32_t icon = IconCodepoint(page.icon))
                AppendUtf8(text, unsigned(kIconInText + icon));
    std::string glyphs;
    for (char32_t c : DistinctCharacters(text))
        if (!AlwaysInAtlas(c))
            AppendUtf8(glyphs, unsigned(c));
    return glyphs;
}

bool GlyphsCovered(const std::string& held, const std::string& wanted)
{
    size_t h = 0, w = 0;
    char32_t current = 0;   // the last character read from `held`; both run in code point order
    bool have_current = false;
    while (w < wanted.size()) {
        const char32_t c = DecodeUtf8(wanted, &w);
        while ((!have_current || current < c) && h < held.size()) {
            current = DecodeUtf8(held, &h);
            have_current = true;
        }
        if (!(have_current && current == c) && !AlwaysInAtlas(c))
            return false;
    }
    return true;
}

void* Fonts::FileData(const std::string& path, int* size)
{
    std::vector<unsigned char>& bytes = files_[path];
    if (bytes.empty()) {
        // One read of the whole file: a CJK collection is ~20 MB.
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        const std::streamoff length = in ? static_cast<std::streamoff>(in.tellg()) : 0;
        if (length > 0) {
            bytes.resize(static_cast<size_t>(length));
            in.seekg(0);
            if (!in.read(reinterpret_cast<char*>(bytes.data()), length))
                bytes.clear();
        }
        if (bytes.empty()) {
            files_.erase(path);
            return nullptr;
        }
    }
    *size = static_cast<int>(bytes.size());
    return bytes.data();
}

namespace {

struct RoleSpec { FontRole role; const std::string* path; float size; };

// Every visible character the atlas should hold: the base ranges plus `text`.
std::vector<char32_t> NeededCharacters(const std::string& text)
{
    std::vector<char32_t> needed = DistinctCharacters(text);
    for (const ImWchar* range = kBaseRanges; range[0]; range += 2)
        for (char32_t c = range[0]; c <= range[1]; c++)
            if (!IsInvisibleCharacter(c))
                needed.push_back(c);
    std::sort(needed.begin(), needed.end());
    needed.erase(std::unique(needed.begin(), needed.end()), needed.end());
    return needed;
}

// Adds a font whose bytes the caller keeps. ImGui 1.86 copies the whole file
// when FontDataOwnedByAtlas is false (11 roles x a 20 MB CJK collection =
// 220 MB and a second of memcpy), so hand the bytes over as "owned" and take
// ownership back on the stored config: the atlas then neither copies nor
// frees them.
ImFont* AddSharedFont(ImFontAtlas* atlas, void* data, int size, float pixels, ImFontConfig config,
                      const ImWchar* ranges)
{
    config.FontDataOwnedByAtlas = true;
    ImFont* font = atlas->AddFontFromMemoryTTF(data, size, pixels, &config, ranges);
    if (!atlas->ConfigData.empty() && atlas->ConfigData.back().FontData == data)
        atlas->ConfigData.back().FontDataOwnedByAtlas = false;
    return font;
}

std::vector<ImWchar> RangesFor(const std::vector<char32_t>& characters)
{
    ImFontGlyphRangesBuilder builder;
    for (char32_t c : characters)
        builder.AddChar(static_cast<ImWchar>(c));   // plans hold BMP characters only
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    return std::vector<ImWchar>(ranges.begin(), ranges.end());
}

} // namespace

bool Fonts::Build(const FontPaths& paths, const FontSizes& sizes, const std::string& text, std::string* error)
{
    const bool ok = BuildInto(ImGui::GetIO().Fonts, paths, sizes, text, error);
    UseAsDefault();
    return ok;
}

void Fonts::UseAsDefault() const
{
    ImGui::GetIO().FontDefault = fonts_[static_cast<int>(FontRole::Body)];
}

void Fonts::Swap(Fonts& other) noexcept
{
    std::swap(fonts_, other.fonts_);
    std::swap(sizes_, other.sizes_);
    std::swap(generation_, other.generation_);
    ranges_.swap(other.ranges_);
    icon_ranges_.swap(other.icon_ranges_);
    files_.swap(other.files_);
    fallback_ranges_.swap(other.fallback_ranges_);
    fallback_families_.swap(other.fallback_families_);
    missing_.swap(other.missing_);
    std::swap(atlas_width_, other.atlas_width_);
    std::swap(atlas_height_, other.atlas_height_);
}

// Icon glyphs come marked (kIconInText + glyph, see ContentGlyphs) and go
// to the icon font; the rest is text.
static bool IsIconCharacter(char32_t c)
{
    return c >= kIconInText && c <= kIconInText + 0xFFFF;
}

static std::string WithoutIcons(const std::string& text, std::vector<char32_t>* icons)
{
    std::string out;
    for (size_t at = 0; at < text.size();) {
        const size_t start = at;
        const char32_t c = DecodeUtf8(text, &at);
        if (IsIconCharacter(c))
            icons->push_back(c - kIconInText);
        else
            out.append(text, start, at - start);
    }
    return out;
}

// The icon font at a small size (buttons, rows) and a large one (tiles, the
// attract screen), holding only the glyphs in `ranges`.
void Fonts::AddIconFonts(ImFontAtlas* atlas, const std::string& path, const FontSizes& sizes, ImFontConfig config)
{
    int size = 0;
    void* data = path.empty() ? nullptr : FileData(path, &size);
    if (!data)
        return;
    std::snprintf(config.Name, sizeof config.Name, "%s", kIconFontName);
    for (float pixels : {std::round(sizes.button), std::round(sizes.title * 1.8f)})
        AddSharedFont(atlas, data, size, pixels, config, icon_ranges_.Data);
}

bool Fonts::BuildInto(ImFontAtlas* atlas, const FontPaths& paths, const FontSizes& sizes,
                      const std::string& text_and_icons, std::string* error)
{
    std::vector<char32_t> icons = ChromeIconGlyphs();
    const std::string text = WithoutIcons(text_and_icons, &icons);
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    // Tall-and-narrow instead of rounding the height up to a power of two.
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;

    // Only the characters the content uses, plus what the UI may need: a
    // full Unicode range at 11 sizes would not fit in any texture.
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(kBaseRanges);
    builder.AddText(text.c_str(), text.c_str() + text.size());
    ranges_.clear();
    builder.BuildRanges(&ranges_);

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

    // One fallback plan per primary file (bold roles get bold fallbacks, the
    // code role monospaced ones), made before any font is added so the
    // glyph-range arrays never move while the atlas points at them.
    std::map<std::string, FallbackPlan> plans;
    for (const RoleSpec& spec : specs)
        plans[*spec.path];
    PlanFallbackFonts(NeededCharacters(text), &plans);
    missing_ = plans[paths.regular].uncovered;

    bool ok = true;
    ImFontConfig config;
    config.OversampleH = 1;   // FreeType renders at the final size; no oversampling needed
    config.OversampleV = 1;
    for (const RoleSpec& spec : specs) {
        ImFont* font = AddRole(atlas, *spec.path, spec.size, plans[*spec.path], fallback_ranges_[*spec.path], config);
        if (!font) {
            if (error && ok)
                *error = "cannot load font " + *spec.path;
            ok = false;
            break;
        }
        fonts_[static_cast<int>(spec.role)] = font;
    }
    if (ok) {
        ImFontGlyphRangesBuilder icon_builder;
        for (char32_t c : icons)
            icon_builder.AddChar(static_cast<ImWchar>(c));
        icon_ranges_.clear();
        icon_builder.BuildRanges(&icon_ranges_);
        AddIconFonts(atlas, paths.icons, sizes, config);
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
    // The glyphs are in the atlas now: nothing reads the font files (2.4 MB
    // for Noto Sans and DejaVu Sans Mono, ~20 MB with a CJK collection)
    // until the next build, which reads them again. The atlas's input
    // records point into them, so they go first.
    atlas->ClearInputData();
    files_.clear();
    atlas_width_ = atlas->TexWidth;
    atlas_height_ = atlas->TexHeight;
    sizes_ = sizes;
    generation_ = g_next_generation.fetch_add(1);
    return ok;
}

// Fills each primary file's plan, the glyph ranges of every fallback face and
// the list of fallback families.
void Fonts::PlanFallbackFonts(const std::vector<char32_t>& needed, std::map<std::string, FallbackPlan>* plans)
{
    fallback_ranges_.clear();
    fallback_families_.clear();
    for (auto& [path, plan] : *plans) {
        if (!IsFile(path))
            continue;   // reported when the role is added
        plan = PlanFallbacks(path, needed);
        for (const FallbackFace& face : plan.faces) {
            fallback_ranges_[path].push_back(RangesFor(face.characters));
            auto& families = fallback_families_;
            if (std::find(families.begin(), families.end(), face.family) == families.end())
                families.push_back(face.family);
        }
    }
}

// Adds the primary font of one role, then merges each fallback face of `plan`
// at the same size for only the characters it supplies (`ranges`, one per
// face). A fallback that cannot be read is skipped (its characters show as
// '?'); a primary that cannot be read fails the role.
ImFont* Fonts::AddRole(ImFontAtlas* atlas, const std::string& path, float size, const FallbackPlan& plan,
                       const std::vector<std::vector<ImWchar>>& ranges, ImFontConfig config)
{
    int data_size = 0;
    void* data = IsFile(path) ? FileData(path, &data_size) : nullptr;
    if (!data)
        return nullptr;
    ImFont* font = AddSharedFont(atlas, data, data_size, size, config, ranges_.Data);
    if (!font)
        return nullptr;
    config.MergeMode = true;
    for (size_t i = 0; i < plan.faces.size() && i < ranges.size(); i++) {
        void* face_data = FileData(plan.faces[i].path, &data_size);
        if (!face_data)
            continue;
        config.FontNo = static_cast<unsigned>(plan.faces[i].face_index);
        AddSharedFont(atlas, face_data, data_size, size, config, ranges[i].data());
    }
    return font;
}

} // namespace ck::ui
