// Theme colours: WCAG contrast of every text/background pair the screens use.
#include "widgets/theme.h"

#include <catch2/catch.hpp>

#include <string>

using namespace ck::ui;

TEST_CASE("relative luminance matches WCAG reference values", "[theme]")
{
    CHECK(RelativeLuminance(RgbFromHex(0xFFFFFF)) == Approx(1.0).margin(1e-6));
    CHECK(RelativeLuminance(RgbFromHex(0x000000)) == Approx(0.0).margin(1e-6));
    CHECK(RelativeLuminance(RgbFromHex(0x777777)) == Approx(0.184).margin(0.001));
    // Pure primaries carry exactly their channel weights.
    CHECK(RelativeLuminance(RgbFromHex(0xFF0000)) == Approx(0.2126).margin(1e-4));
    CHECK(RelativeLuminance(RgbFromHex(0x00FF00)) == Approx(0.7152).margin(1e-4));
}

TEST_CASE("contrast ratio is symmetric and spans 1..21", "[theme]")
{
    Rgb white = RgbFromHex(0xFFFFFF), black = RgbFromHex(0x000000), grey = RgbFromHex(0x777777);
    CHECK(ContrastRatio(white, black) == Approx(21.0).margin(0.01));
    CHECK(ContrastRatio(black, white) == Approx(21.0).margin(0.01));
    CHECK(ContrastRatio(grey, grey) == Approx(1.0).margin(1e-9));
    // #777 on white is the classic just-fails-AA grey (4.48:1).
    CHECK(ContrastRatio(grey, white) == Approx(4.48).margin(0.01));
}

static void CheckPairs(const Theme& theme, double minimum)
{
    auto pairs = TextPairs(theme);
    REQUIRE(pairs.size() >= 10);
    for (const ColourPair& pair : pairs) {
        double ratio = ContrastRatio(pair.foreground, pair.background);
        INFO(theme.name << ": " << pair.name << " = " << ratio << ":1");
        CHECK(ratio >= minimum);
    }
}

TEST_CASE("default theme: every text pair reaches WCAG AA (4.5:1)", "[theme]")
{
    CheckPairs(DefaultTheme(), 4.5);
    // Body text aims higher than the floor.
    const Theme& t = DefaultTheme();
    CHECK(ContrastRatio(t.text, t.background) >= 7.0);
    CHECK(ContrastRatio(t.text, t.surface) >= 7.0);
}

TEST_CASE("high-contrast theme: every text pair reaches WCAG AAA (7:1)", "[theme]")
{
    CheckPairs(HighContrastTheme(), 7.0);
}

TEST_CASE("the two themes really differ", "[theme]")
{
    const Theme& a = DefaultTheme();
    const Theme& b = HighContrastTheme();
    CHECK(std::string(a.name) != std::string(b.name));
    CHECK(RelativeLuminance(a.background) > 0.8);   // light
    CHECK(RelativeLuminance(b.background) < 0.05);  // dark
}

TEST_CASE("PackColour produces ImGui's ABGR layout", "[theme]")
{
    CHECK(PackColour(RgbFromHex(0xFF0000)) == 0xFF0000FFu);
    CHECK(PackColour(RgbFromHex(0x0000FF), 0.0f) == 0x00FF0000u);
}
