// Fonts, the inline line-breaker and the document layout, with a headless
// ImGui context and an atlas built from the real Noto fonts (no window, no GL).
// Sections: fixture and builders; font sizes and the atlas; line breaking;
// document layout (styles, headings, lists, tables, images, cache, links,
// boxes, the shipped content).
#include "content/content.h"
#include "widgets/document_view.h"
#include "widgets/icons.h"
#include "content/icon_names.h"
#include "base/utf8.h"
#include "document/markdown.h"
#include "text/fonts.h"
#include "text/text_layout.h"

#include "../missing_input.h"
#include <catch2/catch.hpp>
#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

using namespace ck;
using namespace ck::ui;

namespace {

// -----------------------------------------------------------------------------
// Fixture and document builders
// -----------------------------------------------------------------------------

struct Ui {
    ImGuiContext* context = nullptr;
    Fonts fonts;
    bool ok = false;
    std::string why;

    explicit Ui(int step = 1, const std::string& text = "")
    {
        context = ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;
        FontPaths paths;
        if (!FontPaths::Find(&paths, &why))
            return;
        ok = fonts.Build(paths, FontSizesFor(step, 1080.0f), text, &why);
    }
    ~Ui() { ImGui::DestroyContext(context); }
    ImFont* Font(FontRole role) const { return fonts.Get(role); }
    ViewContext View(const Content* content = nullptr) const
    {
        ViewContext view;
        view.theme = &DefaultTheme();
        view.fonts = &fonts;
        view.content = content;
        return view;
    }
};

#define REQUIRE_FONTS(ui)                                                      \
    if (!(ui).ok) {                                                            \
        CAREKIOSK_REQUIRE_INPUT(false, "Noto Sans fonts not available (" + (ui).why + ")"); \
    }

Span S(const std::string& text, uint8_t style = Style_None, int link = -1)
{
    Span span;
    span.text = text;
    span.style = style;
    span.link = link;
    return span;
}

Block Para(std::vector<Span> spans)
{
    Block block;
    block.kind = BlockKind::Paragraph;
    block.spans = std::move(spans);
    return block;
}

Block Item(std::vector<Block> children)
{
    Block block;
    block.kind = BlockKind::ListItem;
    block.children = std::move(children);
    return block;
}

Block ListOf(bool ordered, unsigned start, std::vector<Block> items)
{
    Block block;
    block.kind = BlockKind::List;
    block.ordered = ordered;
    block.start = start;
    block.children = std::move(items);
    return block;
}

const std::string kText =
    "Microneedling uses very fine needles to make tiny punctures in the top layer of the skin. "
    "Your body responds by producing new collagen and elastin, which can soften fine lines, "
    "acne scars and enlarged pores over several weeks. Most people need three to six sessions, "
    "spaced four to six weeks apart - results build gradually.";

std::string NonSpace(const std::string& text)
{
    std::string out;
    for (char c : text)
        if (c != ' ')
            out += c;
    return out;
}

std::string Joined(const InlineLayout& layout)
{
    std::string out;
    for (const LaidLine& line : layout.lines)
        for (const LinePiece& piece : line.pieces)
            out += piece.text;
    return out;
}

std::vector<const DrawItem*> Texts(const DocumentLayout& layout)
{
    std::vector<const DrawItem*> out;
    for (const DrawItem& item : layout.items)
        if (item.kind == DrawItem::Kind::Text)
            out.push_back(&item);
    return out;
}

const DrawItem* FindText(const DocumentLayout& layout, const std::string& text)
{
    for (const DrawItem& item : layout.items)
        if (item.kind == DrawItem::Kind::Text && item.text.find(text) != std::string::npos)
            return &item;
    return nullptr;
}

} // namespace

// -----------------------------------------------------------------------------
// Font sizes and the atlas
// -----------------------------------------------------------------------------

TEST_CASE("font sizes: 30 px body by default on 1080, steps grow, headings larger", "[fonts]")
{
    REQUIRE(TextSizeSteps() == 4);
    FontSizes normal = FontSizesFor(1, 1080.0f);
    CHECK(normal.body == 30.0f);
    CHECK(FontSizesFor(0, 1080.0f).body < normal.body);
    CHECK(FontSizesFor(0, 1080.0f).body >= 24.0f);
    CHECK(FontSizesFor(3, 1080.0f).body >= 1.6f * normal.body);
    for (int step = 1; step < TextSizeSteps(); ++step)
        CHECK(FontSizesFor(step, 1080.0f).body > FontSizesFor(step - 1, 1080.0f).body);
    CHECK(normal.h1 > normal.h2);
    CHECK(normal.h2 > normal.h3);
    CHECK(normal.h3 > normal.body);
    CHECK(normal.h1 == Approx(1.6f * normal.body).margin(1.0f));
    // The shorter side decides: portrait and landscape 1080p read the same.
    CHECK(FontSizesFor(1, 1080.0f, 1920.0f).body == 30.0f);
    CHECK(FontSizesFor(1, 1920.0f, 1080.0f).body == 30.0f);
    CHECK(FontSizesFor(1, 2160.0f, 3840.0f).body == 60.0f);
}

