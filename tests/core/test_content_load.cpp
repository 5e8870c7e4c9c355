// LoadContent over whole folders: the bundled content, a deliberately broken
// folder (tests/data/content/broken) and small folders written at test time.
#include "content/content.h"
#include "content/content_parse.h"
#include "content/image_decode.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>
#include <unistd.h>
#include <filesystem>
#include <fstream>

using namespace ck;
using namespace cktest;
namespace fs = std::filesystem;

namespace {

void CollectImages(const std::vector<Block>& blocks, std::vector<const Block*>* out)
{
    for (const Block& block : blocks) {
        if (block.kind == BlockKind::Image)
            out->push_back(&block);
        CollectImages(block.children, out);
    }
}

std::vector<const Block*> Images(const Document& doc)
{
    std::vector<const Block*> out;
    CollectImages(doc.blocks, &out);
    return out;
}

std::string Dot()
{
    return ReadFile(fs::path(CAREKIOSK_TEST_DATA) / "content/broken/en/pages/dot.png");
}

// The 33-byte start of a PNG whose header claims width x height, with no pixels.
std::string PngHeader(uint32_t width, uint32_t height)
{
    std::string bytes = "\x89PNG\r\n\x1a\n";
    auto be32 = [&](uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8)
            bytes += static_cast<char>((v >> shift) & 0xFF);
    };
    be32(13);
    bytes += "IHDR";
    be32(width);
    be32(height);
    bytes += std::string("\x08\x06\x00\x00\x00", 5);   // 8-bit RGBA, no interlace
    be32(0);                                            // CRC (stb_image does not check it)
    return bytes;
}

const char* kPage = "---\ntitle: %s\norder: %d\n---\n\n%s\n";

std::string MakePage(const std::string& title, int order, const std::string& body)
{
    char buffer[4096];
    std::snprintf(buffer, sizeof buffer, kPage, title.c_str(), order, body.c_str());
    return buffer;
}

} // namespace

// ---------------------------------------------------------------------------
// The bundled content
// ---------------------------------------------------------------------------

TEST_CASE("the bundled content loads without a single diagnostic", "[content][load]")
{
    const std::string root = CAREKIOSK_SOURCE_DIR "/content";
    const LoadResult result = LoadContent(root);
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.ErrorCount() == 0);
    CHECK(result.diagnostics.WarningCount() == 0);
    const Content& content = *result.content;
    CHECK_FALSE(content.IsEmpty());
    CHECK(content.root == root);
    CHECK(content.config.clinic_name == "Riverside Skin Clinic");
    CHECK(content.config.default_language == "en");
    REQUIRE(content.languages.size() == 2);
    CHECK(content.languages[0].lang == "en");
    CHECK(content.languages[1].lang == "es");

    for (const LanguageContent& language : content.languages) {
        INFO("language " << language.lang);
        CHECK(language.pages.size() >= 5);
        CHECK(language.faq.size() >= 30);
        CHECK_FALSE(language.synonyms.empty());
        CHECK(language.ui.count("back") == 1);
        for (size_t i = 1; i < language.pages.size(); i++)
            CHECK(language.pages[i - 1].order <= language.pages[i].order);
        for (const Page& page : language.pages) {
            CHECK_FALSE(page.title.empty());
            CHECK_FALSE(page.doc.blocks.empty());
            CHECK(page.source.rfind(language.lang + "/pages/" + page.id + ".", 0) == 0);
        }
    }

    // Every picture is decoded, with sane sizes, and each block points at it.
    int image_blocks = 0;
    for (const LanguageContent& language : content.languages)
        for (const Page& page : language.pages)
            for (const Block* block : Images(page.doc)) {
                image_blocks++;
                INFO(page.source << ": " << block->src);
                REQUIRE(block->image_key == language.lang + "/pages/" + block->src);
                const ImageData* image = content.Image(block->image_key);
                REQUIRE(image);
                CHECK(image->key == block->image_key);
                CHECK(image->width == 1200);
                CHECK(image->height == 700);
                // Kept as the file's bytes until shown; they decode to that size.
                CHECK(image->rgba.empty());
                Diagnostics diag;
                const std::shared_ptr<ImageData> pixels = DecodeImage(image->encoded, image->key, "", 0, &diag);
                REQUIRE(pixels);
                CHECK(pixels->rgba.size() == size_t(1200) * 700 * 4);
            }
    CHECK(image_blocks == 4);
    CHECK(content.images.size() == 5);   // and the aftercare clip's poster
    const VideoData* clip = content.Video("en/pages/healing.mp4");
    REQUIRE(clip);
    CHECK(clip->poster_key == "en/pages/healing.png");
    REQUIRE(clip->CaptionsFor("es"));
    CHECK(clip->CaptionsFor("es")->key == "en/pages/healing.es.vtt");
    CHECK(clip->CaptionsFor("en")->cues.size() == 4);
    REQUIRE(content.Image("en/pages/needle-depth.png"));
    CHECK(content.Image("en/pages/no-such.png") == nullptr);

    Diagnostics translations;
    CheckTranslations(content, &translations);
    INFO(AllMessages(translations));
    CHECK(translations.Empty());
}

