// Single-file parsers: front matter, JSON pages, faq.json, kiosk.json,
// synonyms.json and ui.json, with the positions of their diagnostics.
#include "content/content_parse.h"
#include "content/icon_names.h"
#include "../missing_input.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>
#include <algorithm>

using namespace ck;
using namespace cktest;

namespace {

std::string SpanText(const Block& block)
{
    std::string out;
    for (const Span& span : block.spans)
        out += span.text;
    return out;
}

} // namespace

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

TEST_CASE("LineIndex maps byte offsets to 1-based line and character column", "[content][parse]")
{
    const std::string text = "ab\nc\xC3\xA9z\n\nlast";   // "cez" with an e-acute (2 bytes)
    LineIndex lines(text);
    CHECK(lines.Line(0) == 1);
    CHECK(lines.Column(0) == 1);
    CHECK(lines.Line(3) == 2);
    CHECK(lines.Column(6) == 3);    // 'z' follows a two-byte character: column 3, not 4
    CHECK(lines.Line(8) == 3);
    CHECK(lines.Line(9) == 4);
    CHECK(lines.Column(12) == 4);
    CHECK(lines.FindLine("last") == 4);
    CHECK(lines.FindLine("nowhere") == 0);
}

TEST_CASE("did-you-mean picks close words only", "[content][parse]")
{
    CHECK(EditDistance("kitten", "sitting") == 3);
    CHECK(EditDistance("", "abc") == 3);
    CHECK(EditDistance("titel", "title") == 1);   // a swap counts once
    CHECK(ClosestMatch("titel", {"title", "summary", "order"}) == "title");
    CHECK(ClosestMatch("idle_timout_seconds", {"idle_timeout_seconds", "languages"}) == "idle_timeout_seconds");
    CHECK(ClosestMatch("colour", {"title", "summary", "order"}).empty());
}

TEST_CASE("dates must be real calendar dates", "[content][parse]")
{
    CHECK(IsIsoDate("2026-10-15"));
    CHECK(IsIsoDate("2024-02-29"));
    CHECK_FALSE(IsIsoDate("2026-02-29"));
    CHECK_FALSE(IsIsoDate("2026-13-01"));
    CHECK_FALSE(IsIsoDate("15/10/2026"));
    CHECK_FALSE(IsIsoDate("2026-1-5"));
    CHECK(IsLanguageTag("en"));
    CHECK(IsLanguageTag("pt-BR"));
    CHECK_FALSE(IsLanguageTag("english language"));
    CHECK_FALSE(IsLanguageTag("e"));
}

// ---------------------------------------------------------------------------
// Markdown pages
// ---------------------------------------------------------------------------

TEST_CASE("front matter: every key is read and the body starts after it", "[content][parse]")
{
    const std::string text =
        "---\n"
        "title: Aftercare\n"
        "summary: How to look after your skin.\n"
        "order: 3\n"
        "icon: drop\n"
        "reviewed: 2026-10-15\n"
        "owner: Dr. Ana Silva\n"
        "---\n"
        "\n"
        "# The first day\n"
        "\n"
        "Keep your skin **clean**.\n";
    Diagnostics diag;
    auto page = ParseMarkdownPage(text, "aftercare", "aftercare.md", &diag);
    REQUIRE(page);
    INFO(AllMessages(diag));
    CHECK(diag.Empty());
    CHECK(page->id == "aftercare");
    CHECK(page->title == "Aftercare");
    CHECK(page->summary == "How to look after your skin.");
    CHECK(page->order == 3);
    CHECK(page->icon == "drop");
    CHECK(page->reviewed == "2026-10-15");
    CHECK(page->owner == "Dr. Ana Silva");
    REQUIRE(page->doc.blocks.size() == 2);
    CHECK(page->doc.blocks[0].kind == BlockKind::Heading);
    CHECK(SpanText(page->doc.blocks[0]) == "The first day");
    CHECK(page->doc.blocks[1].kind == BlockKind::Paragraph);
}

