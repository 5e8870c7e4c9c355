// Shared between the search source files only: the per-language index and
// the text helpers both the indexer and the query side must agree on.
#pragma once
#include "search/search.h"
#include "search/search_words.h"
#include <xapian.h>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ck {

namespace search_detail {

// Bumped whenever the way documents are indexed changes, so that old caches
// are rebuilt rather than misread.
constexpr int kIndexFormatVersion = 7;

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

// A stored text's words and the term each is indexed under (StemTerm()):
// the checks after BM25 look every word up by both, key after key.
struct SplitText {
    std::vector<Word> words;
    std::vector<std::string> stems;   // one per word
};

bool IsStopWord(const std::string& lang, const std::string& folded_word);
const std::set<std::string>& StopWords(const std::string& lang);   // the whole list; empty for none

// Words that place a question rather than name its topic: when (after,
// before, during) and where on the body (face, eyes, skin). Empty for a
// language without lists.
enum class ContextKind { TimeRelation, BodyPart };
const std::vector<std::string>& ContextWords(const std::string& lang, ContextKind kind);

// words[i] only frames a question ("is that normal", "¿es grave?", "last year").
bool IsFrameWord(const std::string& lang, const std::vector<Word>& words, size_t i);
// The words that frame a question after a lead ("normal", "grave"); empty
// for a language without lists.
const std::set<std::string>& FrameWords(const std::string& lang);

// What kind of answer a text asks for, from its question words: "who",
// "when", "how long", "how much", "cuanto", ... (folded, a "how" joined to
// the word after it). Empty for a language without a list.
std::vector<std::string> QuestionWords(const std::string& lang, const std::vector<Word>& words);

// Xapian stemmer for a BCP 47 tag ("pt-BR" -> portuguese); `*found` false and
// a no-op stemmer when the language has none.
Xapian::Stem StemmerFor(const std::string& lang, bool* found);

// The language of a BCP 47 tag without its region: "es-MX" -> "es".
std::string PrimaryLanguage(const std::string& lang);

// How a folded Spanish word sounds: b and v, c, s and z before e and i, g
// and j before e and i, ll and y, a silent h, m and n before b and p, and
// doubled letters each written one way ("bino" and "vino", "oras" and
// "horas", "canselar" and "cancelar" sound the same).
std::string SpanishSound(const std::string& folded_word);

// Spanish verbs whose stem vowel changes ("doler", "duele"): per verb, its
// infinitive and one folded form for each other stem it takes.
std::vector<std::vector<std::string>> SpanishStemChanges();

// What a Spanish diminutive may be the diminutive of, folded: "granitos" ->
// "granos", "cafecito" -> "cafe", "poquito" -> "poco". Guesses: use only
// those the content holds.
std::vector<std::string> SpanishDiminutiveBases(const std::string& folded_word);

// Damerau-Levenshtein distance, giving up (returns limit + 1) once it
// exceeds `limit`. With `to_prefix`, the distance from `a` to the nearest
// start of `b` ("alcho" is one from "alco", the start of "alcohol").
int EditDistance(const std::string& a, const std::string& b, int limit, bool to_prefix = false);

struct PlannedWord;   // search_query_internal.h

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
    // is a list of alternatives: folded words that must all match, and how
    // much a match through them counts (the clinic's own synonyms count in
    // full, the shipped lay words a little less).
    struct Synonym {
        std::vector<std::string> words;
        double factor = 1.0;
    };
    std::map<std::string, std::vector<Synonym>> synonyms;
    // The lay phrases of two or more words ("cold sores", "blood thinners"),
    // listed under each stem they hold: a document's "sore" may be only the
    // "sores" of "cold sores", which is not pain.
    struct LayPhrase {
        std::vector<std::string> stems;   // every word's StemTerm(), as in SplitText
        std::vector<std::string> terms;   // without its stop words, as in an Alternative
    };
    std::unordered_map<std::string, std::vector<std::shared_ptr<const LayPhrase>>> phrases_holding;
    // English: WordNet's synonyms, related forms and broader terms (null
    // for other languages, or when the assets are missing).
    std::shared_ptr<const search_detail::WordTable> wordnet;
    // English and Spanish: the words as spelt, inflections included, accents
    // folded (null for other languages, or when the assets are missing).
    // English asks it with WordNet whether a word is real (DictionaryWord());
    // Spanish only before fixing a word through its stem.
    std::shared_ptr<const search_detail::WordTable> spelling;
    size_t longest_synonym_key = 1;  // in words
    std::vector<std::string> lay_words;     // one-word synonym keys, also offered as corrections
    // The words of the longer keys ("cara colorada"), filler aside, each
    // once: targets of a slip that breaks such a phrase (LayPhraseSlip()).
    std::vector<std::string> lay_phrase_words;
    std::vector<std::string> suggestions;   // FAQ ids offered when no_answer
    // Every unstemmed term with its frequency for the fuzzy fallback, keyed
    // by first byte and sorted by length, so a lookup scans only the words
    // that could be close. Loaded on the first correction, not at open.
    struct VocabularyWord {
        std::string word;
        std::string stem;     // its stem term, once FindStemCorrection() needs it ("" before)
        Xapian::doccount freq = 0;
        size_t order = 0;     // in term order, lay words last: breaks ties
    };
    mutable std::unordered_map<char, std::vector<VocabularyWord>> vocabulary;
    mutable bool vocabulary_loaded = false;
    // Every term but the title field's, with its document frequency: a
    // query asks whether a word or a stem is in the content dozens of times
    // (each lay word, form and slip), and a B-tree lookup per question
    // reads the index's pages again each time. Loaded on the first such question;
    // a clinic's content has a few thousand terms.
    mutable std::unordered_map<std::string, Xapian::doccount> term_freqs;
    mutable bool term_freqs_loaded = false;
    Xapian::doccount TermFreq(const std::string& term) const;
    // Spanish: the content's most frequent word for each sound
    // (SpanishSound()), loaded with the vocabulary. Empty in other languages.
    mutable std::unordered_map<std::string, std::string> word_by_sound;
    // Spanish: per stem of a verb whose stem vowel changes ("Zduel"), forms
    // of the same verb with the other stems ("doler"). Built on first use.
    mutable std::unordered_map<std::string, std::vector<std::string>> verb_forms;
    mutable bool verb_forms_loaded = false;
    // The stems of the stop words ("Zcom" for "como"), which a content word
    // sharing one is not searched by (planner: QueryTerm). Fixed for the
    // index's life; built on the first query.
    mutable std::set<std::string> stop_stems;
    mutable bool stop_stems_loaded = false;

