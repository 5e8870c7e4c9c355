// Read-aloud: the reading order of documents (speech_text) and espeak-ng
// synthesis of real content pages to WAV files, parsed back here. No sound
// device is needed: the Speaker tests use its silent output.
#include "content/content.h"
#include "document/markdown.h"
#include "speech/speech.h"
#include "document/speech_text.h"
#include "test_helpers.h"
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

using namespace ck;
using cktest::TempDir;

namespace {

// Words in order, lower case, ASCII punctuation dropped: what both the
// segments and DocumentPlainText must agree on, whatever joins cells or lines.
std::vector<std::string> Words(const std::string& text)
{
    std::string cleaned;
    for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        cleaned += u < 128 && std::ispunct(u) ? ' ' : char(std::tolower(u));
    }
    std::istringstream in(cleaned);
    std::vector<std::string> words;
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

std::string Joined(const std::vector<SpeechSegment>& segments)
{
    std::string text;
    for (const SpeechSegment& segment : segments)
        text += segment.text + "\n";
    return text;
}

std::vector<std::string> Texts(const std::vector<SpeechSegment>& segments)
{
    std::vector<std::string> texts;
    for (const SpeechSegment& segment : segments)
        texts.push_back(segment.text);
    return texts;
}

// The block with pre-order number `number`, or nullptr.
const Block* BlockAt(const Document& doc, int number)
{
    const Block* found = nullptr;
    ForEachBlock(doc, [&](const Block& block, int n) {
        if (n == number)
            found = &block;
    });
    return found;
}

const Content& BundledContent()
{
    static const LoadResult loaded = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    return *loaded.content;
}

struct Wav {
    bool ok = false;
    int channels = 0, bits = 0;
    uint32_t rate = 0;
    std::vector<int16_t> samples;
};

uint32_t Le(const std::string& bytes, size_t at, int n)
{
    uint32_t value = 0;
    for (int i = 0; i < n; i++)
        value |= uint32_t(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
    return value;
}

// A canonical 44-byte-header PCM WAV, as SynthesizeToWav writes it.
Wav ReadWav(const std::string& path)
{
    const std::string bytes = cktest::ReadFile(path);
    Wav wav;
    if (bytes.size() < 44 || bytes.compare(0, 4, "RIFF") != 0 || bytes.compare(8, 8, "WAVEfmt ") != 0 ||
        bytes.compare(36, 4, "data") != 0)
        return wav;
    if (Le(bytes, 4, 4) != bytes.size() - 8 || Le(bytes, 20, 2) != 1)
        return wav;
    wav.channels = int(Le(bytes, 22, 2));
    wav.rate = Le(bytes, 24, 4);
    wav.bits = int(Le(bytes, 34, 2));
    const uint32_t data = Le(bytes, 40, 4);
    if (data != bytes.size() - 44 || data % 2 != 0)
        return wav;
    for (size_t i = 44; i + 1 < bytes.size(); i += 2)
        wav.samples.push_back(int16_t(uint16_t(Le(bytes, i, 2))));
    wav.ok = true;
    return wav;
}

int WordCount(const std::vector<SpeechSegment>& segments)
{
    return int(Words(Joined(segments)).size());
}

} // namespace

// ---------------------------------------------------------------------------
// Reading order
// ---------------------------------------------------------------------------

TEST_CASE("segments follow the document: headings, items, rows, alt text, code", "[speech]")
{
    const Document doc = ParseMarkdown(
        "# Care\n\n"
        "Wash with [lukewarm water](aftercare) twice.\n\n"
        "- First item\n"
        "  - Nested item\n"
        "- Second item\n\n"
        "| Day | What |\n|---|---|\n| 1 | Rest |\n| 2 | Moisturise |\n\n"
        "![A drawing of the skin](skin-layers.png)\n\n"
        "![](no-alt.png)\n\n"
        "<div>raw html</div>\n\n"
        "---\n\n"
        "> Call us if it bleeds.\n\n"
        "```\nline one\nline two\n```\n");
    const std::vector<SpeechSegment> segments = ReadingSegments(doc);
    CHECK(Texts(segments) == std::vector<std::string>{
                                 "Care", "Wash with lukewarm water twice.", "First item", "Nested item",
                                 "Second item", "Day, What", "1, Rest", "2, Moisturise", "A drawing of the skin",
                                 "Call us if it bleeds.", "line one, line two"});
    const std::string all = Joined(segments);
    CHECK(all.find(".png") == std::string::npos);
    CHECK(all.find("no-alt") == std::string::npos);
    CHECK(all.find("raw html") == std::string::npos);

    // Each segment names the block it came from.
    const std::vector<BlockKind> kinds = {
        BlockKind::Heading,  BlockKind::Paragraph, BlockKind::ListItem, BlockKind::ListItem,
        BlockKind::ListItem, BlockKind::TableRow,  BlockKind::TableRow, BlockKind::TableRow,
        BlockKind::Image,    BlockKind::Paragraph, BlockKind::CodeBlock};
    REQUIRE(segments.size() == kinds.size());
    for (size_t i = 0; i < segments.size(); i++) {
        const Block* block = BlockAt(doc, segments[i].block);
        REQUIRE(block != nullptr);
        CHECK(block->kind == kinds[i]);
    }
    for (size_t i = 1; i < segments.size(); i++)
        CHECK(segments[i].block > segments[i - 1].block);
}

TEST_CASE("a list item reads its opening paragraphs, and what follows them on its own", "[speech]")
{
    const Document doc = ParseMarkdown("- Opening words.\n\n  More words.\n\n  ```\n  code\n\n  more code\n  ```\n\n  After code.\n");
    const std::vector<SpeechSegment> segments = ReadingSegments(doc);
    CHECK(Texts(segments) == std::vector<std::string>{"Opening words. More words.", "code, more code", "After code."});
    REQUIRE(!segments.empty());
    const Block* item = BlockAt(doc, segments[0].block);
    REQUIRE(item != nullptr);
    CHECK(item->kind == BlockKind::ListItem);
    CHECK(ListItemOwnParagraphs(*item) == 2);
}

TEST_CASE("every bundled page and answer is read in the order it is shown", "[speech]")
{
    const Content& content = BundledContent();
    REQUIRE(!content.IsEmpty());
    int pages = 0, answers = 0;
    for (const LanguageContent& lang : content.languages) {
        for (const Page& page : lang.pages) {
            INFO(page.source);
            const std::vector<SpeechSegment> segments = PageReadingSegments(page);
            REQUIRE(segments.size() >= 2);
            CHECK(segments.front().text == page.title);
            CHECK(segments.front().block == -1);
            const std::vector<SpeechSegment> body(segments.begin() + 1, segments.end());
            CHECK(Words(Joined(body)) == Words(DocumentPlainText(PageBody(page))));
            for (const Block& block : page.doc.blocks)   // no picture's file name is ever read
                if (block.kind == BlockKind::Image && !block.src.empty())
                    CHECK(Joined(segments).find(block.src) == std::string::npos);
            pages++;
        }
        for (const FaqEntry& entry : lang.faq) {
            INFO(entry.id);
            const std::vector<SpeechSegment> segments = FaqReadingSegments(entry);
            REQUIRE(!segments.empty());
            CHECK(segments.front().text == entry.question);
            const std::vector<SpeechSegment> body(segments.begin() + 1, segments.end());
            CHECK(Words(Joined(body)) == Words(DocumentPlainText(entry.answer)));
            answers++;
        }
    }
    CHECK(pages >= 2);
    CHECK(answers >= 2);
}

TEST_CASE("the aftercare picture is read by its alt text, the cost table row by row", "[speech]")
{
    const Content& content = BundledContent();
    const Page* aftercare = content.FindPage("en", "aftercare");
    REQUIRE(aftercare != nullptr);
    const std::string text = Joined(PageReadingSegments(*aftercare));
    CHECK(text.find("healing-timeline") == std::string::npos);
    CHECK(text.find("A timeline from treatment day to week 6.") != std::string::npos);

    // Every table row of every bundled page is one segment: its cells in order.
    int rows = 0;
    for (const Page& page : content.Language("en")->pages) {
        const Document body = PageBody(page);
        for (const SpeechSegment& segment : ReadingSegments(body)) {
            const Block* block = BlockAt(body, segment.block);
            REQUIRE(block != nullptr);
            if (block->kind != BlockKind::TableRow)
                continue;
            std::string cells;
            for (const Block& cell : block->children)
                for (const Span& span : cell.spans)
                    cells += span.text + " ";
            CHECK(Words(segment.text) == Words(cells));
            rows++;
        }
    }
    CHECK(rows >= 3);
}

TEST_CASE("a page whose first heading repeats its title reads the title once", "[speech]")
{
    Page page;
    page.title = "Aftercare";
    page.doc = ParseMarkdown("# Aftercare\n\nKeep it clean.\n");
    CHECK(Texts(PageReadingSegments(page)) == std::vector<std::string>{"Aftercare", "Keep it clean."});
    page.doc = ParseMarkdown("# Looking after your skin\n\nKeep it clean.\n");
    CHECK(Texts(PageReadingSegments(page)) ==
          std::vector<std::string>{"Aftercare", "Looking after your skin", "Keep it clean."});
}

TEST_CASE("ReadingFor reads the text shown: the default language when not translated", "[speech]")
{
    const Content& content = BundledContent();
    const Reading es = ReadingFor(content, "es", "page:aftercare");
    CHECK(es.lang == "es");
    REQUIRE(!es.segments.empty());
    CHECK(es.segments.front().text == content.FindPage("es", "aftercare")->title);
    const Reading faq = ReadingFor(content, "en", "faq:does-it-hurt");
    REQUIRE(!faq.segments.empty());
    CHECK(faq.segments.front().text == "Does microneedling hurt?");
    CHECK(ReadingFor(content, "en", "page:no-such-page").segments.empty());
    CHECK(ReadingFor(content, "en", "nonsense").segments.empty());
}

// ---------------------------------------------------------------------------
// Synthesis (espeak-ng, to WAV files)
// ---------------------------------------------------------------------------

TEST_CASE("a real page synthesised to WAV lasts as long as its words take to say", "[speech][espeak]")
{
    const Page* page = BundledContent().FindPage("en", "aftercare");
    REQUIRE(page != nullptr);
    const std::vector<SpeechSegment> segments = PageReadingSegments(*page);
    TempDir dir;
    const std::string path = (dir.path / "aftercare.wav").string();
    std::vector<size_t> starts;
    std::string error, voice;
    REQUIRE(SynthesizeToWav("en", segments, path, &starts, &error, &voice));
    CHECK(voice.rfind("en", 0) == 0);

    const Wav wav = ReadWav(path);
    REQUIRE(wav.ok);
    CHECK(wav.channels == 1);
    CHECK(wav.bits == 16);
    CHECK(wav.rate == uint32_t(SpeechSampleRate()));
    REQUIRE(wav.rate > 0);

    // espeak-ng speaks 175 words a minute by default. Pauses at commas,
    // sentence ends and between segments slow it, and numbers and
    // abbreviations come out as several words ("SPF 30"), so the page takes
    // longer than words/175 but nowhere near words/90; faster than 300 words
    // a minute would mean text was skipped.
    const int words = WordCount(segments);
    const double minutes = double(wav.samples.size()) / wav.rate / 60.0;
    INFO("words " << words << ", minutes " << minutes);
    REQUIRE(words > 200);
    CHECK(minutes > words / 300.0);
    CHECK(minutes < words / 90.0);

    // Not silence: a voice swings well away from zero.
    int16_t peak = 0;
    for (int16_t s : wav.samples)
        peak = std::max<int16_t>(peak, int16_t(std::abs(int(s))));
    CHECK(peak > 2000);

    // One start per segment, in order, each inside the audio.
    REQUIRE(starts.size() == segments.size());
    CHECK(starts.front() == 0);
    for (size_t i = 1; i < starts.size(); i++)
        CHECK(starts[i] > starts[i - 1]);
    CHECK(starts.back() < wav.samples.size());
}

TEST_CASE("Spanish is read with a Spanish voice", "[speech][espeak]")
{
    CHECK(SpeechVoiceFor("es").rfind("es", 0) == 0);
    CHECK(SpeechVoiceFor("en").rfind("en", 0) == 0);
    CHECK(SpeechVoiceFor("pt-BR") == "pt-br");
    CHECK(SpeechVoiceFor("xx-unknown", "es").rfind("es", 0) == 0);   // falls back to the default language

    // The same words in both voices sound different.
    TempDir dir;
    const std::vector<SpeechSegment> text = {{"Dermis, epidermis, colágeno.", 0}};
    std::string error, en_voice, es_voice;
    REQUIRE(SynthesizeToWav("en", text, (dir.path / "en.wav").string(), nullptr, &error, &en_voice));
    REQUIRE(SynthesizeToWav("es", text, (dir.path / "es.wav").string(), nullptr, &error, &es_voice));
    CHECK(en_voice != es_voice);
    const Wav en = ReadWav((dir.path / "en.wav").string()), es = ReadWav((dir.path / "es.wav").string());
    REQUIRE(en.ok);
    REQUIRE(es.ok);
    CHECK(en.samples != es.samples);

    // And a whole Spanish page comes out in the Spanish voice.
    const Reading reading = ReadingFor(BundledContent(), "es", "page:aftercare");
    std::string voice;
    REQUIRE(SynthesizeToWav(reading.lang, reading.segments, (dir.path / "page.wav").string(), nullptr, &error, &voice));
    CHECK(voice.rfind("es", 0) == 0);
}

TEST_CASE("SynthesizeToWav reports a file it cannot write", "[speech][espeak]")
{
    std::string error;
    CHECK_FALSE(SynthesizeToWav("en", {{"Hello.", 0}}, "/nonexistent-folder/out.wav", nullptr, &error));
    CHECK(error.find("cannot write") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Speaker (silent output: paced like the voice, no device)
// ---------------------------------------------------------------------------

namespace {

// Records every segment the Speaker reports, from its wake-ups.
struct Observer {
    std::mutex mutex;
    std::vector<int> seen;
    Speaker* speaker = nullptr;
    void Wake()
    {
        std::lock_guard<std::mutex> lock(mutex);
        const int current = speaker ? speaker->CurrentSegment() : -2;
        if (seen.empty() || seen.back() != current)
            seen.push_back(current);
    }
};

// Waits until the speaker stops (a deadline only so a hang fails the test).
bool WaitUntilIdle(const Speaker& speaker, double seconds)
{
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (speaker.IsSpeaking()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

} // namespace

TEST_CASE("the Speaker goes through the segments in order and then stops", "[speech][espeak]")
{
    Observer observer;
    Speaker speaker([&] { observer.Wake(); }, Speaker::Output::Silent);
    observer.speaker = &speaker;
    CHECK_FALSE(speaker.IsSpeaking());
    CHECK(speaker.CurrentSegment() == -1);
    speaker.Speak("en", {{"One.", 0}, {"Two.", 1}, {"Three.", 2}});
    CHECK(speaker.IsSpeaking());
    REQUIRE(WaitUntilIdle(speaker, 60.0));
    CHECK(speaker.CurrentSegment() == -1);
    std::lock_guard<std::mutex> lock(observer.mutex);
    // Nothing is current until the output is ready (silent: at once); the
    // wake-ups show 0, 1, 2, then idle.
    CHECK(observer.seen == std::vector<int>{0, 1, 2, -1});
}

TEST_CASE("Stop ends reading at once, and Speak replaces what is being read", "[speech][espeak]")
{
    Speaker speaker({}, Speaker::Output::Silent);
    std::vector<SpeechSegment> long_text;
    for (int i = 0; i < 20; i++)
        long_text.push_back({"This sentence is here to keep the speaker busy for a while.", i});
    speaker.Speak("en", long_text);
    CHECK(speaker.IsSpeaking());
    speaker.Stop();
    CHECK_FALSE(speaker.IsSpeaking());
    CHECK(speaker.CurrentSegment() == -1);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));   // the worker must not bring it back
    CHECK_FALSE(speaker.IsSpeaking());

    speaker.Speak("en", long_text);
    speaker.Speak("es", {{"Hola.", 0}});
    REQUIRE(WaitUntilIdle(speaker, 60.0));   // the short Spanish text, not the long one
    speaker.SetVolume(150);
    CHECK(speaker.Volume() == 100);
    speaker.SetVolume(kDefaultSpeechVolume);
    CHECK(speaker.Volume() == kDefaultSpeechVolume);
}
