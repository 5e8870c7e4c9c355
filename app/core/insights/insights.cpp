// Anonymous use counts for staff. See insights.h.
//
// [SECTION] Kinds, days and query text
// [SECTION] In-memory counts
// [SECTION] SQLite store
// [SECTION] Summary and report
// [SECTION] Recorder (worker thread)
// [SECTION] Watching the session
#include "insights/insights.h"
#include "search/search.h"
#include "base/guard.h"

#include "base/utf8.h"
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Kinds, days and query text
// ---------------------------------------------------------------------------

namespace {

const char* const kKindNames[kInsightKindCount] = {"page_view", "faq_open", "search", "search_no_answer",
                                                   "read_aloud", "idle_reset"};

bool IsSpace(unsigned c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;
}

// Lower case for the scripts a kiosk keyboard types: ASCII, Latin-1, basic
// Greek and Cyrillic. Other characters are kept as they are.
unsigned LowerCase(unsigned c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9 && c != 0x3A2)
        || (c >= 0x410 && c <= 0x42F))
        return c + 0x20;
    if (c >= 0x400 && c <= 0x40F)
        return c + 0x50;
    return c;
}

// Digits that could be a phone, record or card number: four or more with
// at most separators (space, - . / ( ) +) between them.
bool HasNumberRun(const std::string& text)
{
    int digits = 0;
    for (char ch : text) {
        if (ch >= '0' && ch <= '9') {
            if (++digits >= 4)
                return true;
        } else if (std::string_view(" -./()+").find(ch) == std::string_view::npos) {
            digits = 0;
        }
    }
    return false;
}

} // namespace

const char* InsightKindName(InsightKind kind)
{
    const int i = int(kind);
    return i >= 0 && i < kInsightKindCount ? kKindNames[i] : "unknown";
}

bool InsightKindFromName(std::string_view name, InsightKind* kind)
{
    for (int i = 0; i < kInsightKindCount; i++)
        if (name == kKindNames[i]) {
            *kind = InsightKind(i);
            return true;
        }
    return false;
}

bool DayNumber(const std::string& day, long* number)
{
    if (day.size() != 10 || day[4] != '-' || day[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (day[i] < '0' || day[i] > '9')
            return false;
    const int y = std::stoi(day.substr(0, 4)), m = std::stoi(day.substr(5, 2)), d = std::stoi(day.substr(8, 2));
    std::tm t{};
    t.tm_year = y - 1900;
    t.tm_mon = m - 1;
    t.tm_mday = d;
    const std::time_t seconds = timegm(&t);
    // timegm normalises 2024-02-30 to March: only a date that comes back unchanged is real.
    if (t.tm_year != y - 1900 || t.tm_mon != m - 1 || t.tm_mday != d)
        return false;
    *number = long(seconds / 86400);
    return true;
}

std::string DayFromNumber(long number)
{
    const std::time_t seconds = std::time_t(number) * 86400;
    std::tm t{};
    gmtime_r(&seconds, &t);
    char text[16] = {};
    std::strftime(text, sizeof text, "%Y-%m-%d", &t);
    return text;
}

std::string AddDays(const std::string& day, long delta)
{
    long number = 0;
    return DayNumber(day, &number) ? DayFromNumber(number + delta) : std::string();
}

std::string NormaliseQuery(const std::string& query)
{
    std::string out;
    size_t chars = 0;
    bool space = false;
    for (size_t pos = 0; pos < query.size() && chars < kMaxQueryKeyChars;) {
        const unsigned c = DecodeUtf8(query, &pos);
        if (IsSpace(c)) {
            space = !out.empty();
            continue;
        }
        if (c < 0x20 || c == 0x7F)
            continue;   // control characters never reach a report
        if (space) {
            if (chars + 2 > kMaxQueryKeyChars)
                break;   // no room for the next word
            out += ' ';
            chars++;
            space = false;
        }
        AppendUtf8(out, LowerCase(c));
        chars++;
    }
    const size_t words = out.empty() ? 0 : size_t(std::count(out.begin(), out.end(), ' ')) + 1;
    if (out.find('@') != std::string::npos || HasNumberRun(out) || HasNumberRun(query) ||
        out.find("://") != std::string::npos || out.find("www.") != std::string::npos ||
        out.find("http") != std::string::npos || words > kMaxQueryWords)
        return kWithheldQuery;
    return out;
}

std::string MaskUnknownWords(const std::string& text, const std::function<bool(const std::string&)>& known)
{
    static const std::string kMasked = "\xE2\x80\xA6";   // "…"
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!word.empty()) {
            const std::string shown = known(word) ? word : kMasked;
            const bool repeat = shown == kMasked && out.size() >= kMasked.size() &&
                                out.compare(out.size() - kMasked.size(), kMasked.size(), kMasked) == 0;
            if (!repeat)
                out += (out.empty() ? "" : " ") + shown;
        }
        start = end + 1;
    }
    return out;
}

