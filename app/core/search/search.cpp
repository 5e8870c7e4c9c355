// SearchIndex::Open: builds each language's Xapian index, or opens the one
// cached on disk when the indexed text has not changed.
//
// Cache layout: <cache_dir>/<lang>.<hash>/ is a Xapian glass database. The
// hash covers the index format version, the language and every indexed
// string (hashed from the content model, without building the indexed text),
// so changed content gets a new directory name. A new index is built
// in <lang>.<hash>.tmp-<pid>-<n> and renamed into place (rename is atomic),
// then every other <lang>.* entry is deleted.
//
// Index: FAQ question (weight 3) above keywords and id (2) above answer (1);
// page title (4) above summary and id (2) above body (1), via TermGenerator
// wdf_inc. Titles and questions are also indexed on their own under
// kTitlePrefix, so a query can weigh the title field separately.
#include "search/search_internal.h"
#include "base/user_dirs.h"
#include <sodium.h>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace ck {
namespace fs = std::filesystem;
using namespace search_detail;

// ---------------------------------------------------------------------------
// [SECTION] What gets indexed
// ---------------------------------------------------------------------------

namespace {

constexpr Xapian::termcount kFaqQuestionWeight = 3;
constexpr Xapian::termcount kPageTitleWeight = 4;
constexpr Xapian::termcount kExtraWeight = 2;
constexpr Xapian::termcount kBodyWeight = 1;
constexpr int kSuggestionCount = 4;

// Hashes length-prefixed fields in 64 KiB chunks: hashing the content is
// most of a cached open, so it must stay cheap at 100k entries.
class TextHasher {
public:
    TextHasher()
    {
        static const int sodium_ready = sodium_init();   // idempotent and thread-safe
        (void)sodium_ready;
        crypto_generichash_init(&state_, nullptr, 0, kDigestBytes);
        buffer_.reserve(kBufferBytes + 4096);
    }
    // Length-prefixed, so that moving text between fields changes the hash.
    void Add(const std::string& text)
    {
        const unsigned long long size = text.size();
        buffer_.append(reinterpret_cast<const char*>(&size), sizeof(size));
        buffer_.append(text);
        if (buffer_.size() >= kBufferBytes)
            Flush();
    }
    void AddNumber(unsigned long long number)
    {
        buffer_.append(reinterpret_cast<const char*>(&number), sizeof(number));
    }
    std::string HexDigest()
    {
        Flush();
        unsigned char digest[kDigestBytes];
        crypto_generichash_final(&state_, digest, sizeof(digest));
        char hex[sizeof(digest) * 2 + 1];
        sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
        return hex;
    }

private:
    static constexpr size_t kDigestBytes = 16;
    static constexpr size_t kBufferBytes = 64 * 1024;
    // Each chunk goes through std::hash first (a few times faster than
    // BLAKE2b, which then only sees 8 bytes per 64 KiB): this is a cache key,
    // not a security boundary, and a 64-bit collision per chunk is far less
    // likely than a disk error. Should a library update change std::hash, the
    // index is rebuilt once.
    void Flush()
    {
        const size_t digest = std::hash<std::string_view>()(buffer_);
        crypto_generichash_update(&state_, reinterpret_cast<const unsigned char*>(&digest), sizeof(digest));
        buffer_.clear();
    }
    crypto_generichash_state state_;
    std::string buffer_;
};

// Everything DocumentPlainText() reads, without building the text: on a
// cached open at 100k entries, building every entry's text cost more than
// opening the index.
void HashBlock(const Block& block, TextHasher* hasher)
{
    hasher->AddNumber(static_cast<unsigned>(block.kind));
    hasher->Add(block.alt);
    hasher->AddNumber(block.spans.size());
    for (const Span& span : block.spans)
        hasher->Add(span.text);
    hasher->AddNumber(block.children.size());
    for (const Block& child : block.children)
        HashBlock(child, hasher);
}

void HashDocument(const Document& doc, TextHasher* hasher)
{
    hasher->AddNumber(doc.blocks.size());
    for (const Block& block : doc.blocks)
        HashBlock(block, hasher);
}

// The cache key: the index format, the language and every field IndexedDocuments()
// takes from the content.
std::string HashContent(const LanguageContent& lang)
{
    TextHasher hasher;
    hasher.Add("carekiosk-search-" + std::to_string(kIndexFormatVersion));
    hasher.Add(lang.lang);
    for (const FaqEntry& faq : lang.faq) {
        hasher.Add("faq");
        hasher.Add(faq.id);
        hasher.Add(faq.question);
        hasher.AddNumber(faq.keywords.size());
        for (const std::string& keyword : faq.keywords)
            hasher.Add(keyword);
        HashDocument(faq.answer, &hasher);
    }
    for (const Page& page : lang.pages) {
        hasher.Add("page");
        hasher.Add(page.id);
        hasher.Add(page.title);
        hasher.Add(page.summary);
        HashDocument(page.doc, &hasher);
    }
    return hasher.HexDigest();
}

void AddDocs(Xapian::WritableDatabase& db, const std::vector<IndexedDoc>& docs,
             const Xapian::Stem& stemmer, bool with_spelling)
{
    Xapian::TermGenerator generator;
    generator.set_stemmer(stemmer);
    if (with_spelling) {
        generator.set_database(db);
        generator.set_flags(Xapian::TermGenerator::FLAG_SPELLING);
    }
    for (const IndexedDoc& item : docs) {
        Xapian::Document doc;
        generator.set_document(doc);
        const bool faq = item.kind == HitKind::Faq;
        const std::string title = FoldForSearch(item.title);
        generator.index_text(title, faq ? kFaqQuestionWeight : kPageTitleWeight);
        generator.increase_termpos();
        generator.index_text(title, 1, kTitlePrefix);   // the title field on its own, for the title boost
        generator.increase_termpos();
        generator.index_text(FoldForSearch(item.extra), kExtraWeight);
        generator.increase_termpos();
        generator.index_text(FoldForSearch(item.body), kBodyWeight);
        std::string data = faq ? "f" : "p";
        data += kDataSep + item.id + kDataSep + item.title + kDataSep;
        data += item.body;   // snippets come from what the patient can read: not a page's id or keywords
        doc.set_data(data);
        db.add_document(doc);
    }
    db.set_metadata("carekiosk.docs", std::to_string(docs.size()));
}

// ---------------------------------------------------------------------------
// [SECTION] Disk cache
// ---------------------------------------------------------------------------

// Language tags become part of a file name: keep only safe characters.
std::string SafeName(const std::string& lang)
{
    std::string name;
    for (char c : lang)
        name += std::isalnum(static_cast<unsigned char>(c)) || c == '-' ? c : '_';
    return name.empty() ? "_" : name;
}

long long DirectorySize(const fs::path& dir)
{
    std::error_code error;
    long long total = 0;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error))
        if (it->is_regular_file(error))
            total += static_cast<long long>(it->file_size(error));
    return total;
}

