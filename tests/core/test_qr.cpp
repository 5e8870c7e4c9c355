// Take-home QR codes: the encoder's symbol (read back by the QR standard's
// own structure), the address rules, kiosk.json's page_url pattern, the
// `link:` front-matter key, and LoadContent attaching one code per page.
// The rendered code is decoded with a real scanner in tests/qr/qr_scan.sh.
#include "content/content.h"
#include "content/content_parse.h"
#include "qr/qr.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>
#include <algorithm>
#include <cstdlib>

using namespace ck;
using namespace cktest;

namespace {

// The 15-bit format information next to the top-left finder pattern, read
// in the standard's bit order (bit 0 at column 8, row 0).
int FormatBits(const QrCode& code)
{
    int bits = 0;
    auto put = [&](int bit, int x, int y) { bits |= (code.Dark(x, y) ? 1 : 0) << bit; };
    for (int i = 0; i <= 5; i++)
        put(i, 8, i);
    put(6, 8, 7);
    put(7, 8, 8);
    put(8, 7, 8);
    for (int i = 9; i < 15; i++)
        put(i, 14 - i, 8);
    return bits;
}

// The 5 data bits of a format word, or -1 when its BCH check fails.
int FormatData(int bits)
{
    bits ^= 0x5412;   // the standard's fixed mask
    const int data = bits >> 10;
    int rem = data;
    for (int i = 0; i < 10; i++)
        rem = (rem << 1) ^ ((rem >> 9) * 0x537);
    return ((data << 10) | (rem & 0x3FF)) == bits ? data : -1;
}

// A finder pattern: 7x7 dark ring, light ring, dark 3x3 centre.
bool FinderAt(const QrCode& code, int x0, int y0)
{
    for (int y = 0; y < 7; y++)
        for (int x = 0; x < 7; x++) {
            const int ring = std::max(std::abs(x - 3), std::abs(y - 3));
            if (code.Dark(x0 + x, y0 + y) != (ring != 2))
                return false;
        }
    return true;
}

std::string PageWithLink(const std::string& link_line)
{
    return "---\ntitle: T\n" + link_line + "\n---\n\nBody\n";
}

} // namespace

// ---------------------------------------------------------------------------
// Encoder
// ---------------------------------------------------------------------------

TEST_CASE("QR: a URL becomes a valid symbol at error correction level M", "[qr]")
{
    const QrCode code = EncodeQr("https://www.riverside-clinic.co.uk/kiosk/en/aftercare");
    REQUIRE_FALSE(code.Empty());
    CHECK(code.width >= 21);
    CHECK((code.width - 17) % 4 == 0);   // versions are 21, 25, 29 ... modules
    CHECK(code.dark.size() == size_t(code.width) * code.width);
    CHECK(FinderAt(code, 0, 0));
    CHECK(FinderAt(code, code.width - 7, 0));
    CHECK(FinderAt(code, 0, code.width - 7));
    CHECK_FALSE(FinderAt(code, code.width - 7, code.width - 7));
    for (int i = 8; i < code.width - 8; i++) {   // timing patterns alternate, dark on even
        CHECK(code.Dark(i, 6) == (i % 2 == 0));
        CHECK(code.Dark(6, i) == (i % 2 == 0));
    }
    const int format = FormatData(FormatBits(code));
    REQUIRE(format >= 0);
    CHECK((format >> 3) == 0);   // 00 = level M (L is 01, H 10, Q 11)

    const QrCode again = EncodeQr("https://www.riverside-clinic.co.uk/kiosk/en/aftercare");
    CHECK(again.width == code.width);
    CHECK(again.dark == code.dark);
    CHECK(EncodeQr("https://www.riverside-clinic.co.uk/kiosk/en/risks").dark != code.dark);
}

