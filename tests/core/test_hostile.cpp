// Hostile content: whatever lands in the content folder, loading ends soon,
// never crashes, stays inside the folder and says what is wrong.
// Small inputs live in tests/data/hostile; big ones are made here.
// (That layout never draws past the width, even for one endless word, is
// tested with real fonts in tests/ui/test_layout.cpp: "a word wider than the
// line is broken between characters".)
#include "content/content.h"
#include "content/content_parse.h"
#include "document/document_dump.h"
#include "content/image_decode.h"
#include "document/markdown.h"
#include "base/utf8.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <future>
#include <optional>
#include <thread>

// From Debian's libstb (linked through ck_content): makes test pictures.
extern "C" unsigned char* stbi_write_png_to_mem(const unsigned char* pixels, int stride_bytes, int x, int y,
                                                int n, int* out_len);

using namespace ck;
using namespace cktest;
namespace fs = std::filesystem;

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Helpers
// ---------------------------------------------------------------------------

// A temporary folder whose content folder exists from the start.
struct ContentDir : TempDir {
    ContentDir() { fs::create_directories(path / "content"); }
};

std::string Hostile(const std::string& name)
{
    return ReadFile(fs::path(CAREKIOSK_TEST_DATA) / "hostile" / name);
}

std::string MakePage(const std::string& title, const std::string& body)
{
    return "---\ntitle: " + title + "\n---\n\n" + body + "\n";
}

double SecondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Runs LoadContent on a thread and waits at most `seconds`. If it is still
// running, `unblock` gets a chance to free it (e.g. by opening a FIFO's
// other end) so the test can end; the result is then empty.
std::optional<LoadResult> LoadWithin(const std::string& root, double seconds, const std::function<void()>& unblock)
{
    std::packaged_task<LoadResult()> task([root] { return LoadContent(root); });
    std::future<LoadResult> future = task.get_future();
    std::thread thread(std::move(task));
    const bool done = future.wait_for(std::chrono::duration<double>(seconds)) == std::future_status::ready;
    if (!done)
        unblock();
    thread.join();
    if (!done)
        return std::nullopt;
    return future.get();
}

// Most lists and quotes nested inside one another in `blocks`.
int Depth(const std::vector<Block>& blocks)
{
    int deepest = 0;
    for (const Block& block : blocks) {
        const bool nests = block.kind == BlockKind::List || block.kind == BlockKind::Quote;
        deepest = std::max(deepest, (nests ? 1 : 0) + Depth(block.children));
    }
    return deepest;
}

bool HasNul(const Document& doc)
{
    return DocumentPlainText(doc).find('\0') != std::string::npos;
}

// A PNG of one colour; compresses to a few kilobytes at any size.
std::string SolidPng(int width, int height, unsigned char value = 0x80)
{
    std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 4, value);
    int length = 0;
    unsigned char* png = stbi_write_png_to_mem(pixels.data(), width * 4, width, height, 4, &length);
    REQUIRE(png);
    std::string bytes(reinterpret_cast<char*>(png), static_cast<size_t>(length));
    std::free(png);
    return bytes;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Paths: nothing outside the content folder, nothing but files
// ---------------------------------------------------------------------------

TEST_CASE("hostile: pages and data files that point outside the folder are refused", "[hostile]")
{
    ContentDir temp;
    temp.Write("outside.md", MakePage("Secret", "Not for patients."));
    temp.Write("content/en/pages/ok.md", MakePage("Fine", "![Up](../../../outside.png) ![Abs](/etc/hostname)"));
    fs::create_symlink(temp.path / "outside.md", temp.path / "content/en/pages/escape.md");
    fs::create_symlink("../../../outside.md", temp.path / "content/en/pages/relative-escape.md");
    fs::create_symlink("/etc/hostname", temp.path / "content/en/synonyms.json");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/escape.md"), "outside the content folder"));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/relative-escape.md"), "outside the content folder"));
    CHECK(Find(result.diagnostics, temp.Label("en/synonyms.json"), "outside the content folder"));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/ok.md"), "\"../../../outside.png\" is outside"));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/ok.md"), "\"/etc/hostname\" is outside"));
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 1);
    CHECK(en->pages[0].title == "Fine");
    CHECK(en->synonyms.empty());
}

