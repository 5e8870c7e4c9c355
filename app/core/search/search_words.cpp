// Word lists for search: lay terms (JSON) and the WordNet table (mapped).
#include "search/search_words.h"
#include "search/search.h"
#include "search/search_internal.h"
#include <nlohmann/json.hpp>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>

namespace ck::search_detail {

namespace {

// Folded words joined by single spaces: the form keys are matched in.
std::string NormalPhrase(const std::string& text)
{
    std::string phrase;
    for (const Word& word : SplitWords(text))
        phrase += (phrase.empty() ? "" : " ") + word.folded;
    return phrase;
}

void AddGroup(const nlohmann::json& group, Expansions* out)
{
    std::vector<std::string> members;
    for (const nlohmann::json& item : group)
        if (item.is_string())
            if (std::string phrase = NormalPhrase(item.get<std::string>()); !phrase.empty())
                members.push_back(std::move(phrase));
    for (const std::string& key : members)
        for (const std::string& other : members)
            if (other != key)
                (*out)[key].push_back(other);
}

} // namespace

Expansions LoadLayTerms(const std::string& assets_dir, const std::string& lang, std::string* problem)
{
    Expansions expansions;
    const std::string primary = PrimaryLanguage(lang);
    const std::string path = assets_dir + "/search/lay_terms_" + primary + ".json";
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        struct stat info;
        if (stat(path.c_str(), &info) == 0)
            *problem = path + ": the lay word list cannot be read";
        return expansions;   // no list for this language is normal
    }
    std::stringstream text;
    text << file.rdbuf();
    const nlohmann::json root = nlohmann::json::parse(text.str(), nullptr, false);
    if (root.is_discarded() || !root.is_object()) {
        *problem = path + ": the lay word list is not valid JSON and is ignored";
        return expansions;
    }
    if (auto groups = root.find("groups"); groups != root.end() && groups->is_array())
        for (const nlohmann::json& group : *groups)
            if (group.is_array())
                AddGroup(group, &expansions);
    if (auto means = root.find("means"); means != root.end() && means->is_object())
        for (auto it = means->begin(); it != means->end(); ++it) {
            const std::string key = NormalPhrase(it.key());
            if (key.empty() || !it.value().is_array())
                continue;
            for (const nlohmann::json& item : it.value())
                if (item.is_string())
                    if (std::string phrase = NormalPhrase(item.get<std::string>()); !phrase.empty())
                        expansions[key].push_back(std::move(phrase));
        }
    return expansions;
}

std::shared_ptr<const WordTable> WordTable::Open(const std::string& path, std::string* problem)
{
    const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *problem = path + ": this word table is missing; search works without it";
        return nullptr;
    }
    struct stat info;
    std::shared_ptr<WordTable> table(new WordTable());
    if (fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
        void* map = mmap(nullptr, static_cast<size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
        if (map != MAP_FAILED) {
            table->data_ = static_cast<const char*>(map);
            table->size_ = static_cast<size_t>(info.st_size);
        }
    }
    close(fd);
    if (!table->data_) {
        *problem = path + ": this word table cannot be read; search works without it";
        return nullptr;
    }
    return table;
}

WordTable::~WordTable()
{
    if (data_)
        munmap(const_cast<char*>(data_), size_);
}

std::string_view WordTable::Line(std::string_view word) const
{
    if (word.empty() || word.find('\t') != std::string_view::npos)
        return {};
    const std::string_view line = LineAt(LowerBound(word));
    return line.substr(0, line.find('\t')) == word ? line : std::string_view();
}

std::string_view WordTable::LineAt(size_t start) const
{
    if (start >= size_)
        return {};
    const std::string_view all(data_, size_);
    const size_t end = all.find('\n', start);
    return all.substr(start, (end == std::string_view::npos ? size_ : end) - start);
}

// Binary search over the sorted lines: jump to the middle byte, back up to
// the start of its line, compare the key. The header ('#') sorts first.
size_t WordTable::LowerBound(std::string_view word) const
{
    const std::string_view all(data_, size_);
    size_t low = 0, high = size_;
    while (low < high) {
        const size_t mid = low + (high - low) / 2;
        size_t start = all.rfind('\n', mid == 0 ? 0 : mid - 1);
        start = (start == std::string_view::npos || mid == 0) ? 0 : start + 1;
        if (start < low)
            start = low;
        const std::string_view line = LineAt(start);
        if (line.empty() || line[0] == '#' || line.substr(0, line.find('\t')) < word)
            low = std::min(start + line.size() + 1, size_);
        else
            high = start;
    }
    return low;
}

void WordTable::ForEachStartingWith(std::string_view prefix,
                                    const std::function<bool(std::string_view)>& visit) const
{
    for (size_t at = prefix.empty() ? size_ : LowerBound(prefix); at < size_;) {
        const std::string_view line = LineAt(at);
        const std::string_view key = line.substr(0, line.find('\t'));
        if (key.substr(0, prefix.size()) != prefix || !visit(key))
            return;
        at += line.size() + 1;
    }
}

std::vector<std::string> WordTable::Related(std::string_view word, Column column) const
{
    std::vector<std::string> related;
    std::string_view line = Line(word);
    if (line.empty())
        return related;
    for (int skip = 0; skip <= static_cast<int>(column); skip++) {
        const size_t tab = line.find('\t');
        if (tab == std::string_view::npos)
            return related;
        line.remove_prefix(tab + 1);
    }
    line = line.substr(0, line.find('\t'));
    while (!line.empty()) {
        const size_t bar = line.find('|');
        const std::string_view item = line.substr(0, bar);
        if (!item.empty())
            related.emplace_back(item);
        if (bar == std::string_view::npos)
            break;
        line.remove_prefix(bar + 1);
    }
    return related;
}

namespace {

std::shared_ptr<const WordTable> SharedTable(const std::string& path, std::string* problem)
{
    static std::mutex mutex;
    static std::map<std::string, std::weak_ptr<const WordTable>> open_tables;
    std::lock_guard<std::mutex> lock(mutex);
    if (auto table = open_tables[path].lock())
        return table;
    std::shared_ptr<const WordTable> table = WordTable::Open(path, problem);
    open_tables[path] = table;
    return table;
}

} // namespace

std::shared_ptr<const WordTable> SharedWordNet(const std::string& assets_dir, std::string* problem)
{
    return SharedTable(assets_dir + "/search/wordnet_en.tsv", problem);
}

std::shared_ptr<const WordTable> SharedWordList(const std::string& assets_dir, const std::string& lang,
                                                std::string* problem)
{
    return SharedTable(assets_dir + "/search/words_" + lang + ".txt", problem);
}

} // namespace ck::search_detail
