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

const Theme& DefaultTheme()
{
    // Warm paper background, dark slate text, deep teal for headings, links
    // and the primary button. Body text sits near 14:1, links and headings
    // above 7:1 on every surface they appear on.
    static const Theme theme = {
        "default",
        RgbFromHex(0xFAF8F5),   // background
        RgbFromHex(0xFFFFFF),   // surface
        RgbFromHex(0xDCEBE8),   // surface_pressed
        RgbFromHex(0x1E2A32),   // text
        RgbFromHex(0x44515B),   // text_muted
        RgbFromHex(0x0A4A50),   // heading
        RgbFromHex(0x005C63),   // link
        RgbFromHex(0x0A5E62),   // accent
        RgbFromHex(0xFFFFFF),   // accent_text
        RgbFromHex(0xE4F1EF),   // quote_background
        RgbFromHex(0x2A8C89),   // quote_bar
        RgbFromHex(0xECEEF0),   // code_background
        RgbFromHex(0xC9CFD4),   // rule
        RgbFromHex(0xDDEBE9),   // table_header
        RgbFromHex(0x9AA8AE),   // table_border
        RgbFromHex(0x1E2A32),   // overlay (drawn with alpha)
    };
    return theme;
}

const Theme& HighContrastTheme()
{
    // White on black with yellow for anything interactive or structural.
    static const Theme theme = {
        "high-contrast",
        RgbFromHex(0x000000),   // background
        RgbFromHex(0x1A1A1A),   // surface
        RgbFromHex(0x333333),   // surface_pressed
        RgbFromHex(0xFFFFFF),   // text
        RgbFromHex(0xE6E6E6),   // text_muted
        RgbFromHex(0xFFFFFF),   // heading
        RgbFromHex(0xFFEB3B),   // link
        RgbFromHex(0xFFEB3B),   // accent
        RgbFromHex(0x000000),   // accent_text
        RgbFromHex(0x1A1A1A),   // quote_background
        RgbFromHex(0xFFEB3B),   // quote_bar
        RgbFromHex(0x262626),   // code_background
        RgbFromHex(0xFFFFFF),   // rule
        RgbFromHex(0x333333),   // table_header
        RgbFromHex(0xFFFFFF),   // table_border
        RgbFromHex(0x000000),   // overlay
    };
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
