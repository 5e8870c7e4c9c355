// Helpers shared by the parsers of the content folder's files (the parsers
// themselves are in parse_*.cpp, one file format each) and by the loader:
// line and column lookup, did-you-mean hints, date and language checks, and
// the clean-up and message wording every parser uses.
#include "content/content_parse.h"
#include "content/content_parse_internal.h"
#include <algorithm>
#include <cctype>

namespace ck {

LineIndex::LineIndex(std::string_view text) : text_(text)
{
    line_starts_.push_back(0);
    for (size_t i = 0; i < text.size(); i++)
        if (text[i] == '\n')
            line_starts_.push_back(i + 1);
}

int LineIndex::Line(size_t offset) const
{
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    return static_cast<int>(it - line_starts_.begin());
}

int LineIndex::Column(size_t offset) const
{
    const size_t start = line_starts_[Line(offset) - 1];
    offset = std::min(offset, text_.size());
    int column = 1;
    for (size_t i = start; i < offset; i++)
        if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80)   // skip UTF-8 continuation bytes
            column++;
    return column;
}

size_t LineIndex::Find(std::string_view needle, int from_line) const
{
    if (needle.empty() || from_line < 1 || from_line > static_cast<int>(line_starts_.size()))
        return std::string_view::npos;
    return text_.find(needle, line_starts_[from_line - 1]);
}

int LineIndex::FindLine(std::string_view needle, int from_line) const
{
    const size_t pos = Find(needle, from_line);
    return pos == std::string_view::npos ? 0 : Line(pos);
}

// Optimal string alignment distance: Levenshtein plus swapped neighbours,
// the commonest typo ("titel", "bakc").
int EditDistance(std::string_view a, std::string_view b)
{
    const size_t width = b.size() + 1;
    std::vector<int> d((a.size() + 1) * width);
    auto at = [&](size_t i, size_t j) -> int& { return d[i * width + j]; };
    for (size_t i = 0; i <= a.size(); i++)
        at(i, 0) = static_cast<int>(i);
    for (size_t j = 0; j <= b.size(); j++)
        at(0, j) = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); i++) {
        for (size_t j = 1; j <= b.size(); j++) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    }
    return at(a.size(), b.size());
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& choices)
{
    // A third of the word may be wrong, at most 3 letters: closer than that is a typo,
    // further is a different word.
    const int limit = std::min(3, std::max(1, static_cast<int>(word.size()) / 3));
    std::string best;
    int best_distance = limit + 1;
    for (const std::string& choice : choices) {
        const int d = EditDistance(word, choice);
        if (d < best_distance) {
            best_distance = d;
            best = choice;
        }
    }
    return best;
}

bool IsIsoDate(std::string_view text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (text[i] < '0' || text[i] > '9')
            return false;
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const int month = std::stoi(std::string(text.substr(5, 2)));
    const int day = std::stoi(std::string(text.substr(8, 2)));
    static const int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (year < 1900 || month < 1 || month > 12 || day < 1)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days_in_month[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool IsLanguageTag(std::string_view text)
{
    // BCP 47 in the shape clinics use: "en", "es", "pt-BR", "zh-Hant".
    size_t i = 0;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
        i++;
    if (i < 2 || i > 3)
        return false;
    while (i < text.size()) {
        if (text[i] != '-')
            return false;
        size_t j = ++i;
        while (j < text.size() && std::isalnum(static_cast<unsigned char>(text[j])))
            j++;
        if (j - i < 2 || j - i > 8)
            return false;
        i = j;
    }
    return true;
}

namespace parse_detail {

std::string NormaliseText(std::string_view text)
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); i++) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
            continue;
        out += text[i];
    }
    return out;
}

std::string Quote(std::string_view text)
{
    return "\"" + std::string(text) + "\"";
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& choices)
{
    const std::string close = ClosestMatch(word, choices);
    return close.empty() ? std::string() : " (did you mean " + Quote(close) + "?)";
}

std::string UnknownKeyMessage(std::string_view key, const std::vector<std::string>& known)
{
    return "unknown key " + Quote(key) + " is ignored" + DidYouMean(key, known);
}

std::string JoinList(const std::vector<std::string>& items)
{
    std::string out;
    for (const std::string& item : items)
        out += (out.empty() ? "" : ", ") + item;
    return out;
}

} // namespace parse_detail

} // namespace ck
