// Shared between the search source files only: the per-language index and
// the text helpers both the indexer and the query side must agree on.
#pragma once
#include "core/search.h"
#include <xapian.h>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace ck {

namespace search_detail {

// Bumped whenever the way documents are indexed changes, so that old caches
// are rebuilt rather than misread.
constexpr int kIndexFormatVersion = 4;

// Term prefix of the title field (FAQ question, page title); stemmed title
// terms are "ZS...".
constexpr const char* kTitlePrefix = "S";

// Document data layout: kind, id, title and plain text separated by kDataSep.
constexpr char kDataSep = '\x1f';

struct Word {
    std::string folded;   // FoldForSearch() of the word
    int begin = 0;        // byte range in the original text
    int end = 0;
};

// Words as Xapian's TermGenerator sees them (word characters, with an
// apostrophe kept between letters), each folded.
std::vector<Word> SplitWords(const std::string& text);

bool IsStopWord(const std::string& lang, const std::string& folded_word);

// Xapian stemmer for a BCP 47 tag ("pt-BR" -> portuguese); `*found` false and
// a no-op stemmer when the language has none.
Xapian::Stem StemmerFor(const std::string& lang, bool* found);

// Common patient words for skin treatments, per language (lay word ->
// terms). Keys and terms may have several words. Folded already.
const std::map<std::string, std::vector<std::string>>& BuiltinSynonyms(const std::string& lang);

// Damerau-Levenshtein distance, giving up (returns limit + 1) once it
// exceeds `limit`.
int EditDistance(const std::string& a, const std::string& b, int limit);

} // namespace search_detail

// One language: the Xapian database and what the query side needs beside it.
struct SearchIndex::LangIndex {
    IndexInfo info;
    mutable std::mutex mutex;        // Xapian handles are not thread-safe
    Xapian::Database db;
    Xapian::Stem stemmer;
    bool has_stemmer = false;
    bool has_spelling = false;       // the backend keeps a spelling table
    // Synonyms keyed by the stems of the lay words joined by ' '; each value
    // is a list of alternatives, each a list of folded words.
    std::map<std::string, std::vector<std::vector<std::string>>> synonyms;
    size_t longest_synonym_key = 1;  // in words
    std::vector<std::string> lay_words;     // one-word synonym keys, also offered as corrections
    std::vector<std::string> suggestions;   // FAQ ids offered when no_answer
    // Every unstemmed term with its frequency, for the fuzzy fallback; loaded
    // on first use.
    mutable std::vector<std::pair<std::string, Xapian::doccount>> vocabulary;
    mutable bool vocabulary_loaded = false;

    std::string StemTerm(const std::string& folded_word) const;   // "Z..." or the word
};

} // namespace ck
