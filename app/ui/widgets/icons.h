// Icons: glyphs of Google's Material Icons (Debian's
// fonts-material-design-icons-iconfont), merged into the font atlas at two
// sizes when it is built (text/fonts.cpp), so every icon is one family.
// Content names any Material icon in front matter (content/icon_names.h);
// the chrome uses its own names for what it needs (back, home, text-size,
// contrast, chevron-down, chevron-up, globe, speaker, stop, zoom-in,
// zoom-out, close, qr-code).
#pragma once
#include <string>
#include <vector>

struct ImDrawList;

namespace ck::ui {

// Draws `name` centred at (cx, cy) inside a `size` x `size` square in
// `colour`. Unknown names draw "info". `cutout` (the colour behind it) is
// unused since the icons became glyphs; kept so callers need not change.
void DrawIcon(ImDrawList* draw, const std::string& name, float cx, float cy, float size,
              unsigned colour, unsigned cutout);

// True for a name DrawIcon draws as itself (a chrome name, a Material name or an alias).
bool IsIconName(const std::string& name);

// The glyph a name draws; 0 for none.
char32_t IconGlyph(const std::string& name);

// The glyphs the chrome always needs, whatever the content.
const std::vector<char32_t>& ChromeIconGlyphs();

// The name the icon fonts carry while the atlas builds.
constexpr const char* kIconFontName = "CareKiosk icons";

} // namespace ck::ui
