// Word lists the search engine ships with (assets/search/): the lay
// vocabulary per language, for English a table generated from WordNet, and
// for English and Spanish a list of words as they are spelt.
//
// Rules a caller must know:
// - Nothing here throws. A missing or broken file gives an empty list and a
//   plain-English problem string; search then works on the content's own
//   words and the clinic's synonyms.
// - WordTable memory-maps its file read-only: lookups touch a few pages of
//   the page cache and allocate nothing, so the 8 MB table costs no heap.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ck::search_detail {

// One-way expansions: a lay word or phrase (folded, words joined by ' ') ->
// what it also finds. Groups are stored as every member finding the others.
using Expansions = std::map<std::string, std::vector<std::string>>;

// Reads assets/search/lay_terms_<primary language>.json. `*problem` is set
// (and the result empty) when the file is missing or malformed; a language
// without a file is not a problem.
Expansions LoadLayTerms(const std::string& assets_dir, const std::string& lang, std::string* problem);

// A sorted "word<TAB>synonyms<TAB>related forms<TAB>broader terms" file,
// columns '|'-separated (scripts/make-wordnet-table.py writes it).
class WordTable {
public:
    enum Column { Synonyms = 0, Forms = 1, Broader = 2 };

    // Null, with `*problem` set, when the file cannot be mapped.
    static std::shared_ptr<const WordTable> Open(const std::string& path, std::string* problem);
    ~WordTable();

    bool Contains(std::string_view word) const { return !Line(word).empty(); }
    // Calls `visit` with each word starting with `prefix`, in order, until
    // it returns false.
    void ForEachStartingWith(std::string_view prefix, const std::function<bool(std::string_view)>& visit) const;
    // The entries of one column for `word` (empty when it has none).
    std::vector<std::string> Related(std::string_view word, Column column) const;

private:
    WordTable() = default;
    std::string_view Line(std::string_view word) const;   // the whole line, "" if absent
    size_t LowerBound(std::string_view word) const;       // where the first line not before `word` starts
    std::string_view LineAt(size_t start) const;          // the line starting at byte `start`

    const char* data_ = nullptr;
    size_t size_ = 0;
};

// The English table shared by every index of this process (it is the same
// file for all of them); null when assets_dir has none.
std::shared_ptr<const WordTable> SharedWordNet(const std::string& assets_dir, std::string* problem);

// The word list of `lang` ("en" or "es"), inflections included and accents
// folded (scripts/make-word-list.py): a WordTable of one column, asked only
// whether it contains a word. Shared as SharedWordNet() is.
std::shared_ptr<const WordTable> SharedWordList(const std::string& assets_dir, const std::string& lang,
                                                std::string* problem);

} // namespace ck::search_detail