TEST_CASE("bundled content: lookups, fallback, home tiles and UI strings", "[content][load]")
{
    const LoadResult result = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    const Content& content = *result.content;
    bool fell_back = true;
    const Page* page = content.FindPage("es", "aftercare", &fell_back);
    REQUIRE(page);
    CHECK(page->source == "es/pages/aftercare.md");
    CHECK_FALSE(fell_back);
    page = content.FindPage("fr", "aftercare", &fell_back);   // not offered: the default language
    REQUIRE(page);
    CHECK(page->source == "en/pages/aftercare.md");
    CHECK(fell_back);
    CHECK(content.FindPage("en", "no-such-page") == nullptr);
    REQUIRE(content.FindFaq("es", "does-it-hurt"));
    CHECK(content.FindFaq("en", "nope") == nullptr);

    const std::vector<std::string> tiles = content.HomeTiles("en");
    const std::vector<std::string> expected = {"benefits", "what-to-expect", "aftercare", "risks",
                                               "who-should-not", "faq", "sessions-and-costs"};
    CHECK(tiles == expected);

    CHECK(UiString(content, "en", "back") == "Back");
    CHECK(UiString(content, "es", "back") != "Back");
    CHECK_FALSE(UiString(content, "es", "back").empty());
    CHECK(UiString(content, "fr", "home") == "Home");
    CHECK(UiString(content, "en", "no-such-key") == "no-such-key");
    CHECK(FormatUiString(UiString(content, "en", "idle_countdown"), {{"seconds", "12"}})
          == "Returning to the start in 12 s");
    CHECK(FormatUiString("{a} and {a}, not {b}", {{"a", "x"}}) == "x and x, not {b}");
}

TEST_CASE("built-in UI strings cover every key the kiosk uses", "[content][load]")
{
    Content empty;
    for (const char* key : {"back", "home", "search", "faq_title", "continue", "still_reading", "idle_countdown",
                            "no_answer", "ask_front_desk", "try_these", "showing_results_for", "text_size",
                            "contrast", "language", "updating", "updating_detail", "touch_to_start", "space",
                            "clear", "search_hint", "reviewed_by", "reviewed_on", "fallback_note", "read_aloud",
                            "stop_reading", "video_cannot_play", "video_play", "video_pause", "video_resume",
                            "video_restart", "video_captions_on", "video_captions_off", "video_sound_on",
                            "video_sound_off"}) {
        INFO(key);
        REQUIRE(DefaultUiStrings().count(key) == 1);
        CHECK(UiString(empty, "en", key) == DefaultUiStrings().at(key));
        CHECK_FALSE(UiString(empty, "en", key).empty());
    }
    // The English ui.json and the built-in texts agree.
    const LoadResult result = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    for (const auto& [key, text] : en->ui) {
        INFO(key);
        CHECK(UiString(empty, "en", key) == text);
    }
}

