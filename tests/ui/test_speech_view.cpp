// Read-aloud highlight: every segment ReadingSegments gives has a laid-out
// box in the DocumentView, boxes come down the page in reading order, and a
// list item's box holds its own text, not the nested list read after it.
// Headless ImGui context with the real fonts (no window, no GL).
#include "content/content.h"
#include "document/markdown.h"
#include "document/speech_text.h"
#include "widgets/document_view.h"
#include "text/fonts.h"

#include "../missing_input.h"
#include <catch2/catch.hpp>
#include <imgui.h>

using namespace ck;
using namespace ck::ui;

namespace {

struct HighlightUi {
    ImGuiContext* context = nullptr;
    Fonts fonts;
    bool ok = false;
    std::string why;

    HighlightUi()
    {
        context = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        FontPaths paths;
        if (FontPaths::Find(&paths, &why))
            ok = fonts.Build(paths, FontSizesFor(1, 1080.0f), "", &why);
    }
    ~HighlightUi() { ImGui::DestroyContext(context); }
    ViewContext View(const Content* content) const
    {
        ViewContext view;
        view.theme = &DefaultTheme();
        view.fonts = &fonts;
        view.content = content;
        return view;
    }
};

} // namespace

TEST_CASE("read-aloud: every segment of every bundled page has a box, in reading order", "[speech][layout]")
{
    HighlightUi ui;
    CAREKIOSK_REQUIRE_INPUT(ui.ok, "fonts not available (" + ui.why + ")");
    const LoadResult loaded = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    int checked = 0;
    for (const LanguageContent& lang : loaded.content->languages) {
        for (const Page& page : lang.pages) {
            INFO(page.source);
            const Document body = PageBody(page);
            DocumentView view;
            const float height = view.Layout(body, 900.0f, ui.View(loaded.content.get()));
            float previous_top = -1.0f;
            for (const SpeechSegment& segment : ReadingSegments(body)) {
                INFO(segment.text);
                float y0 = 0.0f, y1 = 0.0f;
                REQUIRE(view.BlockBounds(segment.block, &y0, &y1));
                CHECK(y1 > y0);
                CHECK(y0 >= previous_top);
                CHECK(y1 <= height);
                previous_top = y0;
                checked++;
            }
        }
    }
    CHECK(checked > 100);
}

TEST_CASE("read-aloud: a list item's box ends where its nested list begins", "[speech][layout]")
{
    HighlightUi ui;
    CAREKIOSK_REQUIRE_INPUT(ui.ok, "fonts not available (" + ui.why + ")");
    const Document doc = ParseMarkdown("- Outer item\n  - Inner one\n  - Inner two\n- Last item\n");
    DocumentView view;
    view.Layout(doc, 600.0f, ui.View(nullptr));
    const std::vector<SpeechSegment> segments = ReadingSegments(doc);
    REQUIRE(segments.size() == 4);
    float outer0 = 0, outer1 = 0, inner0 = 0, inner1 = 0, last0 = 0, last1 = 0;
    REQUIRE(view.BlockBounds(segments[0].block, &outer0, &outer1));
    REQUIRE(view.BlockBounds(segments[1].block, &inner0, &inner1));
    REQUIRE(view.BlockBounds(segments[3].block, &last0, &last1));
    CHECK(outer1 <= inner0);
    CHECK(inner1 <= last0);
    CHECK(outer1 - outer0 < last0 - outer0);   // not stretched over the nested items
    CHECK_FALSE(view.BlockBounds(-1, &outer0, &outer1));
    CHECK_FALSE(view.BlockBounds(1000, &outer0, &outer1));
}
