// Anonymous use counts for staff ("insights"): per day and language, how
// often pages were viewed, FAQ entries opened, searches made (and which
// queries found nothing, so staff know which questions to add), read-aloud
// used, and the kiosk reset after a patient walked away.
//
// Only aggregated counters are kept: one row per (day, language, kind, key)
// whose count grows, no row per event, no time finer than the day, nothing
// that orders one patient's actions, and nothing is sent anywhere.
//
// The pieces, each usable on its own:
//   InsightsCounter   in-memory counts. Count() is what the frame loop calls:
//                     a map update under a mutex, never file IO.
//   InsightsStore     the SQLite file: adds counts (UPSERT), prunes old days,
//                     reads a period back. One thread at a time.
//   InsightsRecorder  a worker thread that moves the counter's counts into
//                     the store (every minute, on request, at exit), prunes
//                     once a day and builds summaries for the staff panel.
//   SessionInsights   watches the Session for the app and counts what its
//                     changes mean: a page opened, an FAQ entry expanded, a
//                     search that settled, an idle reset.
//   SummariseInsights, FormatInsightsReport: what staff read.
//
// Rules a caller must know:
// - Nothing here throws. A store that cannot be opened or written is
//   reported once (to stderr by the recorder) and counting stops; the kiosk
//   goes on without insights.
// - Days are local dates "YYYY-MM-DD" that come from a TodayFn, so tests use
//   fake dates.
// - What patients type never reaches disk until several typed it. A query
//   with no answer is counted under a keyed hash (BLAKE2b with a random key
//   in insights.key beside the database, 0600, never shown); its text is
//   written only once kQueryThreshold separate patient sessions (an idle
//   reset or Home ends one) typed the same normalised query, and then with
//   every word outside the content, the lay word lists and a common-word
//   dictionary shown as "…". Until then it counts under kWithheldQuery,
//   which reports show as "other unanswered searches".
// - A query that could identify someone outright ('@', a web address, 4
//   digits close together, more than kMaxQueryWords words) is never even
//   hashed: it counts under kWithheldQuery.
#pragma once
#include "base/unicode.h"   // LocalToday
#include "content/content.h"
#include "session/session.h"
#include <array>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

struct sqlite3;

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Kinds, days and query text
// ---------------------------------------------------------------------------

enum class InsightKind {
    PageView,        // key: page id
    FaqOpen,         // key: FAQ entry id
    Search,          // key: "" (a settled query, answered or not)
    SearchNoAnswer,  // key: NormaliseQuery(query)
    ReadAloud,       // key: "page:<id>" or "faq:<id>"
    IdleReset,       // key: ""
    VideoPlay,       // key: the clip's key ("en/pages/healing.mp4"): a play started
    VideoReached,    // key: the clip's key, " " and 1..4: a play got that many quarters in
};
constexpr int kInsightKindCount = 8;

const char* InsightKindName(InsightKind kind);   // "page_view", "faq_open", ... as stored
bool InsightKindFromName(std::string_view name, InsightKind* kind);

using TodayFn = std::function<std::string()>;

// Days since 1970-01-01 of a "YYYY-MM-DD" date; false when it is not a real date.
bool DayNumber(const std::string& day, long* number);
std::string DayFromNumber(long number);
// `day` moved by `delta` days ("" when `day` is not a date).
std::string AddDays(const std::string& day, long delta);

// The key a query with no answer is counted under: lower-cased, trimmed,
// runs of spaces made one, cut to kMaxQueryKeyChars characters; or
// kWithheldQuery when it could be personal. "" for a blank query.
std::string NormaliseQuery(const std::string& query);
constexpr const char* kWithheldQuery = "(withheld)";
constexpr size_t kMaxQueryKeyChars = 60;
constexpr size_t kMaxQueryWords = 8;
constexpr long kQueryThreshold = 3;         // separate sessions before a query's text is kept
constexpr int kPendingQueryDays = 30;       // a hash below the threshold is forgotten after this

// `text` (a normalised query) with every word `known` rejects replaced by
// "…" (runs of them become one).
std::string MaskUnknownWords(const std::string& text, const std::function<bool(const std::string&)>& known);
// The text a released query is stored as, for (language, normalised query).
using QueryMask = std::function<std::string(const std::string& lang, const std::string& text)>;

// ---------------------------------------------------------------------------
// [SECTION] In-memory counts
// ---------------------------------------------------------------------------

struct InsightKey {
    std::string day, lang;
    InsightKind kind = InsightKind::PageView;
    std::string key;
    bool operator<(const InsightKey& o) const;
};
using InsightCounts = std::map<InsightKey, long long>;

class InsightsCounter {
public:
    explicit InsightsCounter(TodayFn today = LocalToday) : today_(std::move(today)) {}