TEST_CASE("atlas builds from the real fonts at every step and stays small", "[fonts]")
{
    // The glyph set of the shipped content, as the kiosk would build it.
    std::string content_text;
    std::filesystem::path content_dir = std::filesystem::path(CAREKIOSK_SOURCE_DIR) / "content";
    if (std::filesystem::exists(content_dir)) {
        for (const auto& entry : std::filesystem::recursive_directory_iterator(content_dir)) {
            auto ext = entry.path().extension();
            if (ext == ".md" || ext == ".json") {
                std::ifstream in(entry.path());
                std::stringstream buffer;
                buffer << in.rdbuf();
                content_text += buffer.str();
            }
        }
    }
    for (int step = 0; step < TextSizeSteps(); ++step) {
        Ui ui(step, content_text);
        REQUIRE_FONTS(ui);
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        std::cout << "atlas at step " << step << ": " << atlas->TexWidth << " x " << atlas->TexHeight << " px\n";
        CHECK(atlas->TexWidth <= 4096);
        CHECK(atlas->TexHeight <= 4096);
        CHECK(ui.Font(FontRole::Body)->FontSize == FontSizesFor(step, 1080.0f).body);
        CHECK(ui.Font(FontRole::H1)->FontSize == FontSizesFor(step, 1080.0f).h1);
        // Spanish content needs its accented letters and inverted marks.
        for (ImWchar c : {ImWchar(0x00F1), ImWchar(0x00BF), ImWchar(0x2014)})
            CHECK(ui.Font(FontRole::Body)->FindGlyphNoFallback(c) != nullptr);
    }
}

TEST_CASE("icons are glyphs of the icon font, merged into the atlas at two sizes: the chrome's and the pages'", "[fonts]")
{
    CAREKIOSK_REQUIRE_INPUT(!IconNames().empty(), "the icon font is not installed (fonts-material-design-icons-iconfont)");
    std::string text = "Aftercare";
    AppendUtf8(text, unsigned(kIconInText + IconCodepoint("healing")));   // as ContentGlyphs adds a page's icon
    Ui ui(1, text);
    REQUIRE_FONTS(ui);
    std::vector<const ImFont*> icon_fonts;
    for (const ImFont* font : ImGui::GetIO().Fonts->Fonts)
        if (font->FindGlyphNoFallback(ImWchar(IconGlyph("back"))))
            icon_fonts.push_back(font);
    REQUIRE(icon_fonts.size() == 2);
    CHECK(icon_fonts[0]->FontSize < icon_fonts[1]->FontSize);
    for (const ImFont* font : icon_fonts) {
        for (const char* chrome : {"back", "home", "text-size", "contrast", "speaker", "stop", "globe", "chevron-down"})
            CHECK(font->FindGlyphNoFallback(ImWchar(IconGlyph(chrome))) != nullptr);
        CHECK(font->FindGlyphNoFallback(ImWchar(IconCodepoint("healing"))) != nullptr);
        CHECK(font->FindGlyphNoFallback(ImWchar(IconCodepoint("wallet"))) == nullptr);   // only what is needed
    }
    // Text fonts get no icon glyphs, and icons are not "missing characters".
    CHECK(ui.Font(FontRole::Body)->FindGlyphNoFallback(ImWchar(IconCodepoint("healing"))) == nullptr);
    CHECK(ui.fonts.MissingCharacters().empty());

    // Drawn as a glyph of that font, centred where asked.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1080, 1920);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ImDrawList* draw = ImGui::GetForegroundDrawList();
    const int before = draw->VtxBuffer.Size;
    DrawIcon(draw, "healing", 500, 500, 64, 0xFFFFFFFF, 0);
    REQUIRE(draw->VtxBuffer.Size - before == 4);   // one textured quad
    float x0 = 1e9f, x1 = -1e9f, y0 = 1e9f, y1 = -1e9f;
    for (int i = before; i < draw->VtxBuffer.Size; i++) {
        x0 = std::min(x0, draw->VtxBuffer[i].pos.x); x1 = std::max(x1, draw->VtxBuffer[i].pos.x);
        y0 = std::min(y0, draw->VtxBuffer[i].pos.y); y1 = std::max(y1, draw->VtxBuffer[i].pos.y);
    }
    CHECK((x0 + x1) * 0.5f == Approx(500).margin(1.5));
    CHECK((y0 + y1) * 0.5f == Approx(500).margin(1.5));
    CHECK(x1 - x0 <= 64);
    CHECK(x1 - x0 >= 40);
    ImGui::EndFrame();
}

