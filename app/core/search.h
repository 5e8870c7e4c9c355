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
// When is there "no answer"? Each query word (after dropping stop words,
// correcting typos and expanding synonyms) is a "concept" weighted by its
// rarity in the index (inverse document frequency); a word found nowhere gets
// the weight of a word found in one document. A hit is shown only when the
// concepts it holds carry at least 65% of the query's total weight (for pages:
// concepts meeting within 30 words, or in the title) and its BM25 score is at
// least 35% of the best-scoring document's. When no hit passes, no_answer is
// true and `suggestions` lists the first FAQ questions (staff put the most
// asked first). Constants in search_query.cpp, tuned on tests/data/search.
#pragma once
#include "core/content.h"
#include "core/diagnostics.h"
#include <memory>
#include <string>
#include <vector>

namespace ck {

struct SearchOptions {
    std::string cache_dir;     // "" = DefaultSearchCacheDir()
    bool use_disk_cache = true; // false: always build in memory (tests, read-only kiosks)
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
    bool no_answer = false;        // the query is not about anything the content covers
    std::vector<SearchHit> hits;   // best first; empty when no_answer
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

// $XDG_CACHE_HOME/carekiosk, else $HOME/.cache/carekiosk, else "" (memory only).
std::string DefaultSearchCacheDir();

// Lower-case and strip accents from Latin letters ("Rosácea" -> "rosacea",
// "ß" -> "ss", combining accents dropped); other characters pass through. Used on both the indexed text
// and the query so that "acne" finds "acné".
std::string FoldForSearch(const std::string& text);

} // namespace ck