// ---------------------------------------------------------------------------
// [SECTION] In-memory counts
// ---------------------------------------------------------------------------

bool InsightKey::operator<(const InsightKey& o) const
{
    if (day != o.day) return day < o.day;
    if (lang != o.lang) return lang < o.lang;
    if (kind != o.kind) return kind < o.kind;
    return key < o.key;
}

void InsightsCounter::Count(const std::string& lang, InsightKind kind, const std::string& key)
{
    InsightKey k{today_(), lang, kind, key};
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopped_)
        return;
    auto it = counts_.find(k);
    if (it != counts_.end())
        it->second++;
    else if (counts_.size() < kMaxPendingKeys)
        counts_.emplace(std::move(k), 1);
}

InsightCounts InsightsCounter::Take()
{
    std::lock_guard<std::mutex> lock(mutex_);
    InsightCounts taken;
    taken.swap(counts_);
    return taken;
}

void InsightsCounter::Stop()
{
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    counts_.clear();
}

// ---------------------------------------------------------------------------
// [SECTION] SQLite store
// ---------------------------------------------------------------------------

namespace {

// No rowid: rows are kept in key order, so the file does not even hold the
// order in which things were first counted.
// `pending`: queries with no answer by keyed hash, until kQueryThreshold
// sessions typed them (then `released`, and their text is a key in counts).
const char* const kSchema =
    "CREATE TABLE IF NOT EXISTS counts ("
    " day TEXT NOT NULL, lang TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,"
    " count INTEGER NOT NULL, PRIMARY KEY (day, lang, kind, key)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS pending ("
    " hash TEXT NOT NULL, lang TEXT NOT NULL, sessions INTEGER NOT NULL, released INTEGER NOT NULL,"
    " last_day TEXT NOT NULL, PRIMARY KEY (hash, lang)) WITHOUT ROWID;";

constexpr size_t kKeyBytes = 32;

// Reads the key beside the database, or makes one (0600, created
// exclusively, so two processes never hold different keys).
bool LoadOrCreateKey(const std::string& path, std::string* key, std::string* error)
{
    for (int attempt = 0; attempt < 2; attempt++) {
        const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd >= 0) {
            key->assign(kKeyBytes, '\0');
            const ssize_t n = read(fd, key->data(), kKeyBytes);
            close(fd);
            if (n == ssize_t(kKeyBytes))
                return true;
            *error = path + " is damaged; delete it and the database with 'carekiosk report --forget'";
            return false;
        }
        const int out = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (out < 0) {
            if (errno == EEXIST)
                continue;   // another process made it meanwhile: read that one
            *error = path + ": " + std::strerror(errno);
            return false;
        }
        unsigned char bytes[kKeyBytes];
        randombytes_buf(bytes, sizeof bytes);
        const bool written = write(out, bytes, sizeof bytes) == ssize_t(sizeof bytes);
        sodium_memzero(bytes, sizeof bytes);
        close(out);
        if (!written) {
            *error = path + " cannot be written";
            return false;
        }
    }
    *error = path + " cannot be read";
    return false;
}

