// Insights: anonymous use counts. Query normalisation, dates, counting a
// scripted session, the SQLite store (UPSERT, retention, damaged files) and
// the staff report for a seeded database.
#include "insights/insights.h"
#include "insights/popular_questions.h"
#include "insights/query_vocabulary.h"
#include "content/content_parse.h"
#include "base/utf8.h"
#include "test_helpers.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <cstdlib>
#include <fstream>
#include <mutex>

using namespace ck;
using cktest::TempDir;
namespace fs = std::filesystem;

namespace {

// A date the test moves by hand; read from the recorder's worker too.
struct FakeToday {
    std::mutex mutex;
    std::string day = "2024-03-30";
    void Set(const std::string& d)
    {
        std::lock_guard<std::mutex> lock(mutex);
        day = d;
    }
    TodayFn Fn()
    {
        return [this] {
            std::lock_guard<std::mutex> lock(mutex);
            return day;
        };
    }
};

long long CountOf(const InsightCounts& counts, const std::string& lang, InsightKind kind, const std::string& key = "")
{
    long long total = 0;
    for (const auto& [k, n] : counts)
        if (k.lang == lang && k.kind == kind && k.key == key)
            total += n;
    return total;
}

long long RowCount(const std::vector<InsightRow>& rows, const std::string& lang, InsightKind kind,
                   const std::string& key = "")
{
    for (const InsightRow& row : rows)
        if (row.lang == lang && row.kind == kind && row.key == key)
            return row.count;
    return 0;
}

// The app's side, reduced to what insights see: intents applied to a
// Session, and a search that answers at once ("tattoo" and numbers find nothing).
struct Kiosk {
    Session session;
    InsightsCounter counter;
    SessionInsights insights{&counter, 4.0};
    double now = 0.0;
    bool index_open = true;

    explicit Kiosk(TodayFn today) : counter(std::move(today)) { Frame(); }

    void Apply(IntentKind kind, const std::string& text = "")
    {
        const Intent intent{kind, text, 0};
        session.Apply(intent, now);
        insights.NoteIntent(intent, session);
        Frame();
    }
    void Type(const std::string& text)
    {
        for (char c : text) {
            now += 0.3;
            Apply(IntentKind::SearchAppend, std::string(1, c));
        }
    }
    void Frame()
    {
        session.Tick(now);
        SearchOutcome outcome;
        outcome.known = index_open;
        outcome.lang = session.Language();
        outcome.query = session.Query();
        outcome.no_answer = NormaliseQuery(session.Query()).find("tattoo") != std::string::npos
                            || session.Query().find_first_of("0123456789") != std::string::npos;
        insights.NoteFrame(session, outcome, now);
    }
    void Wait(double seconds)
    {
        now += seconds;
        Frame();
    }
    // Everything counted so far.
    const InsightCounts& Counts()
    {
        for (const auto& [key, n] : counter.Take())
            seen[key] += n;
        return seen;
    }
    InsightCounts seen;
};

Content TestContent()
{
    Content content;
    content.config.clinic_name = "Test Clinic";
    content.config.languages = {"en", "es"};
    LanguageContent en;
    en.lang = "en";
    Page benefits;
    benefits.id = "benefits";
    benefits.title = "Benefits";
    en.pages.push_back(benefits);
    Page aftercare;
    aftercare.id = "aftercare";
    aftercare.title = "Aftercare";
    en.pages.push_back(aftercare);
    FaqEntry sun;
    sun.id = "sun";
    sun.question = "Can I go in the sun?";
    en.faq.push_back(sun);
    en.ui["language_name"] = "English";
    LanguageContent es;
    es.lang = "es";
    Page beneficios = benefits;
    beneficios.title = "Beneficios";
    es.pages.push_back(beneficios);
    es.ui["language_name"] = "Español";
    content.languages = {en, es};
    return content;
}

} // namespace

// ---------------------------------------------------------------------------
// Names, dates and query text
// ---------------------------------------------------------------------------

TEST_CASE("Insight kinds keep their stored names")
{
    for (int i = 0; i < kInsightKindCount; i++) {
        InsightKind kind = InsightKind::PageView;
        REQUIRE(InsightKindFromName(InsightKindName(InsightKind(i)), &kind));
        CHECK(int(kind) == i);
    }
    CHECK(std::string(InsightKindName(InsightKind::SearchNoAnswer)) == "search_no_answer");
    InsightKind kind = InsightKind::PageView;
    CHECK_FALSE(InsightKindFromName("page_views", &kind));
}