TEST_CASE("hostile: symbolic link loops at every level are skipped with a warning", "[hostile]")
{
    ContentDir temp;
    temp.Write("content/en/pages/ok.md", MakePage("Fine", "Still here."));
    fs::create_symlink("loop-b.md", temp.path / "content/en/pages/loop-a.md");
    fs::create_symlink("loop-a.md", temp.path / "content/en/pages/loop-b.md");
    fs::create_symlink("faq.json", temp.path / "content/en/faq.json");   // points at itself
    fs::create_symlink("pages-b", temp.path / "content/en/pages-a");
    fs::create_symlink("pages-a", temp.path / "content/en/pages-b");
    fs::create_symlink("fr", temp.path / "content/fr");
    LoadResult result;
    REQUIRE_NOTHROW(result = LoadContent(temp.Root()));
    INFO(AllMessages(result.diagnostics));
    for (const char* file : {"en/pages/loop-a.md", "en/pages/loop-b.md", "en/faq.json", "en/pages-a", "fr"})
        CHECK(Find(result.diagnostics, temp.Label(file), "loop of links"));
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 1);
    CHECK(en->pages[0].title == "Fine");
}

TEST_CASE("hostile: device files are never read", "[hostile]")
{
    ContentDir temp;
    temp.Write("content/en/pages/ok.md", MakePage("Fine", "Text."));
    // An endless device behind a content name: outside the folder, and not a file.
    fs::create_symlink("/dev/zero", temp.path / "content/en/pages/zero.md");
    fs::create_symlink("/dev/urandom", temp.path / "content/en/faq.json");
    fs::create_symlink("/dev/zero", temp.path / "content/en/pages/zero.png");
    temp.Write("content/en/pages/pic.md", MakePage("Pic", "![Zero](zero.png)"));
    const auto start = std::chrono::steady_clock::now();
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(SecondsSince(start) < 10.0);
    CHECK(Find(result.diagnostics, temp.Label("en/pages/zero.md"), ""));
    CHECK(Find(result.diagnostics, temp.Label("en/faq.json"), ""));
    CHECK(Find(result.diagnostics, temp.Label("en/pages/pic.md"), "\"zero.png\""));
    CHECK(result.content->images.empty());
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    CHECK(en->pages.size() == 2);
    CHECK(en->faq.empty());
}

TEST_CASE("hostile: FIFOs in the content folder do not hang the loader", "[hostile]")
{
    ContentDir temp;
    temp.Write("content/en/pages/ok.md", MakePage("Fine", "![Pipe](pipe.png)"));
    const std::vector<std::string> fifos = {"kiosk.json", "en/faq.json", "en/ui.json", "en/pages/pipe.md",
                                            "en/pages/pipe.png"};
    for (const std::string& fifo : fifos)
        REQUIRE(mkfifo((temp.path / "content" / fifo).c_str(), 0600) == 0);
    // Should the loader block in open(), opening the writing end frees it.
    auto unblock = [&] {
        for (const std::string& fifo : fifos) {
            const int fd = open((temp.path / "content" / fifo).c_str(), O_WRONLY | O_NONBLOCK);
            if (fd >= 0)
                close(fd);
        }
    };
    const std::optional<LoadResult> result = LoadWithin(temp.Root(), 20.0, unblock);
    REQUIRE(result.has_value());   // else the loader waited on a FIFO
    INFO(AllMessages(result->diagnostics));
    for (const std::string& fifo : fifos)
        if (fifo != "en/pages/pipe.png")
            CHECK(Find(result->diagnostics, temp.Label(fifo), ""));
    CHECK(Find(result->diagnostics, temp.Label("en/pages/ok.md"), "\"pipe.png\""));
    const LanguageContent* en = result->content->Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 1);
    CHECK(en->pages[0].title == "Fine");
}

