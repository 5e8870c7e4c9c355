// The on-screen keyboard: layouts per language, key sizes against the
// touch-target rule, rows fitting portrait and landscape screens, and the
// intents keys give. Placement is plain arithmetic, so no ImGui context.
#include "widgets/keyboard.h"
#include "screens/screens.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

using namespace ck;
using namespace ck::ui;

namespace {

std::set<std::string> LetterTexts(const KeyboardLayout& layout)
{
    std::set<std::string> letters;
    for (const auto& row : layout.rows)
        for (const KeySpec& key : row)
            if (key.kind == KeyKind::Letter)
                letters.insert(key.text);
    return letters;
}

int CountKind(const KeyboardLayout& layout, KeyKind kind)
{
    int count = 0;
    for (const auto& row : layout.rows)
        for (const KeySpec& key : row)
            count += key.kind == kind ? 1 : 0;
    return count;
}

// The room the search screen gives the keyboard: the screen minus its side
// margins (4.5% each), the way screen_widgets.cpp computes them at default
// text size.
float KeyboardRoom(float screen_width)
{
    return screen_width - 2 * std::round(screen_width * 0.045f);
}

} // namespace

TEST_CASE("every language's layout has the letters and the action keys", "[keyboard]")
{
    const std::vector<std::string> langs = KeyboardLanguages();
    REQUIRE(langs.size() >= 2);
    CHECK(langs.front() == "en");
    for (const std::string& lang : langs) {
        INFO("layout " << lang);
        const KeyboardLayout& layout = KeyboardLayoutFor(lang);
        CHECK(layout.lang == lang);
        CHECK(CountKind(layout, KeyKind::Space) == 1);
        CHECK(CountKind(layout, KeyKind::Backspace) == 1);
        CHECK(CountKind(layout, KeyKind::Clear) == 1);
        const std::set<std::string> letters = LetterTexts(layout);
        for (char c = 'a'; c <= 'z'; c++)
            CHECK(letters.count(std::string(1, c)) == 1);
        for (const auto& row : layout.rows)
            for (const KeySpec& key : row)
                if (key.kind == KeyKind::Letter) {
                    CHECK(!key.label.empty());
                    CHECK(key.label != key.text);   // capitals shown, lower case typed
                }
    }
}

TEST_CASE("Spanish has ñ and the accented vowels, and English does without", "[keyboard]")
{
    const std::set<std::string> es = LetterTexts(KeyboardLayoutFor("es"));
    for (const char* letter : {"ñ", "á", "é", "í", "ó", "ú", "ü"})
        CHECK(es.count(letter) == 1);
    const std::set<std::string> en = LetterTexts(KeyboardLayoutFor("en"));
    CHECK(en.size() == 26);
    for (const char* letter : {"ñ", "á", "é", "í", "ó", "ú"})
        CHECK(en.count(letter) == 0);

    const KeyboardLayout& es_layout = KeyboardLayoutFor("es");
    bool found_upper = false;
    for (const auto& row : es_layout.rows)
        for (const KeySpec& key : row)
            if (key.text == "ñ")
                found_upper = key.label == "Ñ";
    CHECK(found_upper);
}

TEST_CASE("language tags pick the layout by their base language", "[keyboard]")
{
    CHECK(KeyboardLayoutFor("es-MX").lang == "es");
    CHECK(KeyboardLayoutFor("ES").lang == "es");
    CHECK(KeyboardLayoutFor("pt_BR").lang == "pt");
    CHECK(KeyboardLayoutFor("de").lang == "en");
    CHECK(KeyboardLayoutFor("").lang == "en");
}

TEST_CASE("keys are at least the touch target and rows fit portrait and landscape", "[keyboard]")
{
    // 96 dpi (the screenshot default), a typical 21.5" 1080p panel, and a
    // dense 15.6" one where 15 mm is 92 px.
    for (const float dpi : {96.0f, 102.0f, 141.0f}) {
        for (const float screen : {1080.0f, 1920.0f}) {
            for (const std::string& lang : KeyboardLanguages()) {
                INFO("dpi " << dpi << ", width " << screen << ", layout " << lang);
                KeyboardMetrics m;
                m.min_target = MinTargetPx(dpi);
                m.width = KeyboardRoom(screen);
                m.gap = std::round(m.min_target * 0.16f);
                m.max_unit = std::round(m.min_target * 1.75f);
                const KeyboardGeometry g = PlaceKeyboard(KeyboardLayoutFor(lang), m);
                CHECK(g.fits);
                REQUIRE(!g.keys.empty());
                for (const PlacedKey& key : g.keys) {
                    CHECK(key.x1 - key.x0 >= m.min_target);
                    CHECK(key.y1 - key.y0 >= m.min_target);
                    CHECK(key.x0 >= 0.0f);
                    CHECK(key.x1 <= m.width);
                }
                // Neighbours in a row never touch; rows never overlap.
                for (size_t i = 1; i < g.keys.size(); i++) {
                    const PlacedKey& a = g.keys[i - 1];
                    const PlacedKey& b = g.keys[i];
                    if (a.y0 == b.y0)
                        CHECK(b.x0 - a.x1 >= m.gap - 1.0f);
                    else
                        CHECK(b.y0 - a.y1 >= m.gap - 1.0f);
                }
                CHECK(g.height == Approx(g.keys.back().y1));
                // Landscape: the letter keys stop growing at the cap and the
                // rows sit centred in the room.
                if (screen == 1920.0f) {
                    CHECK(g.unit <= m.max_unit);
                    float left = 1e9f, right = 0.0f;
                    for (const PlacedKey& key : g.keys) {
                        left = std::min(left, key.x0);
                        right = std::max(right, key.x1);
                    }
                    CHECK(std::abs(left - (m.width - right)) <= 2.0f);
                    if (dpi == 96.0f)   // on a wide screen the keys stay a hand-span wide, centred
                        CHECK(right - left < m.width * 0.65f);
                }
            }
        }
    }
}