TEST_CASE("front matter: a page without a title is refused at line 1", "[content][parse]")
{
    Diagnostics diag;
    CHECK_FALSE(ParseMarkdownPage("---\nsummary: no title here\n---\nText\n", "x", "x.md", &diag));
    REQUIRE(diag.ErrorCount() == 1);
    const Diagnostic& d = diag.Items()[0];
    CHECK(d.file == "x.md");
    CHECK(d.line == 1);
    CHECK(d.column == 1);
    CHECK(d.message.find("the page has no title") != std::string::npos);

    Diagnostics no_front_matter;
    CHECK_FALSE(ParseMarkdownPage("# Just a heading\n", "x", "x.md", &no_front_matter));
    REQUIRE(Find(no_front_matter, "the page has no title"));

    Diagnostics unclosed;
    CHECK_FALSE(ParseMarkdownPage("---\ntitle: T\nbody text\n", "x", "x.md", &unclosed));
    REQUIRE(Find(unclosed, "no closing"));
}

TEST_CASE("front matter: bad YAML is reported at its line and column in the file", "[content][parse]")
{
    // "summary: x: y" on line 3: the second ':' (column 11) cannot start a value.
    Diagnostics diag;
    CHECK_FALSE(ParseMarkdownPage("---\ntitle: A\nsummary: x: y\n---\nText\n", "a", "a.md", &diag));
    REQUIRE(diag.ErrorCount() == 1);
    const Diagnostic& d = diag.Items()[0];
    CHECK(d.file == "a.md");
    CHECK(d.message.find("not valid YAML") != std::string::npos);
    CHECK(d.line == 3);
    CHECK(d.column == 11);

    // A flow list opened on line 3 and never closed: yaml-cpp notices at the
    // ':' of "order: 3" on line 4.
    Diagnostics unclosed;
    CHECK_FALSE(ParseMarkdownPage("---\ntitle: Bad\nsummary: [never closed\norder: 3\n---\nText\n", "b", "b.md",
                                  &unclosed));
    REQUIRE(unclosed.ErrorCount() == 1);
    CHECK(unclosed.Items()[0].line == 4);
    CHECK(unclosed.Items()[0].column == 6);
}

TEST_CASE("front matter: unknown keys and bad icons are warnings, bad dates errors, with positions", "[content][parse]")
{
    const std::string text =
        "---\n"
        "title: T\n"
        "sumary: typo\n"
        "icon: drops\n"
        "reviewed: 2026-02-30\n"
        "order: first\n"
        "---\n"
        "Body\n";
    Diagnostics diag;
    auto page = ParseMarkdownPage(text, "t", "t.md", &diag);
    REQUIRE(page);
    INFO(AllMessages(diag));

    const Diagnostic* unknown = Find(diag, "unknown key \"sumary\"");
    REQUIRE(unknown);
    CHECK(unknown->severity == Severity::Warning);
    CHECK(unknown->line == 3);
    CHECK(unknown->column == 1);
    CHECK(unknown->message.find("did you mean \"summary\"") != std::string::npos);

    const Diagnostic* icon = Find(diag, "there is no icon \"drops\"; the nearest names are \"drop\"");
    REQUIRE(icon);
    CHECK(icon->severity == Severity::Warning);
    CHECK(icon->line == 4);
    CHECK(icon->column == 7);
    CHECK(page->icon.empty());

    const Diagnostic* date = Find(diag, "\"reviewed\" must be a real date");
    REQUIRE(date);
    CHECK(date->severity == Severity::Error);
    CHECK(date->line == 5);
    CHECK(page->reviewed.empty());

    const Diagnostic* order = Find(diag, "\"order\" must be a whole number");
    REQUIRE(order);
    CHECK(order->severity == Severity::Error);
    CHECK(order->line == 6);
    CHECK(page->order == 1000);
}

TEST_CASE("icons: any Material Icons name works, old names still do, a typo gets the nearest names", "[content][parse]")
{
    CAREKIOSK_REQUIRE_INPUT(!IconNames().empty(), "the icon font's names are not at " + IconNamesPath()
                                                      + " (Debian package fonts-material-design-icons-iconfont)");
    CHECK(IconNames().size() > 2000);
    // What the chemical-peel folder asked for, and the first twelve names.
    for (const char* name : {"healing", "wallet", "layers", "checklist", "home", "medical_services", "sparkle",
                             "calendar", "drop", "shield", "warning", "question", "info", "sun", "clock", "heart",
                             "person", "list"}) {
        INFO(name);
        CHECK(IconCodepoint(name) >= 0xE000);
        Diagnostics diag;
        const auto page = ParseMarkdownPage(std::string("---\ntitle: T\nicon: ") + name + "\n---\nBody\n", "t", "t.md", &diag);
        REQUIRE(page);
        CHECK(page->icon == name);
        CHECK(diag.Empty());
    }
    CHECK(IconCodepoint("bandage") == 0);
    CHECK(NearestIconNames("calender", 3).front() == "calendar");
    const std::vector<std::string> wallet = NearestIconNames("walet", 3);
    CHECK(std::find(wallet.begin(), wallet.end(), "wallet") != wallet.end());
}