// ---------------------------------------------------------------------------
// [SECTION] Bytes: encodings, NULs, line ends, empty and endless text
// ---------------------------------------------------------------------------

TEST_CASE("hostile: BOM and CRLF are handled, lines still counted right", "[hostile]")
{
    Diagnostics diag;
    const std::optional<ck::Page> page = ParseMarkdownPage(Hostile("bom_crlf.md"), "bom", "bom_crlf.md", &diag);
    INFO(AllMessages(diag));
    REQUIRE(page);
    CHECK(page->title == "BOM and CRLF");
    CHECK(page->order == 2);
    REQUIRE(page->doc.blocks.size() == 2);
    CHECK(page->doc.blocks[0].kind == BlockKind::Heading);
    const std::string text = DocumentPlainText(page->doc);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("\xEF\xBB\xBF") == std::string::npos);
    CHECK(text.find("A line with CRLF ends") != std::string::npos);
}

TEST_CASE("hostile: NUL bytes and broken UTF-8 become U+FFFD, never raw bytes", "[hostile]")
{
    const std::string bytes = Hostile("nul_bytes.md");
    REQUIRE(bytes.find('\0') != std::string::npos);
    // Straight into the Markdown parser, as the fuzzers do.
    Diagnostics diag;
    const Document doc = ParseMarkdown(bytes, &diag, "nul_bytes.md");
    CHECK_FALSE(HasNul(doc));
    CHECK(IsValidUtf8(DocumentPlainText(doc)));
    CHECK_NOTHROW(DumpDocument(doc).dump());

    // Through the loader: a warning with the place of the first bad byte.
    ContentDir temp;
    temp.Write("content/en/pages/nul.md", bytes);
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* warning = Find(result.diagnostics, temp.Label("en/pages/nul.md"), "not valid UTF-8");
    REQUIRE(warning);
    CHECK(warning->line == 5);   // the \xFF in the body; NUL is valid UTF-8, the parser replaces it
    const ck::Page* page = result.content->FindPage("en", "nul");
    REQUIRE(page);
    CHECK(page->title.find('\0') == std::string::npos);
    CHECK(IsValidUtf8(page->title));
    CHECK_FALSE(HasNul(page->doc));
    CHECK(DocumentPlainText(page->doc).find("\xEF\xBF\xBD") != std::string::npos);
}

TEST_CASE("hostile: empty and truncated files are errors in their file", "[hostile]")
{
    ContentDir temp;
    temp.Write("content/kiosk.json", "");
    temp.Write("content/en/pages/empty.md", Hostile("empty.md"));
    temp.Write("content/en/pages/empty-json.json", "");
    temp.Write("content/en/pages/bad-yaml.md", Hostile("bad_yaml.md"));
    temp.Write("content/en/pages/ok.md", MakePage("Fine", "Text."));
    temp.Write("content/en/faq.json", Hostile("truncated_faq.json"));
    temp.Write("content/en/synonyms.json", "");
    temp.Write("content/en/ui.json", "");
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    for (const char* file : {"kiosk.json", "en/pages/empty.md", "en/pages/empty-json.json", "en/pages/bad-yaml.md",
                             "en/faq.json", "en/synonyms.json", "en/ui.json"}) {
        INFO(file);
        CHECK(Find(result.diagnostics, temp.Label(file), ""));
    }
    const Diagnostic* yaml = Find(result.diagnostics, temp.Label("en/pages/bad-yaml.md"), "");
    REQUIRE(yaml);
    CHECK(yaml->line >= 1);
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    REQUIRE(en->pages.size() == 1);
    CHECK(en->pages[0].title == "Fine");
    CHECK(result.content->config.idle_timeout_seconds == KioskConfig().idle_timeout_seconds);
}

