// The two themes, WCAG contrast, and packing colours for ImGui draw lists.
//
// Every foreground/background pair that can actually occur on screen is
// listed in TextPairs(); test_theme checks each one, so a colour tweak that
// breaks readability fails the build rather than a patient's eyes.
#include "widgets/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace ck::ui {

Rgb RgbFromHex(unsigned hex)
{
    return Rgb{((hex >> 16) & 0xFF) / 255.0f, ((hex >> 8) & 0xFF) / 255.0f, (hex & 0xFF) / 255.0f};
}

namespace {

// Every role's colour in both themes, side by side.
// Default: warm paper background, dark slate text, deep teal for headings,
// links and the primary button. Body text sits near 14:1, links and headings
// above 7:1 on every surface they appear on.
// High contrast: white on black with yellow for anything interactive or
// structural.
struct RoleColours {
    Rgb Theme::*role;
    unsigned calm;       // DefaultTheme()
    unsigned contrast;   // HighContrastTheme()
};

constexpr RoleColours kRoleColours[] = {
    {&Theme::background,       0xFAF8F5, 0x000000},
    {&Theme::surface,          0xFFFFFF, 0x1A1A1A},
    {&Theme::surface_pressed,  0xDCEBE8, 0x333333},
    {&Theme::text,             0x1E2A32, 0xFFFFFF},
    {&Theme::text_muted,       0x44515B, 0xE6E6E6},
    {&Theme::heading,          0x0A4A50, 0xFFFFFF},
    {&Theme::link,             0x005C63, 0xFFEB3B},
    {&Theme::accent,           0x0A5E62, 0xFFEB3B},
    {&Theme::accent_text,      0xFFFFFF, 0x000000},
    {&Theme::quote_background, 0xE4F1EF, 0x1A1A1A},
    {&Theme::quote_bar,        0x2A8C89, 0xFFEB3B},
    {&Theme::code_background,  0xECEEF0, 0x262626},
    {&Theme::rule,             0xC9CFD4, 0xFFFFFF},
    {&Theme::table_header,     0xDDEBE9, 0x333333},
    {&Theme::table_border,     0x9AA8AE, 0xFFFFFF},
    {&Theme::overlay,          0x1E2A32, 0x000000},   // drawn with alpha
};
static_assert(sizeof(kRoleColours) / sizeof(kRoleColours[0]) == (sizeof(Theme) - sizeof(const char*)) / sizeof(Rgb),
              "every colour of Theme has a row");

// The theme made of one column of the table.
Theme MakeTheme(const char* name, unsigned RoleColours::*column)
{
    Theme theme{};
    theme.name = name;
    for (const RoleColours& colours : kRoleColours)
        theme.*colours.role = RgbFromHex(colours.*column);
    return theme;
}

} // namespace

const Theme& DefaultTheme()
{
    static const Theme theme = MakeTheme("default", &RoleColours::calm);
    return theme;
}

const Theme& HighContrastTheme()
{
    static const Theme theme = MakeTheme("high-contrast", &RoleColours::contrast);
    return theme;
}

std::vector<ColourPair> TextPairs(const Theme& t)
{
    return {
        {"text on background", t.text, t.background},
        {"text on surface", t.text, t.surface},
        {"text on pressed surface", t.text, t.surface_pressed},
        {"muted on background", t.text_muted, t.background},
        {"muted on surface", t.text_muted, t.surface},
        {"muted on pressed surface", t.text_muted, t.surface_pressed},
        {"heading on background", t.heading, t.background},
        {"heading on surface", t.heading, t.surface},
        {"link on background", t.link, t.background},
        {"link on surface", t.link, t.surface},
        {"link in quote", t.link, t.quote_background},
        {"link in table header", t.link, t.table_header},
        {"accent text on accent", t.accent_text, t.accent},
        {"text in quote", t.text, t.quote_background},
        {"heading in quote", t.heading, t.quote_background},
        {"code text on code background", t.text, t.code_background},
        {"text in table header", t.text, t.table_header},
        {"muted caption on code background", t.text_muted, t.code_background},
    };
}

// ---------------------------------------------------------------------------
// WCAG 2.x: linearise sRGB, weight by the eye's sensitivity, (L1+.05)/(L2+.05)
// ---------------------------------------------------------------------------

static double Linearise(float channel)
{
    double c = channel;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double RelativeLuminance(Rgb colour)
{
    return 0.2126 * Linearise(colour.r) + 0.7152 * Linearise(colour.g) + 0.0722 * Linearise(colour.b);
}

double ContrastRatio(Rgb a, Rgb b)
{
    double la = RelativeLuminance(a);
    double lb = RelativeLuminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

unsigned PackColour(Rgb colour, float alpha)
{
    return ImGui::ColorConvertFloat4ToU32(ImVec4(colour.r, colour.g, colour.b, alpha));
}

} // namespace ck::ui