TEST_CASE("Days: real dates only, arithmetic across months, years and leap days")
{
    long n = 0;
    REQUIRE(DayNumber("1970-01-02", &n));
    CHECK(n == 1);
    CHECK(AddDays("2024-02-28", 1) == "2024-02-29");
    CHECK(AddDays("2023-02-28", 1) == "2023-03-01");
    CHECK(AddDays("2024-01-01", -1) == "2023-12-31");
    CHECK(AddDays("2024-03-30", -89) == "2024-01-01");
    CHECK_FALSE(DayNumber("2023-02-29", &n));
    CHECK_FALSE(DayNumber("2024-13-01", &n));
    CHECK_FALSE(DayNumber("2024-1-01", &n));
    CHECK_FALSE(DayNumber("+024-01-01", &n));
    CHECK_FALSE(DayNumber("", &n));
    CHECK(AddDays("yesterday", 1).empty());
    CHECK(FirstKeptDay("2024-03-30", 1) == "2024-03-30");
    CHECK(FirstKeptDay("2024-03-30", 30) == "2024-03-01");
    CHECK(FirstKeptDay("2024-03-30", 0) == "2024-03-30");   // at least today
    CHECK(LocalToday().size() == 10);
}

TEST_CASE("Queries are lower-cased, trimmed, spaces collapsed and capped")
{
    CHECK(NormaliseQuery("  Tattoo   REMOVAL ") == "tattoo removal");
    CHECK(NormaliseQuery("\tlaser\n\nhair") == "laser hair");
    CHECK(NormaliseQuery("ÁCIDO Hialurónico") == "ácido hialurónico");
    CHECK(NormaliseQuery("ПИЛИНГ") == "пилинг");
    CHECK(NormaliseQuery("   ").empty());
    CHECK(NormaliseQuery("").empty());
    CHECK(NormaliseQuery("a\x01" "b") == "ab");   // control characters dropped
    // Capped at 60 characters (not bytes), and never cut inside a character.
    std::string long_query;
    for (int i = 0; i < 8; i++)
        long_query += "éééééééé ";
    const std::string capped = NormaliseQuery(long_query);
    CHECK(Utf8Length(capped) <= kMaxQueryKeyChars);
    CHECK(Utf8Length(capped) >= kMaxQueryKeyChars - 1);
    CHECK(IsValidUtf8(capped));
    CHECK(capped.back() != ' ');
    CHECK(NormaliseQuery(std::string(200, 'x')) == std::string(60, 'x'));
}

TEST_CASE("Queries that could identify someone are withheld")
{
    CHECK(NormaliseQuery("jane.doe@example.org") == kWithheldQuery);
    CHECK(NormaliseQuery("call me 555 1234") == kWithheldQuery);
    CHECK(NormaliseQuery("record 12345") == kWithheldQuery);
    CHECK(NormaliseQuery("06-12-34-56") == kWithheldQuery);
    CHECK(NormaliseQuery("born 1984") == kWithheldQuery);
    // Short numbers are ordinary questions.
    CHECK(NormaliseQuery("2 weeks after") == "2 weeks after");
    CHECK(NormaliseQuery("spf 50") == "spf 50");
    CHECK(NormaliseQuery("3 days 12 hours") == "3 days 12 hours");
}

// ---------------------------------------------------------------------------
// Counting a session
// ---------------------------------------------------------------------------

TEST_CASE("A scripted session counts pages, FAQ opens, settled searches and the idle reset")
{
    FakeToday today;
    Kiosk k(today.Fn());

    k.Apply(IntentKind::OpenPage, "benefits");
    k.Apply(IntentKind::OpenPage, "aftercare");   // a link on the page
    k.Apply(IntentKind::Back);                    // returning is not a new view
    k.Apply(IntentKind::Home);
    k.Apply(IntentKind::OpenFaq);                 // the list: no entry opened
    k.Apply(IntentKind::ToggleFaqEntry, "sun");
    k.Apply(IntentKind::ToggleFaqEntry, "sun");   // collapsed again: not an open
    k.Apply(IntentKind::Home);

    // Typing: no keystroke counts on its own.
    k.Apply(IntentKind::OpenSearch);
    k.Type("sun");
    CHECK(CountOf(k.Counts(), "en", InsightKind::Search) == 0);
    // The query stays with its results for a while: one search.
    k.Wait(5.0);
    k.Wait(30.0);
    // Typing on, then opening a result: the longer query counts once more.
    k.Type(" cream");
    k.Apply(IntentKind::OpenFaq, "sun");
    k.Apply(IntentKind::Back);                    // back on the same query: nothing new
    k.Wait(10.0);
    k.Apply(IntentKind::Home);

    // A query with no answer, left at once through Home.
    k.Apply(IntentKind::OpenSearch);
    k.Apply(IntentKind::SearchClear);
    k.Type("Tattoo  removal");
    k.Apply(IntentKind::Home);

    // A query with a phone number, and the patient walks away from it.
    k.Apply(IntentKind::OpenSearch);
    k.Apply(IntentKind::SearchClear);
    k.Type("call 555 1234");
    k.Wait(200.0);   // idle warning and reset in one late tick
    REQUIRE(k.session.ResetCount() == 1);
    k.Wait(1.0);

    const InsightCounts counts = k.Counts();
    CHECK(CountOf(counts, "en", InsightKind::PageView, "benefits") == 1);
    CHECK(CountOf(counts, "en", InsightKind::PageView, "aftercare") == 1);
    CHECK(CountOf(counts, "en", InsightKind::FaqOpen, "sun") == 2);   // expanded on the FAQ screen, from a result
    CHECK(CountOf(counts, "en", InsightKind::Search) == 4);
    CHECK(CountOf(counts, "en", InsightKind::SearchNoAnswer, "tattoo removal") == 1);
    CHECK(CountOf(counts, "en", InsightKind::SearchNoAnswer, kWithheldQuery) == 1);
    CHECK(CountOf(counts, "en", InsightKind::IdleReset) == 1);
    long long total = 0;
    for (const auto& [key, n] : counts) {
        total += n;
        CHECK(key.day == "2024-03-30");
        CHECK(key.key.find("555") == std::string::npos);
    }
    CHECK(total == 11);   // nothing else was counted
}