std::string KeyedHash(const std::string& key, const std::string& lang, const std::string& text)
{
    const std::string message = lang + '\x1f' + text;
    unsigned char digest[16];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(message.data()),
                       message.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
    char hex[sizeof digest * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

// A prepared statement that finalises itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    bool Ok() const { return stmt_ != nullptr; }
    sqlite3_stmt* Get() const { return stmt_; }
    void Text(int index, const std::string& text)
    {
        sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_TRANSIENT);
    }
    std::string Column(int index) const
    {
        const unsigned char* text = sqlite3_column_text(stmt_, index);
        return text ? std::string(reinterpret_cast<const char*>(text), size_t(sqlite3_column_bytes(stmt_, index)))
                    : std::string();
    }

private:
    sqlite3_stmt* stmt_ = nullptr;
};

bool Fail(sqlite3* db, std::string* error)
{
    if (error)
        *error = sqlite3_errmsg(db);
    return false;
}

bool Exec(sqlite3* db, const char* sql, std::string* error)
{
    char* message = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    if (error)
        *error = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    return false;
}

sqlite3* OpenDb(const std::string& path, int flags, std::string* error)
{
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
        if (error)
            *error = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 2000);   // `carekiosk report` may read while the kiosk writes
    return db;
}

} // namespace

std::unique_ptr<InsightsStore> InsightsStore::Open(const std::string& path, std::string* error, QueryMask mask)
{
    static const int sodium_ready = sodium_init();   // idempotent and thread-safe
    (void)sodium_ready;
    std::error_code ec;
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty())
        std::filesystem::create_directories(parent, ec);
    sqlite3* db = OpenDb(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error);
    if (!db)
        return nullptr;
    std::unique_ptr<InsightsStore> store(new InsightsStore(db));
    chmod(path.c_str(), 0600);   // queries nobody answered are for staff, not other accounts
    store->mask_ = std::move(mask);
    if (!LoadOrCreateKey(KeyPath(path), &store->key_, error))
        return nullptr;
    // secure_delete: pruned days are overwritten, not left in free pages.
    if (!Exec(db, "PRAGMA secure_delete = ON;", error) || !Exec(db, kSchema, error)
        || !Exec(db, "PRAGMA quick_check;", error))
        return nullptr;
    return store;
}

std::unique_ptr<InsightsStore> InsightsStore::OpenReadOnly(const std::string& path, std::string* error)
{
    if (error)
        error->clear();
    struct stat info;
    if (stat(path.c_str(), &info) != 0)
        return nullptr;
    sqlite3* db = OpenDb(path, SQLITE_OPEN_READONLY, error);
    if (!db)
        return nullptr;
    std::unique_ptr<InsightsStore> store(new InsightsStore(db));
    Statement probe(db, "SELECT day, lang, kind, key, count FROM counts LIMIT 1;");
    if (!probe.Ok()) {
        Fail(db, error);
        return nullptr;
    }
    return store;
}

InsightsStore::~InsightsStore()
{
    sqlite3_close(db_);
}

bool InsightsStore::Add(const InsightCounts& counts, std::string* error)
{
    if (counts.empty())
        return true;
    if (!Exec(db_, "BEGIN;", error))
        return false;
    Statement upsert(db_, "INSERT INTO counts (day, lang, kind, key, count) VALUES (?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT (day, lang, kind, key) DO UPDATE SET count = count + excluded.count;");
    bool ok = upsert.Ok();
    for (auto it = counts.begin(); ok && it != counts.end(); ++it) {
        if (it->first.kind == InsightKind::SearchNoAnswer && it->first.key != kWithheldQuery) {
            ok = AddQuery(it->first, it->second, error);
            if (!ok) {
                Exec(db_, "ROLLBACK;", nullptr);
                return false;
            }
            continue;
        }
        upsert.Text(1, it->first.day);
        upsert.Text(2, it->first.lang);
        upsert.Text(3, InsightKindName(it->first.kind));
        upsert.Text(4, it->first.key);
        sqlite3_bind_int64(upsert.Get(), 5, it->second);
        ok = sqlite3_step(upsert.Get()) == SQLITE_DONE;
        sqlite3_reset(upsert.Get());
    }
    if (!ok) {
        Fail(db_, error);
        Exec(db_, "ROLLBACK;", nullptr);
        return false;
    }
    return Exec(db_, "COMMIT;", error);
}