TEST_CASE("hostile: one endless line and one endless word parse quickly and intact", "[hostile]")
{
    const std::string word(1000000, 'w');
    std::string line;
    for (int i = 0; i < 100000; ++i)
        line += "word" + std::to_string(i) + " ";
    const auto start = std::chrono::steady_clock::now();
    Diagnostics diag;
    const Document doc = ParseMarkdown("# " + word + "\n\n" + line + "\n\n" + word + "\n", &diag, "long.md");
    CHECK(SecondsSince(start) < 10.0);
    REQUIRE(doc.blocks.size() == 3);
    CHECK(DocumentPlainText(doc).find(word) != std::string::npos);
    CHECK(DocumentPlainText(doc).find("word99999") != std::string::npos);
}

// ---------------------------------------------------------------------------
// [SECTION] Structure: nesting, columns, deep JSON and YAML
// ---------------------------------------------------------------------------

TEST_CASE("hostile: nesting and table columns are capped with a warning", "[hostile]")
{
    MarkdownLimits limits;
    std::string quotes(5000, '>');
    std::string lists;
    for (int i = 0; i < 200; ++i)
        lists += std::string(static_cast<size_t>(i) * 2, ' ') + "- level " + std::to_string(i) + "\n";
    std::string header = "|", rule = "|", row = "|";
    for (int i = 0; i < 60; ++i) {
        header += " h" + std::to_string(i) + " |";
        rule += " --- |";
        row += " c" + std::to_string(i) + " |";
    }
    Diagnostics diag;
    const Document nested = ParseMarkdown(quotes + " deep\n\n" + lists, &diag, "deep.md", 1, limits);
    INFO(AllMessages(diag));
    CHECK(Depth(nested.blocks) <= limits.max_nesting);
    CHECK(diag.WarningCount() == 1);
    const std::string text = DocumentPlainText(nested);
    CHECK(text.find("deep") != std::string::npos);
    CHECK(text.find("level 199") != std::string::npos);   // flattened, not lost

    Diagnostics columns;
    const Document table = ParseMarkdown(header + "\n" + rule + "\n" + row + "\n", &columns, "wide.md", 1, limits);
    INFO(AllMessages(columns));
    CHECK(columns.WarningCount() == 1);
    CHECK(columns.ErrorCount() == 0);
    REQUIRE(table.blocks.size() == 1);
    REQUIRE(table.blocks[0].kind == BlockKind::Table);
    for (const Block& table_row : table.blocks[0].children)
        CHECK(table_row.children.size() == static_cast<size_t>(limits.max_table_columns));
}

TEST_CASE("hostile: deeply nested JSON and YAML are errors, not stack overflows", "[hostile]")
{
    const std::string deep_json = std::string(100000, '[') + std::string(100000, ']');
    Diagnostics diag;
    CHECK(ParseFaq(deep_json, "faq.json", &diag).empty());
    CHECK_FALSE(ParseJsonPage(deep_json, "p", "p.json", &diag).has_value());
    (void)ParseKioskConfig(deep_json, "kiosk.json", &diag);
    CHECK(ParseSynonyms(deep_json, "synonyms.json", &diag).empty());
    CHECK(ParseUiStrings(deep_json, "ui.json", &diag).empty());
    CHECK(diag.ErrorCount() >= 5);

    Diagnostics yaml;
    const std::string deep_yaml = "---\ntitle: " + std::string(100000, '[') + "\n---\n\nBody.\n";
    CHECK_FALSE(ParseMarkdownPage(deep_yaml, "y", "y.md", &yaml).has_value());
    CHECK(yaml.ErrorCount() >= 1);
}

// ---------------------------------------------------------------------------
// [SECTION] Size: a huge FAQ, big pictures and the picture budget
// ---------------------------------------------------------------------------