TEST_CASE("a height cap lowers keys but never below the touch target", "[keyboard]")
{
    KeyboardMetrics m;
    m.width = 1000.0f;
    m.min_target = 57.0f;
    m.gap = 9.0f;
    m.max_key_height = 66.0f;
    const KeyboardGeometry capped = PlaceKeyboard(KeyboardLayoutFor("en"), m);
    CHECK(capped.key_height == Approx(66.0f));
    m.max_key_height = 20.0f;
    const KeyboardGeometry floor = PlaceKeyboard(KeyboardLayoutFor("en"), m);
    CHECK(floor.key_height == Approx(57.0f));
}

TEST_CASE("a screen too narrow for min-size keys says so", "[keyboard]")
{
    KeyboardMetrics m;
    m.width = 400.0f;
    m.min_target = 57.0f;
    m.gap = 9.0f;
    const KeyboardGeometry g = PlaceKeyboard(KeyboardLayoutFor("en"), m);
    CHECK_FALSE(g.fits);
    for (const PlacedKey& key : g.keys)
        CHECK(key.x1 - key.x0 >= 57.0f);
}

TEST_CASE("keys give the search intents", "[keyboard]")
{
    const KeyboardLayout& layout = KeyboardLayoutFor("es");
    for (const auto& row : layout.rows)
        for (const KeySpec& key : row) {
            const Intent intent = KeyIntent(key);
            switch (key.kind) {
            case KeyKind::Letter:
                CHECK(intent.kind == IntentKind::SearchAppend);
                CHECK(intent.text == key.text);
                break;
            case KeyKind::Space:
                CHECK(intent.kind == IntentKind::SearchAppend);
                CHECK(intent.text == " ");
                break;
            case KeyKind::Backspace: CHECK(intent.kind == IntentKind::SearchBackspace); break;
            case KeyKind::Clear: CHECK(intent.kind == IntentKind::SearchClear); break;
            }
        }
}

TEST_CASE("typing text gives one append per character, like key taps", "[keyboard]")
{
    const std::vector<Intent> intents = TypeIntents("año 2");
    REQUIRE(intents.size() == 5);
    const char* expected[] = {"a", "ñ", "o", " ", "2"};
    for (size_t i = 0; i < intents.size(); i++) {
        CHECK(intents[i].kind == IntentKind::SearchAppend);
        CHECK(intents[i].text == expected[i]);
    }
    CHECK(TypeIntents("").empty());

    // Applied to a session they build the query; backspace removes ñ whole.
    Session session;
    for (const Intent& intent : TypeIntents("niño"))
        session.Apply(intent, 1.0);
    CHECK(session.Query() == "niño");
    session.Apply(KeyIntent(KeySpec{KeyKind::Backspace, "", "", 1.5f}), 2.0);
    session.Apply(KeyIntent(KeySpec{KeyKind::Backspace, "", "", 1.5f}), 2.0);
    CHECK(session.Query() == "ni");
    session.Apply(KeyIntent(KeySpec{KeyKind::Clear, "", "", 2.5f}), 3.0);
    CHECK(session.Query().empty());
}

TEST_CASE("the 123 layer types digits, hyphen and apostrophe, and every layout can switch and hide", "[keyboard]")
{
    std::set<std::string> typed;
    for (const auto& row : DigitsLayout().rows)
        for (const KeySpec& key : row)
            if (key.kind == KeyKind::Letter)
                typed.insert(key.text);
    for (const char* wanted : {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-", "'", ".", "/"})
        CHECK(typed.count(wanted) == 1);

    auto count = [](const KeyboardLayout& layout, KeyKind kind) {
        int n = 0;
        for (const auto& row : layout.rows)
            for (const KeySpec& key : row)
                n += key.kind == kind;
        return n;
    };
    CHECK(count(DigitsLayout(), KeyKind::Letters) == 1);
    CHECK(count(DigitsLayout(), KeyKind::Hide) == 1);
    CHECK(count(DigitsLayout(), KeyKind::Backspace) == 1);
    for (const std::string& lang : KeyboardLanguages()) {
        INFO(lang);
        CHECK(count(KeyboardLayoutFor(lang), KeyKind::Digits) == 1);
        CHECK(count(KeyboardLayoutFor(lang), KeyKind::Hide) == 1);
    }
    CHECK(KeyIntent(KeySpec{KeyKind::Digits, "", "123", 1.5f}).kind == IntentKind::SetKeyboard);
    CHECK(KeyIntent(KeySpec{KeyKind::Digits, "", "123", 1.5f}).value == int(KeyboardMode::Digits));
    CHECK(KeyIntent(KeySpec{KeyKind::Hide, "", "", 2.5f}).value == int(KeyboardMode::Hidden));
    CHECK(KeyIntent(KeySpec{KeyKind::Letters, "", "ABC", 1.5f}).value == int(KeyboardMode::Letters));

    // The 123 layer fits like the letters: every key at least the touch target.
    KeyboardMetrics m;
    m.min_target = MinTargetPx(96.0f);
    m.width = 1000.0f;
    m.gap = std::round(m.min_target * 0.16f);
    const KeyboardGeometry g = PlaceKeyboard(DigitsLayout(), m);
    CHECK(g.fits);
    for (const PlacedKey& key : g.keys)
        CHECK(key.x1 - key.x0 >= m.min_target);
}
