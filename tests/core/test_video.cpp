// Clips in pages: WebVTT captions parsed with their problems at their line,
// and a page's video resolved with the captions and poster beside it.
#include "content/content.h"
#include "content/content_parse.h"
#include "content/webvtt.h"
#include "media/media_probe.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>

using namespace ck;
using namespace cktest;

namespace {

const Block* FirstVideo(const std::vector<Block>& blocks)
{
    for (const Block& block : blocks) {
        if (block.kind == BlockKind::Video)
            return &block;
        if (const Block* inner = FirstVideo(block.children))
            return inner;
    }
    return nullptr;
}

std::string PageText(const std::string& body)
{
    return "---\ntitle: Healing\n---\n\n" + body + "\n";
}

const char* kThreeCues =
    "WEBVTT\n\n"
    "1\n00:00.000 --> 00:01.500\nDay one: the skin is <i>red</i>.\n\n"
    "NOTE a note for staff\n\n"
    "00:01.500 --> 00:03.000 align:start\nDay two &amp; three:\nit settles.\n\n"
    "00:00:03.000 --> 00:00:04.250\nDay seven: healed.\n";

} // namespace

TEST_CASE("WebVTT: cues, identifiers, notes, tags and entities", "[video][vtt]")
{
    Diagnostics diag;
    const Captions captions = ParseWebVtt(kThreeCues, "healing.vtt", &diag);
    INFO(AllMessages(diag));
    CHECK(diag.Empty());
    REQUIRE(captions.cues.size() == 3);
    CHECK(captions.cues[0].start_ms == 0);
    CHECK(captions.cues[0].end_ms == 1500);
    CHECK(captions.cues[0].text == "Day one: the skin is red.");
    CHECK(captions.cues[0].line == 4);
    CHECK(captions.cues[1].text == "Day two & three:\nit settles.");
    CHECK(captions.cues[2].start_ms == 3000);
    CHECK(captions.cues[2].end_ms == 4250);
    CHECK(captions.TextAt(1499) == "Day one: the skin is red.");
    CHECK(captions.TextAt(1500) == "Day two & three:\nit settles.");
    CHECK(captions.TextAt(5000).empty());
}

TEST_CASE("WebVTT timestamps", "[video][vtt]")
{
    CHECK(ParseVttTimestamp("00:01.000") == 1000);
    CHECK(ParseVttTimestamp("01:02:03.004") == 3723004);
    CHECK(ParseVttTimestamp("100:00:00.000") == 360000000);
    CHECK(ParseVttTimestamp("1:02.000") == -1);     // minutes are two digits
    CHECK(ParseVttTimestamp("00:60.000") == -1);
    CHECK(ParseVttTimestamp("00:01,000") == -1);    // SubRip's comma
    CHECK(ParseVttTimestamp("00:01.00") == -1);
    CHECK(ParseVttTimestamp("") == -1);
}

TEST_CASE("WebVTT problems are reported at their line and the cue left out", "[video][vtt]")
{
    Diagnostics diag;
    const Captions captions = ParseWebVtt("WEBVTT\n\n00:01,000 --> 00:02.000\nSubRip comma\n\n"
                                          "00:05.000 --> 00:04.000\nBackwards\n\n"
                                          "just some words\n\n"
                                          "00:06.000 --> 00:07.000\nKept\n",
                                          "x.vtt", &diag);
    INFO(AllMessages(diag));
    REQUIRE(captions.cues.size() == 1);
    CHECK(captions.cues[0].text == "Kept");
    const Diagnostic* comma = Find(diag, "x.vtt", "minutes:seconds.milliseconds");
    REQUIRE(comma);
    CHECK(comma->line == 3);
    const Diagnostic* backwards = Find(diag, "x.vtt", "ends before it starts");
    REQUIRE(backwards);
    CHECK(backwards->line == 6);
    const Diagnostic* words = Find(diag, "x.vtt", "this is not a caption");
    REQUIRE(words);
    CHECK(words->line == 9);

    Diagnostics no_header;
    CHECK(ParseWebVtt("00:01.000 --> 00:02.000\nhi\n", "y.vtt", &no_header).cues.empty());
    REQUIRE(Find(no_header, "y.vtt", "must start with the line WEBVTT"));
}