TEST_CASE("QR: 8-bit mode throughout, the smallest version that holds the text", "[qr]")
{
    // 20 digits fit version 1 in numeric mode, 19 capitals in alphanumeric
    // mode; in 8-bit mode version 1-M holds 14 bytes, so both need version 2.
    CHECK(EncodeQr("12345678901234567890").width == 25);
    CHECK(EncodeQr("HTTPS://EXAMPLE.ORG").width == 25);
    CHECK(EncodeQr(std::string(14, 'a')).width == 21);
    CHECK(EncodeQr(std::string(15, 'a')).width == 25);
    // The longest address accepted still makes a code, of version 13 at most.
    const QrCode longest = EncodeQr("https://" + std::string(kMaxQrUrlBytes - 8, 'a'));
    REQUIRE_FALSE(longest.Empty());
    CHECK(longest.width <= 17 + 4 * 13);
    CHECK(EncodeQr("").Empty());
}

// ---------------------------------------------------------------------------
// Address rules and the page_url pattern
// ---------------------------------------------------------------------------

TEST_CASE("QR: only plain http and https addresses are accepted", "[qr]")
{
    CHECK(QrUrlProblem("https://www.riverside-clinic.co.uk/kiosk/en/aftercare") == "");
    CHECK(QrUrlProblem("http://www.riverside-clinic.co.uk") == "");
    CHECK(QrUrlProblem("HTTPS://www.riverside-clinic.co.uk/a?b=1&c=%20#d") == "");
    CHECK(QrUrlProblem("https://" + std::string(kMaxQrUrlBytes - 8, 'a')) == "");

    CHECK_THAT(QrUrlProblem("ftp://www.riverside-clinic.co.uk"), Catch::Contains("https://"));
    CHECK_THAT(QrUrlProblem("www.riverside-clinic.co.uk/aftercare"), Catch::Contains("https://"));
    CHECK_THAT(QrUrlProblem("javascript:alert(1)"), Catch::Contains("https://"));
    CHECK_THAT(QrUrlProblem("https://www.riverside-clinic.co.uk/after care"), Catch::Contains("space"));
    CHECK_THAT(QrUrlProblem("https://www.riverside-clinic.co.uk/\tx"), Catch::Contains("control character"));
    CHECK_THAT(QrUrlProblem("https://www.riverside-clinic.co.uk/\x7f"), Catch::Contains("control character"));
    CHECK_THAT(QrUrlProblem("https://www.riverside-clinic.co.uk/d\xC3\xAD" "as"), Catch::Contains("%-codes"));
    CHECK_THAT(QrUrlProblem("https://www.riverside-clinic.co.uk/{page}"), Catch::Contains("cannot hold"));
    CHECK_THAT(QrUrlProblem("https:///aftercare"), Catch::Contains("no web site name"));
    CHECK_THAT(QrUrlProblem("https://"), Catch::Contains("no web site name"));
    CHECK_THAT(QrUrlProblem("https://ana:secret@www.riverside-clinic.co.uk/"), Catch::Contains("user name"));
    CHECK_THAT(QrUrlProblem("https://" + std::string(kMaxQrUrlBytes - 7, 'a')), Catch::Contains("at most 300"));
}

TEST_CASE("QR: \"none\" and an empty value turn a page's code off", "[qr]")
{
    CHECK(IsLinkOff(""));
    CHECK(IsLinkOff("none"));
    CHECK(IsLinkOff("None"));
    CHECK_FALSE(IsLinkOff("nonesuch"));
    CHECK_FALSE(IsLinkOff("https://www.riverside-clinic.co.uk"));
}

TEST_CASE("QR: page_url fills {lang} and {page}, percent-encoding what a URL cannot hold", "[qr]")
{
    CHECK(FillPageUrl("https://www.riverside-clinic.co.uk/kiosk/{lang}/{page}", "es", "aftercare")
          == "https://www.riverside-clinic.co.uk/kiosk/es/aftercare");
    CHECK(FillPageUrl("https://www.riverside-clinic.co.uk/{page}?lang={lang}&again={page}", "pt-BR", "a_b.c~d")
          == "https://www.riverside-clinic.co.uk/a_b.c~d?lang=pt-BR&again=a_b.c~d");
    CHECK(FillPageUrl("https://www.riverside-clinic.co.uk/{page}", "es", "d\xC3\xAD" "as de sol")
          == "https://www.riverside-clinic.co.uk/d%C3%ADas%20de%20sol");
    CHECK(FillPageUrl("https://www.riverside-clinic.co.uk/leaflet.pdf", "en", "x") == "https://www.riverside-clinic.co.uk/leaflet.pdf");

    CHECK(PageUrlPatternProblem("https://www.riverside-clinic.co.uk/kiosk/{lang}/{page}") == "");
    CHECK(PageUrlPatternProblem("https://www.riverside-clinic.co.uk/all-pages") == "");
    CHECK_THAT(PageUrlPatternProblem("https://www.riverside-clinic.co.uk/{id}"), Catch::Contains("only {lang} and {page}"));
    CHECK_THAT(PageUrlPatternProblem("https://www.riverside-clinic.co.uk/{page"), Catch::Contains("only {lang} and {page}"));
    CHECK_THAT(PageUrlPatternProblem("www.riverside-clinic.co.uk/{page}"), Catch::Contains("https://"));
}