// ---------------------------------------------------------------------------
// A broken folder
// ---------------------------------------------------------------------------

TEST_CASE("a broken folder: each problem reported where it is, good pages still load", "[content][load]")
{
    const std::string root = CAREKIOSK_TEST_DATA "/content/broken";
    const LoadResult result = LoadContent(root);
    const Diagnostics& diag = result.diagnostics;
    INFO(AllMessages(diag));
    auto file = [&](const std::string& relative) { return root + "/" + relative; };
    struct Expected {
        const char* file;
        const char* part;
        int line;
        int column;
        Severity severity;
    };
    const Expected expected[] = {
        {"kiosk.json", "unknown key \"idle_timout_seconds\" is ignored (did you mean \"idle_timeout_seconds\"?)", 5, 3,
         Severity::Warning},
        {"kiosk.json", "\"home_tiles\" lists \"nope\"", 6, 33, Severity::Warning},
        {"en/pages/bad-yaml.md", "not valid YAML", 4, 6, Severity::Error},
        {"en/pages/no-title.md", "the page has no title", 1, 1, Severity::Error},
        {"en/pages/climbs.md", "\"../../../../secret.png\" is outside the content folder", 5, 13, Severity::Error},
        {"en/pages/climbs.md", "\"en/pages/corrupt.png\" is damaged", 8, 12, Severity::Error},
        {"en/pages/good.md", "\"missing.png\" is missing", 16, 22, Severity::Error},
        {"en/pages/good.md", "goes to a page \"no-such-page\" that does not exist", 19, 32, Severity::Warning},
        {"en/pages/good.md", "\"dot.png\" is only 3 x 2 pixels", 12, 14, Severity::Warning},
        {"en/pages/todo.txt", "the kiosk ignores this", 0, 0, Severity::Warning},
        {"en/faq.json", "question 2 has no \"answer\"", 9, 5, Severity::Error},
        {"en/faq.json", "the id \"good-question\" is already used by the question on line 3", 14, 7, Severity::Error},
    };
    for (const Expected& e : expected) {
        INFO(e.file << ": " << e.part);
        const Diagnostic* d = Find(diag, file(e.file), e.part);
        REQUIRE(d);
        CHECK(d->line == e.line);
        CHECK(d->column == e.column);
        CHECK(d->severity == e.severity);
    }
    CHECK(diag.ErrorCount() == 7);
    CHECK(diag.WarningCount() == 5);

    const Content& content = *result.content;
    CHECK_FALSE(content.IsEmpty());
    CHECK(content.config.idle_timeout_seconds == 90);
    const LanguageContent* en = content.Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 3);
    CHECK(en->pages[0].id == "json-page");   // order 1
    CHECK(en->pages[1].id == "good");        // order 2
    CHECK(en->pages[2].id == "climbs");      // no order: last
    REQUIRE(en->faq.size() == 1);
    CHECK(en->faq[0].id == "good-question");

    // The good picture is decoded; the missing one keeps its alt text and no key.
    const std::vector<const Block*> images = Images(en->pages[1].doc);
    REQUIRE(images.size() == 2);
    CHECK(images[0]->image_key == "en/pages/dot.png");
    const ImageData* dot = content.Image("en/pages/dot.png");
    REQUIRE(dot);
    CHECK(dot->width == 3);
    CHECK(dot->height == 2);
    Diagnostics decode_diag;
    const std::shared_ptr<ImageData> pixels = DecodeImage(dot->encoded, dot->key, "", 0, &decode_diag);
    REQUIRE(pixels);
    REQUIRE(pixels->rgba.size() == 24);
    CHECK(pixels->rgba[0] == 200);
    CHECK(pixels->rgba[3] == 255);
    CHECK(images[1]->image_key.empty());
    CHECK(images[1]->alt == "A missing picture");
    CHECK(content.images.size() == 1);

    CHECK(content.HomeTiles("en") == std::vector<std::string>{"good", "faq", "json-page", "climbs"});
}

// ---------------------------------------------------------------------------
// Missing, empty and odd folders
// ---------------------------------------------------------------------------