TEST_CASE("a clip in a page: its captions by language and its poster", "[video][load]")
{
    TempDir temp;
    temp.Write("content/kiosk.json", R"({"languages": ["en", "es", "fr"]})");
    temp.Write("content/en/pages/healing.mp4", "not decoded when loading");
    temp.Write("content/en/pages/healing.vtt", kThreeCues);
    temp.Write("content/en/pages/healing.es.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nDía uno.\n");
    temp.Write("content/en/pages/healing.png", ReadFile(fs::path(CAREKIOSK_TEST_DATA) / "content/broken/en/pages/dot.png"));
    temp.Write("content/en/pages/a.md", PageText("Intro.\n\n![How skin heals, day by day](healing.mp4)\n\nAfter."));
    temp.Write("content/es/pages/a.md", PageText("![Cómo sana la piel](../../en/pages/healing.mp4)"));
    temp.Write("content/fr/pages/a.md", PageText("![Guérison](../../en/pages/HEALING.MP4)"));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Content& content = *result.content;

    const Block* en = FirstVideo(content.Language("en")->pages[0].doc.blocks);
    REQUIRE(en);
    CHECK(en->alt == "How skin heals, day by day");
    CHECK(en->video_key == "en/pages/healing.mp4");
    CHECK(en->image_key == "en/pages/healing.png");
    const VideoData* video = content.Video(en->video_key);
    REQUIRE(video);
    CHECK(video->path == temp.Root() + "/en/pages/healing.mp4");
    REQUIRE(video->CaptionsFor("en"));
    CHECK(video->CaptionsFor("en")->cues.size() == 3);
    REQUIRE(video->CaptionsFor("es"));
    CHECK(video->CaptionsFor("es")->cues[0].text == "Día uno.");
    CHECK(video->CaptionsFor("fr") == video->CaptionsFor("en"));   // no French track: the unmarked one
    CHECK(content.Image("en/pages/healing.png"));

    const Block* es = FirstVideo(content.Language("es")->pages[0].doc.blocks);
    REQUIRE(es);
    CHECK(es->video_key == "en/pages/healing.mp4");
    CHECK(content.videos.size() == 1);
    // The French page names a file that is not there (names are exact).
    CHECK(Find(result.diagnostics, temp.Label("fr/pages/a.md"), "the video \"../../en/pages/HEALING.MP4\" is missing"));
    // The clip and its captions beside the pages are not reported as strays.
    CHECK_FALSE(Find(result.diagnostics, "the kiosk ignores this"));
    CHECK_FALSE(Find(result.diagnostics, "no captions"));
}

TEST_CASE("a clip without captions is warned about at the page line that shows it", "[video][load]")
{
    TempDir temp;
    temp.Write("content/en/pages/clip.webm", "x");
    temp.Write("content/en/pages/a.md", PageText("Text.\n\n![A short clip](clip.webm)"));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* warning = Find(result.diagnostics, temp.Label("en/pages/a.md"), "has no captions");
    REQUIRE(warning);
    CHECK(warning->severity == Severity::Warning);
    CHECK(warning->line == 7);
    CHECK(warning->column == 17);
    const Block* video = FirstVideo(result.content->Language("en")->pages[0].doc.blocks);
    REQUIRE(video);
    CHECK(video->image_key.empty());   // no poster: the first frame
    CHECK(result.diagnostics.ErrorCount() == 0);
}

TEST_CASE("a bad caption file is reported at its own line, and the clip still plays", "[video][load]")
{
    TempDir temp;
    temp.Write("content/en/pages/clip.mkv", "x");
    temp.Write("content/en/pages/clip.vtt", "WEBVTT\n\n00:02.000 --> 00:01.000\nBackwards\n");
    temp.Write("content/en/pages/a.md", PageText("![A short clip](clip.mkv)"));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    const Diagnostic* error = Find(result.diagnostics, temp.Label("en/pages/clip.vtt"), "ends before it starts");
    REQUIRE(error);
    CHECK(error->line == 3);
    CHECK(result.content->Video("en/pages/clip.mkv"));
}

TEST_CASE("check: each clip probed once, what is wrong at every line that shows it", "[video][check]")
{
    TempDir temp;
    temp.Write("content/en/pages/long.mp4", "x");
    temp.Write("content/en/pages/long.vtt", kThreeCues);
    temp.Write("content/en/pages/broken.mp4", "x");
    temp.Write("content/en/pages/broken.vtt", kThreeCues);
    temp.Write("content/en/pages/a.md", PageText("![Long](long.mp4)\n\n![Broken](broken.mp4)\n\n![Again](long.mp4)"));
    const LoadResult result = LoadContent(temp.Root());
    INFO(AllMessages(result.diagnostics));
    REQUIRE(result.diagnostics.ErrorCount() == 0);
    int probes = 0;
    Diagnostics diag;
    CheckVideos(*result.content, &diag, [&](const std::string& path) {
        probes++;
        MediaInfo info;
        if (path.find("broken") != std::string::npos) {
            info.error = "unrecognized file format";
            return info;
        }
        info.ok = true;
        info.duration_s = 11 * 60 + 5;
        info.width = 3840;
        info.height = 2160;
        return info;
    });
    INFO(AllMessages(diag));
    CHECK(probes == 2);
    const std::string page = temp.Label("en/pages/a.md");
    const Diagnostic* broken = Find(diag, page, "\"broken.mp4\" cannot be played: unrecognized file format");
    REQUIRE(broken);
    CHECK(broken->severity == Severity::Error);
    CHECK(broken->line == 7);
    CHECK(diag.ErrorCount() == 1);
    const Diagnostic* long_clip = Find(diag, page, "is 11 min 05 s long");
    REQUIRE(long_clip);
    CHECK(long_clip->line == 5);
    CHECK(Find(diag, page, "is 3840 x 2160 pixels"));
    CHECK(diag.WarningCount() == 4);   // length and size, at both lines
}

TEST_CASE("kiosk.json's video_sound: off by default, on or off, anything else an error", "[video][kiosk]")
{
    Diagnostics diag;
    CHECK_FALSE(ParseKioskConfig("{}", "kiosk.json", &diag).video_sound);
    CHECK(ParseKioskConfig(R"({"video_sound": "on"})", "kiosk.json", &diag).video_sound);
    CHECK_FALSE(ParseKioskConfig(R"({"video_sound": "off"})", "kiosk.json", &diag).video_sound);
    CHECK(diag.Empty());
    CHECK_FALSE(ParseKioskConfig(R"({"video_sound": "loud"})", "kiosk.json", &diag).video_sound);
    const Diagnostic* error = Find(diag, "kiosk.json", "\"video_sound\" is \"loud\"");
    REQUIRE(error);
    CHECK(error->line == 1);
}