TEST_CASE("Searches count in the patient's language, and not before results are known")
{
    FakeToday today;
    Kiosk k(today.Fn());
    k.Apply(IntentKind::SetLanguage, "es");
    k.Apply(IntentKind::OpenSearch);
    k.index_open = false;    // "Preparing search...": nobody saw an answer
    k.Type("tatuaje");
    k.Wait(10.0);
    k.Apply(IntentKind::Back);
    InsightCounts counts = k.counter.Take();
    CHECK(CountOf(counts, "es", InsightKind::Search) == 0);

    k.index_open = true;
    k.Apply(IntentKind::OpenSearch);   // the same query, now answered
    k.Wait(5.0);
    counts = k.counter.Take();
    CHECK(CountOf(counts, "es", InsightKind::Search) == 1);
    CHECK(CountOf(counts, "en", InsightKind::Search) == 0);
    // Only spaces is no search at all.
    k.Apply(IntentKind::SearchClear);
    k.Type("   ");
    k.Apply(IntentKind::Home);
    CHECK(k.counter.Take().empty());
}

TEST_CASE("Counts aggregate per day, and a new day starts new rows")
{
    FakeToday today;
    InsightsCounter counter(today.Fn());
    counter.Count("en", InsightKind::PageView, "benefits");
    counter.Count("en", InsightKind::PageView, "benefits");
    counter.Count("es", InsightKind::PageView, "benefits");
    today.Set("2024-03-31");
    counter.Count("en", InsightKind::PageView, "benefits");
    const InsightCounts counts = counter.Take();
    REQUIRE(counts.size() == 3);
    CHECK(counts.at(InsightKey{"2024-03-30", "en", InsightKind::PageView, "benefits"}) == 2);
    CHECK(counts.at(InsightKey{"2024-03-30", "es", InsightKind::PageView, "benefits"}) == 1);
    CHECK(counts.at(InsightKey{"2024-03-31", "en", InsightKind::PageView, "benefits"}) == 1);
    CHECK(counter.Take().empty());   // taken means gone
    counter.Stop();
    counter.Count("en", InsightKind::IdleReset);
    CHECK(counter.Take().empty());
}

// ---------------------------------------------------------------------------
// The SQLite store and the recorder
// ---------------------------------------------------------------------------