TEST_CASE("a missing content folder: empty content and an error that says what to do", "[content][load]")
{
    TempDir temp;
    const LoadResult result = LoadContent(temp.Root());
    REQUIRE(result.content);
    CHECK(result.content->IsEmpty());
    CHECK(result.content->languages.empty());
    REQUIRE(result.diagnostics.ErrorCount() == 1);
    const Diagnostic& d = result.diagnostics.Items()[0];
    CHECK(d.file == temp.Root());
    CHECK(d.message.find("does not exist") != std::string::npos);
    CHECK(d.message.find("--content") != std::string::npos);
}

TEST_CASE("an empty content folder: empty content and an error", "[content][load]")
{
    TempDir temp;
    fs::create_directories(temp.Root());
    const LoadResult result = LoadContent(temp.Root());
    CHECK(result.content->IsEmpty());
    CHECK(result.content->languages.empty());
    REQUIRE(result.diagnostics.ErrorCount() == 1);
    CHECK(Find(result.diagnostics, temp.Root(), "nothing to show"));
    CHECK(Find(result.diagnostics, temp.Label("kiosk.json"), "no kiosk.json"));

    // A language folder with no pages is still nothing to show.
    fs::create_directories(temp.path / "content/en/pages");
    const LoadResult still_empty = LoadContent(temp.Root());
    CHECK(still_empty.content->IsEmpty());
    CHECK(still_empty.content->languages.size() == 1);
    CHECK(still_empty.diagnostics.ErrorCount() == 1);
}

TEST_CASE("without kiosk.json the language folders are offered", "[content][load]")
{
    TempDir temp;
    temp.Write("content/es/pages/a.md", MakePage("A es", 1, "Hola."));
    temp.Write("content/fr/pages/a.md", MakePage("A fr", 1, "Bonjour."));
    temp.Write("content/images/x.txt", "not a language folder");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Content& content = *result.content;
    CHECK(content.config.languages == std::vector<std::string>{"es", "fr"});
    CHECK(content.config.default_language == "es");   // no "en" folder: the first one
    CHECK(result.diagnostics.ErrorCount() == 0);
    CHECK(Find(result.diagnostics, temp.Label("images"), "the kiosk ignores this"));
}

TEST_CASE("kiosk.json languages: missing folders are errors, unlisted folders warnings", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", "{\n  \"languages\": [\"en\", \"de\"],\n  \"default_language\": \"en\"\n}\n");
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "Text with [a link](b) and [a question](faq#q)."));
    temp.Write("content/es/pages/a.md", MakePage("A es", 1, "Texto."));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* missing = Find(result.diagnostics, temp.Label("kiosk.json"), "no folder");
    REQUIRE(missing);
    CHECK(missing->severity == Severity::Error);
    CHECK(missing->line == 2);
    CHECK(missing->column == 23);
    const Diagnostic* unlisted = Find(result.diagnostics, temp.Label("es"), "not offered");
    REQUIRE(unlisted);
    CHECK(unlisted->severity == Severity::Warning);
    CHECK(result.content->config.languages == std::vector<std::string>{"en"});
    CHECK(result.content->Language("es") == nullptr);
    CHECK(Find(result.diagnostics, temp.Label("en/pages/a.md"), "page \"b\" that does not exist"));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/a.md"), "question \"q\" that does not exist"));
}