// A query with no answer, `sessions` patient sessions more: counted under its
// hash until the threshold, then under its masked text. At release the
// sessions counted as withheld move to the text, on this day.
bool InsightsStore::AddQuery(const InsightKey& key, long long sessions, std::string* error)
{
    const std::string hash = KeyedHash(key_, key.lang, key.key);
    Statement find(db_, "SELECT sessions, released FROM pending WHERE hash = ?1 AND lang = ?2;");
    if (!find.Ok())
        return Fail(db_, error);
    find.Text(1, hash);
    find.Text(2, key.lang);
    long long before = 0;
    bool released = false;
    if (sqlite3_step(find.Get()) == SQLITE_ROW) {
        before = sqlite3_column_int64(find.Get(), 0);
        released = sqlite3_column_int(find.Get(), 1) != 0;
    }
    const long long after = before + sessions;
    const bool release = !released && after >= kQueryThreshold;
    Statement save(db_, "INSERT INTO pending (hash, lang, sessions, released, last_day) VALUES (?1, ?2, ?3, ?4, ?5)"
                        " ON CONFLICT (hash, lang) DO UPDATE SET sessions = excluded.sessions,"
                        " released = excluded.released, last_day = excluded.last_day;");
    if (!save.Ok())
        return Fail(db_, error);
    save.Text(1, hash);
    save.Text(2, key.lang);
    sqlite3_bind_int64(save.Get(), 3, after);
    sqlite3_bind_int(save.Get(), 4, released || release ? 1 : 0);
    save.Text(5, key.day);
    if (sqlite3_step(save.Get()) != SQLITE_DONE)
        return Fail(db_, error);

    InsightCounts counts;
    const InsightKey withheld{key.day, key.lang, InsightKind::SearchNoAnswer, kWithheldQuery};
    if (!released && !release) {
        counts[withheld] = sessions;
    } else {
        const std::string text = mask_ ? mask_(key.lang, key.key) : key.key;
        counts[InsightKey{key.day, key.lang, InsightKind::SearchNoAnswer, text.empty() ? kWithheldQuery : text}] =
            release ? after : sessions;
        if (release && before > 0)
            counts[withheld] = -before;
    }
    Statement upsert(db_, "INSERT INTO counts (day, lang, kind, key, count) VALUES (?1, ?2, ?3, ?4, ?5)"
                          " ON CONFLICT (day, lang, kind, key) DO UPDATE SET count = count + excluded.count;");
    for (const auto& [row, count] : counts) {
        upsert.Text(1, row.day);
        upsert.Text(2, row.lang);
        upsert.Text(3, InsightKindName(row.kind));
        upsert.Text(4, row.key);
        sqlite3_bind_int64(upsert.Get(), 5, count);
        if (sqlite3_step(upsert.Get()) != SQLITE_DONE)
            return Fail(db_, error);
        sqlite3_reset(upsert.Get());
    }
    return true;
}

bool InsightsStore::PruneBefore(const std::string& first_kept_day, const std::string& today, std::string* error)
{
    Statement prune(db_, "DELETE FROM counts WHERE day < ?1;");
    if (!prune.Ok())
        return Fail(db_, error);
    prune.Text(1, first_kept_day);
    if (sqlite3_step(prune.Get()) != SQLITE_DONE)
        return Fail(db_, error);
    Statement forget(db_, "DELETE FROM pending WHERE released = 0 AND last_day < ?1;");
    if (!forget.Ok())
        return Fail(db_, error);
    forget.Text(1, AddDays(today, -kPendingQueryDays));
    return sqlite3_step(forget.Get()) == SQLITE_DONE || Fail(db_, error);
}