TEST_CASE("hostile: a 10 000-question FAQ loads (faq.json may reach 8 MB), a bigger one is refused", "[hostile]")
{
    std::string faq = "{\"questions\": [\n";
    for (int i = 0; i < 10000; ++i) {
        const std::string n = std::to_string(i);
        faq += std::string(i ? ",\n" : "") + "{\"id\": \"q" + n + "\", \"question\": \"Question number " + n
               + " about microneedling and aftercare?\", \"answer\": \"Answer " + n
               + ": keep the skin **clean**, use a gentle cleanser, avoid the sun for a week and see "
                 "[aftercare](aftercare) or [question](faq#q" + n + ") for more.\", "
                 "\"keywords\": [\"care\", \"skin\", \"sun\", \"k" + n + "\"]}";
    }
    faq += "\n]}\n";
    REQUIRE(faq.size() > 2u * 1024 * 1024);
    ContentDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en"]})");
    temp.Write("content/en/pages/aftercare.md", MakePage("Aftercare", "Text."));
    temp.Write("content/en/faq.json", faq);
    const auto start = std::chrono::steady_clock::now();
    const LoadResult result = LoadContent(temp.Root());
    const double seconds = SecondsSince(start);
    INFO(AllMessages(result.diagnostics));
    INFO("loaded in " << seconds << " s");
    CHECK(result.diagnostics.Empty());
    const LanguageContent* en = result.content->Language("en");
    REQUIRE(en);
    REQUIRE(en->faq.size() == 10000);
    CHECK(en->faq[9999].id == "q9999");
    CHECK(seconds < 30.0);   // generous: sanitizer builds are several times slower

    ContentDir huge;
    huge.Write("content/en/pages/a.md", MakePage("A", "Text."));
    huge.Write("content/en/faq.json", "{\"questions\": []}" + std::string(8u * 1024 * 1024, ' '));
    const LoadResult refused = LoadContent(huge.Root());
    INFO(AllMessages(refused.diagnostics));
    const Diagnostic* d = Find(refused.diagnostics, huge.Label("en/faq.json"), "larger than 8 MB");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
}

TEST_CASE("hostile: a big photo is scaled down to the size it is drawn at", "[hostile]")
{
    Diagnostics diag;
    const std::shared_ptr<ImageData> wide = DecodeImage(SolidPng(4000, 1000), "wide.png", "page.md", 1, &diag);
    INFO(AllMessages(diag));
    REQUIRE(wide);
    CHECK(wide->width == 2048);
    CHECK(wide->height == 512);
    CHECK(wide->rgba.size() == 2048u * 512 * 4);
    CHECK(wide->rgba[0] == 0x80);
    const std::shared_ptr<ImageData> small = DecodeImage(SolidPng(300, 200), "small.png", "page.md", 1, &diag);
    REQUIRE(small);
    CHECK(small->width == 300);
    CHECK(small->height == 200);
}

TEST_CASE("hostile: pictures over the total memory budget are refused with a diagnostic", "[hostile]")
{
    // Each 2048 x 2048 picture is 16 MB decoded; the budget (256 MB) holds 16.
    // They differ (identical files share one decode).
    ContentDir temp;
    std::string body;
    for (int i = 0; i < 18; ++i) {
        const std::string name = "p" + std::to_string(i) + ".png";
        temp.Write("content/en/pages/" + name, SolidPng(2048, 2048, static_cast<unsigned char>(0x40 + i)));
        body += "![Picture " + std::to_string(i) + "](" + name + ")\n\n";
    }
    temp.Write("content/en/pages/gallery.md", MakePage("Gallery", body));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.content->images.size() == 16);
    CHECK(result.diagnostics.ErrorCount() == 2);
    CHECK(Find(result.diagnostics, temp.Label("en/pages/gallery.md"), "the pictures together need more than 256 MB"));
    size_t total = 0;
    for (const auto& [key, image] : result.content->images) {
        CHECK(image->rgba.empty());   // kept encoded until shown
        total += size_t(image->width) * size_t(image->height) * 4;
    }
    CHECK(total <= 256u * 1024 * 1024);
}
