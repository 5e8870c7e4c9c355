// Icons as glyphs of the icon font in the atlas. See icons.h.
#include "widgets/icons.h"
#include "content/icon_names.h"
#include "base/utf8.h"
#include <imgui.h>
#include <cmath>
#include <string_view>

namespace ck::ui {

namespace {

// The chrome's names for what it draws, as Material names.
constexpr IconAlias kChrome[] = {
    {"back", "arrow_back"},         {"home", "home"},             {"text-size", "format_size"},
    {"contrast", "contrast"},       {"chevron-down", "expand_more"}, {"chevron-up", "expand_less"},
    {"globe", "language"},          {"speaker", "volume_up"},     {"stop", "stop"},
    {"info", "info"},               {"question", "help"},         {"clock", "schedule"},
    {"sparkle", "auto_awesome"},    {"phone", "phone"},           {"sound-off", "volume_off"},
    {"to-reading", "subject"},      {"qr-code", "qr_code"},       {"zoom-in", "add"},
    {"zoom-out", "remove"},         {"close", "close"},
    {"play", "play_arrow"},         {"pause", "pause"},           {"replay", "replay"},
    {"captions", "closed_caption"}, {"captions-off", "closed_caption_disabled"},
};

// The atlas font holding glyph `code` nearest `size` from above (a glyph
// drawn smaller than its bitmap stays sharp; larger, it blurs), else the
// largest. Only the icon fonts hold icon glyphs (text never falls back to
// the icon font), and the atlas keeps no font names after its build.
ImFont* IconFont(char32_t code, float size)
{
    ImFont* best = nullptr;
    for (ImFont* font : ImGui::GetIO().Fonts->Fonts) {
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(code)))
            continue;
        const bool fits = font->FontSize >= size * 0.95f;
        if (!best || (fits && (best->FontSize < size * 0.95f || font->FontSize < best->FontSize))
            || (!fits && best->FontSize < size * 0.95f && font->FontSize > best->FontSize))
            best = font;
    }
    return best;
}

} // namespace

char32_t IconGlyph(const std::string& name)
{
    for (const IconAlias& icon : kChrome)
        if (name == icon.alias)
            return IconCodepoint(icon.name);
    return IconCodepoint(name);
}

bool IsIconName(const std::string& name)
{
    return IconGlyph(name) != 0;
}

const std::vector<char32_t>& ChromeIconGlyphs()
{
    static const std::vector<char32_t> glyphs = [] {
        std::vector<char32_t> out;
        for (const IconAlias& icon : kChrome)
            if (const char32_t code = IconCodepoint(icon.name))
                out.push_back(code);
        return out;
    }();
    return glyphs;
}

void DrawIcon(ImDrawList* draw, const std::string& name, float cx, float cy, float size, unsigned colour,
              unsigned cutout)
{
    (void)cutout;
    char32_t code = IconGlyph(name);
    if (code == 0)
        code = IconGlyph("info");
    ImFont* font = code ? IconFont(code, size) : nullptr;
    const ImFontGlyph* glyph = font ? font->FindGlyphNoFallback(static_cast<ImWchar>(code)) : nullptr;
    if (!glyph) {
        // No icon font (the package is missing): a plain dot keeps the place.
        draw->AddCircleFilled(ImVec2(cx, cy), size * 0.18f, colour, 16);
        return;
    }
    // Centre the glyph's ink on (cx, cy), whatever the font's metrics.
    const float scale = size / font->FontSize;
    const float x = std::round(cx - (glyph->X0 + glyph->X1) * 0.5f * scale);
    const float y = std::round(cy - (glyph->Y0 + glyph->Y1) * 0.5f * scale);
    std::string utf8;
    AppendUtf8(utf8, static_cast<unsigned>(code));
    draw->AddText(font, size, ImVec2(x, y), colour, utf8.data(), utf8.data() + utf8.size());
}

} // namespace ck::ui