    // Memo tables. Typing re-plans every earlier word on each key, and each
    // snippet stems every word of its text, so these save most of a query's
    // time. Filled under `mutex`; TrimCaches() empties them at the start of a
    // query once they grow past a bound, so references handed out stay valid
    // for the rest of that query and memory stays flat on a kiosk that runs
    // for months.
    mutable std::unordered_map<std::string, std::string> stem_cache;        // folded word -> StemTerm()
    mutable std::unordered_map<std::string, std::string> correction_cache;  // word -> correction or ""
    mutable std::unordered_map<std::string, std::string> filler_cache;      // word -> the filler word it is, or ""
    mutable std::unordered_map<std::string, std::vector<std::string>> split_cache;  // word -> the two it runs together
    mutable std::unordered_map<std::string, std::string> pair_cache;  // "<word neighbour" -> the word it slipped from, or ""
    mutable std::unordered_map<std::string, std::vector<std::string>> lay_slip_cache;  // word -> lay phrase words one slip away
    mutable std::unordered_map<std::string, std::vector<std::string>> prefix_cache;  // prefix -> completions
    // Per ContextKind, the document frequency of its most common word in
    // this index (0: not yet looked up). Fixed for the index's life.
    mutable Xapian::doccount context_df[2] = {0, 0};
    // A whole word -> what it stands for: each key plans the words before
    // the last one again, and a word's lay words, WordNet entries and index
    // look-ups are the bulk of planning.
    mutable std::unordered_map<std::string, std::shared_ptr<const search_detail::PlannedWord>> word_cache;
    // A hit's stored fields (kind, id, title, text) and its title and text
    // split into words: decompressing and splitting a page is the bulk of a
    // query, and the same pages come back key after key.
    struct StoredDoc {
        std::vector<std::string> fields;
        search_detail::SplitText title;
        std::vector<std::string> title_asks;   // its question words (QuestionWords)
        // Split on first use (StoredText()): only a page's passages and a
        // shown hit's snippet need it, not an FAQ entry being ranked.
        mutable search_detail::SplitText text;
        mutable bool split = false;
        mutable size_t bytes = 0;   // about what it holds: its text and words
        mutable uint64_t last_read = 0;   // doc_clock when a query last read it
    };
    mutable std::unordered_map<Xapian::docid, std::shared_ptr<const StoredDoc>> doc_cache;
    mutable size_t doc_cache_bytes = 0;   // the sum of their `bytes`
    mutable uint64_t doc_clock = 0;       // counts reads of doc_cache

    const std::string& StemTerm(const std::string& folded_word) const;   // "Z..." or the word
    void TrimCaches() const;
};

} // namespace ck
