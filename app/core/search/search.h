// Offline search over the FAQ and the pages, one Xapian index per language,
// cached on disk and keyed by a hash of the text it was built from.
//
// Rules a caller must know:
// - Open() never throws and never fails: a missing, stale, corrupt or
//   unwritable cache is rebuilt, in memory if it cannot be written. Info()
//   tells the staff panel what happened.
// - Search() never throws; an unknown language or an empty query gives an
//   empty result (no_answer = false, no hits) rather than an error.
// - Thread safety: Search() and Info() may be called from several threads;
//   each language's index is guarded by its own mutex (Xapian handles are not
//   safe to share), so calls on the same language run one after another.
// - The index does not keep a pointer to the Content; synonyms are copied at
//   Open() time, so a reload means opening a new SearchIndex (cheap when the
//   indexed text did not change: the cached index is reused).
//
// How a query is answered (search_query.cpp, search_plan.cpp, search_match.cpp):
// - Each word that is not filler ("can", "is it ok", pronouns) becomes a
//   concept: the word itself, its stem, its everyday and clinical synonyms
//   (the shipped lay word lists, WordNet for English, the clinic's
//   synonyms.json), a typo fix, or while typing the words it starts.
// - Documents are ranked by BM25 over question, keywords and answer (title,
//   summary and body for pages), each concept counted once, with OR
//   semantics: a document need not hold every word.
// - Coverage: the share of the query's concepts, weighted by rarity, that a
//   document holds (for a page: within one passage). It adds to the rank and
//   grades the answer. Strong coverage makes `hits` (confident answers);
//   partial coverage makes `related` ("Closest questions"); nothing relevant
//   sets no_answer. Extra words lower the grade, never hide a match.
#pragma once
#include "content/content.h"
#include "base/diagnostics.h"
#include <memory>
#include <string>
#include <vector>

namespace ck {

struct SearchOptions {
    std::string cache_dir;     // "" = DefaultSearchCacheDir()
    bool use_disk_cache = true; // false: always build in memory (tests, read-only kiosks)
    std::string assets_dir;    // the kiosk's shipped word lists; "" = DefaultAssetsDir()
};

enum class HitKind { Faq, Page };

struct TextRange {
    int begin = 0;             // byte offsets into the string they belong to
    int end = 0;               // one past the last byte
};

struct SearchHit {
    HitKind kind = HitKind::Faq;
    std::string id;            // FAQ id or page id
    std::string title;         // the question, or the page title
    std::string snippet;       // plain text around the first match ("..." marks cuts)
    double score = 0.0;        // BM25; only comparable within one result list
    std::vector<TextRange> title_highlights;    // matched words in `title`
    std::vector<TextRange> snippet_highlights;  // matched words in `snippet`
};

struct SearchResults {
    std::string corrected_query;   // the query with typos fixed; "" if nothing was corrected
    bool no_answer = false;        // nothing relevant: hits and related are both empty
    std::vector<SearchHit> hits;   // confident answers, best first
    std::vector<SearchHit> related;  // "Closest questions": partial matches not in hits, at most 3
    std::vector<std::string> suggestions;  // FAQ ids to offer when no_answer
};

enum class IndexState {
    Cached,     // opened from the disk cache, nothing re-indexed
    Rebuilt,    // built and written to the disk cache
    InMemory,   // built in memory (cache unwritable or disabled)
};

struct IndexInfo {
    std::string lang;
    IndexState state = IndexState::InMemory;
    std::string path;          // the index directory; "" in memory
    std::string content_hash;  // hex, of the indexed text and the index format
    long long size_bytes = 0;  // on disk; 0 in memory
    double open_ms = 0.0;      // time to open (Cached) or to build (Rebuilt/InMemory)
    int documents = 0;
};

const char* IndexStateName(IndexState state);   // "cached", "rebuilt", "memory"

// One document as the index sees it: what other engines are given in the
// side-by-side benchmark, so all of them search the same text.
struct IndexedDoc {
    HitKind kind = HitKind::Faq;
    std::string id;
    std::string title;         // question or page title
    std::string extra;         // keywords and id, or the page's summary and id
    std::string body;          // answer or page text, as plain text
};
std::vector<IndexedDoc> IndexedDocuments(const LanguageContent& lang);

class SearchIndex {
public:
    // Builds or opens the index of every language in `content`. Problems with
    // the cache are reported as warnings in `diagnostics` (may be null).
    static std::unique_ptr<SearchIndex> Open(const Content& content, const SearchOptions& options,
                                             Diagnostics* diagnostics);
    ~SearchIndex();

    // `query` is what the patient typed so far: the last word counts as a
    // prefix unless the query ends with a space. At most `max_results` hits.
    // Only the first 32 words count, and words over 40 bytes are not
    // corrected, so pasted or stuck-key input stays fast.
    SearchResults Search(const std::string& lang, const std::string& query, int max_results) const;

    std::vector<IndexInfo> Info() const;   // one per language, in content order

    struct LangIndex;   // search_internal.h

private:
    SearchIndex();
    std::vector<std::unique_ptr<LangIndex>> langs_;
};

// $CAREKIOSK_ASSETS, else "assets" beside the executable (a build tree),
// else the installed share/carekiosk/assets.
std::string DefaultAssetsDir();

// $XDG_CACHE_HOME/carekiosk, else $HOME/.cache/carekiosk, else "" (memory only).
std::string DefaultSearchCacheDir();

// Lower-case and strip accents from Latin letters ("Rosácea" -> "rosacea",
// "ß" -> "ss", combining accents dropped); other characters pass through. Used on both the indexed text
// and the query so that "acne" finds "acné".
std::string FoldForSearch(const std::string& text);

} // namespace ck