TEST_CASE("front matter: CRLF line ends and a byte order mark are accepted", "[content][parse]")
{
    const std::string text = "\xEF\xBB\xBF---\r\ntitle: Windows\r\norder: 2\r\nicon: nope\r\n---\r\n\r\nLine one.\r\n";
    Diagnostics diag;
    auto page = ParseMarkdownPage(text, "w", "w.md", &diag);
    REQUIRE(page);
    CHECK(page->title == "Windows");    // no stray '\r'
    CHECK(page->order == 2);
    REQUIRE(page->doc.blocks.size() == 1);
    CHECK(SpanText(page->doc.blocks[0]) == "Line one.");
    const Diagnostic* icon = Find(diag, "there is no icon \"nope\"");
    REQUIRE(icon);
    CHECK(icon->line == 4);
    CHECK(icon->column == 7);
}

TEST_CASE("front matter: an empty body is a warning", "[content][parse]")
{
    Diagnostics diag;
    auto page = ParseMarkdownPage("---\ntitle: Empty\n---\n\n   \n", "e", "e.md", &diag);
    REQUIRE(page);
    const Diagnostic* d = Find(diag, "no text");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->line == 3);
}

// ---------------------------------------------------------------------------
// JSON pages
// ---------------------------------------------------------------------------

TEST_CASE("JSON page: sections become level-2 headings and Markdown, links re-indexed", "[content][parse]")
{
    const std::string text = R"({
  "title": "Costs",
  "summary": "What it costs.",
  "order": 6,
  "icon": "list",
  "sections": [
    {"heading": "Single", "body": "See [aftercare](aftercare) and [risks](risks)."},
    {"heading": "Packages", "body": "Read [the question](faq#costs)."}
  ]
})";
    Diagnostics diag;
    auto page = ParseJsonPage(text, "costs", "costs.json", &diag);
    REQUIRE(page);
    INFO(AllMessages(diag));
    CHECK(diag.Empty());
    CHECK(page->title == "Costs");
    CHECK(page->order == 6);
    CHECK(page->icon == "list");
    REQUIRE(page->doc.blocks.size() == 4);
    CHECK(page->doc.blocks[0].kind == BlockKind::Heading);
    CHECK(page->doc.blocks[0].level == 2);
    CHECK(SpanText(page->doc.blocks[0]) == "Single");
    CHECK(page->doc.blocks[2].kind == BlockKind::Heading);
    CHECK(SpanText(page->doc.blocks[2]) == "Packages");

    REQUIRE(page->doc.links.size() == 3);
    CHECK(page->doc.links[2].kind == LinkKind::Faq);
    CHECK(page->doc.links[2].target == "costs");
    // The link in the second section must point at the third link, not the first.
    int second_section_link = -1;
    for (const Span& span : page->doc.blocks[3].spans)
        if (span.style & Style_Link)
            second_section_link = span.link;
    CHECK(second_section_link == 2);
    std::vector<int> first_links;
    for (const Span& span : page->doc.blocks[1].spans)
        if (span.style & Style_Link)
            first_links.push_back(span.link);
    CHECK(first_links == std::vector<int>{0, 1});
}

TEST_CASE("JSON page: a syntax error is reported at its line and column", "[content][parse]")
{
    // The trailing comma on line 3 makes '}' on line 4 unexpected: the
    // message points at the comma, which is what has to go.
    const std::string text = "{\n  \"title\": \"T\",\n  \"order\": 2,\n}\n";
    Diagnostics diag;
    CHECK_FALSE(ParseJsonPage(text, "t", "t.json", &diag));
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.Items()[0].line == 3);
    CHECK(diag.Items()[0].column == 13);
    CHECK(diag.Items()[0].message
          == "there is a comma after the last entry (\"order\"); remove it (the file is skipped until then)");

    // Columns count characters: the 'x' after "é" is at column 15, not 16.
    Diagnostics accents;
    CHECK_FALSE(ParseJsonPage("{\"title\": \"\xC3\xA9\" x}", "t", "t.json", &accents));
    REQUIRE(accents.ErrorCount() == 1);
    CHECK(accents.Items()[0].line == 1);
    CHECK(accents.Items()[0].column == 15);
}