    // Adds one to (today, lang, kind, key). Cheap: for the frame loop.
    void Count(const std::string& lang, InsightKind kind, const std::string& key = std::string());
    // Moves the counts out, leaving none (the recorder's worker, tests).
    InsightCounts Take();
    // Count() does nothing from now on (the store failed: memory must not grow).
    void Stop();
    std::string Today() const { return today_(); }

    static constexpr size_t kMaxPendingKeys = 10000;   // between two flushes; more are dropped

private:
    std::mutex mutex_;
    InsightCounts counts_;
    TodayFn today_;
    bool stopped_ = false;
};

// ---------------------------------------------------------------------------
// [SECTION] SQLite store
// ---------------------------------------------------------------------------

// Counts of one (lang, kind, key) summed over a period.
struct InsightRow {
    std::string lang;
    InsightKind kind = InsightKind::PageView;
    std::string key;
    long long count = 0;
};

class InsightsStore {
public:
    // Opens or creates the file, its tables and the key beside it
    // (KeyPath()), both 0600. Null (and `*error`) when either cannot be
    // created, or the file is not a database or is damaged. `mask` turns a
    // query that reached the threshold into the text stored (null: as is).
    static std::unique_ptr<InsightsStore> Open(const std::string& path, std::string* error,
                                               QueryMask mask = nullptr);
    // Opens an existing file for reading only. Null when it does not exist
    // (`*error` stays "") or cannot be read (`*error` says why).
    static std::unique_ptr<InsightsStore> OpenReadOnly(const std::string& path, std::string* error);
    ~InsightsStore();
    InsightsStore(const InsightsStore&) = delete;
    InsightsStore& operator=(const InsightsStore&) = delete;

    // Adds `counts` in one transaction. SearchNoAnswer counts hold one per
    // patient session; their keys (query text) go through the threshold.
    bool Add(const InsightCounts& counts, std::string* error);
    // Deletes every count of a day before `first_kept_day`, and query hashes
    // below the threshold last seen kPendingQueryDays before `today`.
    bool PruneBefore(const std::string& first_kept_day, const std::string& today, std::string* error);
    // Sums per (lang, kind, key) over first_day .. last_day (inclusive).
    bool Read(const std::string& first_day, const std::string& last_day, std::vector<InsightRow>* rows,
              std::string* error) const;
    // The days that have rows, oldest first.
    bool Days(std::vector<std::string>* days, std::string* error) const;

    static std::string KeyPath(const std::string& path);   // insights.key beside the database
    // Deletes the database, its journals and its key ("report --forget").
    static bool Forget(const std::string& path, std::string* error);

private:
    explicit InsightsStore(sqlite3* db) : db_(db) {}
    bool AddQuery(const InsightKey& key, long long sessions, std::string* error);
    sqlite3* db_ = nullptr;
    std::string key_;     // the hash key (32 bytes)
    QueryMask mask_;
};

// The first day kept when `keep_days` days are kept, today included.
std::string FirstKeptDay(const std::string& today, int keep_days);

// ---------------------------------------------------------------------------
// [SECTION] Summary and report
// ---------------------------------------------------------------------------

struct InsightsTop {
    std::string key;
    long long count = 0;
};

struct LanguageInsights {
    std::string lang;
    std::array<long long, kInsightKindCount> totals{};   // indexed by InsightKind
    std::vector<InsightsTop> pages;        // most viewed first (ties by key)
    std::vector<InsightsTop> questions;    // most opened FAQ entries
    std::vector<InsightsTop> unanswered;   // most frequent queries with no answer
    // Per clip: plays started, then plays that got 1, 2, 3 and 4 quarters in.
    std::map<std::string, std::array<long long, 5>> videos;
    long long Total(InsightKind kind) const { return totals[size_t(kind)]; }
};

struct InsightsSummary {
    std::string first_day, last_day;        // the period asked for
    std::vector<LanguageInsights> languages;   // only languages with counts
    bool Empty() const { return languages.empty(); }
};

// `order`: languages listed first in this order (the kiosk's), others after
// alphabetically. Each top list keeps at most `top` entries.
InsightsSummary SummariseInsights(const std::vector<InsightRow>& rows, const std::vector<std::string>& order,
                                  int top);
// Reads the last `days` days up to `today` from `store` and summarises them.
bool ReadInsightsSummary(const InsightsStore& store, const std::string& today, int days,
                         const std::vector<std::string>& order, int top, InsightsSummary* summary,
                         std::string* error);

// What staff see for a key: the page title or FAQ question in that language
// (or the default one), the id when the content no longer has it, the query
// text as stored.
std::string InsightLabel(const Content& content, const std::string& lang, InsightKind kind, const std::string& key);

// The plain-text report `carekiosk report` prints: per language the totals,
// then the most viewed pages, most opened questions and top queries with no
// answer. "no data yet" when the summary is empty.
std::string FormatInsightsReport(const InsightsSummary& summary, const Content& content);
// The same as JSON text (one object, languages in order).
std::string InsightsReportJson(const InsightsSummary& summary, const Content& content);

