// Anonymous use counts for staff: what is counted and how it is written
// down (kinds, days, the privacy rules for query text) and the in-memory
// counter the kiosk adds to. The SQLite file is in insights_store.cpp, the
// worker that writes it in insights_recorder.cpp, what is counted from a
// patient's session in insights_session.cpp, the report in
// insights_report.cpp. See insights.h.
#include "insights/insights.h"
#include "base/utf8.h"
#include <algorithm>
#include <cstring>
#include <ctime>

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Kinds, days and query text
// ---------------------------------------------------------------------------

namespace {

const char* const kKindNames[kInsightKindCount] = {"page_view", "faq_open", "search", "search_no_answer",
                                                   "read_aloud", "idle_reset", "video_play", "video_reached"};

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

} // namespace ck
