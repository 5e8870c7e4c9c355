// Icon names: Google's Material Icons, from Debian's
// fonts-material-design-icons-iconfont (Apache-2.0), whose SCSS map names
// every glyph of its font ("healing": e3f3). Staff write any of these names
// in front matter (`icon: healing`); the UI draws the glyph from the same
// package's font, merged into its atlas. The first twelve names the kiosk
// had (sparkle, calendar, drop ...) stay as aliases of Material names.
//
// The table is read once, on first use: content loading and the font atlas
// build (both workers, or the command line) use it before any frame does.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ck {

// Where the package puts its font and its names ($CAREKIOSK_ICON_DIR, when
// set, holds both files, for tests).
std::string IconFontPath();
std::string IconNamesPath();

struct IconName {
    std::string name;          // "healing"
    char32_t codepoint = 0;    // its glyph in the icon font
};

// Every name, sorted; empty when the package is not installed.
const std::vector<IconName>& IconNames();

// A name the kiosk keeps for a Material icon ("sparkle" for "auto_awesome").
struct IconAlias {
    const char* alias;
    const char* name;   // the Material name
};
// The glyph for a Material name or an alias; 0 when there is none.
char32_t IconCodepoint(std::string_view name);
// Up to `count` names closest to `typo` (aliases included), nearest first.
std::vector<std::string> NearestIconNames(std::string_view typo, size_t count);

} // namespace ck
