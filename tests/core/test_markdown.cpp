// Markdown -> document model. Most cases are data: tests/data/markdown/X.md
// beside X.json, the expected DumpDocument output. To refresh the expected
// files after a deliberate change, run with CAREKIOSK_UPDATE_EXPECTED=1 and
// review the diff before committing.
#include "document/document_dump.h"
#include "document/markdown.h"
#include "base/utf8.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using ck::BlockKind;

namespace {

std::string ReadFile(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Paragraph text, spans joined.
std::string Text(const ck::Block& block)
{
    std::string out;
    for (const ck::Span& span : block.spans)
        out += span.text;
    return out;
}

int CountKind(const std::vector<ck::Block>& blocks, BlockKind kind)
{
    int count = 0;
    for (const ck::Block& block : blocks)
        count += (block.kind == kind ? 1 : 0) + CountKind(block.children, kind);
    return count;
}

int MaxListDepth(const std::vector<ck::Block>& blocks)
{
    int deepest = 0;
    for (const ck::Block& block : blocks) {
        const int own = (block.kind == BlockKind::List || block.kind == BlockKind::Quote) ? 1 : 0;
        deepest = std::max(deepest, own + MaxListDepth(block.children));
    }
    return deepest;
}

} // namespace

// ---------------------------------------------------------------------------
// Data files
// ---------------------------------------------------------------------------

TEST_CASE("Markdown data files match their expected dumps", "[markdown]")
{
    const fs::path folder = fs::path(CAREKIOSK_TEST_DATA) / "markdown";
    std::vector<fs::path> inputs;
    for (const auto& entry : fs::directory_iterator(folder))
        if (entry.path().extension() == ".md")
            inputs.push_back(entry.path());
    std::sort(inputs.begin(), inputs.end());
    REQUIRE(inputs.size() >= 7);

    const bool update = std::getenv("CAREKIOSK_UPDATE_EXPECTED") != nullptr;
    for (const fs::path& input : inputs) {
        fs::path expected_path = input;
        expected_path.replace_extension(".json");
        ck::Diagnostics diag;
        const nlohmann::json actual = ck::DumpDocument(ck::ParseMarkdown(ReadFile(input), &diag, input.string()));
        if (update) {
            std::ofstream(expected_path) << actual.dump(2) << "\n";
            WARN("wrote " << expected_path.string());
            continue;
        }
        INFO("input " << input.filename().string() << "\nactual dump:\n" << actual.dump(2));
        REQUIRE(fs::exists(expected_path));
        const nlohmann::json expected = nlohmann::json::parse(ReadFile(expected_path));
        CHECK(actual == expected);
        CHECK(diag.Empty());
    }
}

// ---------------------------------------------------------------------------
// Targeted cases
// ---------------------------------------------------------------------------

TEST_CASE("One paragraph mixes every inline style, each in its own span", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("a **b** *c* ***d*** ~~e~~ `f` [g](risks)");
    REQUIRE(doc.blocks.size() == 1);
    const auto& spans = doc.blocks[0].spans;
    REQUIRE(spans.size() == 12);
    CHECK(spans[1].text == "b");
    CHECK(spans[1].style == ck::Style_Bold);
    CHECK(spans[3].style == ck::Style_Italic);
    CHECK(spans[5].text == "d");
    CHECK(spans[5].style == (ck::Style_Bold | ck::Style_Italic));
    CHECK(spans[7].style == ck::Style_Strike);
    CHECK(spans[9].style == ck::Style_Code);
    CHECK(spans[11].text == "g");
    CHECK(spans[11].style == ck::Style_Link);
    REQUIRE(spans[11].link == 0);
    REQUIRE(doc.links.size() == 1);
    CHECK(doc.links[0].kind == ck::LinkKind::Page);
    CHECK(doc.links[0].target == "risks");
    CHECK(spans[10].text == " ");   // plain text between styled runs is merged into one span
}

TEST_CASE("Nested lists keep their start numbers and depth", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("7. a\n   - b\n\n     3) c\n        - d\n");
    REQUIRE(doc.blocks.size() == 1);
    const ck::Block& outer = doc.blocks[0];
    CHECK(outer.kind == BlockKind::List);
    CHECK(outer.ordered);
    CHECK(outer.start == 7);
    const ck::Block& item = outer.children.at(0);
    REQUIRE(item.children.size() == 2);
    CHECK(Text(item.children[0]) == "a");
    const ck::Block& second = item.children[1];
    CHECK_FALSE(second.ordered);
    const ck::Block& third = second.children.at(0).children.at(1);
    CHECK(third.ordered);
    CHECK(third.start == 3);
    CHECK(MaxListDepth(doc.blocks) == 4);
}

TEST_CASE("Lists and quotes deeper than the limit are flattened with one warning", "[markdown]")
{
    std::string text = "intro\n\n";
    for (int depth = 0; depth < 6; depth++)
        text += std::string(static_cast<size_t>(depth) * 2, ' ') + "- level " + std::to_string(depth + 1) + "\n";
    ck::MarkdownLimits limits;
    limits.max_nesting = 3;
    ck::Diagnostics diag;
    const ck::Document doc = ck::ParseMarkdown(text, &diag, "deep.md", 10, limits);
    CHECK(MaxListDepth(doc.blocks) == 3);
    REQUIRE(diag.Items().size() == 1);
    const ck::Diagnostic& warning = diag.Items()[0];
    CHECK(warning.severity == ck::Severity::Warning);
    CHECK(warning.file == "deep.md");
    CHECK(warning.line == 15);    // "level 4" is on line 6 of the text, which starts at line 10
    CHECK(warning.column == 9);
    // Nothing a patient could read is lost.
    const std::string plain = ck::DocumentPlainText(doc);
    for (int depth = 1; depth <= 6; depth++)
        CHECK(plain.find("level " + std::to_string(depth)) != std::string::npos);
    CHECK(CountKind(doc.blocks, BlockKind::List) == 3);

    ck::Diagnostics quotes;
    const ck::Document quoted = ck::ParseMarkdown("> > > > > deep", &quotes, "q.md", 1, limits);
    CHECK(MaxListDepth(quoted.blocks) == 3);
    CHECK(quotes.WarningCount() == 1);
    CHECK(ck::DocumentPlainText(quoted) == "deep\n");
}

TEST_CASE("Table columns past the limit are dropped with a warning", "[markdown]")
{
    ck::MarkdownLimits limits;
    limits.max_table_columns = 2;
    ck::Diagnostics diag;
    const ck::Document doc = ck::ParseMarkdown("| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |\n", &diag, "t.md", 1, limits);
    REQUIRE(doc.blocks.size() == 1);
    const ck::Block& table = doc.blocks[0];
    REQUIRE(table.children.size() == 2);
    CHECK(table.children[0].header);
    CHECK_FALSE(table.children[1].header);
    for (const ck::Block& row : table.children)
        CHECK(row.children.size() == 2);
    CHECK(Text(table.children[1].children[1]) == "2");
    REQUIRE(diag.WarningCount() == 1);
    CHECK(diag.Items()[0].line == 1);
}

TEST_CASE("A table whose rows disagree keeps all its text, as a paragraph, with a warning at its line", "[markdown]")
{
    ck::Diagnostics diag;
    const ck::Document doc =
        ck::ParseMarkdown("Before.\n\n| Day | What to do |\n| --- |\n| 1 | rest |\n", &diag, "t.md", 10);
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[1].kind == BlockKind::Paragraph);
    CHECK(ck::DocumentPlainText(doc) == "Before.\n| Day | What to do | | --- | | 1 | rest |\n");
    REQUIRE(diag.WarningCount() == 1);
    CHECK(diag.Items()[0].line == 12);
    CHECK(diag.Items()[0].message.find("first row has 2 cells but the row of dashes below it has 1") != std::string::npos);
}

