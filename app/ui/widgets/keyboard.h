// The on-screen keyboard of the search screen: a layout table per language
// (QWERTY letters; Spanish adds ñ and a row of accented vowels) and a "123"
// layer of digits and the signs queries use ("SPF 30", "x-ray", "don't"),
// placed to fit
// the screen with every key at least the touch-target size, and drawn with
// the window's draw list. Keys act on release like every other target (a
// press that turns into a drag types nothing) and show their pressed look
// while the finger is down. They only return intents (SearchAppend,
// SearchBackspace, SearchClear, SetKeyboard); the app applies them to the Session.
//
// Layout and placement are plain data with no ImGui calls, so tests check
// sizes without a context; only DrawKeyboard needs one.
#pragma once
#include "session/session.h"
#include "text/fonts.h"
#include "widgets/theme.h"
#include "widgets/touch_input.h"
#include <string>
#include <vector>

struct ImDrawList;

namespace ck::ui {

// [SECTION] Layout tables

enum class KeyKind {
    Letter,      // types `text`
    Space,       // types " "; labelled with the UI string "space"
    Backspace,   // deletes the last character; drawn as an icon
    Clear,       // empties the query; labelled with the UI string "clear"
    Digits,      // shows the "123" layer
    Letters,     // back to the letters ("ABC")
    Hide,        // hides the keyboard; labelled with the UI string "hide_keyboard"
};

struct KeySpec {
    KeyKind kind = KeyKind::Letter;
    std::string text;          // Letter: what it types (lower case UTF-8)
    std::string label;         // Letter: what it shows (upper case)
    float units = 1.0f;        // width in letter-key widths
};

struct KeyboardLayout {
    std::string lang;          // base language tag: "en", "es", "pt", "fr"
    std::vector<std::vector<KeySpec>> rows;   // top to bottom
};

// The layout for a language tag ("es-MX" uses "es"); English when the table
// has none for it.
const KeyboardLayout& KeyboardLayoutFor(const std::string& lang);
// Every language in the table, English first.
std::vector<std::string> KeyboardLanguages();
// The "123" layer, the same in every language.
const KeyboardLayout& DigitsLayout();

// [SECTION] Placement

struct KeyboardMetrics {
    float width = 0.0f;        // room across (px); the keys are centred in it
    float min_target = 57.0f;  // MinTargetPx(dpi): no key side is smaller
    float gap = 10.0f;         // between neighbouring keys
    float max_unit = 0.0f;     // cap on a letter key's width (wide screens); 0 = none
    float max_key_height = 0.0f;   // cap on a key's height; 0 = no cap beyond the unit
};

struct PlacedKey {
    const KeySpec* spec = nullptr;   // points into the layout table (static)
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

struct KeyboardGeometry {
    std::vector<PlacedKey> keys;
    float width = 0.0f, height = 0.0f;   // of the area the rows were centred in / stacked to
    float unit = 0.0f;                   // a letter key's width
    float key_height = 0.0f;
    bool fits = true;   // false: even min-size keys overflow `width` (keys are then min size)
};

// Places the layout's keys relative to (0, 0): rows stacked top down, each
// centred across `metrics.width`. The widest row decides the unit width.
KeyboardGeometry PlaceKeyboard(const KeyboardLayout& layout, const KeyboardMetrics& metrics);

// [SECTION] Intents and drawing

// What tapping `key` asks for.
Intent KeyIntent(const KeySpec& key);
// The intents typing `text` on the keyboard gives: one SearchAppend per
// character, as if each key had been tapped (input scripts' `type` uses it).
std::vector<Intent> TypeIntents(const std::string& text);

struct KeyboardDraw {
    ImDrawList* draw = nullptr;
    const Theme* theme = nullptr;
    const Fonts* fonts = nullptr;          // null: ImGui's current font
    const PointerState* pointer = nullptr;
    std::string space_label, clear_label, hide_label;   // UI strings "space", "clear", "hide_keyboard"
};

// Draws the keys offset by (x, y) and returns the intents of keys tapped this
// frame (at most one).
std::vector<Intent> DrawKeyboard(const KeyboardGeometry& geometry, float x, float y, const KeyboardDraw& in);

} // namespace ck::ui