TEST_CASE("The store adds to existing counts (one row per day, language, kind and key)")
{
    TempDir dir;
    const std::string path = (dir.path / "cache" / "insights.sqlite").string();   // the folder is created
    std::string error;
    std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error);
    REQUIRE(store);
    InsightCounts counts;
    counts[InsightKey{"2024-03-29", "en", InsightKind::Search, ""}] = 2;
    counts[InsightKey{"2024-03-30", "en", InsightKind::Search, ""}] = 3;
    counts[InsightKey{"2024-03-30", "en", InsightKind::SearchNoAnswer, "tattoo"}] = 1;
    REQUIRE(store->Add(counts, &error));
    REQUIRE(store->Add(counts, &error));
    store.reset();
    struct stat info;
    REQUIRE(stat(path.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);   // only the kiosk's account reads it

    // Reopened, and read only like `carekiosk report` does.
    std::unique_ptr<InsightsStore> reader = InsightsStore::OpenReadOnly(path, &error);
    REQUIRE(reader);
    std::vector<InsightRow> rows;
    REQUIRE(reader->Read("2024-03-30", "2024-03-30", &rows, &error));
    CHECK(rows.size() == 2);
    CHECK(RowCount(rows, "en", InsightKind::Search) == 6);
    // Two sessions typed it: below the threshold, so no text, only a count.
    CHECK(RowCount(rows, "en", InsightKind::SearchNoAnswer, "tattoo") == 0);
    CHECK(RowCount(rows, "en", InsightKind::SearchNoAnswer, kWithheldQuery) == 2);
    REQUIRE(reader->Read("2024-03-01", "2024-03-30", &rows, &error));
    CHECK(RowCount(rows, "en", InsightKind::Search) == 10);
    std::vector<std::string> days;
    REQUIRE(reader->Days(&days, &error));
    CHECK(days == std::vector<std::string>{"2024-03-29", "2024-03-30"});
    // The file holds counters only: no time of day anywhere in it.
    const std::string bytes = cktest::ReadFile(path);
    CHECK(bytes.find("T0") == std::string::npos);
}

TEST_CASE("Retention: days older than the period are pruned at start-up and when the day changes")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    std::string error;
    {
        std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error);
        REQUIRE(store);
        InsightCounts old;
        for (const char* day : {"2024-03-01", "2024-03-25", "2024-03-27", "2024-03-28"})
            old[InsightKey{day, "en", InsightKind::IdleReset, ""}] = 1;
        REQUIRE(store->Add(old, &error));
    }
    FakeToday today;   // 2024-03-30
    InsightsSettings settings;
    settings.path = path;
    settings.keep_days = 5;   // 2024-03-26 .. 2024-03-30
    settings.flush_seconds = 3600.0;
    settings.today = today.Fn();
    std::vector<std::string> days;
    {
        InsightsRecorder recorder(settings);
        recorder.Counter().Count("en", InsightKind::IdleReset);
        recorder.FlushAndWait();
        CHECK_FALSE(recorder.Failed());
        std::unique_ptr<InsightsStore> reader = InsightsStore::OpenReadOnly(path, &error);
        REQUIRE(reader);
        REQUIRE(reader->Days(&days, &error));
        CHECK(days == std::vector<std::string>{"2024-03-27", "2024-03-28", "2024-03-30"});

        // Two days later the next flush prunes again.
        today.Set("2024-04-01");
        recorder.Counter().Count("en", InsightKind::IdleReset);
        recorder.FlushAndWait();
        REQUIRE(reader->Days(&days, &error));
        CHECK(days == std::vector<std::string>{"2024-03-28", "2024-03-30", "2024-04-01"});
        recorder.Counter().Count("en", InsightKind::PageView, "benefits");
    }
    // The destructor wrote what was pending.
    std::unique_ptr<InsightsStore> reader = InsightsStore::OpenReadOnly(path, &error);
    REQUIRE(reader);
    std::vector<InsightRow> rows;
    REQUIRE(reader->Read("2024-04-01", "2024-04-01", &rows, &error));
    CHECK(RowCount(rows, "en", InsightKind::PageView, "benefits") == 1);
}

TEST_CASE("A database that cannot be opened turns insights off without crashing")
{
    TempDir dir;
    std::string error;
    SECTION("not a database")
    {
        dir.Write("garbage.sqlite", std::string(4096, 'x'));
        const std::string path = (dir.path / "garbage.sqlite").string();
        CHECK_FALSE(InsightsStore::Open(path, &error));
        CHECK_FALSE(error.empty());
        CHECK_FALSE(InsightsStore::OpenReadOnly(path, &error));
        CHECK_FALSE(error.empty());

        InsightsSettings settings;
        settings.path = path;
        InsightsRecorder recorder(settings);
        recorder.Counter().Count("en", InsightKind::Search);
        recorder.FlushAndWait();
        CHECK(recorder.Failed());
        CHECK(recorder.Counter().Take().empty());   // nothing piles up in memory
        recorder.RequestSummary(30, {"en"}, 5);
        recorder.FlushAndWait();
        InsightsSummary summary;
        CHECK(recorder.TakeSummary(&summary));
        CHECK(summary.Empty());
        CHECK(cktest::ReadFile(path) == std::string(4096, 'x'));   // left as it was
    }
    SECTION("a folder where the file should be")
    {
        cktest::fs::create_directories(dir.path / "insights.sqlite");
        CHECK_FALSE(InsightsStore::Open((dir.path / "insights.sqlite").string(), &error));
        CHECK_FALSE(error.empty());
    }
    SECTION("a folder nobody may write to")
    {
        cktest::fs::create_directories(dir.path / "locked");
        chmod((dir.path / "locked").c_str(), 0500);
        const std::string path = (dir.path / "locked" / "sub" / "insights.sqlite").string();
        if (getuid() != 0)   // root writes anywhere
            CHECK_FALSE(InsightsStore::Open(path, &error));
        chmod((dir.path / "locked").c_str(), 0700);
    }
    SECTION("no file yet: read-only open says nothing")
    {
        CHECK_FALSE(InsightsStore::OpenReadOnly((dir.path / "none.sqlite").string(), &error));
        CHECK(error.empty());
    }
}