TEST_CASE("font generation changes on every rebuild", "[fonts]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    int first = ui.fonts.Generation();
    FontPaths paths;
    REQUIRE(FontPaths::Find(&paths, nullptr));
    REQUIRE(ui.fonts.Build(paths, FontSizesFor(2, 1080.0f), ""));
    CHECK(ui.fonts.Generation() != first);
    CHECK(ui.Font(FontRole::Body)->FontSize == FontSizesFor(2, 1080.0f).body);
}

// -----------------------------------------------------------------------------
// Line breaking
// -----------------------------------------------------------------------------

TEST_CASE("line breaking keeps every piece inside the width, for many widths", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    std::vector<InlineRun> runs(4);
    runs[0].text = kText.substr(0, 90);
    runs[0].font = ui.Font(FontRole::Body);
    runs[1].text = kText.substr(90, 60);
    runs[1].font = ui.Font(FontRole::BodyBold);
    runs[2].text = kText.substr(150, 70);
    runs[2].font = ui.Font(FontRole::BodyItalic);
    runs[3].text = kText.substr(220);
    runs[3].font = ui.Font(FontRole::Code);

    float previous_height = 1e9f;
    for (float width = 60; width <= 1600; width += 23) {
        INFO("width " << width);
        InlineLayout layout = LayoutInline(runs, InlineOptions{width, 0, 1.45f});
        REQUIRE(!layout.lines.empty());
        CHECK(layout.max_right <= width + 0.01f);
        float top = 0;
        for (const LaidLine& line : layout.lines) {
            CHECK(line.top == Approx(top));
            top += line.height;
            float tallest = 0;
            for (const LinePiece& piece : line.pieces)
                tallest = std::max(tallest, runs[piece.run].font->FontSize);
            CHECK(line.height >= tallest * 1.4f);
            for (const LinePiece& piece : line.pieces) {
                CHECK(piece.x >= 0.0f);
                CHECK(piece.x + piece.width <= width + 0.01f);
            }
        }
        // Nothing lost, nothing duplicated (only spaces at breaks dropped).
        CHECK(NonSpace(Joined(layout)) == NonSpace(kText));
        // Narrower never needs fewer lines... wider never needs more height.
        CHECK(layout.height <= previous_height + 0.01f);
        previous_height = layout.height;
    }
}

TEST_CASE("words are not split when they fit on a line", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    std::vector<InlineRun> runs(1);
    runs[0].text = kText;
    runs[0].font = ui.Font(FontRole::Body);
    InlineLayout layout = LayoutInline(runs, InlineOptions{400, 0, 1.45f});
    REQUIRE(layout.lines.size() > 3);
    for (size_t i = 0; i + 1 < layout.lines.size(); ++i) {
        REQUIRE(layout.lines[i].pieces.size() == 1);
        const std::string& last = layout.lines[i].pieces.back().text;
        const std::string& next = layout.lines[i + 1].pieces.front().text;
        CHECK(last.back() != ' ');
        CHECK(next.front() != ' ');
        // The break fell on a space: last word + " " + next word is in the text.
        size_t space = last.rfind(' ');
        std::string last_word = space == std::string::npos ? last : last.substr(space + 1);
        std::string pair = last_word + " " + next.substr(0, next.find(' '));
        INFO("break between '" << last << "' and '" << next << "'");
        CHECK(kText.find(pair) != std::string::npos);
    }
}

TEST_CASE("a word wider than the line is broken between characters", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    std::string word;
    for (int i = 0; i < 8; ++i)
        word += "Hyaluronic";
    std::vector<InlineRun> runs(1);
    runs[0].text = "A " + word + " serum";
    runs[0].font = ui.Font(FontRole::Body);
    const float width = 300;
    InlineLayout layout = LayoutInline(runs, InlineOptions{width, 0, 1.45f});
    REQUIRE(layout.lines.size() >= 4);
    CHECK(layout.max_right <= width);
    for (const LaidLine& line : layout.lines)   // it really was cut
        for (const LinePiece& piece : line.pieces)
            CHECK(piece.text.find(word) == std::string::npos);
    CHECK(NonSpace(Joined(layout)) == NonSpace(runs[0].text));
    // "A" stays on its own line rather than being glued to the long word.
    CHECK(layout.lines[0].pieces[0].text == "A");
}