TEST_CASE("fallback pages, translations check and home tiles across languages", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en", "es"], "default_language": "en", "home_tiles": ["b", "faq"]})");
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "Text."));
    temp.Write("content/en/pages/b.md", MakePage("B", 2, "Text."));
    temp.Write("content/en/pages/c.json", R"({"title": "C", "order": 0, "sections": [{"body": "x"}]})");
    temp.Write("content/en/faq.json", R"({"questions": [{"id": "q", "question": "Q?", "answer": "A."}]})");
    temp.Write("content/es/pages/a.md", MakePage("A es", 1, "Texto [b](b)."));   // links to an en-only page
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.Empty());
    const Content& content = *result.content;
    CHECK(content.HomeTiles("es") == std::vector<std::string>{"b", "faq", "a", "c"});
    CHECK(content.HomeTiles("en") == std::vector<std::string>{"b", "faq", "c", "a"});
    bool fell_back = false;
    REQUIRE(content.FindFaq("es", "q", &fell_back));
    CHECK(fell_back);

    Diagnostics translations;
    CheckTranslations(content, &translations);
    CHECK(translations.WarningCount() == 3);
    CHECK(Find(translations, temp.Label("es/pages"), "the page \"b\" has no \"es\" version"));
    CHECK(Find(translations, temp.Label("es/faq.json"), "the question \"q\" has no \"es\" version"));
}

TEST_CASE("popular_questions: an unknown id is an error at its place and is left out", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", "{\n  \"languages\": [\"en\", \"es\"],\n  \"home_tiles\": [\"q\"],\n"
                                     "  \"popular_questions\": [\"r\",\n    \"q\", \"nope\", \"r\"]\n}\n");
    temp.Write("content/en/pages/q.md", MakePage("Q", 1, "Text."));
    temp.Write("content/en/faq.json", R"({"questions": [{"id": "q", "question": "Q?", "answer": "A."},
                                                       {"id": "r", "question": "R?", "answer": "A."}]})");
    temp.Write("content/es/faq.json", R"({"questions": [{"id": "q", "question": "Q es?", "answer": "A."},
                                                       {"id": "r", "question": "R es?", "answer": "A."}]})");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* unknown = Find(result.diagnostics, temp.Label("kiosk.json"),
                                     "\"popular_questions\" lists \"nope\", but there is no question with that id");
    REQUIRE(unknown);
    CHECK(unknown->severity == Severity::Error);
    CHECK(unknown->line == 5);
    CHECK(unknown->column == 10);
    CHECK(result.diagnostics.ErrorCount() == 1);
    CHECK(result.content->config.popular_questions == std::vector<std::string>{"r", "q"});   // once each
}

TEST_CASE("text files: size limit, invalid UTF-8 and duplicate page ids", "[content][load]")
{
    TempDir temp;
    temp.Write("content/en/pages/big.md", MakePage("Big", 1, "") + std::string(2 * 1024 * 1024 + 1, 'x'));
    temp.Write("content/en/pages/latin1.md", "---\ntitle: Caf\xE9\n---\n\nText.\n");
    temp.Write("content/en/pages/twice.md", MakePage("Twice md", 1, "Text."));
    temp.Write("content/en/pages/twice.json", R"({"title": "Twice json", "sections": [{"body": "x"}]})");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* big = Find(result.diagnostics, temp.Label("en/pages/big.md"), "larger than 2 MB");
    REQUIRE(big);
    CHECK(big->severity == Severity::Error);
    const Diagnostic* utf8 = Find(result.diagnostics, temp.Label("en/pages/latin1.md"), "not valid UTF-8");
    REQUIRE(utf8);
    CHECK(utf8->severity == Severity::Warning);
    CHECK(utf8->line == 2);
    CHECK(utf8->column == 11);
    CHECK(Find(result.diagnostics, temp.Label("en/pages/twice.md"), "another page already has the id \"twice\""));

    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 2);
    const Page* latin1 = en->FindPage("latin1");
    REQUIRE(latin1);
    CHECK(latin1->title == "Caf\xEF\xBF\xBD");   // the bad byte became U+FFFD
    CHECK(en->FindPage("twice")->title == "Twice json");
    CHECK(en->FindPage("big") == nullptr);
}

// ---------------------------------------------------------------------------
// Pictures
// ---------------------------------------------------------------------------