TEST_CASE("JSON page: missing title, wrong types and unknown keys", "[content][parse]")
{
    Diagnostics no_title;
    CHECK_FALSE(ParseJsonPage(R"({"summary": "x", "sections": []})", "t", "t.json", &no_title));
    const Diagnostic* d = Find(no_title, "the page has no title");
    REQUIRE(d);
    CHECK(d->line == 1);

    const std::string text = "{\n  \"title\": \"T\",\n  \"order\": \"six\",\n  \"sectons\": []\n}";
    Diagnostics diag;
    auto page = ParseJsonPage(text, "t", "t.json", &diag);
    REQUIRE(page);
    const Diagnostic* order = Find(diag, "\"order\" must be a whole number");
    REQUIRE(order);
    CHECK(order->severity == Severity::Error);
    CHECK(order->line == 3);
    CHECK(order->column == 3);
    const Diagnostic* unknown = Find(diag, "unknown key \"sectons\"");
    REQUIRE(unknown);
    CHECK(unknown->line == 4);
    CHECK(unknown->message.find("did you mean \"sections\"") != std::string::npos);
}

// ---------------------------------------------------------------------------
// faq.json
// ---------------------------------------------------------------------------

TEST_CASE("FAQ: entries, lines, missing fields and duplicate ids", "[content][parse]")
{
    const std::string text = R"({
  "questions": [
    {
      "id": "does-it-hurt",
      "question": "Does it hurt?",
      "answer": "A **little**.",
      "keywords": ["pain", "sore"]
    },
    {
      "id": "no-answer",
      "question": "Where is the answer?"
    },
    {"id": "does-it-hurt", "question": "Again?", "answer": "Yes."},
    {"id": "plain", "question": "Plain?", "answer": "Yes.", "keywords": ["ok", 3]}
  ]
})";
    Diagnostics diag;
    const std::vector<FaqEntry> faq = ParseFaq(text, "faq.json", &diag);
    INFO(AllMessages(diag));
    REQUIRE(faq.size() == 2);
    CHECK(faq[0].id == "does-it-hurt");
    CHECK(faq[0].question == "Does it hurt?");
    CHECK(faq[0].answer_markdown == "A **little**.");
    CHECK(faq[0].keywords == std::vector<std::string>{"pain", "sore"});
    CHECK(faq[0].line == 3);
    REQUIRE(faq[0].answer.blocks.size() == 1);
    CHECK(SpanText(faq[0].answer.blocks[0]) == "A little.");
    CHECK(faq[1].id == "plain");
    CHECK(faq[1].line == 14);
    CHECK(faq[1].keywords == std::vector<std::string>{"ok"});

    const Diagnostic* missing = Find(diag, "question 2 has no \"answer\"");
    REQUIRE(missing);
    CHECK(missing->severity == Severity::Error);
    CHECK(missing->line == 9);
    CHECK(missing->column == 5);

    const Diagnostic* duplicate = Find(diag, "already used by the question on line 3");
    REQUIRE(duplicate);
    CHECK(duplicate->severity == Severity::Error);
    CHECK(duplicate->line == 13);
    CHECK(duplicate->column == 6);

    const Diagnostic* keyword = Find(diag, "each keyword must be text");
    REQUIRE(keyword);
    CHECK(keyword->severity == Severity::Error);   // CONTENT.md says "must": check says error
    CHECK(keyword->line == 14);
    CHECK(diag.ErrorCount() == 3);
}

TEST_CASE("FAQ: an id that is not lower-case words joined by - is an error, as CONTENT.md says", "[content][parse]")
{
    Diagnostics diag;
    const auto faq = ParseFaq("{\"questions\": [\n {\"id\": \"Does_It_Hurt\", \"question\": \"Q?\", \"answer\": \"A.\"}]}",
                              "faq.json", &diag);
    CHECK(faq.size() == 1);   // still shown: the mistake is in its name, not its text
    const Diagnostic* id = Find(diag, "the id \"Does_It_Hurt\" must be lower-case words joined by -");
    REQUIRE(id);
    CHECK(id->severity == Severity::Error);
    CHECK(id->line == 2);
}