TEST_CASE("lines may break after a hyphen", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    ImFont* body = ui.Font(FontRole::Body);
    std::vector<InlineRun> runs(1);
    runs[0].text = "skin-rejuvenation";
    runs[0].font = body;
    std::string t = "skin-";
    float first = TextWidth(body, t.data(), t.data() + t.size()) + 2;
    InlineLayout layout = LayoutInline(runs, InlineOptions{first, 0, 1.45f});
    REQUIRE(layout.lines.size() >= 2);
    CHECK(layout.lines[0].pieces[0].text == "skin-");
}

TEST_CASE("a hard break starts a new line, and indent applies to the first line only", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    std::vector<InlineRun> runs(3);
    runs[0].text = "Call us";
    runs[0].font = ui.Font(FontRole::Body);
    runs[1].hard_break = true;
    runs[1].font = ui.Font(FontRole::Body);
    runs[2].text = "any time";
    runs[2].font = ui.Font(FontRole::Body);
    InlineLayout layout = LayoutInline(runs, InlineOptions{2000, 40, 1.45f});
    REQUIRE(layout.lines.size() == 2);
    CHECK(layout.lines[0].pieces[0].x == 40.0f);
    CHECK(layout.lines[1].pieces[0].x == 0.0f);
    CHECK(layout.lines[1].pieces[0].text == "any time");
    CHECK(layout.lines[1].baseline > layout.lines[0].baseline);
}

TEST_CASE("extents give the longest word and the one-line width", "[layout]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    ImFont* body = ui.Font(FontRole::Body);
    std::vector<InlineRun> runs(1);
    runs[0].text = "a collagen b";
    runs[0].font = body;
    InlineExtent extent = MeasureInline(runs);
    std::string longest = "collagen";
    CHECK(extent.min_width == Approx(TextWidth(body, longest.data(), longest.data() + longest.size())));
    CHECK(extent.max_width == Approx(TextWidth(body, runs[0].text.data(), runs[0].text.data() + runs[0].text.size())));
}

// -----------------------------------------------------------------------------
// Document layout
// -----------------------------------------------------------------------------

TEST_CASE("mixed styles share one wrapped line and one baseline", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Document doc;
    doc.links.push_back(Link{"risks", LinkKind::Page, "risks"});
    doc.blocks.push_back(Para({S("Keep "), S("clean", Style_Bold), S(" and "), S("calm", Style_Italic), S(", "),
                               S("both", Style_Bold | Style_Italic), S(" "), S("old", Style_Strike), S(" "),
                               S("SPF 30", Style_Code), S(" "), S("risks", Style_Link, 0)}));
    DocumentView view;
    view.Layout(doc, 1500, ui.View());
    const DocumentLayout& layout = *view.Current();
    auto texts = Texts(layout);
    REQUIRE(texts.size() >= 6);
    float baseline = texts[0]->y0 + std::round(texts[0]->font->Ascent);
    std::vector<const ImFont*> fonts;
    for (const DrawItem* text : texts) {
        CHECK(text->y0 + std::round(text->font->Ascent) == Approx(baseline));
        if (std::find(fonts.begin(), fonts.end(), text->font) == fonts.end())
            fonts.push_back(text->font);
    }
    CHECK(fonts.size() == 5);   // regular, bold, italic, bold-italic, mono
    CHECK(FindText(layout, "clean")->font == ui.Font(FontRole::BodyBold));
    CHECK(FindText(layout, "both")->font == ui.Font(FontRole::BodyBoldItalic));
    CHECK(FindText(layout, "SPF 30")->font == ui.Font(FontRole::Code));
    CHECK(FindText(layout, "risks")->colour == ColourRole::Link);
    int lines = 0, code_backgrounds = 0;
    for (const DrawItem& item : layout.items) {
        lines += item.kind == DrawItem::Kind::Line;
        code_backgrounds += item.kind == DrawItem::Kind::FilledRect && item.colour == ColourRole::CodeBackground;
    }
    CHECK(lines == 2);              // strike + link underline
    CHECK(code_backgrounds == 1);
    CHECK(view.MaxRight() <= 1500);
}

