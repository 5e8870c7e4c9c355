// The built-in icon set, drawn as vector shapes so it is sharp at any size
// and needs no image files. Content names icons with KnownIcons() (sparkle,
// calendar, drop, shield, warning, question, info, sun, clock, heart, person,
// list); the chrome adds back, home, text-size, contrast, chevron-down,
// chevron-up, globe, and speaker and stop (read aloud).
#pragma once
#include <string>

struct ImDrawList;

namespace ck::ui {

// Draws `name` centred at (cx, cy) inside a `size` x `size` square in
// `colour`; `cutout` is the colour behind it, used for details punched out of
// filled shapes (the "!" in the warning sign). Unknown names draw "info".
void DrawIcon(ImDrawList* draw, const std::string& name, float cx, float cy, float size,
              unsigned colour, unsigned cutout);

bool IsIconName(const std::string& name);

} // namespace ck::ui