TEST_CASE("Task list items carry their box as written", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("- [ ] Stop smoking\n- [x] Book a lift home\n- plain\n");
    REQUIRE(doc.blocks.size() == 1);
    const ck::Block& list = doc.blocks[0];
    REQUIRE(list.children.size() == 3);
    CHECK(list.children[0].task == ck::TaskMark::Open);
    CHECK(list.children[1].task == ck::TaskMark::Done);
    CHECK(list.children[2].task == ck::TaskMark::None);
    CHECK(ck::DocumentPlainText(doc) == "Stop smoking\nBook a lift home\nplain\n");
}

TEST_CASE("Bare web and e-mail addresses are links that go outside", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("See www.nih.gov or https://medlineplus.gov, or write to help@clinic.example.\n");
    REQUIRE(doc.links.size() == 3);
    for (const ck::Link& link : doc.links)
        CHECK(link.kind == ck::LinkKind::External);
}

TEST_CASE("An image splits its paragraph and keeps its alt text plain", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("before ![a **b** `c`](x.png) after");
    REQUIRE(doc.blocks.size() == 3);
    CHECK(Text(doc.blocks[0]) == "before");
    CHECK(doc.blocks[1].kind == BlockKind::Image);
    CHECK(doc.blocks[1].src == "x.png");
    CHECK(doc.blocks[1].alt == "a b c");
    CHECK(Text(doc.blocks[2]) == "after");

    const ck::Document alone = ck::ParseMarkdown("![only](y.png)");
    REQUIRE(alone.blocks.size() == 1);
    CHECK(alone.blocks[0].kind == BlockKind::Image);
}

