// Fallback fonts per script: the atlas draws Greek, Cyrillic, Vietnamese and
// Chinese sample text in every role, reports what nothing installed can draw,
// flags right-to-left text, and stays within a texture budget for CJK content.
// Headless ImGui context, real installed fonts; skips when they are missing.
#include "document/markdown.h"
#include "base/utf8.h"
#include "fonts/font_coverage.h"
#include "text/fonts.h"

#include "../missing_input.h"
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <thread>

using namespace ck;
using namespace ck::ui;

namespace {

const char* const kGreek = "Καλημέρα σας. Η θεραπεία είναι ήπια για το δέρμα.";
const char* const kCyrillic = "Здравствуйте! Ёжик, щётка, объём — мягкая процедура для кожи.";
const char* const kVietnamese = "Xin chào! Lăn kim là liệu pháp nhẹ nhàng: ửng đỏ, ặ ậ ệ ộ ợ ự Đ.";
const char* const kChinese = "你好！微针治疗是一种温和的皮肤护理方法，请每天使用防晒霜。";

std::string AllSamples()
{
    return std::string(kGreek) + kCyrillic + kVietnamese + kChinese;
}

std::string Utf8Of(char32_t c)
{
    std::string text;
    AppendUtf8(text, c);
    return text;
}

std::string ReadFile(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

struct Atlas {
    ImGuiContext* context = nullptr;
    FontPaths paths;
    Fonts fonts;
    bool have_fonts = false;
    bool built = false;
    std::string why;

    Atlas()
    {
        context = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        have_fonts = FontPaths::Find(&paths, &why);
    }
    ~Atlas() { ImGui::DestroyContext(context); }
    bool Build(const std::string& text, int step = 1)
    {
        built = have_fonts && fonts.Build(paths, FontSizesFor(step, 1080.0f), text, &why);
        return built;
    }
};

// CJK needs fonts-noto-cjk (or another CJK font); without one the CJK checks
// cannot say anything useful.
bool HaveCjkFont()
{
    return UncoveredCharacters(kChinese).empty();
}

#define SKIP_WITHOUT_FONTS(atlas)                                                  \
    if (!(atlas).have_fonts) {                                                     \
        CAREKIOSK_REQUIRE_INPUT(false, "Noto Sans fonts not available (" + (atlas).why + ")"); \
    }

#define SKIP_WITHOUT_CJK()                                                         \
    if (!HaveCjkFont()) {                                                          \
        CAREKIOSK_REQUIRE_INPUT(false, "no installed font covers Chinese (install fonts-noto-cjk)"); \
    }

std::vector<char32_t> GlyphlessCharacters(const ImFont* font, const std::string& text)
{
    std::vector<char32_t> missing;
    for (char32_t c : DistinctCharacters(text))
        if (!font->FindGlyphNoFallback(static_cast<ImWchar>(c)))
            missing.push_back(c);
    return missing;
}

std::string Labels(const std::vector<char32_t>& characters)
{
    std::string labels;
    for (char32_t c : characters)
        labels += CodepointLabel(c) + " ";
    return labels;
}

} // namespace

// ---------------------------------------------------------------------------
// Character classes
// ---------------------------------------------------------------------------

TEST_CASE("ContainsRightToLeft finds Hebrew and Arabic, not Latin or CJK", "[fonts]")
{
    CHECK(ContainsRightToLeft("Hello שלום"));
    CHECK(ContainsRightToLeft("مرحبا"));
    CHECK(ContainsRightToLeft(Utf8Of(0xFEFC)));   // Arabic presentation form (lam-alef)
    CHECK_FALSE(ContainsRightToLeft("Hello, world: café, ñ"));
    CHECK_FALSE(ContainsRightToLeft(kChinese));
    CHECK_FALSE(ContainsRightToLeft(AllSamples()));
    CHECK_FALSE(ContainsRightToLeft(""));
}

TEST_CASE("DistinctCharacters is sorted, unique and drops invisible characters", "[fonts]")
{
    const std::vector<char32_t> characters = DistinctCharacters("ba\tab\n\xE2\x80\x8B" "a");   // + zero-width space
    CHECK(characters == std::vector<char32_t>{U'a', U'b'});
    CHECK(CodepointLabel(0xE000) == "U+E000");
    CHECK(CodepointLabel(0x1F600) == "U+1F600");
}

namespace {

std::vector<char32_t> Decoded(const std::string& text)
{
    std::vector<char32_t> out;
    size_t pos = 0;
    while (pos < text.size())
        out.push_back(DecodeUtf8(text, &pos));
    return out;
}

} // namespace

TEST_CASE("ContentGlyphs holds every character a screen can show beyond the base set, once each, in order",
          "[fonts]")
{
    Content content;
    content.config.clinic_name = "Clinique \u00C9toile \u0141";   // É (base set), Ł
    LanguageContent& en = content.languages.emplace_back();
    en.lang = "en";
    Page& page = en.pages.emplace_back();
    page.title = "\u00DFb \u0107";                  // ß (base set), ć
    page.summary = "\u03A9";                         // Ω, Greek: only in a summary
    page.owner = "\u017D";                           // Ž
    page.doc = ParseMarkdown("Body *\u0416* and `\u2192`\n");   // Ж, →
    FaqEntry& entry = en.faq.emplace_back();
    entry.question = "\u4F60?";                      // 你
    entry.answer = ParseMarkdown("- \u0148\n");        // ň
    LanguageContent& es = content.languages.emplace_back();
    es.lang = "es";
    es.ui["home.title"] = "\u0151\u200B";              // ő and a zero-width space
    const std::vector<char32_t> decoded = Decoded(ContentGlyphs(content));
    CHECK(decoded == std::vector<char32_t>{U'\u0107', U'\u0141', U'\u0148', U'\u0151', U'\u017D', U'\u03A9',
                                           U'\u0416', U'\u2192', U'\u4F60'});
    for (char32_t c : {U'a', U'?', U'\u00C9', U'\u00DF', U'\u2013', U'\u2026'})
        CHECK(AlwaysInAtlas(c));
    for (char32_t c : decoded)
        CHECK_FALSE(AlwaysInAtlas(c));
}

TEST_CASE("GlyphsCovered: a reload needs a new atlas only for characters it lacks", "[fonts]")
{
    const auto glyphs = [](std::u32string characters) {
        std::string out;
        for (char32_t c : characters)
            AppendUtf8(out, unsigned(c));
        return out;
    };
    const std::string held = glyphs(U"\u0107\u03A9\u4F60");   // ć Ω 你
    CHECK(GlyphsCovered(held, held));
    CHECK(GlyphsCovered(held, ""));
    CHECK(GlyphsCovered(held, glyphs(U"\u0107\u4F60")));        // one character fewer
    CHECK(GlyphsCovered("", glyphs(U"09az\u00F1\u2019")));     // digits, letters, ñ, ’: always there
    CHECK_FALSE(GlyphsCovered(held, glyphs(U"\u0107\u0416")));  // Ж is new
    CHECK_FALSE(GlyphsCovered(held, glyphs(U"\u00E9\u4F61")));  // past the last one held
    CHECK_FALSE(GlyphsCovered("", glyphs(U"\u0107")));
}

// ---------------------------------------------------------------------------
// Coverage report
// ---------------------------------------------------------------------------

TEST_CASE("UncoveredCharacters reports private-use and non-BMP characters only", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    SKIP_WITHOUT_CJK();
    CHECK(UncoveredCharacters(AllSamples()).empty());
    CHECK(UncoveredCharacters("Plain English, café.").empty());

    const std::string text = "Text " + Utf8Of(0xE000) + " more " + Utf8Of(0x1F600) + Utf8Of(0xE000) + " 你好";
    CHECK(UncoveredCharacters(text) == std::vector<char32_t>{0xE000, 0x1F600});
}

// ---------------------------------------------------------------------------
// Fallback plan
// ---------------------------------------------------------------------------

TEST_CASE("PlanFallbacks needs nothing for Latin, Greek, Cyrillic or Vietnamese", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    // Noto Sans covers these scripts itself: no fallback, no fontconfig cost.
    for (const char* sample : {kGreek, kCyrillic, kVietnamese}) {
        INFO(sample);
        const FallbackPlan plan = PlanFallbacks(atlas.paths.regular, DistinctCharacters(sample));
        CHECK(plan.error.empty());
        CHECK(plan.faces.empty());
        CHECK(plan.uncovered.empty());
    }
}

TEST_CASE("PlanFallbacks picks a Noto CJK face in the region the text suggests", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    SKIP_WITHOUT_CJK();
    const FallbackPlan chinese = PlanFallbacks(atlas.paths.regular, DistinctCharacters(kChinese));
    REQUIRE(chinese.faces.size() == 1);
    CHECK(chinese.uncovered.empty());
    CHECK(chinese.faces[0].characters == DistinctCharacters("你好！微针治疗是一种温和的皮肤护理方法，请每天使用防晒霜。"));
    const std::string family = chinese.faces[0].family;
    CAREKIOSK_REQUIRE_INPUT(family.rfind("Noto Sans CJK", 0) == 0,
                            "the CJK fallback is " + family + ", not Noto Sans CJK (fonts-noto-cjk)");
    CHECK(family == "Noto Sans CJK SC");

    const FallbackPlan japanese = PlanFallbacks(atlas.paths.regular, DistinctCharacters("こんにちは、治療"));
    REQUIRE(japanese.faces.size() == 1);
    CHECK(japanese.faces[0].family == "Noto Sans CJK JP");

    // Bold roles get the bold CJK file, not the regular one synthesised.
    const FallbackPlan bold = PlanFallbacks(atlas.paths.bold, DistinctCharacters(kChinese));
    REQUIRE(bold.faces.size() == 1);
    CHECK(bold.faces[0].path != chinese.faces[0].path);
}

// ---------------------------------------------------------------------------
// Atlas
// ---------------------------------------------------------------------------

TEST_CASE("every role draws every character of the Greek, Cyrillic, Vietnamese and Chinese samples", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    SKIP_WITHOUT_CJK();
    REQUIRE(atlas.Build(AllSamples()));
    CHECK(atlas.fonts.MissingCharacters().empty());
    const auto& families = atlas.fonts.FallbackFamilies();
    CHECK(std::any_of(families.begin(), families.end(),
                      [](const std::string& family) { return family.find("CJK") != std::string::npos; }));
    for (int role = 0; role < static_cast<int>(FontRole::Count); role++) {
        INFO("role " << role);
        const ImFont* font = atlas.fonts.Get(static_cast<FontRole>(role));
        REQUIRE(font);
        CHECK(Labels(GlyphlessCharacters(font, AllSamples())).empty());
    }
}

TEST_CASE("CJK glyphs enter the atlas only when the text uses them", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    SKIP_WITHOUT_CJK();
    REQUIRE(atlas.Build("Plain English text."));
    // (DejaVu Sans Mono lacks two leader dots of the base ranges; Noto Sans
    // lends them to the code role, which is fine.)
    for (const std::string& family : atlas.fonts.FallbackFamilies())
        CHECK(family.find("CJK") == std::string::npos);
    const ImFont* body = atlas.fonts.Get(FontRole::Body);
    CHECK(body->FindGlyphNoFallback(0x4F60) == nullptr);   // 你
    CHECK(body->FindGlyphNoFallback(0x7684) == nullptr);   // 的, a very common character

    REQUIRE(atlas.Build("Plain English text. 你好"));
    body = atlas.fonts.Get(FontRole::Body);
    CHECK(body->FindGlyphNoFallback(0x4F60) != nullptr);
    CHECK(body->FindGlyphNoFallback(0x7684) == nullptr);
}

TEST_CASE("characters no font has are reported by the atlas and do not fail the build", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    REQUIRE(atlas.Build("Private use: " + Utf8Of(0xE000) + " and Greek: Καλημέρα"));
    CHECK(atlas.fonts.MissingCharacters() == std::vector<char32_t>{0xE000});
    CHECK(atlas.fonts.Get(FontRole::Body)->FindGlyphNoFallback(0xE000) == nullptr);
    CHECK(atlas.fonts.Get(FontRole::Body)->FindGlyphNoFallback(0x03BB) != nullptr);   // λ
}

// Budget: a 2048 x 2048 single-channel texture (4 MiB) at the default step.
// GL 3.3 hardware guarantees far more (all current GPUs take 8192+), but a
// kiosk runs on small boards and re-uploads the atlas on every text-size
// change; the scripts page (about 200 distinct characters, a quarter of them
// Han) must fit with room for a much larger FAQ.
TEST_CASE("atlas for the CJK test content stays within 2048 x 2048 at the default step", "[fonts]")
{
    Atlas atlas;
    SKIP_WITHOUT_FONTS(atlas);
    SKIP_WITHOUT_CJK();
    const std::string dir = std::string(CAREKIOSK_TEST_DATA) + "/content/scripts";
    const std::string text = ReadFile(dir + "/kiosk.json") + ReadFile(dir + "/en/pages/alphabets.md");
    REQUIRE(text.find("你好") != std::string::npos);
    REQUIRE(atlas.Build(text, DefaultTextSizeStep()));
    CHECK(atlas.fonts.MissingCharacters().empty());
    INFO("atlas " << atlas.fonts.AtlasWidth() << " x " << atlas.fonts.AtlasHeight());
    CHECK(atlas.fonts.AtlasWidth() <= 2048);
    CHECK(atlas.fonts.AtlasHeight() <= 2048);
    CHECK(atlas.fonts.AtlasWidth() == ImGui::GetIO().Fonts->TexWidth);
    CHECK(atlas.fonts.AtlasHeight() == ImGui::GetIO().Fonts->TexHeight);
}

// The kiosk builds the atlas of another text size on a worker, with no ImGui
// context, and frees the font files as soon as the glyphs are in it.
TEST_CASE("an atlas built on another thread keeps its glyphs but not the font files", "[fonts]")
{
    Atlas atlas;   // for the paths, and the context the new atlas is checked in
    SKIP_WITHOUT_FONTS(atlas);
    REQUIRE(atlas.Build("Plain English text.", 1));
    CHECK(ImGui::GetIO().Fonts->ConfigData.empty());   // nothing points into freed bytes

    ImFontAtlas larger;
    Fonts fonts;
    bool ok = false;
    std::string why;
    std::thread worker([&] { ok = fonts.BuildInto(&larger, atlas.paths, FontSizesFor(3, 1080.0f), "Καλημέρα", &why); });
    worker.join();
    REQUIRE(ok);
    CHECK(larger.ConfigData.empty());
    CHECK(larger.TexPixelsAlpha8 != nullptr);   // the pixels wait for the upload
    CHECK(fonts.Sizes().body > atlas.fonts.Sizes().body);
    const ImFont* body = fonts.Get(FontRole::Body);
    REQUIRE(body);
    CHECK(body->ContainerAtlas == &larger);
    CHECK(body->FontSize == fonts.Sizes().body);
    CHECK(body->FindGlyphNoFallback(0x03BB) != nullptr);   // λ, from the text
    CHECK(body->FindGlyphNoFallback('A') != nullptr);      // the base set
    CHECK(fonts.Generation() != atlas.fonts.Generation());

    // Another build of the same object reads the files again.
    REQUIRE(fonts.BuildInto(&larger, atlas.paths, FontSizesFor(2, 1080.0f), "Здравствуйте", &why));
    CHECK(fonts.Get(FontRole::Body)->FindGlyphNoFallback(0x0417) != nullptr);   // З, from the new text
    CHECK(fonts.Get(FontRole::Body)->FindGlyphNoFallback(0x03BB) == nullptr);   // λ is no longer wanted
    CHECK(larger.ConfigData.empty());
}