// ---------------------------------------------------------------------------
// Content: front matter, kiosk.json, loading
// ---------------------------------------------------------------------------

TEST_CASE("QR: front matter `link:` is read, turned off, or refused with its position", "[qr][content]")
{
    Diagnostics diag;
    auto page = ParseMarkdownPage(PageWithLink("link: https://www.riverside-clinic.co.uk/take-home?p=1"), "t", "t.md", &diag);
    REQUIRE(page);
    CHECK(diag.Empty());
    CHECK(page->link == "https://www.riverside-clinic.co.uk/take-home?p=1");
    CHECK(page->link_given);

    for (const char* off : {"link: none", "link:", "link: \"\""}) {
        INFO(off);
        Diagnostics quiet;
        page = ParseMarkdownPage(PageWithLink(off), "t", "t.md", &quiet);
        REQUIRE(page);
        CHECK(quiet.Empty());
        CHECK(page->link.empty());
        CHECK(page->link_given);   // kiosk.json's page_url must not fill it in
    }

    Diagnostics bad;
    page = ParseMarkdownPage(PageWithLink("link: www.www.riverside-clinic.co.uk/aftercare"), "t", "t.md", &bad);
    REQUIRE(page);   // the page still shows, without a code
    CHECK(page->link.empty());
    CHECK(page->link_given);
    const Diagnostic* d = Find(bad, "t.md", "\"link\": the address must start with https://");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->line == 3);
    CHECK(d->column == 7);

    Diagnostics json_diag;
    page = ParseJsonPage(R"({"title": "T", "link": 5, "sections": [{"body": "x"}]})", "t", "t.json", &json_diag);
    REQUIRE(page);
    CHECK(page->link.empty());
    CHECK(page->link_given);
    REQUIRE(Find(json_diag, "\"link\" must be a web address"));

    Diagnostics json_ok;
    page = ParseJsonPage(R"({"title": "T", "link": "https://www.riverside-clinic.co.uk/c", "sections": [{"body": "x"}]})", "t",
                         "t.json", &json_ok);
    REQUIRE(page);
    CHECK(json_ok.Empty());
    CHECK(page->link == "https://www.riverside-clinic.co.uk/c");
}

TEST_CASE("QR: kiosk.json page_url is read, a bad one is an error at its key", "[qr][content]")
{
    Diagnostics diag;
    KioskConfig config = ParseKioskConfig(R"({"page_url": "https://www.riverside-clinic.co.uk/kiosk/{lang}/{page}"})", "kiosk.json",
                                          &diag);
    CHECK(diag.Empty());
    CHECK(config.page_url == "https://www.riverside-clinic.co.uk/kiosk/{lang}/{page}");

    Diagnostics bad;
    config = ParseKioskConfig("{\n  \"clinic_name\": \"C\",\n  \"page_url\": \"https://www.riverside-clinic.co.uk/{pagee}\"\n}",
                              "kiosk.json", &bad);
    CHECK(config.page_url.empty());
    const Diagnostic* d = Find(bad, "kiosk.json", "\"page_url\": only {lang} and {page}");
    REQUIRE(d);
    CHECK(d->severity == Severity::Error);
    CHECK(d->line == 3);
    CHECK(d->column == 3);
}