TEST_CASE("Hard breaks are their own spans, and soft breaks are spaces", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("one  \ntwo\\\nthree\nfour");
    REQUIRE(doc.blocks.size() == 1);
    const auto& spans = doc.blocks[0].spans;
    REQUIRE(spans.size() == 5);
    CHECK(spans[0].text == "one");
    CHECK(spans[1].style == ck::Style_LineBreak);
    CHECK(spans[1].text == "\n");
    CHECK(spans[3].style == ck::Style_LineBreak);
    CHECK(spans[4].text == "three four");
}

TEST_CASE("Entities are decoded, and invalid references become U+FFFD", "[markdown]")
{
    CHECK(ck::DecodeHtmlEntity("&amp;") == "&");
    CHECK(ck::DecodeHtmlEntity("&eacute;") == "\xC3\xA9");
    CHECK(ck::DecodeHtmlEntity("&#65;") == "A");
    CHECK(ck::DecodeHtmlEntity("&#x41;") == "A");
    CHECK(ck::DecodeHtmlEntity("&#0;") == "\xEF\xBF\xBD");
    CHECK(ck::DecodeHtmlEntity("&#xD800;") == "\xEF\xBF\xBD");
    CHECK(ck::DecodeHtmlEntity("&#99999999999;") == "\xEF\xBF\xBD");
    CHECK(ck::DecodeHtmlEntity("&nosuchentity;") == "&nosuchentity;");
    const ck::Document doc = ck::ParseMarkdown("[x](faq#a&#45;b) &lt;3 &quot;q&quot;");
    REQUIRE(doc.links.size() == 1);
    CHECK(doc.links[0].href == "faq#a-b");
    CHECK(doc.links[0].target == "a-b");
    CHECK(Text(doc.blocks.at(0)) == "x <3 \"q\"");
}

TEST_CASE("Hostile input never crashes and yields valid UTF-8", "[markdown]")
{
    SECTION("empty") {
        CHECK(ck::ParseMarkdown("").blocks.empty());
        CHECK(ck::ParseMarkdown("\n\n  \n").blocks.empty());
    }
    SECTION("invalid UTF-8") {
        const ck::Document doc = ck::ParseMarkdown("caf\xC3 \xFF\xFE ok \xED\xA0\x80 *\xE2\x82*");
        const std::string plain = ck::DocumentPlainText(doc);
        CHECK(ck::IsValidUtf8(plain));
        CHECK(plain.find("ok") != std::string::npos);
        CHECK(plain.find("\xEF\xBF\xBD") != std::string::npos);
    }
    SECTION("NUL bytes") {
        const ck::Document doc = ck::ParseMarkdown(std::string("a\0b\n\n```\nc\0d\n```\n", 17));
        CHECK(ck::DocumentPlainText(doc) == "a\xEF\xBF\xBD" "b\nc\xEF\xBF\xBD" "d\n");
    }
    SECTION("byte order mark") {
        const ck::Document doc = ck::ParseMarkdown("\xEF\xBB\xBF# Title");
        REQUIRE(doc.blocks.size() == 1);
        CHECK(doc.blocks[0].kind == BlockKind::Heading);
        CHECK(Text(doc.blocks[0]) == "Title");
    }
    SECTION("CRLF line ends") {
        const ck::Document doc = ck::ParseMarkdown("# A\r\n\r\nb\r\nc\r\n\r\n```\r\nx\r\ny\r\n```\r\n");
        REQUIRE(doc.blocks.size() == 3);
        CHECK(Text(doc.blocks[0]) == "A");
        CHECK(Text(doc.blocks[1]) == "b c");
        REQUIRE(doc.blocks[2].spans.size() == 2);
        CHECK(doc.blocks[2].spans[0].text == "x");
        CHECK(doc.blocks[2].spans[1].text == "y");
    }
    SECTION("a 1 MB line") {
        std::string line;
        for (int i = 0; i < 100000; i++)
            line += "*word* [";
        const ck::Document doc = ck::ParseMarkdown(line);
        REQUIRE(doc.blocks.size() == 1);
        CHECK(ck::DocumentPlainText(doc).size() > 500000);
    }
    SECTION("deep nesting of every kind") {
        const std::string deep = std::string(5000, '>') + " " + std::string(5000, '[') + "x" + std::string(3000, '*');
        const ck::Document doc = ck::ParseMarkdown(deep);
        CHECK(MaxListDepth(doc.blocks) <= ck::MarkdownLimits().max_nesting);
    }
}