TEST_CASE("headings are bold, larger and keep their offsets", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Document doc;
    for (int level = 1; level <= 3; ++level) {
        Block heading;
        heading.kind = BlockKind::Heading;
        heading.level = static_cast<uint8_t>(level);
        heading.spans = {S("Heading " + std::to_string(level))};
        doc.blocks.push_back(heading);
        doc.blocks.push_back(Para({S(kText)}));
    }
    DocumentView view;
    view.Layout(doc, 900, ui.View());
    const DrawItem* h1 = FindText(*view.Current(), "Heading 1");
    const DrawItem* h2 = FindText(*view.Current(), "Heading 2");
    const DrawItem* h3 = FindText(*view.Current(), "Heading 3");
    REQUIRE((h1 && h2 && h3));
    CHECK(h1->font->FontSize > h2->font->FontSize);
    CHECK(h2->font->FontSize > h3->font->FontSize);
    CHECK(h3->font->FontSize > ui.Font(FontRole::Body)->FontSize);
    CHECK(h1->colour == ColourRole::Heading);
    CHECK(view.HeadingOffset(0) == 0.0f);
    CHECK(view.HeadingOffset(1) > 0.0f);
    CHECK(view.HeadingOffset(2) > view.HeadingOffset(1));
    CHECK(view.HeadingOffset(3) == -1.0f);
}

TEST_CASE("nested lists indent per level, number from start, vary bullets", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Block level3 = ListOf(false, 1, {Item({Para({S("third level")})})});
    Block level2 = ListOf(false, 1, {Item({Para({S("second level")}), level3})});
    Block ordered = ListOf(true, 7, {Item({Para({S("seventh")}), level2}), Item({Para({S("eighth")})}),
                                     Item({Para({S("ninth")})}), Item({Para({S("tenth")})})});
    Document doc;
    doc.blocks.push_back(ordered);
    DocumentView view;
    view.Layout(doc, 700, ui.View());
    const DocumentLayout& layout = *view.Current();

    const DrawItem* one = FindText(layout, "seventh");
    const DrawItem* two = FindText(layout, "second level");
    const DrawItem* three = FindText(layout, "third level");
    REQUIRE((one && two && three));
    CHECK(one->x0 > 0.0f);                 // hanging indent from the marker
    CHECK(two->x0 > one->x0 + 10);
    CHECK(three->x0 > two->x0 + 10);
    CHECK(one->list_depth == 1);
    CHECK(three->list_depth == 3);

    // Numbers from `start`, each on its item's baseline, left of the text.
    for (const char* number : {"7.", "8.", "9.", "10."})
        REQUIRE(FindText(layout, number) != nullptr);
    CHECK(FindText(layout, "1.") == nullptr);
    const DrawItem* seven = FindText(layout, "7.");
    CHECK(seven->x1 <= one->x0);
    CHECK(seven->y0 + std::round(seven->font->Ascent) ==
          Approx(one->y0 + std::round(one->font->Ascent)));
    // "10." and "7." end at the same right edge.
    CHECK(FindText(layout, "10.")->x1 == Approx(seven->x1));

    // Bullet shape differs per level.
    std::vector<DrawItem::Kind> bullets;
    for (const DrawItem& item : layout.items)
        if (item.kind == DrawItem::Kind::FilledCircle || item.kind == DrawItem::Kind::Circle ||
            item.kind == DrawItem::Kind::FilledSquare)
            bullets.push_back(item.kind);
    REQUIRE(bullets.size() == 2);
    CHECK(bullets[0] != bullets[1]);
    CHECK(view.MaxRight() <= 700);
}