TEST_CASE("The recorder hands a summary over after writing what is pending")
{
    TempDir dir;
    FakeToday today;
    InsightsSettings settings;
    settings.path = (dir.path / "insights.sqlite").string();
    settings.flush_seconds = 3600.0;
    settings.today = today.Fn();
    int woken = 0;
    InsightsRecorder recorder(settings, [&] { woken++; });
    for (int i = 0; i < 3; i++)
        recorder.Counter().Count("en", InsightKind::PageView, "benefits");
    recorder.Counter().Count("es", InsightKind::PageView, "benefits");
    recorder.Counter().Count("en", InsightKind::PageView, "aftercare");
    InsightsSummary summary;
    CHECK_FALSE(recorder.TakeSummary(&summary));
    recorder.RequestSummary(7, {"es", "en"}, 1);
    recorder.FlushAndWait();
    REQUIRE(recorder.TakeSummary(&summary));
    CHECK(woken == 2);   // the popular questions read at start, then the summary
    CHECK(summary.first_day == "2024-03-24");
    CHECK(summary.last_day == "2024-03-30");
    REQUIRE(summary.languages.size() == 2);
    CHECK(summary.languages[0].lang == "es");   // the order asked for
    const LanguageInsights& en = summary.languages[1];
    CHECK(en.Total(InsightKind::PageView) == 4);
    REQUIRE(en.pages.size() == 1);   // top 1
    CHECK(en.pages[0].key == "benefits");
    CHECK(en.pages[0].count == 3);
    CHECK_FALSE(recorder.TakeSummary(&summary));   // handed over once
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

TEST_CASE("Report for a seeded database, line by line")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    std::string error;
    {
        std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error);
        REQUIRE(store);
        InsightCounts seed;
        auto add = [&](const char* day, const char* lang, InsightKind kind, const char* key, long long n) {
            seed[InsightKey{day, lang, kind, key}] = n;
        };
        add("2024-03-30", "en", InsightKind::PageView, "benefits", 5);
        add("2024-03-02", "en", InsightKind::PageView, "benefits", 2);
        add("2024-03-30", "en", InsightKind::PageView, "aftercare", 7);
        add("2024-02-28", "en", InsightKind::PageView, "aftercare", 100);   // before the period
        add("2024-03-30", "en", InsightKind::PageView, "removed-page", 1);
        add("2024-03-30", "en", InsightKind::FaqOpen, "sun", 4);
        add("2024-03-30", "en", InsightKind::Search, "", 9);
        add("2024-03-30", "en", InsightKind::SearchNoAnswer, "tattoo removal", 3);
        add("2024-03-29", "en", InsightKind::SearchNoAnswer, "botox", 3);
        add("2024-03-30", "en", InsightKind::IdleReset, "", 6);
        add("2024-03-30", "es", InsightKind::PageView, "benefits", 2);
        add("2024-03-30", "es", InsightKind::ReadAloud, "benefits", 1);
        add("2024-03-30", "en", InsightKind::VideoPlay, "en/pages/healing.mp4", 4);
        add("2024-03-29", "en", InsightKind::VideoPlay, "en/pages/healing.mp4", 1);
        add("2024-03-30", "en", InsightKind::VideoReached, "en/pages/healing.mp4 1", 4);
        add("2024-03-30", "en", InsightKind::VideoReached, "en/pages/healing.mp4 2", 3);
        add("2024-03-30", "en", InsightKind::VideoReached, "en/pages/healing.mp4 4", 2);
        REQUIRE(store->Add(seed, &error));
    }
    std::unique_ptr<InsightsStore> reader = InsightsStore::OpenReadOnly(path, &error);
    REQUIRE(reader);
    const Content content = TestContent();
    InsightsSummary summary;
    REQUIRE(ReadInsightsSummary(*reader, "2024-03-30", 30, content.config.languages, 5, &summary, &error));
    const std::string expected =
        "Insights for Test Clinic, 2024-03-01 to 2024-03-30\n"
        "\n"
        "English (en)\n"
        "  Page views                   15\n"
        "  FAQ entries opened            4\n"
        "  Searches                      9\n"
        "  Searches with no answer       6\n"
        "  Read aloud                    0\n"
        "  Idle resets                   6\n"
        "  Videos started                5\n"
        "  Video quarters watched        9\n"
        "  Most viewed pages\n"
        "         7  Aftercare\n"
        "         7  Benefits\n"
        "         1  removed-page\n"
        "  Most opened questions\n"
        "         4  Can I go in the sun?\n"
        "  Top queries with no answer\n"
        "         3  botox\n"
        "         3  tattoo removal\n"
        "  Videos (plays; watched to 25% / 50% / 75% / the end)\n"
        "         5; 4 / 3 / 0 / 2  en/pages/healing.mp4\n"
        "\n"
        "Español (es)\n"
        "  Page views                    2\n"
        "  FAQ entries opened            0\n"
        "  Searches                      0\n"
        "  Searches with no answer       0\n"
        "  Read aloud                    1\n"
        "  Idle resets                   0\n"
        "  Videos started                0\n"
        "  Video quarters watched        0\n"
        "  Most viewed pages\n"
        "         2  Beneficios\n"
        "  Most opened questions\n"
        "         -\n"
        "  Top queries with no answer\n"
        "         -\n";
    CHECK(FormatInsightsReport(summary, content) == expected);

    // Nothing in the period: says so.
    REQUIRE(ReadInsightsSummary(*reader, "2025-01-31", 30, content.config.languages, 5, &summary, &error));
    CHECK(FormatInsightsReport(summary, content) == "Insights for Test Clinic, 2025-01-02 to 2025-01-31\nno data yet\n");
}