std::string InsightsStore::KeyPath(const std::string& path)
{
    const size_t slash = path.rfind('/');
    return (slash == std::string::npos ? std::string() : path.substr(0, slash + 1)) + "insights.key";
}

bool InsightsStore::Forget(const std::string& path, std::string* error)
{
    bool ok = true;
    for (const std::string& file : {path, path + "-journal", path + "-wal", path + "-shm", KeyPath(path)}) {
        if (unlink(file.c_str()) != 0 && errno != ENOENT) {
            *error = file + ": " + std::strerror(errno);
            ok = false;
        }
    }
    return ok;
}

bool InsightsStore::Read(const std::string& first_day, const std::string& last_day, std::vector<InsightRow>* rows,
                         std::string* error) const
{
    Statement read(db_, "SELECT lang, kind, key, SUM(count) FROM counts WHERE day >= ?1 AND day <= ?2"
                        " GROUP BY lang, kind, key;");
    if (!read.Ok())
        return Fail(db_, error);
    read.Text(1, first_day);
    read.Text(2, last_day);
    rows->clear();
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(read.Get())) == SQLITE_ROW) {
        InsightRow row;
        if (!InsightKindFromName(read.Column(1), &row.kind))
            continue;   // a kind from a newer version
        row.lang = read.Column(0);
        row.key = read.Column(2);
        row.count = sqlite3_column_int64(read.Get(), 3);
        rows->push_back(std::move(row));
    }
    return step == SQLITE_DONE || Fail(db_, error);
}

bool InsightsStore::Days(std::vector<std::string>* days, std::string* error) const
{
    Statement read(db_, "SELECT DISTINCT day FROM counts ORDER BY day;");
    if (!read.Ok())
        return Fail(db_, error);
    days->clear();
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(read.Get())) == SQLITE_ROW)
        days->push_back(read.Column(0));
    return step == SQLITE_DONE || Fail(db_, error);
}

std::string FirstKeptDay(const std::string& today, int keep_days)
{
    return AddDays(today, -long(std::max(1, keep_days) - 1));
}

// ---------------------------------------------------------------------------
// [SECTION] Summary and report
// ---------------------------------------------------------------------------