TEST_CASE("table cells wrap and stay inside the width", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Block table;
    table.kind = BlockKind::Table;
    auto row = [](std::vector<std::string> cells, bool header) {
        Block r;
        r.kind = BlockKind::TableRow;
        r.header = header;
        for (auto& text : cells) {
            Block cell;
            cell.kind = BlockKind::TableCell;
            cell.header = header;
            cell.spans = {S(text)};
            r.children.push_back(cell);
        }
        return r;
    };
    table.children.push_back(row({"Day", "What you may notice", "What to do"}, true));
    table.children.push_back(row({"1", "Redness like a mild sunburn, tightness", "Rinse with cool water; no makeup"}, false));
    table.children.push_back(row({"2-3", "Dryness and light flaking as the skin renews itself",
                                  "Use a gentle fragrance-free moisturiser twice a day"}, false));
    Document doc;
    doc.blocks.push_back(table);

    for (float width : {320.0f, 480.0f, 700.0f, 1000.0f, 1400.0f}) {
        INFO("width " << width);
        DocumentView view;
        view.Layout(doc, width, ui.View());
        const DocumentLayout& layout = *view.Current();
        CHECK(view.MaxRight() <= width);
        for (const DrawItem& item : layout.items)
            CHECK(item.x1 <= width);
        REQUIRE(FindText(layout, "Day"));
        CHECK(FindText(layout, "Day")->font == ui.Font(FontRole::BodyBold));
        bool header_background = false;
        for (const DrawItem& item : layout.items)
            header_background |= item.kind == DrawItem::Kind::FilledRect && item.colour == ColourRole::TableHeader;
        CHECK(header_background);
        if (width < 700)
            continue;   // narrower, long words may be split; bounds are what matter
        const DrawItem* one = FindText(layout, "1");
        const DrawItem* redness = FindText(layout, "Redness");
        const DrawItem* rinse = FindText(layout, "Rinse");
        REQUIRE((one && redness && rinse));
        CHECK(rinse->font == ui.Font(FontRole::Body));
        // Columns keep reading order: each cell's text right of the previous.
        CHECK(redness->x0 > one->x0);
        CHECK(rinse->x0 > redness->x0);
    }
    // Narrow: the long cell really wraps (more than one line of text).
    DocumentView narrow;
    narrow.Layout(doc, 480, ui.View());
    const DrawItem* dryness = FindText(*narrow.Current(), "Dryness");
    REQUIRE(dryness);
    int below = 0;
    for (const DrawItem* text : Texts(*narrow.Current()))
        below += text->x0 == dryness->x0 && text->y0 > dryness->y0;
    CHECK(below >= 1);
}

TEST_CASE("pictures show at most at natural size times the screen's scale, centred, shrunk to the column", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Content content;
    auto data = std::make_shared<ImageData>();
    data->key = "en/pages/depth.png";
    data->width = 400;
    data->height = 300;
    data->rgba.assign(400 * 300 * 4, 255);
    content.images[data->key] = data;

    Block image;
    image.kind = BlockKind::Image;
    image.image_key = data->key;
    image.alt = "A cross-section of the skin";
    Block missing = image;
    missing.image_key = "en/pages/nope.png";
    missing.alt = "Picture that is not there";
    Document doc;
    doc.blocks = {image, missing};

    struct Case { float width, scale, w, h; };
    for (Case c : {Case{600, 1, 400, 300}, Case{200, 1, 200, 150}, Case{1000, 1, 400, 300}, Case{1000, 2, 800, 600},
                   Case{799, 2, 799, 599}, Case{1000, 0.7f, 280, 210}}) {
        INFO("width " << c.width << ", screen scale " << c.scale);
        DocumentView view;
        ViewContext ctx = ui.View(&content);
        ctx.picture_scale = c.scale;
        view.Layout(doc, c.width, ctx);
        const DrawItem* box = nullptr;
        for (const DrawItem& item : view.Current()->items)
            if (item.kind == DrawItem::Kind::Image)
                box = &item;
        REQUIRE(box);
        CHECK(box->x1 - box->x0 == Approx(c.w).margin(1));
        CHECK(box->y1 - box->y0 == Approx(c.h).margin(1));
        CHECK(box->x1 <= c.width);
        CHECK(box->x0 == Approx(c.width - box->x1).margin(1));   // centred
        // The missing picture shows its description as a Small caption.
        const DrawItem* caption = FindText(*view.Current(), "Picture");
        REQUIRE(caption);
        CHECK(caption->font == ui.Font(FontRole::Small));
        CHECK(!caption->fallback_only);
        CHECK(caption->y0 >= box->y1);
        CHECK(view.MaxRight() <= c.width);
    }
}

TEST_CASE("layout is cached until width, fonts or document change", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Document doc;
    doc.blocks.push_back(Para({S(kText)}));
    DocumentView view;
    float h1 = view.Layout(doc, 800, ui.View());
    float h2 = view.Layout(doc, 800, ui.View());
    CHECK(view.LayoutCount() == 1);
    CHECK(h1 == h2);
    float narrow = view.Layout(doc, 400, ui.View());
    CHECK(view.LayoutCount() == 2);
    CHECK(narrow > h1);

    FontPaths paths;
    REQUIRE(FontPaths::Find(&paths, nullptr));
    REQUIRE(ui.fonts.Build(paths, FontSizesFor(3, 1080.0f), ""));
    float bigger = view.Layout(doc, 400, ui.View());
    CHECK(view.LayoutCount() == 3);
    CHECK(bigger > narrow);
    view.Layout(doc, 400, ui.View());
    CHECK(view.LayoutCount() == 3);

    Document other = doc;
    view.Layout(other, 400, ui.View());
    CHECK(view.LayoutCount() == 4);
}