TEST_CASE("Raw HTML is never shown", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("<div>\nsecret\n</div>\n\nsee <b>this</b><!-- hidden -->");
    REQUIRE(doc.blocks.size() == 2);
    CHECK(doc.blocks[0].kind == BlockKind::HtmlBlock);
    CHECK(doc.blocks[0].spans.empty());
    CHECK(ck::DocumentPlainText(doc) == "see this\n");
}

TEST_CASE("Code blocks hold one span per line", "[markdown]")
{
    const ck::Document doc = ck::ParseMarkdown("```\na\n\n  b\n```\n");
    REQUIRE(doc.blocks.size() == 1);
    const auto& spans = doc.blocks[0].spans;
    REQUIRE(spans.size() == 3);
    CHECK(spans[0].text == "a");
    CHECK(spans[1].text.empty());
    CHECK(spans[2].text == "  b");
    for (const ck::Span& span : spans)
        CHECK(span.style == ck::Style_Code);
    CHECK(ck::DocumentPlainText(doc) == "a\n\n  b\n");
}

TEST_CASE("TakeHomeAddress gives what a phone should open, or nothing", "[markdown]")
{
    CHECK(ck::TakeHomeAddress("https://medlineplus.gov/kneereplacement.html") == "https://medlineplus.gov/kneereplacement.html");
    CHECK(ck::TakeHomeAddress("www.nih.gov") == "http://www.nih.gov");
    CHECK(ck::TakeHomeAddress("help@clinic.example") == "mailto:help@clinic.example");
    CHECK(ck::TakeHomeAddress("mailto:help@clinic.example") == "mailto:help@clinic.example");
    CHECK(ck::TakeHomeAddress("tel:+15550100").empty());
    CHECK(ck::TakeHomeAddress("aftercare").empty());
    CHECK(ck::TakeHomeAddress("faq#does-it-hurt").empty());
    CHECK(ck::TakeHomeAddress("javascript:alert(1)").empty());
}

TEST_CASE("AddressSite names the site a take-home address opens", "[markdown]")
{
    CHECK(ck::AddressSite("https://www.aad.org/public/cosmetic/microneedling") == "aad.org");
    CHECK(ck::AddressSite("HTTP://MedlinePlus.gov") == "medlineplus.gov");
    CHECK(ck::AddressSite("https://clinic.example:8443/kiosk?page=1") == "clinic.example");
    CHECK(ck::AddressSite("https://user@evil.example/x") == "evil.example");
    CHECK(ck::AddressSite("https://nhs.uk./conditions") == "nhs.uk");
    CHECK(ck::AddressSite("mailto:help@clinic.example").empty());
    CHECK(ck::AddressSite("www.nih.gov").empty());   // TakeHomeAddress makes it http:// first
    CHECK(ck::AddressSite(ck::TakeHomeAddress("www.nih.gov")) == "nih.gov");
}