namespace {

void SortTop(std::vector<InsightsTop>* list, int top)
{
    std::sort(list->begin(), list->end(), [](const InsightsTop& a, const InsightsTop& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (int(list->size()) > top)
        list->resize(size_t(std::max(0, top)));
}

std::string LanguageTitle(const Content& content, const std::string& lang)
{
    const std::string name = UiString(content, lang, "language_name");
    return name.empty() || name == lang ? lang : name + " (" + lang + ")";
}

void AppendTop(std::string* out, const char* heading, const std::vector<InsightsTop>& list, const Content& content,
               const std::string& lang, InsightKind kind)
{
    *out += std::string("  ") + heading + "\n";
    char count[32];
    if (list.empty()) {
        std::snprintf(count, sizeof count, "    %6s\n", "-");
        *out += count;
    }
    for (const InsightsTop& item : list) {
        std::snprintf(count, sizeof count, "    %6lld  ", item.count);
        *out += count + InsightLabel(content, lang, kind, item.key) + "\n";
    }
}

const char* const kTotalLabels[kInsightKindCount] = {"Page views", "FAQ entries opened", "Searches",
                                                     "Searches with no answer", "Read aloud", "Idle resets"};

} // namespace

InsightsSummary SummariseInsights(const std::vector<InsightRow>& rows, const std::vector<std::string>& order, int top)
{
    std::map<std::string, LanguageInsights> by_lang;
    for (const InsightRow& row : rows) {
        LanguageInsights& lang = by_lang[row.lang];
        lang.lang = row.lang;
        lang.totals[size_t(row.kind)] += row.count;
        if (row.kind == InsightKind::PageView)
            lang.pages.push_back({row.key, row.count});
        else if (row.kind == InsightKind::FaqOpen)
            lang.questions.push_back({row.key, row.count});
        else if (row.kind == InsightKind::SearchNoAnswer)
            lang.unanswered.push_back({row.key, row.count});
    }
    InsightsSummary summary;
    for (const std::string& lang : order) {
        auto it = by_lang.find(lang);
        if (it == by_lang.end())
            continue;
        summary.languages.push_back(std::move(it->second));
        by_lang.erase(it);
    }
    for (auto& [lang, insights] : by_lang)
        summary.languages.push_back(std::move(insights));
    for (LanguageInsights& lang : summary.languages) {
        SortTop(&lang.pages, top);
        SortTop(&lang.questions, top);
        SortTop(&lang.unanswered, top);
    }
    return summary;
}

bool ReadInsightsSummary(const InsightsStore& store, const std::string& today, int days,
                         const std::vector<std::string>& order, int top, InsightsSummary* summary,
                         std::string* error)
{
    std::vector<InsightRow> rows;
    const std::string first = FirstKeptDay(today, days);
    if (!store.Read(first, today, &rows, error))
        return false;
    *summary = SummariseInsights(rows, order, top);
    summary->first_day = first;
    summary->last_day = today;
    return true;
}

std::string InsightLabel(const Content& content, const std::string& lang, InsightKind kind, const std::string& key)
{
    std::string id = key;
    if (kind == InsightKind::ReadAloud) {   // "page:<id>" or "faq:<id>"
        const size_t colon = key.find(':');
        kind = key.compare(0, colon, "faq") == 0 ? InsightKind::FaqOpen : InsightKind::PageView;
        id = colon == std::string::npos ? key : key.substr(colon + 1);
    }
    if (kind == InsightKind::PageView)
        if (const Page* page = content.FindPage(lang, id))
            return page->title;
    if (kind == InsightKind::FaqOpen)
        if (const FaqEntry* entry = content.FindFaq(lang, id))
            return entry->question;
    if (kind == InsightKind::SearchNoAnswer && key == kWithheldQuery)
        return "other unanswered searches (shown once " + std::to_string(kQueryThreshold) + " patients ask)";
    return id;
}

std::string FormatInsightsReport(const InsightsSummary& summary, const Content& content)
{
    std::string out = "Insights for " + content.config.clinic_name + ", " + summary.first_day + " to "
                      + summary.last_day + "\n";
    if (summary.Empty())
        return out + "no data yet\n";
    char line[96];
    for (const LanguageInsights& lang : summary.languages) {
        out += "\n" + LanguageTitle(content, lang.lang) + "\n";
        for (int i = 0; i < kInsightKindCount; i++) {
            std::snprintf(line, sizeof line, "  %-24s %6lld\n", kTotalLabels[i], lang.totals[size_t(i)]);
            out += line;
        }
        AppendTop(&out, "Most viewed pages", lang.pages, content, lang.lang, InsightKind::PageView);
        AppendTop(&out, "Most opened questions", lang.questions, content, lang.lang, InsightKind::FaqOpen);
        AppendTop(&out, "Top queries with no answer", lang.unanswered, content, lang.lang,
                  InsightKind::SearchNoAnswer);
    }
    return out;
}

std::string InsightsReportJson(const InsightsSummary& summary, const Content& content)
{
    using nlohmann::json;
    json languages = json::array();
    for (const LanguageInsights& lang : summary.languages) {
        json totals = json::object();
        for (int i = 0; i < kInsightKindCount; i++)
            totals[kKindNames[i]] = lang.totals[size_t(i)];
        auto list = [&](const std::vector<InsightsTop>& top, InsightKind kind, const char* key_name) {
            json items = json::array();
            for (const InsightsTop& item : top) {
                json entry = {{key_name, item.key}, {"count", item.count}};
                if (kind != InsightKind::SearchNoAnswer)
                    entry["title"] = InsightLabel(content, lang.lang, kind, item.key);
                items.push_back(std::move(entry));
            }
            return items;
        };
        languages.push_back({{"lang", lang.lang},
                             {"totals", totals},
                             {"pages", list(lang.pages, InsightKind::PageView, "id")},
                             {"questions", list(lang.questions, InsightKind::FaqOpen, "id")},
                             {"unanswered", list(lang.unanswered, InsightKind::SearchNoAnswer, "query")}});
    }
    const json report = {{"first_day", summary.first_day}, {"last_day", summary.last_day}, {"languages", languages}};
    return report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// ---------------------------------------------------------------------------
// [SECTION] Recorder (worker thread)
// ---------------------------------------------------------------------------

InsightsRecorder::InsightsRecorder(InsightsSettings settings, std::function<void()> wake)
    : settings_(std::move(settings)), wake_(std::move(wake)), counter_(settings_.today)
{
    worker_ = std::thread([this] { Work(); });
}

InsightsRecorder::~InsightsRecorder()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
}

void InsightsRecorder::RequestFlush()
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        flush_asked_ = true;
    }
    changed_.notify_all();
}