TEST_CASE("Report JSON carries ids, titles and queries")
{
    std::vector<InsightRow> rows = {{"en", InsightKind::PageView, "benefits", 2},
                                    {"en", InsightKind::SearchNoAnswer, "tattoo", 1}};
    InsightsSummary summary = SummariseInsights(rows, {"en"}, 5);
    summary.first_day = "2024-03-01";
    summary.last_day = "2024-03-30";
    const std::string json = InsightsReportJson(summary, TestContent());
    CHECK(json.find("\"first_day\": \"2024-03-01\"") != std::string::npos);
    CHECK(json.find("\"page_view\": 2") != std::string::npos);
    CHECK(json.find("\"title\": \"Benefits\"") != std::string::npos);
    CHECK(json.find("\"query\": \"tattoo\"") != std::string::npos);
}

TEST_CASE("Read-aloud counts under its target, labelled with the page or question")
{
    FakeToday today;
    Kiosk k(today.Fn());
    k.Apply(IntentKind::OpenPage, "aftercare");
    k.insights.NoteReadAloud("en", "page:aftercare");
    k.insights.NoteReadAloud("en", "faq:sun");
    k.insights.NoteReadAloud("en", "");
    const InsightCounts counts = k.Counts();
    CHECK(CountOf(counts, "en", InsightKind::ReadAloud, "page:aftercare") == 1);
    CHECK(CountOf(counts, "en", InsightKind::ReadAloud, "faq:sun") == 1);
    CHECK(counts.size() == 3);   // and the page view
    const Content content = TestContent();
    CHECK(InsightLabel(content, "en", InsightKind::ReadAloud, "page:aftercare") == "Aftercare");
    CHECK(InsightLabel(content, "en", InsightKind::ReadAloud, "faq:sun") == "Can I go in the sun?");
    CHECK(InsightLabel(content, "es", InsightKind::PageView, "benefits") == "Beneficios");
    CHECK(InsightLabel(content, "en", InsightKind::FaqOpen, "gone") == "gone");
}

TEST_CASE("kiosk.json insights_days: default 90, 0 turns counting off, bad values are errors")
{
    Diagnostics diag;
    CHECK(ParseKioskConfig("{}", "kiosk.json", &diag).insights_days == 90);
    CHECK(ParseKioskConfig(R"({"insights_days": 0})", "kiosk.json", &diag).insights_days == 0);
    CHECK(ParseKioskConfig(R"({"insights_days": 30})", "kiosk.json", &diag).insights_days == 30);
    CHECK(diag.Items().empty());
    CHECK(ParseKioskConfig(R"({"insights_days": -1})", "kiosk.json", &diag).insights_days == 90);
    CHECK(ParseKioskConfig(R"({"insights_days": "a month"})", "kiosk.json", &diag).insights_days == 90);
    CHECK(diag.ErrorCount() == 2);
}