// Opens `path` if it holds a complete index of `hash`; throws Xapian errors.
bool OpenIfCurrent(const fs::path& path, const std::string& hash, size_t doc_count, Xapian::Database* db)
{
    std::error_code error;
    if (!fs::is_directory(path, error))
        return false;
    Xapian::Database candidate(path.string(), Xapian::DB_BACKEND_GLASS);
    if (candidate.get_metadata("carekiosk.hash") != hash || candidate.get_doccount() != doc_count)
        return false;
    if (doc_count > 0)
        (void)candidate.get_document(candidate.get_lastdocid()).get_data();   // touch the data table
    *db = candidate;
    return true;
}

// Builds in a temporary directory beside `final_path`, then renames it in.
// Throws Xapian::Error, or std::system_error when the rename fails.
void BuildOnDisk(const fs::path& final_path, const std::vector<IndexedDoc>& docs, const Xapian::Stem& stemmer,
                 const std::string& hash)
{
    static std::atomic<int> counter{0};
    const fs::path temp = final_path.string() + ".tmp-" + std::to_string(getpid()) + "-" + std::to_string(counter++);
    try {
        // No fsync: this is a cache built aside and renamed in; an index a
        // power cut left incomplete fails the check at open and is rebuilt.
        Xapian::WritableDatabase db(temp.string(),
                                    Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS | Xapian::DB_NO_SYNC);
        AddDocs(db, docs, stemmer, true);
        db.set_metadata("carekiosk.hash", hash);
        db.commit();
        db.close();
        std::error_code error;
        if (fs::exists(final_path, error)) {
            // A corrupt index of the same content: move it aside first, since
            // rename() cannot replace a non-empty directory.
            const fs::path aside = final_path.string() + ".old-" + std::to_string(getpid());
            fs::remove_all(aside, error);
            fs::rename(final_path, aside, error);
            fs::remove_all(aside, error);
        }
        fs::rename(temp, final_path, error);
        if (error)
            throw std::system_error(error, "renaming the new index into place");
    } catch (...) {
        std::error_code error;
        fs::remove_all(temp, error);
        throw;
    }
}