TEST_CASE("FAQ: wrong shape and bad JSON", "[content][parse]")
{
    Diagnostics shape;
    CHECK(ParseFaq(R"({"questions": {"id": "x"}})", "faq.json", &shape).empty());
    REQUIRE(shape.ErrorCount() == 1);
    CHECK(shape.Items()[0].column == 2);

    Diagnostics syntax;
    CHECK(ParseFaq("{\n  \"questions\": [\n    {\"id\": \"a\" \"question\": \"b\"}\n  ]\n}", "faq.json", &syntax).empty());
    REQUIRE(syntax.ErrorCount() == 1);
    CHECK(syntax.Items()[0].line == 3);
    CHECK(syntax.Items()[0].column == 16);   // where "question" starts
}

TEST_CASE("JSON syntax errors are said in plain words at the place to fix", "[content][parse]")
{
    struct Case {
        std::string text;
        int line, column;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"{\"questions\": [\n  {\"id\": \"a\", \"question\": \"A?\", \"answer\": \"A.\"},\n]}", 2, 48,
         "there is a comma after the last question; remove it"},
        {"{\"questions\": [{\"id\": \"a\",\n  }]}", 1, 26, "there is a comma after the last entry (\"id\"); remove it"},
        {"{\"questions\": [{\"id\": \"a\" \"question\": \"b\"}]}", 1, 27, "a comma is missing before this"},
        {"{\"questions\": [{\"id\": \"a\"} {\"id\": \"b\"}]}", 1, 28, "a comma is missing before this"},
        {"{\"questions\": [{'id': 'a'}]}", 1, 17, "use double quotes \" around text and keys, not single quotes '"},
        {"{\"questions\": [\n", 2, 1, "the file ends before every { and [ is closed; add the missing } or ] at the end"},
        {"", 1, 1, "the file is empty; it needs at least { }"},
        {"// our questions\n{\"questions\": []}", 1, 1,
         "a JSON file cannot hold comments; keep notes in a file such as NOTES.md instead"},
        {"{\"questions\": [{\"id\": \"a\", \"answer\": \"line one\nline two\"}]}", 1, 38,
         "this text runs past the end of its line: close it with \" on the same line (write \\n for a line break "
         "inside it)"},
        {"{\"questions\": [{\"id\": \"a\", \"answer\": \"never closed}]}", 1, 38, "this text has no closing \"; add one at its end"},
        {"{\"questions\": [{\"id\": True}]}", 1, 23, "write true in small letters"},
        {"{\"questions\": [{\"id\": hello}]}", 1, 23, "text needs double quotes around it, such as \"hello\""},
        {"{\"questions\" []}", 1, 14, "a colon : is missing between the key and its value"},
        {"{\"questions\": [{\"id\": \"a\"},, {\"id\": \"b\"}]}", 1, 28, "there are two commas in a row; remove one"},
        {"{\"questions\": []}}", 1, 18,
         "this comes after the end of the file's outer { }: there is one } or ] too many before it, or it should be "
         "inside the { }"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        Diagnostics diag;
        CHECK(ParseFaq(c.text, "faq.json", &diag).empty());
        REQUIRE(diag.ErrorCount() == 1);
        CHECK(diag.Items()[0].message == c.message + " (the file is skipped until then)");
        CHECK(diag.Items()[0].line == c.line);
        CHECK(diag.Items()[0].column == c.column);
    }
}

TEST_CASE("JSON nested too deeply is refused, not parsed", "[content][parse]")
{
    const std::string deep = "{\"questions\": " + std::string(200, '[') + std::string(200, ']') + "}";
    Diagnostics diag;
    CHECK(ParseFaq(deep, "faq.json", &diag).empty());
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.Items()[0].message.find("64 levels deep") != std::string::npos);
    CHECK(diag.Items()[0].line == 1);
}

// ---------------------------------------------------------------------------
// kiosk.json
// ---------------------------------------------------------------------------