TEST_CASE("A query's text is kept only once three sessions typed it, with unknown words masked")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    std::string error;
    auto known = [](const std::string& word) { return word != "okafo" && word != "margaret"; };
    QueryMask mask = [&](const std::string&, const std::string& text) { return MaskUnknownWords(text, known); };
    std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error, mask);
    REQUIRE(store);
    auto add = [&](const std::string& day, const std::string& query) {
        InsightCounts counts;
        counts[InsightKey{day, "en", InsightKind::SearchNoAnswer, query}] = 1;
        REQUIRE(store->Add(counts, &error));
    };
    auto read = [&]() {
        std::vector<InsightRow> rows;
        REQUIRE(store->Read("2024-03-01", "2024-03-31", &rows, &error));
        return rows;
    };
    add("2024-03-28", "do you do botox");
    add("2024-03-29", "do you do botox");
    add("2024-03-29", "my name is margaret okafo");
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, "do you do botox") == 0);   // 2 sessions: hidden
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, kWithheldQuery) == 3);
    add("2024-03-30", "do you do botox");   // the third session: released with all three
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, "do you do botox") == 3);
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, kWithheldQuery) == 1);   // the name alone
    add("2024-03-31", "do you do botox");
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, "do you do botox") == 4);
    // A name typed by three sessions still loses the words no dictionary has.
    for (int i = 0; i < 2; i++)
        add("2024-03-31", "my name is margaret okafo");
    CHECK(RowCount(read(), "en", InsightKind::SearchNoAnswer, "my name is \xE2\x80\xA6") == 3);
    store.reset();

    // Nothing in the files holds a name, and both are for the kiosk's account only.
    for (const std::string& file : {path, InsightsStore::KeyPath(path)}) {
        const std::string bytes = cktest::ReadFile(file);
        CHECK(bytes.find("margaret") == std::string::npos);
        CHECK(bytes.find("okafo") == std::string::npos);
        struct stat info;
        REQUIRE(stat(file.c_str(), &info) == 0);
        CHECK((info.st_mode & 0777) == 0600);
    }
    CHECK(fs::file_size(InsightsStore::KeyPath(path)) == 32);
}

TEST_CASE("Hashes below the threshold are forgotten after 30 days, released ones stay")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    std::string error;
    std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error);
    REQUIRE(store);
    auto add = [&](const std::string& day, const std::string& query) {
        InsightCounts counts;
        counts[InsightKey{day, "en", InsightKind::SearchNoAnswer, query}] = 1;
        REQUIRE(store->Add(counts, &error));
    };
    add("2024-01-01", "parking");
    add("2024-01-01", "parking");   // two sessions, then nothing for 40 days
    add("2024-01-01", "wifi");
    add("2024-01-02", "wifi");
    add("2024-01-03", "wifi");      // released
    REQUIRE(store->PruneBefore("2023-01-01", "2024-02-10", &error));
    add("2024-02-10", "parking");   // counts from one again: not released
    std::vector<InsightRow> rows;
    REQUIRE(store->Read("2024-01-01", "2024-02-10", &rows, &error));
    CHECK(RowCount(rows, "en", InsightKind::SearchNoAnswer, "parking") == 0);
    add("2024-02-10", "wifi");      // still released: counted by text
    REQUIRE(store->Read("2024-01-01", "2024-02-10", &rows, &error));
    CHECK(RowCount(rows, "en", InsightKind::SearchNoAnswer, "wifi") == 4);
}

TEST_CASE("report --forget deletes the database and its key")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    std::string error;
    REQUIRE(InsightsStore::Open(path, &error));
    REQUIRE(fs::exists(path));
    REQUIRE(fs::exists(InsightsStore::KeyPath(path)));
    REQUIRE(InsightsStore::Forget(path, &error));
    CHECK_FALSE(fs::exists(path));
    CHECK_FALSE(fs::exists(InsightsStore::KeyPath(path)));
    CHECK(InsightsStore::Forget(path, &error));   // nothing left to delete is fine
}

TEST_CASE("Masking keeps known words and turns each run of unknown ones into one mark")
{
    auto known = [](const std::string& word) { return word == "where" || word == "is" || word == "the"; };
    CHECK(MaskUnknownWords("where is the gift shop", known) == "where is the \xE2\x80\xA6");
    CHECK(MaskUnknownWords("zz where yy xx is", known) == "\xE2\x80\xA6 where \xE2\x80\xA6 is");
    CHECK(MaskUnknownWords("", known).empty());
    CHECK(NormaliseQuery("one two three four five six seven eight nine") == kWithheldQuery);
    CHECK(NormaliseQuery("one two three four five six seven eight") == "one two three four five six seven eight");
    CHECK(NormaliseQuery("www.myclinic.example") == kWithheldQuery);
    CHECK(NormaliseQuery("see https://x.example/a") == kWithheldQuery);
}