void InsightsRecorder::FlushAndWait()
{
    std::unique_lock<std::mutex> lock(mutex_);
    flush_asked_ = true;
    // A flush already running may have taken the counts before the caller's
    // last ones: wait for one that starts after this call.
    const long wanted = flushes_done_ + (busy_ ? 2 : 1);
    changed_.notify_all();
    changed_.wait(lock, [&] { return flushes_done_ >= wanted || stopped_; });
}

void InsightsRecorder::RequestSummary(int days, std::vector<std::string> order, int top)
{
    {
        std::lock_guard<std::mutex> lock(mutex_);
        summary_asked_ = true;
        summary_days_ = days;
        summary_order_ = std::move(order);
        summary_top_ = top;
    }
    changed_.notify_all();
}

bool InsightsRecorder::TakeSummary(InsightsSummary* summary)
{
    std::lock_guard<std::mutex> lock(mutex_);
    if (!summary_ready_)
        return false;
    *summary = std::move(summary_);
    summary_ready_ = false;
    return true;
}

bool InsightsRecorder::Failed() const
{
    std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
}

// Worker: writes what the counter holds, and prunes when the day changed.
void InsightsRecorder::FlushPending()
{
    if (!store_)
        return;
    std::string error;
    const InsightCounts counts = counter_.Take();
    bool ok = store_->Add(counts, &error);
    const std::string today = settings_.today();
    if (ok && today != pruned_day_) {
        ok = store_->PruneBefore(FirstKeptDay(today, settings_.keep_days), today, &error);
        pruned_day_ = today;
    }
    if (ok)
        return;
    std::fprintf(stderr, "carekiosk: insights are off from now on: %s cannot be written (%s)\n",
                 settings_.path.c_str(), error.c_str());
    store_.reset();
    counter_.Stop();
    std::lock_guard<std::mutex> lock(mutex_);
    failed_ = true;
}