TEST_CASE("kiosk.json: all keys read", "[content][parse]")
{
    const std::string text = R"({
  "clinic_name": "Riverside",
  "languages": ["en", "es"],
  "default_language": "es",
  "idle_timeout_seconds": 120,
  "home_tiles": ["benefits", "faq"],
  "review_period_days": 180,
  "insights": true
})";
    Diagnostics diag;
    const KioskConfig config = ParseKioskConfig(text, "kiosk.json", &diag);
    INFO(AllMessages(diag));
    CHECK(diag.Empty());
    CHECK(config.clinic_name == "Riverside");
    CHECK(config.languages == std::vector<std::string>{"en", "es"});
    CHECK(config.default_language == "es");
    CHECK(config.idle_timeout_seconds == 120);
    CHECK(config.home_tiles == std::vector<std::string>{"benefits", "faq"});
    CHECK(config.review_period_days == 180);
}

TEST_CASE("kiosk.json: a staff PIN hash still works but is warned about, and insights can be off", "[content][parse]")
{
    Diagnostics diag;
    const KioskConfig config = ParseKioskConfig("{\n  \"staff_pin_hash\": \"$argon2id$x\",\n  \"insights\": false\n}",
                                                 "kiosk.json", &diag);
    CHECK(config.staff_pin_hash == "$argon2id$x");
    CHECK(config.insights_days == 0);   // nothing recorded
    REQUIRE(diag.Items().size() == 1);
    CHECK(diag.Items()[0].line == 2);
    CHECK(diag.Items()[0].severity == Severity::Warning);
    CHECK(diag.Items()[0].message.find("move it with 'carekiosk set-pin'") != std::string::npos);
    Diagnostics wrong;
    (void)ParseKioskConfig("{\"insights\": \"no\"}", "kiosk.json", &wrong);
    CHECK(wrong.ErrorCount() == 1);
}

TEST_CASE("kiosk.json: unknown keys warn, wrong types and ranges keep defaults", "[content][parse]")
{
    const std::string text = "{\n"
                             "  \"clinic_nam\": \"Typo\",\n"
                             "  \"idle_timeout_seconds\": \"ninety\",\n"
                             "  \"review_period_days\": 0,\n"
                             "  \"languages\": [\"en\", \"fr\"],\n"
                             "  \"default_language\": \"de\"\n"
                             "}\n";
    Diagnostics diag;
    const KioskConfig config = ParseKioskConfig(text, "kiosk.json", &diag);
    INFO(AllMessages(diag));

    const Diagnostic* unknown = Find(diag, "unknown key \"clinic_nam\"");
    REQUIRE(unknown);
    CHECK(unknown->severity == Severity::Warning);
    CHECK(unknown->line == 2);
    CHECK(unknown->column == 3);
    CHECK(unknown->message.find("did you mean \"clinic_name\"") != std::string::npos);
    CHECK(config.clinic_name == "CareKiosk");

    const Diagnostic* type = Find(diag, "\"idle_timeout_seconds\" must be a whole number");
    REQUIRE(type);
    CHECK(type->severity == Severity::Error);
    CHECK(type->line == 3);
    CHECK(config.idle_timeout_seconds == 90);

    const Diagnostic* range = Find(diag, "\"review_period_days\" must be between");
    REQUIRE(range);
    CHECK(range->line == 4);
    CHECK(config.review_period_days == 365);

    const Diagnostic* lang = Find(diag, "\"default_language\" is \"de\"");
    REQUIRE(lang);
    CHECK(lang->severity == Severity::Error);
    CHECK(lang->line == 6);
    CHECK(config.default_language == "en");
    CHECK(diag.ErrorCount() == 3);
}

TEST_CASE("kiosk.json: idle timeout range and missing languages", "[content][parse]")
{
    Diagnostics diag;
    KioskConfig config = ParseKioskConfig(R"({"idle_timeout_seconds": 5})", "kiosk.json", &diag);
    CHECK(config.idle_timeout_seconds == 90);
    REQUIRE(Find(diag, "between 15 and 3600"));

    Diagnostics ok;
    config = ParseKioskConfig(R"({"idle_timeout_seconds": 15})", "kiosk.json", &ok);
    CHECK(config.idle_timeout_seconds == 15);
    CHECK(config.languages.empty());     // LoadContent fills these from the folders
    CHECK(ok.Empty());

    Diagnostics bad_tag;
    config = ParseKioskConfig(R"({"languages": ["en", "English"], "default_language": "en"})", "kiosk.json", &bad_tag);
    CHECK(config.languages == std::vector<std::string>{"en"});
    REQUIRE(Find(bad_tag, "not a language tag"));
}