TEST_CASE("A released query keeps the content's words, lay words and lower-case dictionary words only")
{
    TempDir dir;
    fs::create_directories(dir.path / "dict");
    std::ofstream(dir.path / "dict" / "american-english") << "my\nname\nis\nMargaret\nwhere\nthe\n";
    const LoadResult loaded = LoadContent(CAREKIOSK_SOURCE_DIR "/content");
    const std::string assets = std::getenv("CAREKIOSK_ASSETS") ? std::getenv("CAREKIOSK_ASSETS") : "";
    REQUIRE_FALSE(assets.empty());
    const QueryMask mask = MakeQueryMask(loaded.content, assets, (dir.path / "dict").string());
    const std::string dots = "\xE2\x80\xA6";
    CHECK(mask("en", "my name is margaret okafo") == "my name is " + dots);   // "Margaret" is a name there
    CHECK(mask("en", "microneedling gizmo") == "microneedling " + dots);     // the content's word
    CHECK(mask("en", "where is the booze") == "where is the booze");          // a lay word
    CHECK(mask("es", "crema anestésica xyzzy") == "crema anestésica " + dots);   // the Spanish content
}

// ---------------------------------------------------------------------------
// Popular questions
// ---------------------------------------------------------------------------

namespace {

FaqEntry Question(const std::string& id)
{
    FaqEntry entry;
    entry.id = id;
    entry.question = id + "?";
    return entry;
}

// An English FAQ a, b, c, d, e, f (file order) and a Spanish one without questions.
Content PopularContent()
{
    Content content;
    content.config.languages = {"en", "es"};
    content.config.default_language = "en";
    LanguageContent en;
    en.lang = "en";
    for (const char* id : {"a", "b", "c", "d", "e", "f"})
        en.faq.push_back(Question(id));
    LanguageContent es;
    es.lang = "es";
    content.languages = {en, es};
    return content;
}

} // namespace

TEST_CASE("The most opened questions: FAQ opens of every language summed, the rarely opened left out")
{
    const std::vector<InsightRow> rows = {
        {"en", InsightKind::FaqOpen, "c", 2},  {"es", InsightKind::FaqOpen, "c", 3},
        {"en", InsightKind::FaqOpen, "e", 9},  {"en", InsightKind::FaqOpen, "b", 5},
        {"en", InsightKind::FaqOpen, "a", 2},  {"en", InsightKind::PageView, "d", 40},
        {"en", InsightKind::FaqOpen, "f", 5},
    };
    CHECK(MostOpenedQuestions(rows, 3) == std::vector<std::string>{"e", "b", "c", "f"});   // ties by id
    CHECK(MostOpenedQuestions(rows, 6) == std::vector<std::string>{"e"});
    CHECK(MostOpenedQuestions({}, 1).empty());
}

TEST_CASE("Popular questions: the most opened, then the staff's choice, then the FAQ's order, no repeats")
{
    Content content = PopularContent();
    CHECK(PopularQuestions(content, "en", {}, 5) == std::vector<std::string>{"a", "b", "c", "d", "e"});
    content.config.popular_questions = {"f", "c"};
    CHECK(PopularQuestions(content, "en", {}, 5) == std::vector<std::string>{"f", "c", "a", "b", "d"});
    CHECK(PopularQuestions(content, "en", {"e", "gone", "c"}, 4) == std::vector<std::string>{"e", "c", "f", "a"});
    // A language without a FAQ of its own offers the default language's.
    CHECK(PopularQuestions(content, "es", {"d"}, 3) == std::vector<std::string>{"d", "f", "c"});
}

TEST_CASE("The recorder reads the most opened questions at start, off the caller's thread")
{
    TempDir dir;
    const std::string path = (dir.path / "insights.sqlite").string();
    FakeToday today;
    std::string error;
    {
        std::unique_ptr<InsightsStore> store = InsightsStore::Open(path, &error);
        REQUIRE(store);
        InsightCounts counts;
        counts[InsightKey{"2024-03-29", "en", InsightKind::FaqOpen, "downtime"}] = 4;
        counts[InsightKey{"2024-03-30", "es", InsightKind::FaqOpen, "does-it-hurt"}] = 7;
        counts[InsightKey{"2024-03-30", "en", InsightKind::FaqOpen, "once"}] = 1;
        REQUIRE(store->Add(counts, &error));
    }
    InsightsSettings settings;
    settings.path = path;
    settings.flush_seconds = 3600.0;
    settings.today = today.Fn();
    InsightsRecorder recorder(settings);
    recorder.FlushAndWait();   // after the read at start
    std::vector<std::string> ids;
    REQUIRE(recorder.TakeMostOpened(&ids));
    CHECK(ids == std::vector<std::string>{"does-it-hurt", "downtime"});
    CHECK_FALSE(recorder.TakeMostOpened(&ids));   // handed over once
}