TEST_CASE("QR: loading gives each page its own link, else the filled page_url, encoded once", "[qr][content]")
{
    TempDir dir;
    // A file name holds 255 bytes at most: the pattern's tail makes a 250-letter id too long.
    const std::string tail = "?from=the-kiosk-in-the-waiting-room";
    const std::string long_id(250, 'x');
    dir.Write("content/kiosk.json",
              R"({"languages": ["en", "es"], "page_url": "https://www.riverside-clinic.co.uk/k/{lang}/{page})" + tail + "\"}");
    dir.Write("content/en/pages/plain.md", "---\ntitle: Plain\n---\n\nText\n");
    dir.Write("content/en/pages/own.md", "---\ntitle: Own\nlink: https://www.riverside-clinic.co.uk/leaflet.pdf\n---\n\nText\n");
    dir.Write("content/en/pages/off.md", "---\ntitle: Off\nlink: none\n---\n\nText\n");
    dir.Write("content/en/pages/" + long_id + ".md", "---\ntitle: Long\n---\n\nText\n");
    dir.Write("content/es/pages/plain.md", "---\ntitle: Sencilla\n---\n\nTexto\n");
    const LoadResult result = LoadContent(dir.Root());
    INFO(AllMessages(result.diagnostics));
    const Content& content = *result.content;

    const Page* plain = content.FindPage("en", "plain");
    REQUIRE(plain);
    CHECK(plain->link == "https://www.riverside-clinic.co.uk/k/en/plain" + tail);
    const Page* plain_es = content.FindPage("es", "plain");
    REQUIRE(plain_es);
    CHECK(plain_es->link == "https://www.riverside-clinic.co.uk/k/es/plain" + tail);
    const Page* own = content.FindPage("en", "own");
    REQUIRE(own);
    CHECK(own->link == "https://www.riverside-clinic.co.uk/leaflet.pdf");
    const Page* off = content.FindPage("en", "off");
    REQUIRE(off);
    CHECK(off->link.empty());
    CHECK(off->link_qr.Empty());

    for (const Page* page : {plain, plain_es, own}) {
        INFO(page->id);
        const QrCode expected = EncodeQr(page->link);
        REQUIRE_FALSE(page->link_qr.Empty());
        CHECK(page->link_qr.width == expected.width);
        CHECK(page->link_qr.dark == expected.dark);
    }

    // A page id that makes the address too long: warned about, no code.
    const Page* too_long = content.FindPage("en", long_id);
    REQUIRE(too_long);
    CHECK(too_long->link.empty());
    CHECK(too_long->link_qr.Empty());
    const Diagnostic* d = Find(result.diagnostics, "the address made from \"page_url\"");
    REQUIRE(d);
    CHECK(d->severity == Severity::Warning);
    CHECK(d->file.find(long_id) != std::string::npos);
    CHECK(result.diagnostics.ErrorCount() == 0);
}

TEST_CASE("QR: without page_url only pages with a link get a code", "[qr][content]")
{
    TempDir dir;
    dir.Write("content/kiosk.json", R"({"languages": ["en"]})");
    dir.Write("content/en/pages/plain.md", "---\ntitle: Plain\n---\n\nText\n");
    dir.Write("content/en/pages/own.md", "---\ntitle: Own\nlink: https://www.riverside-clinic.co.uk/own\n---\n\nText\n");
    const LoadResult result = LoadContent(dir.Root());
    INFO(AllMessages(result.diagnostics));
    CHECK(result.diagnostics.Empty());
    const Page* plain = result.content->FindPage("en", "plain");
    const Page* own = result.content->FindPage("en", "own");
    REQUIRE(plain);
    REQUIRE(own);
    CHECK(plain->link_qr.Empty());
    CHECK_FALSE(own->link_qr.Empty());
}

TEST_CASE("QR: the bundled aftercare pages carry their take-home link", "[qr][content]")
{
    const LoadResult result = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    for (const char* lang : {"en", "es"}) {
        INFO(lang);
        const Page* page = result.content->Language(lang)->FindPage("aftercare");
        REQUIRE(page);
        // A reputable body's patient page, the same in both languages; never a placeholder domain.
        CHECK(page->link == "https://www.aad.org/public/cosmetic/scars-stretch-marks/microneedling-fade-scars");
        CHECK_FALSE(page->link_qr.Empty());
    }
}