TEST_CASE("pictures outside the content folder are refused, also through symlinks", "[content][load]")
{
    TempDir temp;
    temp.Write("secret.png", Dot());
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "![Up](../../../secret.png)\n\n![Abs](/etc/x.png)\n\n"
                                                         "![Linked](linked.png)\n\n![Web](https://x.org/a.png)"));
    fs::create_symlink(temp.path / "secret.png", temp.path / "content/en/pages/linked.png");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const std::string page = temp.Label("en/pages/a.md");
    CHECK(Find(result.diagnostics, page, "\"../../../secret.png\" is outside the content folder"));
    CHECK(Find(result.diagnostics, page, "\"/etc/x.png\" is outside the content folder"));
    const Diagnostic* linked = Find(result.diagnostics, page, "\"linked.png\" links to a place outside");
    REQUIRE(linked);
    CHECK(linked->line == 10);
    CHECK(linked->column == 11);   // where "linked.png" starts
    CHECK(Find(result.diagnostics, page, "is a web address"));
    CHECK(result.diagnostics.ErrorCount() == 4);
    CHECK(result.content->images.empty());
    for (const Block* block : Images(result.content->Language("en")->pages[0].doc))
        CHECK(block->image_key.empty());
}

TEST_CASE("each picture is decoded once, however many pages use it", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en", "es"]})");
    temp.Write("content/en/pages/dot.png", Dot());
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "![Dot](dot.png)"));
    temp.Write("content/en/pages/b.md", MakePage("B", 2, "![Dot again](./dot.png)\n\n![Alias](alias.png)"));
    temp.Write("content/en/faq.json", R"J({"questions": [{"id": "q", "question": "Q?", "answer": "![In FAQ](pages/dot.png)"}]})J");
    temp.Write("content/es/pages/a.md", MakePage("A es", 1, "![El punto](../../en/pages/dot.png)"));
    fs::create_symlink("dot.png", temp.path / "content/en/pages/alias.png");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.ErrorCount() == 0);
    for (const Diagnostic& d : result.diagnostics.Items())   // a 3 x 2 dot is a small picture, nothing else
        CHECK(d.message.find("is only 3 x 2 pixels") != std::string::npos);
    const Content& content = *result.content;
    REQUIRE(content.images.size() == 2);   // two keys ...
    const ImageData* dot = content.Image("en/pages/dot.png");
    REQUIRE(dot);
    CHECK(content.Image("en/pages/alias.png") == dot);   // ... one decoded picture
    const LanguageContent* en = content.Language("en");
    CHECK(Images(en->pages[1].doc)[0]->image_key == "en/pages/dot.png");
    CHECK(Images(en->faq[0].answer)[0]->image_key == "en/pages/dot.png");
    // Another language may show the same picture: same key, same pixels.
    CHECK(Images(content.Language("es")->pages[0].doc)[0]->image_key == "en/pages/dot.png");
}

TEST_CASE("an oversized picture is refused from its header, without decoding", "[content][load]")
{
    const std::string header = PngHeader(5000, 3000);
    int width = 0, height = 0;
    REQUIRE(ReadImageSize(header, &width, &height));
    CHECK(width == 5000);
    CHECK(height == 3000);
    Diagnostics diag;
    CHECK(DecodeImage(header, "big.png", "page.md", 4, &diag) == nullptr);
    REQUIRE(diag.ErrorCount() == 1);
    CHECK(diag.Items()[0].file == "page.md");
    CHECK(diag.Items()[0].line == 4);
    CHECK(diag.Items()[0].message.find("too large (5000 x 3000 pixels)") != std::string::npos);

    // 4000 x 4000 fits each side but is over 16 megapixels.
    Diagnostics pixels;
    CHECK(DecodeImage(PngHeader(4000, 4000), "square.png", "page.md", 1, &pixels) == nullptr);
    CHECK(pixels.ErrorCount() == 1);
    // Within the limits the same truncated file gets as far as decoding, and fails there.
    Diagnostics truncated;
    CHECK(DecodeImage(PngHeader(100, 100), "small.png", "page.md", 1, &truncated) == nullptr);
    REQUIRE(truncated.ErrorCount() == 1);
    CHECK(truncated.Items()[0].message.find("damaged") != std::string::npos);

    TempDir temp;
    temp.Write("content/en/pages/big.png", header);
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "Intro.\n\n![Huge](big.png)"));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* d = Find(result.diagnostics, temp.Label("en/pages/a.md"), "too large");
    REQUIRE(d);
    CHECK(d->line == 8);
    CHECK(result.content->images.empty());
}