TEST_CASE("tapping a link yields its intent: open a page or question, or show a web address's code", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Document doc;
    doc.links.push_back(Link{"risks", LinkKind::Page, "risks"});
    doc.links.push_back(Link{"faq#does-it-hurt", LinkKind::Faq, "does-it-hurt"});
    doc.links.push_back(Link{"https://example.org", LinkKind::External, ""});
    doc.links.push_back(Link{"tel:+15550100", LinkKind::External, ""});
    doc.blocks.push_back(Para({S(kText)}));
    doc.blocks.push_back(Para({S("See "), S("the risks page", Style_Link, 0), S(" and "),
                               S("does it hurt?", Style_Link, 1), S(" or "), S("our website", Style_Link, 2),
                               S(" or "), S("call", Style_Link, 3)}));
    DocumentView view;
    view.Layout(doc, 1000, ui.View());
    const DocumentLayout& layout = *view.Current();

    const DrawItem* risks = FindText(layout, "the risks page");
    const DrawItem* hurt = FindText(layout, "does it hurt?");
    const DrawItem* web = FindText(layout, "our website");
    const DrawItem* call = FindText(layout, "call");
    REQUIRE((risks && hurt && web && call));
    CHECK(risks->colour == ColourRole::Link);
    CHECK(web->colour == ColourRole::Link);
    CHECK(call->colour == ColourRole::Text);   // nothing a take-home code could hold
    CHECK(layout.links.size() == 3);

    Intent intent;
    REQUIRE(view.HitTest((risks->x0 + risks->x1) / 2, (risks->y0 + risks->y1) / 2, &intent));
    CHECK(intent.kind == IntentKind::OpenPage);
    CHECK(intent.text == "risks");
    REQUIRE(view.HitTest((hurt->x0 + hurt->x1) / 2, (hurt->y0 + hurt->y1) / 2, &intent));
    CHECK(intent.kind == IntentKind::OpenFaq);
    CHECK(intent.text == "does-it-hurt");
    REQUIRE(view.HitTest((web->x0 + web->x1) / 2, (web->y0 + web->y1) / 2, &intent));
    CHECK(intent.kind == IntentKind::ShowAddress);
    CHECK(intent.text == "https://example.org");
    CHECK(!view.HitTest((call->x0 + call->x1) / 2, (call->y0 + call->y1) / 2, &intent));
    CHECK(!view.HitTest(5, 5, &intent));   // plain paragraph text

    // Through Draw, in a headless frame, with the document scrolled.
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1080, 1920);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    const float origin_x = 40, origin_y = -100;
    float tap[2] = {origin_x + (hurt->x0 + hurt->x1) / 2, origin_y + (hurt->y0 + hurt->y1) / 2};
    std::vector<Intent> intents;
    ViewContext ctx = ui.View();
    bool hit = view.Draw(ImGui::GetForegroundDrawList(), origin_x, origin_y, 0, 1920, ctx, tap, &intents);
    CHECK(ImGui::GetForegroundDrawList()->VtxBuffer.Size > 0);
    float miss[2] = {origin_x + 3, origin_y + 100 + 3};
    bool hit_plain = view.Draw(ImGui::GetForegroundDrawList(), origin_x, origin_y, 0, 1920, ctx, miss, &intents);
    ImGui::EndFrame();
    CHECK(hit);
    CHECK(!hit_plain);
    REQUIRE(intents.size() == 1);
    CHECK(intents[0].kind == IntentKind::OpenFaq);
    CHECK(intents[0].text == "does-it-hurt");
}