TEST_CASE("ImageAlt finds a picture's description anywhere in a document", "[markdown]")
{
    ck::Document doc;
    ck::Block quote;
    quote.kind = ck::BlockKind::Quote;
    ck::Block image;
    image.kind = ck::BlockKind::Image;
    image.image_key = "en/pages/needle-depth.png";
    image.alt = "A cross-section of the skin";
    quote.children.push_back(image);
    doc.blocks.push_back(ck::Block());
    doc.blocks.push_back(quote);
    CHECK(ck::ImageAlt(doc, "en/pages/needle-depth.png") == "A cross-section of the skin");
    CHECK(ck::ImageAlt(doc, "en/pages/other.png").empty());
    CHECK(ck::ImageAlt(doc, "").empty());
}

TEST_CASE("ClassifyLink sorts hrefs into pages, FAQ entries, outside and invalid", "[markdown]")
{
    struct Case {
        const char* href;
        ck::LinkKind kind;
        const char* target;
    };
    const Case cases[] = {
        {"aftercare", ck::LinkKind::Page, "aftercare"},
        {"aftercare.md", ck::LinkKind::Page, "aftercare"},
        {"aftercare#day-1", ck::LinkKind::Page, "aftercare"},
        {"what-to-expect.json", ck::LinkKind::Page, "what-to-expect"},
        {"faq", ck::LinkKind::Faq, ""},
        {"faq#does-it-hurt", ck::LinkKind::Faq, "does-it-hurt"},
        {"faq.json#cost", ck::LinkKind::Faq, "cost"},
        {"https://example.org", ck::LinkKind::External, ""},
        {"mailto:a@b.org", ck::LinkKind::External, ""},
        {"tel:+1555", ck::LinkKind::External, ""},
        {"//example.org/x", ck::LinkKind::External, ""},
        {"someone@example.org", ck::LinkKind::External, ""},
        {"", ck::LinkKind::Invalid, ""},
        {"/etc/passwd", ck::LinkKind::Invalid, ""},
        {"../secret", ck::LinkKind::Invalid, ""},
        {"pages/aftercare", ck::LinkKind::Invalid, ""},
        {"#top", ck::LinkKind::Invalid, ""},
        {"faq#not an id", ck::LinkKind::Invalid, ""},
        {"my page", ck::LinkKind::Invalid, ""},
        {".md", ck::LinkKind::Invalid, ""},
    };
    for (const Case& c : cases) {
        INFO("href: \"" << c.href << "\"");
        std::string target = "stale";
        CHECK(ck::ClassifyLink(c.href, &target) == c.kind);
        CHECK(target == c.target);
    }
}

TEST_CASE("UTF-8 helpers", "[utf8]")
{
    size_t bad = 99;
    CHECK(ck::IsValidUtf8("h\xC3\xA9llo \xF0\x9F\x98\x80", &bad));
    CHECK_FALSE(ck::IsValidUtf8("ab\xC0\xAF", &bad));   // overlong '/'
    CHECK(bad == 2);
    CHECK(ck::SanitizeUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
    CHECK(ck::SanitizeUtf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");   // truncated at the end
    CHECK(ck::SanitizeUtf8("ok \xC3\xA9") == "ok \xC3\xA9");

    std::string out;
    ck::AppendUtf8(out, 0x41);
    ck::AppendUtf8(out, 0xE9);
    ck::AppendUtf8(out, 0x20AC);
    ck::AppendUtf8(out, 0x1F600);
    CHECK(out == "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    size_t pos = 0;
    CHECK(ck::DecodeUtf8(out, &pos) == 0x41);
    CHECK(ck::DecodeUtf8(out, &pos) == 0xE9);
    CHECK(ck::DecodeUtf8(out, &pos) == 0x20AC);
    CHECK(ck::DecodeUtf8(out, &pos) == 0x1F600);
    CHECK(pos == out.size());
    CHECK(ck::Utf8PopBack(out) == 4);
    CHECK(ck::Utf8PopBack(out) == 3);
    CHECK(out == "A\xC3\xA9");
    std::string stray = "a\x80";
    CHECK(ck::Utf8PopBack(stray) == 1);
    CHECK(stray == "a");
    CHECK(ck::ToLowerAscii("MiXeD \xC3\x89") == "mixed \xC3\x89");
}
