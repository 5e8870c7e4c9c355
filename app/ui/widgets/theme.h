// Colours and metrics of the two themes (calm default, high contrast). Plain
// data with no ImGui calls, so a test can compute WCAG contrast of every
// text/background pair.
#pragma once
#include <string>
#include <vector>

namespace ck::ui {

struct Rgb { float r, g, b; };   // 0..1, sRGB

struct Theme {
    const char* name;
    Rgb background;      // screen background
    Rgb surface;         // tiles, cards, FAQ rows, title bar
    Rgb surface_pressed; // a tile/button while the finger is down
    Rgb text;            // body text
    Rgb text_muted;      // summaries, captions, footers
    Rgb heading;
    Rgb link;            // internal links (also underlined)
    Rgb accent;          // primary buttons
    Rgb accent_text;     // text on accent
    Rgb quote_background;
    Rgb quote_bar;
    Rgb code_background;
    Rgb rule;
    Rgb table_header;    // header row background
    Rgb table_border;
    Rgb overlay;         // dims the screen behind the idle warning
};

const Theme& DefaultTheme();
const Theme& HighContrastTheme();

// A text colour drawn on a background colour, named for tests and reports.
struct ColourPair { const char* name; Rgb foreground; Rgb background; };
std::vector<ColourPair> TextPairs(const Theme& theme);

double RelativeLuminance(Rgb colour);              // WCAG 2.x
double ContrastRatio(Rgb a, Rgb b);                // 1..21

// "#1e2a32" style literal -> Rgb (for the theme tables and tests).
Rgb RgbFromHex(unsigned hex);
// Packs a colour as ImGui's ImU32 (ABGR) without needing imgui.h here.
unsigned PackColour(Rgb colour, float alpha = 1.0f);

} // namespace ck::ui