// ---------------------------------------------------------------------------
// synonyms.json, ui.json
// ---------------------------------------------------------------------------

TEST_CASE("synonyms: word lists, bad entries skipped", "[content][parse]")
{
    const std::string text = "{\n  \"synonyms\": {\n    \"hurt\": [\"pain\", \"sore\"],\n    \"gym\": \"exercise\"\n  }\n}";
    Diagnostics diag;
    auto synonyms = ParseSynonyms(text, "synonyms.json", &diag);
    REQUIRE(synonyms.size() == 1);
    CHECK(synonyms["hurt"] == std::vector<std::string>{"pain", "sore"});
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.Items()[0].line == 4);
    CHECK(diag.Items()[0].column == 5);

    Diagnostics shape;
    CHECK(ParseSynonyms(R"({"words": {}})", "synonyms.json", &shape).empty());
    CHECK(shape.ErrorCount() == 1);
}

TEST_CASE("synonyms: phrases work, and what search could not use is an error saying why", "[content][parse]")
{
    const std::string text = "{\"synonyms\": {\n"
                             "  \"time off\": [\"downtime\"],\n"
                             "  \"???\": [\"pain\"],\n"
                             "  \"sore\": [],\n"
                             "  \"hurt\": [\"pain\", \"--\", \"Hurt\"]\n"
                             "}}";
    Diagnostics diag;
    auto synonyms = ParseSynonyms(text, "synonyms.json", &diag);
    INFO(AllMessages(diag));
    CHECK(synonyms.size() == 2);
    CHECK(synonyms["time off"] == std::vector<std::string>{"downtime"});
    CHECK(synonyms["hurt"] == std::vector<std::string>{"pain"});
    CHECK(diag.WarningCount() == 0);
    REQUIRE(diag.ErrorCount() == 4);
    const Diagnostic* no_word = Find(diag, "the key \"???\" has no letters or digits");
    REQUIRE(no_word);
    CHECK(no_word->line == 3);
    const Diagnostic* empty = Find(diag, "the list for \"sore\" is empty, so it adds nothing");
    REQUIRE(empty);
    CHECK(empty->line == 4);
    const Diagnostic* dashes = Find(diag, "the synonym \"--\" has no letters or digits");
    REQUIRE(dashes);
    CHECK(dashes->line == 5);
    CHECK(dashes->column == 20);   // the opening quote
    CHECK(Find(diag, "the synonym \"Hurt\" is the same words as its key"));
}

TEST_CASE("ui strings: known keys read, unknown keys and placeholders checked", "[content][parse]")
{
    const std::string text = "{\n  \"strings\": {\n    \"back\": \"Volver\",\n    \"bakc\": \"x\",\n"
                             "    \"idle_countdown\": \"Volviendo en {segundos} s\",\n    \"home\": 3\n  }\n}";
    Diagnostics diag;
    auto strings = ParseUiStrings(text, "ui.json", &diag);
    INFO(AllMessages(diag));
    CHECK(strings["back"] == "Volver");
    CHECK(strings.count("bakc") == 0);
    CHECK(strings.count("home") == 0);
    const Diagnostic* unknown = Find(diag, "unknown key \"bakc\"");
    REQUIRE(unknown);
    CHECK(unknown->line == 4);
    CHECK(unknown->message.find("did you mean \"back\"") != std::string::npos);
    const Diagnostic* placeholder = Find(diag, "\"{segundos}\" is not filled in");
    REQUIRE(placeholder);
    CHECK(placeholder->line == 5);
    CHECK(placeholder->message.find("{seconds}") != std::string::npos);
    const Diagnostic* type = Find(diag, "\"home\" must be text");
    REQUIRE(type);
    CHECK(type->severity == Severity::Error);
    CHECK(type->line == 6);
}

TEST_CASE("duplicate JSON keys are reported", "[content][parse]")
{
    Diagnostics diag;
    auto strings = ParseUiStrings("{\"strings\": {\"back\": \"A\",\n \"back\": \"B\"}}", "ui.json", &diag);
    CHECK(strings["back"] == "B");
    const Diagnostic* d = Find(diag, "appears twice");
    REQUIRE(d);
    CHECK(d->line == 2);
    CHECK(d->column == 2);
}