// True for "<lang>.<hash>.tmp-<pid>-<n>" of a process that is running: an
// index being built right now (by another open of this process after a
// quick second reload, or by a `carekiosk check` beside the kiosk).
bool BuildInProgress(const std::string& name)
{
    const size_t at = name.find(".tmp-");
    if (at == std::string::npos)
        return false;
    const long pid = std::strtol(name.c_str() + at + 5, nullptr, 10);
    return pid > 0 && (pid == long(getpid()) || kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void RemoveStale(const fs::path& cache_dir, const std::string& lang_name, const fs::path& keep)
{
    std::error_code error;
    const std::string prefix = lang_name + ".";
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(cache_dir, error), end; !error && it != end; it.increment(error)) {
        const std::string name = it->path().filename().string();
        if (name.compare(0, prefix.size(), prefix) == 0 && it->path() != keep && !BuildInProgress(name))
            stale.push_back(it->path());
    }
    for (const fs::path& path : stale)
        fs::remove_all(path, error);
}

// ---------------------------------------------------------------------------
// [SECTION] One language
// ---------------------------------------------------------------------------

// The folded words of each phrase, split once: the lay word lists hold
// about 9 000 key and value pairs but only about 1 500 distinct phrases.
class PhraseWords {
public:
    const std::vector<Word>& Of(const std::string& phrase)
    {
        auto found = split_.find(phrase);
        if (found == split_.end())
            found = split_.emplace(phrase, SplitWords(phrase)).first;
        return found->second;
    }

private:
    std::unordered_map<std::string, std::vector<Word>> split_;
};

void AddSynonyms(SearchIndex::LangIndex* index, const std::string& key, const std::vector<std::string>& values,
                 double factor, PhraseWords* phrases)
{
    std::string normal_key;
    const std::vector<Word>& key_words = phrases->Of(key);
    for (const Word& word : key_words)
        normal_key += (normal_key.empty() ? "" : " ") + index->StemTerm(word.folded);
    if (normal_key.empty())
        return;
    if (key_words.size() > 1 && index->synonyms.count(normal_key) == 0) {
        auto phrase = std::make_shared<SearchIndex::LangIndex::LayPhrase>();
        for (const Word& word : key_words) {
            phrase->stems.push_back(index->StemTerm(word.folded));
            if (!IsStopWord(index->info.lang, word.folded))
                phrase->terms.push_back(phrase->stems.back());
        }
        // Filler inside a phrase ("the" in "the pill") is no word of it to
        // hold: every answer says "the", and each would be read for it.
        for (const std::string& stem : phrase->terms) {
            auto& holding = index->phrases_holding[stem];
            if (holding.empty() || holding.back() != phrase)
                holding.push_back(phrase);
        }
        for (const Word& word : key_words)
            if (!IsStopWord(index->info.lang, word.folded))
                index->lay_phrase_words.push_back(word.folded);
    }
    for (const std::string& value : values) {
        std::vector<std::string> alternative;
        for (const Word& word : phrases->Of(value))
            alternative.push_back(word.folded);
        if (alternative.empty())
            continue;
        index->synonyms[normal_key].push_back({std::move(alternative), factor});
        if (key_words.size() == 1)
            index->lay_words.push_back(key_words[0].folded);
        index->longest_synonym_key = std::max(index->longest_synonym_key, key_words.size());
    }
}

std::unique_ptr<SearchIndex::LangIndex> OpenLanguage(const LanguageContent& lang, const SearchOptions& options,
                                                     Diagnostics* diagnostics)
{
    const auto start = std::chrono::steady_clock::now();
    auto index = std::make_unique<SearchIndex::LangIndex>();
    index->info.lang = lang.lang;
    index->stemmer = StemmerFor(lang.lang, &index->has_stemmer);

    const std::string hash = HashContent(lang);
    const size_t doc_count = lang.faq.size() + lang.pages.size();
    index->info.content_hash = hash;
    index->info.documents = static_cast<int>(doc_count);
    auto warn = [diagnostics](const std::string& file, const std::string& message) {
        if (diagnostics)
            diagnostics->Warning(file, 0, 0, message);
    };

    bool opened = false;
    const std::string cache_dir = options.cache_dir.empty() ? DefaultSearchCacheDir() : options.cache_dir;
    if (options.use_disk_cache && !cache_dir.empty()) {
        const std::string lang_name = SafeName(lang.lang);
        const fs::path final_path = fs::path(cache_dir) / (lang_name + "." + hash);
        try {
            opened = OpenIfCurrent(final_path, hash, doc_count, &index->db);
            if (opened)
                index->info.state = IndexState::Cached;
        } catch (const Xapian::Error& e) {
            warn(final_path.string(), "the search cache could not be read and is rebuilt (" + e.get_msg() + ")");
        }
        if (!opened) {
            try {
                std::error_code error;
                fs::create_directories(cache_dir, error);
                if (error)
                    throw std::system_error(error, "creating " + cache_dir);
                BuildOnDisk(final_path, IndexedDocuments(lang), index->stemmer, hash);
                index->db = Xapian::Database(final_path.string(), Xapian::DB_BACKEND_GLASS);
                index->info.state = IndexState::Rebuilt;
                opened = true;
            } catch (const Xapian::Error& e) {
                warn(cache_dir, "the search cache could not be written; searching from memory (" + e.get_msg() + ")");
            } catch (const std::exception& e) {
                warn(cache_dir, std::string("the search cache could not be written; searching from memory (") +
                                    e.what() + ")");
            }
        }
        if (opened) {
            index->info.path = final_path.string();
            index->info.size_bytes = DirectorySize(final_path);
            index->has_spelling = true;
            RemoveStale(cache_dir, lang_name, final_path);
        }
    }
    if (!opened) {
        try {
            Xapian::WritableDatabase memory(std::string(), Xapian::DB_BACKEND_INMEMORY);
            AddDocs(memory, IndexedDocuments(lang), index->stemmer, false);   // the in-memory backend has no spelling table
            memory.commit();
            index->db = memory;
        } catch (const Xapian::Error& e) {
            warn(lang.lang, "search is not available for this language (" + e.get_msg() + ")");
        }
        index->info.state = IndexState::InMemory;
    }

    // A match through a shipped lay word counts a little less than the word
    // itself; the clinic's own synonyms.json is taken at its word.
    constexpr double kLayFactor = 0.85;
    const std::string assets_dir = options.assets_dir.empty() ? DefaultAssetsDir() : options.assets_dir;
    std::string problem;
    PhraseWords phrases;
    for (const auto& [key, values] : LoadLayTerms(assets_dir, lang.lang, &problem))
        AddSynonyms(index.get(), key, values, kLayFactor, &phrases);
    for (const auto& [key, values] : lang.synonyms)
        AddSynonyms(index.get(), key, values, 1.0, &phrases);
    if (!problem.empty())
        warn(problem, "search works without the shipped everyday words");
    std::sort(index->lay_phrase_words.begin(), index->lay_phrase_words.end());
    index->lay_phrase_words.erase(std::unique(index->lay_phrase_words.begin(), index->lay_phrase_words.end()),
                                  index->lay_phrase_words.end());
    if (PrimaryLanguage(lang.lang) == "en") {
        problem.clear();
        index->wordnet = SharedWordNet(assets_dir, &problem);
        if (!problem.empty())
            warn(assets_dir, problem);
        problem.clear();
        index->spelling = SharedWordList(assets_dir, "en", &problem);
        if (!problem.empty())
            warn(assets_dir, problem);
    } else if (PrimaryLanguage(lang.lang) == "es") {
        problem.clear();
        index->spelling = SharedWordList(assets_dir, "es", &problem);
        if (!problem.empty())
            warn(assets_dir, problem);
    }
    for (const FaqEntry& faq : lang.faq)
        if (static_cast<int>(index->suggestions.size()) < kSuggestionCount)
            index->suggestions.push_back(faq.id);

    index->info.open_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return index;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] SearchIndex
// ---------------------------------------------------------------------------

const std::string& SearchIndex::LangIndex::StemTerm(const std::string& folded_word) const
{
    auto found = stem_cache.find(folded_word);
    if (found != stem_cache.end())
        return found->second;
    std::string term = has_stemmer ? "Z" + stemmer(folded_word) : folded_word;
    return stem_cache.emplace(folded_word, std::move(term)).first->second;
}

Xapian::doccount SearchIndex::LangIndex::TermFreq(const std::string& term) const
{
    static const std::string title_stem = std::string("Z") + kTitlePrefix;
    const bool title_term = term.compare(0, 1, kTitlePrefix) == 0 || term.compare(0, 2, title_stem) == 0;
    if (title_term)
        return db.get_termfreq(term);
    if (!term_freqs_loaded) {
        for (auto it = db.allterms_begin(); it != db.allterms_end(); ++it) {
            const std::string each = *it;
            if (each.compare(0, 1, kTitlePrefix) != 0 && each.compare(0, 2, title_stem) != 0)
                term_freqs.emplace(each, it.get_termfreq());
        }
        term_freqs_loaded = true;
    }
    auto found = term_freqs.find(term);
    return found == term_freqs.end() ? 0 : found->second;
}

void SearchIndex::LangIndex::TrimCaches() const
{
    // Far above what a day of patient queries touches on the bundled content;
    // only a very large index or a fuzzing run reaches it.
    constexpr size_t kMaxEntries = 200000;
    // A bundled page and its words take about 55 KiB, an FAQ entry about 4:
    // the whole bundled content fits (0.5 MiB), or a thousand entries of a
    // large one.
    constexpr size_t kMaxDocCacheBytes = 4 * 1024 * 1024;
    if (stem_cache.size() > kMaxEntries)
        stem_cache.clear();
    if (correction_cache.size() > kMaxEntries / 10)
        correction_cache.clear();
    if (filler_cache.size() > kMaxEntries / 10)
        filler_cache.clear();
    if (split_cache.size() > kMaxEntries / 10)
        split_cache.clear();
    if (pair_cache.size() > kMaxEntries / 100)
        pair_cache.clear();
    if (lay_slip_cache.size() > kMaxEntries / 10)
        lay_slip_cache.clear();
    if (prefix_cache.size() > kMaxEntries / 10)
        prefix_cache.clear();
    if (word_cache.size() > kMaxEntries / 100)   // a word's lay words and forms take a few KiB
        word_cache.clear();
    // A few at a time: freeing a full cache at once (a thousand short
    // entries) would cost the key that does it a millisecond. More go than a
    // query of the kiosk's adds (kRerankDepth, search_query.cpp); a much
    // longer result list could outrun that, so past twice the bound all go.
    // The least recently read go first: typing a question brings the same
    // answers back key after key. At 10 000 entries, evicting in the map's
    // own order had a key read one in four of its documents again from the
    // index; oldest first, one in eight.
    constexpr size_t kDocEvictions = 64;
    while (doc_cache_bytes > kMaxDocCacheBytes && !doc_cache.empty()) {
        std::vector<std::pair<uint64_t, Xapian::docid>> by_age;
        by_age.reserve(doc_cache.size());
        for (const auto& [docid, doc] : doc_cache)
            by_age.emplace_back(doc->last_read, docid);
        const size_t count = std::min(kDocEvictions, by_age.size());
        std::nth_element(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(count), by_age.end());
        std::sort(by_age.begin(), by_age.begin() + static_cast<std::ptrdiff_t>(count));
        for (size_t n = 0; n < count && doc_cache_bytes > kMaxDocCacheBytes; n++) {
            auto oldest = doc_cache.find(by_age[n].second);
            doc_cache_bytes -= oldest->second->bytes;
            doc_cache.erase(oldest);
        }
        if (doc_cache_bytes <= 2 * kMaxDocCacheBytes)
            break;
    }
}

SearchIndex::SearchIndex() = default;
SearchIndex::~SearchIndex() = default;

std::unique_ptr<SearchIndex> SearchIndex::Open(const Content& content, const SearchOptions& options,
                                               Diagnostics* diagnostics)
{
    std::unique_ptr<SearchIndex> index(new SearchIndex());
    for (const LanguageContent& lang : content.languages)
        index->langs_.push_back(OpenLanguage(lang, options, diagnostics));
    return index;
}

std::vector<IndexInfo> SearchIndex::Info() const
{
    std::vector<IndexInfo> infos;
    for (const auto& lang : langs_)
        infos.push_back(lang->info);
    return infos;
}

const char* IndexStateName(IndexState state)
{
    switch (state) {
    case IndexState::Cached: return "cached";
    case IndexState::Rebuilt: return "rebuilt";
    case IndexState::InMemory: return "memory";
    }
    return "memory";
}

std::vector<IndexedDoc> IndexedDocuments(const LanguageContent& lang)
{
    std::vector<IndexedDoc> docs;
    for (const FaqEntry& faq : lang.faq) {
        IndexedDoc doc;
        doc.kind = HitKind::Faq;
        doc.id = faq.id;
        doc.title = faq.question;
        for (const std::string& keyword : faq.keywords)
            doc.extra += keyword + "\n";
        // Staff name an entry by its topic ("frosting", "cover-up") where
        // the question may not ("Why does my skin go white?"), as a page's.
        std::string id = faq.id;
        std::replace(id.begin(), id.end(), '-', ' ');
        doc.extra += id + "\n";
        doc.body = DocumentPlainText(faq.answer);
        docs.push_back(std::move(doc));
    }
    for (const Page& page : lang.pages) {
        IndexedDoc doc;
        doc.kind = HitKind::Page;
        doc.id = page.id;
        doc.title = page.title;
        // The id names the page's topic ("benefits", "who-should-not") even
        // where the title words differ.
        doc.extra = page.summary + "\n" + page.id;
        doc.body = DocumentPlainText(page.doc);
        docs.push_back(std::move(doc));
    }
    return docs;
}

std::string DefaultAssetsDir()
{
    if (const char* env = std::getenv("CAREKIOSK_ASSETS"); env && *env)
        return env;
    std::error_code error;
    const fs::path exe = fs::read_symlink("/proc/self/exe", error);
    if (!error) {
        if (fs::is_directory(exe.parent_path() / "assets" / "search", error))
            return (exe.parent_path() / "assets").string();
        const fs::path installed = exe.parent_path().parent_path() / "share" / "carekiosk" / "assets";
        if (fs::is_directory(installed / "search", error))
            return installed.string();
    }
    return CAREKIOSK_INSTALL_ASSETS_DIR;
}

std::string DefaultSearchCacheDir()
{
    const std::string base = UserBaseDir("XDG_CACHE_HOME", ".cache");
    return base.empty() ? std::string() : base + "/carekiosk";
}

} // namespace ck
