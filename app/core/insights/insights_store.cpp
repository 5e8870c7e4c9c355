// The SQLite file of the use counts, and the key beside it that hashes
// queries nobody answered until enough patients typed them. Rows are only
// ever day totals; see insights.h for what is kept and for how long.
#include "insights/insights.h"
#include "search/search.h"   // DefaultSearchCacheDir
#include <sodium.h>
#include <sqlite3.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>

namespace ck {

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

std::string InsightsPath(const std::string& cache_dir)
{
    const std::string dir = cache_dir.empty() ? DefaultSearchCacheDir() : cache_dir;
    return dir.empty() ? std::string() : dir + "/insights.sqlite";
}

} // namespace ck