TEST_CASE("a picture too small for the column or over 4000 px a side is warned about at its line", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en"]})");
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "Intro.\n\n![Small](small.png)\n\n![Wide](wide.png)\n\n"
                                                          "![Right](right.png)"));
    const fs::path pages = fs::path(temp.Root()) / "en" / "pages";
    REQUIRE(WritePng((pages / "small.png").string(), 320, 200, std::vector<unsigned char>(320 * 200 * 4, 200)));
    REQUIRE(WritePng((pages / "wide.png").string(), 4050, 20, std::vector<unsigned char>(4050 * 20 * 4, 200)));
    REQUIRE(WritePng((pages / "right.png").string(), 1200, 700, std::vector<unsigned char>(1200 * 700 * 4, 200)));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.ErrorCount() == 0);
    REQUIRE(result.diagnostics.WarningCount() == 2);
    const Diagnostic* small = Find(result.diagnostics, temp.Label("en/pages/a.md"),
                                   "\"small.png\" is only 320 x 200 pixels, so it shows at less than half");
    REQUIRE(small);
    CHECK(small->line == 8);
    const Diagnostic* wide = Find(result.diagnostics, temp.Label("en/pages/a.md"),
                                  "\"wide.png\" is 4 050 x 20 pixels, more than a screen can show");
    REQUIRE(wide);
    CHECK(wide->line == 10);
    CHECK(result.content->images.size() == 3);   // all still shown
}

TEST_CASE("kiosk.json's logo is a picture of the content folder, checked like one", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", "{\n  \"languages\": [\"en\"],\n  \"logo\": \"logo.png\"\n}\n");
    temp.Write("content/en/pages/a.md", MakePage("A", 1, "Text."));
    REQUIRE(WritePng(temp.Root() + "/logo.png", 300, 100, std::vector<unsigned char>(300 * 100 * 4, 90)));
    LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.Empty());   // a small logo is fine: it is not a picture in a page
    CHECK(result.content->config.logo_image == "logo.png");
    REQUIRE(result.content->Image("logo.png"));
    CHECK(result.content->Image("logo.png")->width == 300);

    temp.Write("content/kiosk.json", "{\n  \"languages\": [\"en\"],\n  \"logo\": \"our-logo.png\"\n}\n");
    result = LoadContent(temp.Root());
    const Diagnostic* missing = Find(result.diagnostics, temp.Label("kiosk.json"), "\"our-logo.png\" is missing");
    REQUIRE(missing);
    CHECK(missing->line == 3);
    CHECK(missing->column == 12);
    CHECK(result.content->config.logo_image.empty());
}

TEST_CASE("pages not reviewed within the review period are flagged", "[content][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en"], "review_period_days": 30})");
    temp.Write("content/en/pages/old.md", "---\ntitle: Old\nreviewed: 2024-01-31\n---\n\nText.\n");
    temp.Write("content/en/pages/new.md", "---\ntitle: New\nreviewed: 2024-02-29\n---\n\nText.\n");
    temp.Write("content/en/pages/none.md", "---\ntitle: Never\n---\n\nText.\n");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    REQUIRE(result.diagnostics.Empty());

    Diagnostics on_time;
    CheckReviewDates(*result.content, "2024-03-01", &on_time);   // 30 days after 2024-01-31 (leap year)
    CHECK(on_time.Empty());
    Diagnostics late;
    CheckReviewDates(*result.content, "2024-03-02", &late);
    REQUIRE(late.WarningCount() == 1);
    CHECK(late.Items()[0].file == temp.Label("en/pages/old.md"));
    CHECK(late.Items()[0].message.find("2024-01-31, more than 30 days ago") != std::string::npos);
    Diagnostics years_later;
    CheckReviewDates(*result.content, "2030-01-01", &years_later);
    CHECK(years_later.WarningCount() == 2);
}