TEST_CASE("a task list draws check boxes, a tap toggles one through the session, a reset clears it", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    const Document doc = ParseMarkdown("- [ ] Stop eating at midnight\n- [x] Book a lift home\n- plain\n");
    DocumentView view;
    view.Layout(doc, 1000, ui.View());
    const DocumentLayout& layout = *view.Current();
    REQUIRE(layout.tasks.size() == 2);
    CHECK_FALSE(layout.tasks[0].written);
    CHECK(layout.tasks[1].written);
    const DrawItem* first = FindText(layout, "Stop eating at midnight");
    REQUIRE(first);
    CHECK(layout.tasks[0].x1 < first->x0);                           // the box comes before the text
    CHECK(layout.tasks[0].hit_x1 > first->x1);                       // the whole row is the target
    CHECK(layout.tasks[0].y1 - layout.tasks[0].y0 >= first->font->FontSize * 0.7f);

    Session session;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(1080, 1920);
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    ViewContext ctx = ui.View();
    ctx.session = &session;
    ctx.tasks_of = "page:before";
    float tap[2] = {(first->x0 + first->x1) / 2, (first->y0 + first->y1) / 2};
    std::vector<Intent> intents;
    const int drawn_before = ImGui::GetForegroundDrawList()->VtxBuffer.Size;
    CHECK(view.Draw(ImGui::GetForegroundDrawList(), 0, 0, 0, 1920, ctx, tap, &intents));
    const int first_draw = ImGui::GetForegroundDrawList()->VtxBuffer.Size - drawn_before;
    REQUIRE(intents.size() == 1);
    CHECK(intents[0].kind == IntentKind::ToggleTask);
    CHECK(intents[0].text == "page:before#0");
    session.Apply(intents[0], 1.0);
    CHECK(session.TaskTicked("page:before#0", false));
    CHECK(session.TaskTicked("page:before#1", true));
    const int before_second = ImGui::GetForegroundDrawList()->VtxBuffer.Size;
    view.Draw(ImGui::GetForegroundDrawList(), 0, 0, 0, 1920, ctx, nullptr, &intents);
    CHECK(ImGui::GetForegroundDrawList()->VtxBuffer.Size - before_second > first_draw);   // the same, with two ticks instead of one
    ImGui::EndFrame();
    session.Reset(2.0);
    CHECK_FALSE(session.TaskTicked("page:before#0", false));
    CHECK(session.TaskTicked("page:before#1", true));   // as written again
}

TEST_CASE("quotes and code blocks are boxes around their text", "[document]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    Block quote;
    quote.kind = BlockKind::Quote;
    quote.children = {Para({S("Call the clinic if redness lasts more than three days.")})};
    Block code;
    code.kind = BlockKind::CodeBlock;
    code.spans = {S("line one", Style_Code), S("line two", Style_Code)};
    Block rule;
    rule.kind = BlockKind::Rule;
    Document doc;
    doc.blocks = {quote, rule, code};
    DocumentView view;
    view.Layout(doc, 600, ui.View());
    const DocumentLayout& layout = *view.Current();
    const DrawItem* quote_box = nullptr;
    const DrawItem* bar = nullptr;
    const DrawItem* code_box = nullptr;
    for (const DrawItem& item : layout.items) {
        if (item.kind != DrawItem::Kind::FilledRect)
            continue;
        if (item.colour == ColourRole::QuoteBackground) quote_box = &item;
        if (item.colour == ColourRole::QuoteBar) bar = &item;
        if (item.colour == ColourRole::CodeBackground) code_box = &item;
    }
    REQUIRE((quote_box && bar && code_box));
    const DrawItem* call = FindText(layout, "Call");
    CHECK(call->x0 > bar->x1);
    CHECK(call->y0 > quote_box->y0);
    CHECK(bar->y1 == quote_box->y1);
    const DrawItem* one = FindText(layout, "line one");
    const DrawItem* two = FindText(layout, "line two");
    CHECK(one->font == ui.Font(FontRole::Code));
    CHECK(two->y0 > one->y0);   // separate lines
    CHECK(one->y0 > code_box->y0);
    CHECK(two->y1 < code_box->y1);
    CHECK(code_box->y0 > quote_box->y1);
    CHECK(view.MaxRight() <= 600);
}

TEST_CASE("every page and answer of the shipped content fits every width", "[document][content]")
{
    Ui ui;
    REQUIRE_FONTS(ui);
    const std::string root = std::string(CAREKIOSK_SOURCE_DIR) + "/content";
    REQUIRE(std::filesystem::is_directory(root));
    LoadResult loaded = LoadContent(root);
    REQUIRE(!loaded.content->IsEmpty());
    TextureCache textures;
    textures.upload_enabled = false;
    ViewContext ctx = ui.View(loaded.content.get());
    ctx.textures = &textures;
    int documents = 0;
    for (const LanguageContent& language : loaded.content->languages) {
        std::vector<std::pair<std::string, const Document*>> docs;
        for (const Page& page : language.pages)
            docs.emplace_back(language.lang + "/" + page.id, &page.doc);
        for (const FaqEntry& entry : language.faq)
            docs.emplace_back(language.lang + "/faq#" + entry.id, &entry.answer);
        for (const auto& [name, doc] : docs) {
            ++documents;
            for (float width : {300.0f, 520.0f, 1000.0f, 1800.0f}) {
                INFO(name << " at width " << width);
                DocumentView view;
                float height = view.Layout(*doc, width, ctx);
                CHECK(height > 0.0f);
                CHECK(view.MaxRight() <= width);
                CHECK(!Texts(*view.Current()).empty());
            }
        }
    }
    CHECK(documents >= 10);
}
