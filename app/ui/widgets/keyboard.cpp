// The on-screen keyboard. See keyboard.h.
//
// Index
//   [SECTION] Layout tables
//   [SECTION] Placement
//   [SECTION] Intents
//   [SECTION] Drawing
#include "widgets/keyboard.h"

#include "base/utf8.h"

#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <sstream>

namespace ck::ui {

// [SECTION] Layout tables

namespace {

// Upper case of a lower-case Latin letter: ASCII, and Latin-1's à..þ sit
// exactly 0x20 above their capitals (÷ excepted). Enough for the table below.
std::string UpperLabel(const std::string& letter)
{
    size_t pos = 0;
    unsigned cp = DecodeUtf8(letter, &pos);
    if (cp >= 'a' && cp <= 'z')
        cp -= 0x20;
    else if (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)
        cp -= 0x20;
    std::string out;
    AppendUtf8(out, cp);
    return out + letter.substr(pos);
}

// A row of letter keys from space-separated letters, e.g. "q w e r t".
std::vector<KeySpec> Letters(const char* letters)
{
    std::vector<KeySpec> row;
    std::istringstream in(letters);
    std::string letter;
    while (in >> letter)
        row.push_back(KeySpec{KeyKind::Letter, letter, UpperLabel(letter), 1.0f});
    return row;
}

std::vector<KeySpec> WithBackspace(std::vector<KeySpec> row)
{
    row.push_back(KeySpec{KeyKind::Backspace, std::string(), std::string(), 1.5f});
    return row;
}

// The layer switch and Clear on the left (away from the letters a hurried
// finger aims at), a wide space bar in the middle, Hide on the right.
std::vector<KeySpec> BottomRow(KeyKind layer)
{
    return {KeySpec{layer, std::string(), layer == KeyKind::Digits ? "123" : "ABC", 1.5f},
            KeySpec{KeyKind::Clear, std::string(), std::string(), 2.0f},
            KeySpec{KeyKind::Space, " ", std::string(), 4.0f},
            KeySpec{KeyKind::Hide, std::string(), std::string(), 2.5f}};
}

std::vector<KeyboardLayout> BuildLayouts()
{
    std::vector<KeyboardLayout> layouts;
    // English: plain QWERTY.
    layouts.push_back({"en",
                       {Letters("q w e r t y u i o p"), Letters("a s d f g h j k l"),
                        WithBackspace(Letters("z x c v b n m")), BottomRow(KeyKind::Digits)}});
    // Spanish: ñ after l as on a Spanish keyboard, and the accented vowels in
    // a row of their own above the letters (no dead keys to learn).
    layouts.push_back({"es",
                       {Letters("á é í ó ú ü"), Letters("q w e r t y u i o p"), Letters("a s d f g h j k l ñ"),
                        WithBackspace(Letters("z x c v b n m")), BottomRow(KeyKind::Digits)}});
    // Portuguese: ç after l, and the accents Portuguese writes.
    layouts.push_back({"pt",
                       {Letters("á â ã é ê í ó ô õ ú"), Letters("q w e r t y u i o p"),
                        Letters("a s d f g h j k l ç"), WithBackspace(Letters("z x c v b n m")), BottomRow(KeyKind::Digits)}});
    // French: AZERTY, with the accented letters French uses most.
    layouts.push_back({"fr",
                       {Letters("é è ê à â ç ù î ô ë"), Letters("a z e r t y u i o p"),
                        Letters("q s d f g h j k l m"), WithBackspace(Letters("w x c v b n")), BottomRow(KeyKind::Digits)}});
    return layouts;
}

KeyboardLayout BuildDigits()
{
    return {"123",
            {Letters("1 2 3 4 5 6 7 8 9 0"), Letters("- ' / . , ? ( )"), WithBackspace(Letters("+ % & : ; !")),
             BottomRow(KeyKind::Letters)}};
}

const std::vector<KeyboardLayout>& Layouts()
{
    static const std::vector<KeyboardLayout> layouts = BuildLayouts();
    return layouts;
}

} // namespace

const KeyboardLayout& KeyboardLayoutFor(const std::string& lang)
{
    const std::string base = ToLowerAscii(lang.substr(0, lang.find_first_of("-_")));
    for (const KeyboardLayout& layout : Layouts())
        if (layout.lang == base)
            return layout;
    return Layouts().front();
}

const KeyboardLayout& DigitsLayout()
{
    static const KeyboardLayout digits = BuildDigits();
    return digits;
}

std::vector<std::string> KeyboardLanguages()
{
    std::vector<std::string> langs;
    for (const KeyboardLayout& layout : Layouts())
        langs.push_back(layout.lang);
    return langs;
}

// [SECTION] Placement

KeyboardGeometry PlaceKeyboard(const KeyboardLayout& layout, const KeyboardMetrics& m)
{
    // A key `k` units wide spans k letter keys and the k-1 gaps between them,
    // so a row of U units is U * (unit + gap) - gap wide and columns line up.
    KeyboardGeometry g;
    g.width = m.width;
    float unit = m.max_unit > 0.0f ? m.max_unit : 1e9f;
    for (const auto& row : layout.rows) {
        float units = 0.0f;
        for (const KeySpec& key : row)
            units += key.units;
        if (units > 0.0f)
            unit = std::min(unit, (m.width + m.gap) / units - m.gap);
    }
    if (unit >= 1e9f)
        unit = m.min_target;
    if (unit < m.min_target) {
        unit = m.min_target;
        g.fits = false;
    }
    g.unit = std::floor(unit);
    float height = g.unit * 0.92f;
    if (m.max_key_height > 0.0f)
        height = std::min(height, m.max_key_height);
    g.key_height = std::round(std::max(height, m.min_target));

    float y = 0.0f;
    for (const auto& row : layout.rows) {
        float units = 0.0f;
        for (const KeySpec& key : row)
            units += key.units;
        const float row_w = units * (g.unit + m.gap) - m.gap;
        const float left = std::round((m.width - row_w) * 0.5f);
        float at = 0.0f;   // units so far: each edge is rounded once, so rows never creep past the width
        for (const KeySpec& key : row) {
            const float x0 = std::round(left + at * (g.unit + m.gap));
            at += key.units;
            const float x1 = std::round(left + at * (g.unit + m.gap) - m.gap);
            g.keys.push_back(PlacedKey{&key, x0, y, x1, y + g.key_height});
        }
        y += g.key_height + m.gap;
    }
    g.height = layout.rows.empty() ? 0.0f : y - m.gap;
    return g;
}

// [SECTION] Intents

Intent KeyIntent(const KeySpec& key)
{
    switch (key.kind) {
    case KeyKind::Letter: return Intent{IntentKind::SearchAppend, key.text, 0};
    case KeyKind::Space: return Intent{IntentKind::SearchAppend, " ", 0};
    case KeyKind::Backspace: return Intent{IntentKind::SearchBackspace, std::string(), 0};
    case KeyKind::Clear: return Intent{IntentKind::SearchClear, std::string(), 0};
    case KeyKind::Digits: return Intent{IntentKind::SetKeyboard, std::string(), int(KeyboardMode::Digits)};
    case KeyKind::Letters: return Intent{IntentKind::SetKeyboard, std::string(), int(KeyboardMode::Letters)};
    case KeyKind::Hide: return Intent{IntentKind::SetKeyboard, std::string(), int(KeyboardMode::Hidden)};
    }
    return Intent{IntentKind::SearchClear, std::string(), 0};
}

std::vector<Intent> TypeIntents(const std::string& text)
{
    std::vector<Intent> intents;
    size_t pos = 0;
    while (pos < text.size()) {
        const size_t begin = pos;
        DecodeUtf8(text, &pos);
        intents.push_back(Intent{IntentKind::SearchAppend, text.substr(begin, pos - begin), 0});
    }
    return intents;
}

// [SECTION] Drawing

namespace {

// A key-cap "delete left" sign: a tag pointing left with a cross in it.
void DrawBackspaceIcon(ImDrawList* draw, float cx, float cy, float size, ImU32 colour)
{
    const float h = size * 0.36f, w = size * 0.5f, tip = size * 0.22f;
    const float stroke = std::max(2.0f, size * 0.07f);
    const ImVec2 points[] = {
        ImVec2(cx - w, cy), ImVec2(cx - w + tip, cy - h), ImVec2(cx + w, cy - h),
        ImVec2(cx + w, cy + h), ImVec2(cx - w + tip, cy + h),
    };
    draw->AddPolyline(points, 5, colour, ImDrawFlags_Closed, stroke);
    const float x = cx + tip * 0.5f, r = h * 0.42f;
    draw->AddLine(ImVec2(x - r, cy - r), ImVec2(x + r, cy + r), colour, stroke);
    draw->AddLine(ImVec2(x - r, cy + r), ImVec2(x + r, cy - r), colour, stroke);
}

ImFont* RoleFont(const KeyboardDraw& in, FontRole role)
{
    ImFont* font = in.fonts ? in.fonts->Get(role) : nullptr;
    return font ? font : ImGui::GetFont();
}

void CentredLabel(ImDrawList* draw, ImFont* font, float cx, float cy, ImU32 colour, const std::string& text)
{
    const ImVec2 size = font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
    draw->AddText(font, font->FontSize, ImVec2(std::round(cx - size.x * 0.5f), std::round(cy - size.y * 0.5f)),
                  colour, text.c_str(), text.c_str() + text.size());
}

} // namespace

std::vector<Intent> DrawKeyboard(const KeyboardGeometry& g, float ox, float oy, const KeyboardDraw& in)
{
    std::vector<Intent> intents;
    const Theme& t = *in.theme;
    const PointerState no_touch;
    const PointerState& p = in.pointer ? *in.pointer : no_touch;
    const float rounding = std::round(g.key_height * 0.16f);
    for (size_t i = 0; i < g.keys.size(); i++) {
        const PlacedKey& placed = g.keys[i];
        const KeySpec& key = *placed.spec;
        const float x0 = ox + placed.x0, y0 = oy + placed.y0, x1 = ox + placed.x1, y1 = oy + placed.y1;
        auto inside = [&](float x, float y) { return x >= x0 && x < x1 && y >= y0 && y < y1; };
        const bool held = p.down && !p.dragging && inside(p.press_x, p.press_y) && inside(p.x, p.y);
        if (p.tapped && inside(p.tap_x, p.tap_y))
            intents.push_back(KeyIntent(key));

        // Letters on the surface colour, the action keys a shade apart; a
        // held key turns accent at once so the patient sees it took.
        const bool action = key.kind != KeyKind::Letter && key.kind != KeyKind::Space;
        const Rgb fill = held ? t.accent : action ? t.code_background : t.surface;
        const Rgb ink = held ? t.accent_text : t.text;
        in.draw->AddRectFilled(ImVec2(x0, y0 + 2.0f), ImVec2(x1, y1 + 2.0f), PackColour(t.rule), rounding);
        in.draw->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), PackColour(fill), rounding);
        if (!held)
            in.draw->AddRect(ImVec2(x0, y0), ImVec2(x1, y1), PackColour(t.rule), rounding, 0, 1.5f);
        const float cx = (x0 + x1) * 0.5f, cy = (y0 + y1) * 0.5f;
        switch (key.kind) {
        case KeyKind::Letter:
            CentredLabel(in.draw, RoleFont(in, FontRole::Button), cx, cy, PackColour(ink), key.label);
            break;
        case KeyKind::Space:
            CentredLabel(in.draw, RoleFont(in, FontRole::Body), cx, cy, PackColour(held ? ink : t.text_muted),
                         in.space_label);
            break;
        case KeyKind::Clear:
            CentredLabel(in.draw, RoleFont(in, FontRole::Button), cx, cy, PackColour(ink), in.clear_label);
            break;
        case KeyKind::Backspace:
            DrawBackspaceIcon(in.draw, cx, cy, std::min(x1 - x0, y1 - y0) * 0.62f, PackColour(ink));
            break;
        case KeyKind::Digits:
        case KeyKind::Letters:
            CentredLabel(in.draw, RoleFont(in, FontRole::Button), cx, cy, PackColour(ink), key.label);
            break;
        case KeyKind::Hide:
            CentredLabel(in.draw, RoleFont(in, FontRole::Button), cx, cy, PackColour(ink), in.hide_label);
            break;
        }
    }
    return intents;
}

} // namespace ck::ui