void InsightsRecorder::Work()
{
    std::string error;
    store_ = InsightsStore::Open(settings_.path, &error, settings_.mask);
    if (!store_) {
        std::fprintf(stderr, "carekiosk: insights are off: %s cannot be opened (%s)\n", settings_.path.c_str(),
                     error.c_str());
        counter_.Stop();
        std::lock_guard<std::mutex> lock(mutex_);
        failed_ = true;
    }
    FlushPending();   // prunes old days at start-up
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait_for(lock, std::chrono::duration<double>(settings_.flush_seconds),
                          [&] { return stop_ || flush_asked_ || summary_asked_; });
        const bool stop = stop_, summarise = summary_asked_;
        const int days = summary_days_, top = summary_top_;
        const std::vector<std::string> order = summary_order_;
        flush_asked_ = summary_asked_ = false;
        busy_ = true;
        lock.unlock();

        InsightsSummary summary;
        try {
            FlushPending();
            if (summarise && store_ &&
                !ReadInsightsSummary(*store_, settings_.today(), days, order, top, &summary, &error))
                summary = InsightsSummary();   // a failed read shows as no data; the next flush reports the file
        } catch (...) {
            ReportEscaped("recording the insights", "these counts are lost; counting goes on");
            summary = InsightsSummary();
        }

        lock.lock();
        busy_ = false;
        flushes_done_++;
        if (summarise) {
            summary_ = std::move(summary);
            summary_ready_ = true;
        }
        if (stop)
            stopped_ = true;
        changed_.notify_all();
        if (summarise && wake_)
            wake_();
        if (stop)
            return;
    }
}

// ---------------------------------------------------------------------------
// [SECTION] Watching the session
// ---------------------------------------------------------------------------

void SessionInsights::NoteIntent(const Intent& intent, const Session& session)
{
    const Route& route = session.Current();
    switch (intent.kind) {
    case IntentKind::OpenPage:
        if (route.screen == Screen::Page && route.id == intent.text)
            counter_->Count(session.Language(), InsightKind::PageView, route.id);
        break;
    case IntentKind::OpenFaq:
    case IntentKind::ToggleFaqEntry:
        // Only an entry that is now expanded; collapsing one is not an open.
        if (!intent.text.empty() && route.screen == Screen::Faq && route.id == intent.text)
            counter_->Count(session.Language(), InsightKind::FaqOpen, route.id);
        break;
    default:
        break;
    }
}

void SessionInsights::NoteReadAloud(const std::string& lang, const std::string& target)
{
    if (!target.empty())
        counter_->Count(lang, InsightKind::ReadAloud, target);
}

void SessionInsights::CountIfSettled(double now, bool left)
{
    Watched& w = watched_;
    if (w.counted || !w.known || (!left && now - w.since < settle_seconds_) || NormaliseQuery(w.query).empty())
        return;
    counter_->Count(w.lang, InsightKind::Search);
    const std::string key = NormaliseQuery(w.query);
    if (w.no_answer && (key == kWithheldQuery || session_queries_.insert(w.lang + '\x1f' + key).second))
        counter_->Count(w.lang, InsightKind::SearchNoAnswer, key);
    w.counted = true;
}

void SessionInsights::NoteFrame(const Session& session, const SearchOutcome& search, double now)
{
    const bool reset = reset_count_ >= 0 && session.ResetCount() != reset_count_;
    if (reset)
        counter_->Count(language_, InsightKind::IdleReset);
    const bool on_search = !reset && session.Current().screen == Screen::Search;
    const bool same = on_search && session.Language() == watched_.lang && session.Query() == watched_.query;
    if (!same) {
        // The query the patient had ended: it counts if they left the screen
        // with it, or kept it long enough before typing on (the kiosk draws
        // no frames while nobody touches it, so the time is checked now).
        CountIfSettled(now, !on_search);
        if (on_search || reset)
            watched_ = Watched{session.Language(), session.Query(), now};
    }
    if (on_search && search.known && search.lang == watched_.lang && search.query == watched_.query) {
        watched_.known = true;
        watched_.no_answer = search.no_answer;
    }
    if (on_search)
        CountIfSettled(now, false);
    // An idle reset or Home ends this patient's session: the next one's
    // queries count again, and this one's are no longer held in memory.
    if (reset || session.Current().screen == Screen::Home)
        session_queries_.clear();
    reset_count_ = session.ResetCount();
    language_ = session.Language();
}

std::string InsightsPath(const std::string& cache_dir)
{
    const std::string dir = cache_dir.empty() ? DefaultSearchCacheDir() : cache_dir;
    return dir.empty() ? std::string() : dir + "/insights.sqlite";
}

} // namespace ck