// ---------------------------------------------------------------------------
// [SECTION] Recorder (worker thread)
// ---------------------------------------------------------------------------

struct InsightsSettings {
    std::string path;             // the SQLite file
    int keep_days = 90;           // days kept, today included (at least 1)
    double flush_seconds = 60.0;  // how often pending counts are written
    TodayFn today = LocalToday;
    QueryMask mask;               // see InsightsStore::Open
};

// The insights database in `cache_dir` ("" = the default cache folder, where
// the search index is kept); "" when there is no cache folder.
std::string InsightsPath(const std::string& cache_dir);

class InsightsRecorder {
public:
    // Starts the worker; it opens the store and prunes old days at once.
    // `wake` (may be null) is called on the worker when a summary is ready.
    explicit InsightsRecorder(InsightsSettings settings, std::function<void()> wake = nullptr);
    // Writes what is pending and stops the worker.
    ~InsightsRecorder();
    InsightsRecorder(const InsightsRecorder&) = delete;
    InsightsRecorder& operator=(const InsightsRecorder&) = delete;

    InsightsCounter& Counter() { return counter_; }
    // Asks the worker to write now; returns at once.
    void RequestFlush();
    // Writes now and waits for it (tests).
    void FlushAndWait();
    // Asks the worker to write, then summarise the last `days` days; the
    // result is handed over by TakeSummary. Returns at once.
    void RequestSummary(int days, std::vector<std::string> order, int top);
    // True (and `*summary` filled) when a summary asked for is ready.
    bool TakeSummary(InsightsSummary* summary);
    // True (and `*ids` filled) when the worker has read which questions were
    // opened most (popular_questions.h): at start and on each new day, after
    // which `wake` is called.
    bool TakeMostOpened(std::vector<std::string>* ids);
    // True once the store failed; the one-line reason went to stderr.
    bool Failed() const;
    int KeepDays() const { return settings_.keep_days; }

private:
    void Work();
    void FlushPending();   // worker only
    void ReadMostOpened(const std::string& today);   // worker only

    InsightsSettings settings_;
    std::function<void()> wake_;
    InsightsCounter counter_;
    std::unique_ptr<InsightsStore> store_;   // worker only
    std::string pruned_day_;                 // worker only

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool stop_ = false;
    bool flush_asked_ = false;
    bool busy_ = false;                      // a flush is under way
    bool stopped_ = false;                   // the worker has finished
    long flushes_done_ = 0;
    bool summary_asked_ = false;
    int summary_days_ = 0, summary_top_ = 0;
    std::vector<std::string> summary_order_;
    bool summary_ready_ = false;
    InsightsSummary summary_;
    std::vector<std::string> most_opened_;
    bool most_opened_ready_ = false;
    bool failed_ = false;
    std::thread worker_;
};

// ---------------------------------------------------------------------------
// [SECTION] Watching the session
// ---------------------------------------------------------------------------

// What the search screen has results for, from the app's search side.
struct SearchOutcome {
    bool known = false;       // results for (lang, query) are there
    std::string lang, query;
    bool no_answer = false;   // no hit was good enough
};

// Turns what happens in a Session into counts. A search counts once per
// settled query, not per keystroke: when the patient leaves the search
// screen with it (opens a result, goes Back or Home, walks away), or when
// it stayed unchanged with its results on screen for `settle_seconds`.
class SessionInsights {
public:
    explicit SessionInsights(InsightsCounter* counter, double settle_seconds = 4.0)
        : counter_(counter), settle_seconds_(settle_seconds) {}

    // After the app applied `intent` to `session`: pages opened, FAQ entries
    // expanded, read-aloud started.
    void NoteIntent(const Intent& intent, const Session& session);
    // Read-aloud started on `target` ("page:<id>" or "faq:<id>"). The app
    // calls it: only it knows whether the toggle started or stopped reading.
    void NoteReadAloud(const std::string& lang, const std::string& target);
    // A clip started (`quarter` 0) or got `quarter` (1..4) quarters in.
    void NoteVideo(const std::string& lang, const std::string& key, int quarter);
    // Once per frame, after the search results for the session's query were
    // looked up: settled searches and idle resets.
    void NoteFrame(const Session& session, const SearchOutcome& search, double now);

private:
    struct Watched {
        std::string lang, query;
        double since = 0.0;
        bool known = false, no_answer = false, counted = false;
    };
    void CountIfSettled(double now, bool left);

    InsightsCounter* counter_;
    double settle_seconds_;
    Watched watched_;
    // Queries with no answer already counted in this patient's session: a
    // query counts once per session, so the threshold counts people.
    std::set<std::string> session_queries_;
    int reset_count_ = -1;   // the Session's ResetCount() as last seen; -1 before the first frame
    std::string language_;   // the patient's language as last seen (for the reset)
};

} // namespace ck
