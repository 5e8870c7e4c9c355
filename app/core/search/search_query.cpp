// SearchIndex::Search: query words -> concepts (typo fixes, prefixes,
// synonyms) -> Xapian query -> hits filtered by coverage -> snippets.
//
// Index:
//   [SECTION] Concepts       what each query word stands for (Planner)
//   [SECTION] Corrections    Xapian spelling, then a fuzzy fallback
//   [SECTION] Snippets       text around the first match, with highlights;
//                            title/phrase queries; passage coverage for pages
//   [SECTION] Search
#include "search/search_internal.h"
#include <algorithm>
#include <cmath>
#include <set>

namespace ck {
using namespace search_detail;

namespace {

// See search.h for the rule. Tuned on the development sets only
// (tests/data/search/queries_*.tsv and the chemical-peel set); the other
// sets under tests/data/search/sets/ are the held-out figure.
constexpr double kConfidentCoverage = 0.7;  // a confident answer holds this share of the query
constexpr double kRelatedCoverage = 0.25;   // a closest question holds at least this share
constexpr double kMinEvidence = 0.5;        // and a confident one holds a word at least half as rare as
                                            // the rarest: common words alone ("what time is it") only suggest
constexpr double kRankWeight = 0.5;         // BM25 (relative to the best) beside coverage in the rank
constexpr double kTitleRankWeight = 1.0;    // coverage by the question or title alone, on top
constexpr double kWordingWeight = 0.3;      // typed words, filler too, shared with the title
constexpr double kKeepRelative = 0.7;       // further confident answers rank within this of the best
constexpr double kUnknownShare = 0.8;       // a word found nowhere weighs this share of the rarest word
constexpr int kRelatedCount = 3;
constexpr int kRerankDepth = 30;            // BM25's best this many are re-ranked by coverage
constexpr int kMaxPrefixExpansions = 12;
constexpr size_t kMinPrefixLength = 3;      // shorter prefixes match too much
constexpr size_t kMinCorrectLength = 4;     // shorter words are too ambiguous to correct
constexpr size_t kTwoEditLength = 8;        // words this long may have two typos
constexpr double kTitleBoost = 1.0;         // weight of the title-field query beside the whole text
constexpr double kPhraseBoost = 1.0;        // weight of typed words found side by side
constexpr int kPassageWords = 30;           // in pages, the concepts must meet within this many words
constexpr int kSnippetBytes = 200;
// How much a match through each kind of alternative counts, against the
// typed word itself (1.0). Lay words: search.cpp.
constexpr double kCompletionFactor = 0.9;   // the last word, still being typed
constexpr double kFormFactor = 0.85;        // another form of the word (WordNet: pay -> payment)
constexpr double kCorrectionFactor = 0.8;   // a typo fix
constexpr double kSynonymFactor = 0.65;     // a WordNet synonym of a word the content lacks
constexpr double kBroaderFactor = 0.5;      // a WordNet broader term (wine -> alcohol)
constexpr double kCloseFactor = 0.8;        // this and above: close enough to answer, not only suggest
// Longer queries and words are pasted text or a stuck key: without a limit,
// correcting or splitting a 10 000-letter word takes seconds.
constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxWordBytes = 40;

struct Alternative {
    std::vector<std::string> terms;   // index terms that must all match
    double factor = 1.0;              // how much a match through it counts
    double rarity = 0.0;              // log(1 + N / df) of its rarest term; set by ConceptWeight
};

struct Concept {
    std::vector<Alternative> alternatives;
    double weight = 0.0;       // rarity; see ConceptWeight
    bool found = false;        // some document holds it
    std::string word;          // the indexed word typed, for the phrase bonus ("" if none)
};

struct Correction {
    int begin = 0;             // byte range in the query
    int end = 0;
    std::string word;
};

struct QueryPlan {
    std::vector<Concept> concepts;
    std::vector<Correction> corrections;
    std::vector<std::string> typed_stems;   // every typed word, filler included, stemmed
    bool filler_only = false;   // every word is filler ("what is it"): only titles can answer
};

// ---------------------------------------------------------------------------
// [SECTION] Concepts
// ---------------------------------------------------------------------------

// "alcoholic drink" -> {"alcoholic", "drink"}, folded.
std::vector<std::string> SplitPhrase(const std::string& phrase)
{
    std::vector<std::string> words;
    for (const Word& word : SplitWords(phrase))
        words.push_back(word.folded);
    return words;
}

class Planner {
public:
    Planner(const SearchIndex::LangIndex& index, const std::string& lang) : index_(index), lang_(lang) {}
    QueryPlan Plan(const std::string& query);

private:
    bool Known(const std::string& word) const;
    bool InIndex(const std::vector<std::string>& words) const;
    std::vector<std::string> ExpandPrefix(const std::string& prefix) const;
    std::string Correct(const std::string& word) const;
    std::string FindCorrection(const std::string& word) const;
    std::vector<std::string> SplitCompound(const std::string& word) const;
    std::vector<std::string> Lemmas(const std::string& word) const;
    void AddWordNet(Concept* concept, const std::string& word, bool in_content) const;
    void AddWord(Concept* concept, const Word& word, bool partial, bool only_word, QueryPlan* plan) const;
    void AddAlternative(Concept* concept, const std::vector<std::string>& words, double factor) const;
    void AddSynonyms(Concept* concept, const std::string& key, double factor) const;
    size_t MatchSynonymKey(const std::vector<Word>& words, size_t first, std::string* key) const;
    double ConceptWeight(Concept* concept) const;

    const SearchIndex::LangIndex& index_;
    const std::string& lang_;
};

bool Planner::Known(const std::string& word) const
{
    return index_.db.term_exists(index_.StemTerm(word)) || index_.db.term_exists(word);
}

// Every word of a phrase (stop words aside) is indexed somewhere.
bool Planner::InIndex(const std::vector<std::string>& words) const
{
    bool any = false;
    for (const std::string& word : words) {
        if (words.size() > 1 && IsStopWord(lang_, word))
            continue;
        if (!Known(word))
            return false;
        any = true;
    }
    return any;
}

// The most frequent indexed words starting with `prefix` (unstemmed terms).
// Memoised: typing walks the same term ranges again on every key.
std::vector<std::string> Planner::ExpandPrefix(const std::string& prefix) const
{
    auto cached = index_.prefix_cache.find(prefix);
    if (cached != index_.prefix_cache.end())
        return cached->second;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto it = index_.db.allterms_begin(prefix); it != index_.db.allterms_end(prefix); ++it)
        found.emplace_back(it.get_termfreq(), *it);
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > static_cast<size_t>(kMaxPrefixExpansions))
        found.resize(kMaxPrefixExpansions);
    std::vector<std::string> words;
    for (auto& entry : found)
        words.push_back(std::move(entry.second));
    index_.prefix_cache.emplace(prefix, words);
    return words;
}

// Adds the words as one alternative when the index holds them; a concept
// gains nothing from words no document has.
void Planner::AddAlternative(Concept* concept, const std::vector<std::string>& words, double factor) const
{
    if (!InIndex(words))
        return;
    Alternative alternative;
    alternative.factor = factor;
    for (const std::string& word : words)
        if (!IsStopWord(lang_, word) || words.size() == 1)
            alternative.terms.push_back(index_.StemTerm(word));
    for (Alternative& existing : concept->alternatives)
        if (existing.terms == alternative.terms) {
            existing.factor = std::max(existing.factor, factor);
            return;
        }
    concept->alternatives.push_back(std::move(alternative));
}

void Planner::AddSynonyms(Concept* concept, const std::string& key, double factor) const
{
    auto it = index_.synonyms.find(key);
    if (it == index_.synonyms.end())
        return;
    for (const SearchIndex::LangIndex::Synonym& synonym : it->second)
        AddAlternative(concept, synonym.words, factor * synonym.factor);
}

// Longest synonym key (of 2+ words) starting at words[first]; its length in words.
size_t Planner::MatchSynonymKey(const std::vector<Word>& words, size_t first, std::string* key) const
{
    for (size_t count = std::min(index_.longest_synonym_key, words.size() - first); count >= 2; count--) {
        std::string candidate;
        for (size_t i = first; i < first + count; i++)
            candidate += (i == first ? "" : " ") + index_.StemTerm(words[i].folded);
        if (index_.synonyms.count(candidate)) {
            *key = candidate;
            return count;
        }
    }
    return 0;
}

// log(1 + N / df), df taken from the most common alternative. A word found
// nowhere is most likely a filler word the stop list lacks or a topic the
// content does not cover: it weighs part of the rarest word's weight, so it
// lowers a match's grade without hiding it.
double Planner::ConceptWeight(Concept* concept) const
{
    const double total = std::max<Xapian::doccount>(index_.db.get_doccount(), 1);
    Xapian::doccount df = 0;
    for (Alternative& alternative : concept->alternatives) {
        Xapian::doccount rarest = static_cast<Xapian::doccount>(total);
        for (const std::string& term : alternative.terms)
            rarest = std::min(rarest, index_.db.get_termfreq(term));
        alternative.rarity = std::log(1.0 + total / std::max<double>(rarest, 1.0));
        df = std::max(df, rarest);
    }
    concept->found = df > 0;
    if (!concept->found)
        return kUnknownShare * std::log(1.0 + total);
    return std::log(1.0 + total / std::max<double>(df, 1.0));
}

// WordNet's base forms of an English word: the word itself when listed,
// and what removing a regular ending gives ("reddened" -> "redden",
// "flakes" -> "flake"), as WordNet's own morphy does.
std::vector<std::string> Planner::Lemmas(const std::string& word) const
{
    static const std::pair<const char*, const char*> kEndings[] = {
        {"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"}, {"men", "man"},
        {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""},
        {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}, {"ly", ""}, {"iness", "y"}, {"ness", ""},
    };
    std::vector<std::string> lemmas;
    if (!index_.wordnet)
        return lemmas;
    auto add = [&](const std::string& lemma) {
        if (index_.wordnet->Contains(lemma) && std::find(lemmas.begin(), lemmas.end(), lemma) == lemmas.end())
            lemmas.push_back(lemma);
    };
    add(word);
    for (const auto& [ending, replacement] : kEndings) {
        const size_t length = std::char_traits<char>::length(ending);
        if (word.size() <= length + 2 || word.compare(word.size() - length, length, ending) != 0)
            continue;
        std::string base = word.substr(0, word.size() - length) + replacement;
        add(base);
        // "stopped" -> "stopp" -> "stop"
        if (replacement[0] == '\0' && base.size() > 2 && base[base.size() - 1] == base[base.size() - 2])
            add(base.substr(0, base.size() - 1));
    }
    return lemmas;
}

// Other forms always; synonyms and broader terms only for a word the content
// does not use itself, since its own words say more than WordNet's guesses.
void Planner::AddWordNet(Concept* concept, const std::string& word, bool in_content) const
{
    for (const std::string& lemma : Lemmas(word)) {
        if (lemma != word)
            AddAlternative(concept, {lemma}, kFormFactor);
        for (const std::string& form : index_.wordnet->Related(lemma, WordTable::Forms))
            AddAlternative(concept, SplitPhrase(form), kFormFactor);
        if (in_content)
            continue;
        for (const std::string& synonym : index_.wordnet->Related(lemma, WordTable::Synonyms))
            AddAlternative(concept, SplitPhrase(synonym), kSynonymFactor);
        for (const std::string& broader : index_.wordnet->Related(lemma, WordTable::Broader))
            AddAlternative(concept, SplitPhrase(broader), kBroaderFactor);
    }
}

// Everything one typed word may stand for. A word the content, the word
// lists and the dictionary do not know is tried as a typo, then as two words
// run together.
void Planner::AddWord(Concept* concept, const Word& typed, bool partial, bool only_word, QueryPlan* plan) const
{
    const std::string& word = typed.folded;
    const bool in_content = Known(word);
    if (in_content) {
        concept->word = word;
        AddAlternative(concept, {word}, 1.0);
    }
    AddSynonyms(concept, index_.StemTerm(word), 1.0);
    if (index_.wordnet && word.size() <= kMaxWordBytes)
        AddWordNet(concept, word, in_content);
    if (partial && word.size() >= (only_word ? kMinPrefixLength : 2))
        for (const std::string& completion : ExpandPrefix(word))
            AddAlternative(concept, {completion}, completion == word ? 1.0 : kCompletionFactor);
    if (!concept->alternatives.empty() || word.size() > kMaxWordBytes)
        return;
    const bool dictionary_word = index_.wordnet && !Lemmas(word).empty();
    if (!dictionary_word) {
        const std::string fixed = Correct(word);
        if (!fixed.empty()) {
            plan->corrections.push_back({typed.begin, typed.end, fixed});
            AddAlternative(concept, {fixed}, kCorrectionFactor);
            AddSynonyms(concept, index_.StemTerm(fixed), kCorrectionFactor);
            return;
        }
    }
    const std::vector<std::string> parts = SplitCompound(word);
    if (!parts.empty())
        AddAlternative(concept, parts, 1.0);
}

// "stretchmarks" -> {"stretch", "marks"} when both halves are indexed words.
std::vector<std::string> Planner::SplitCompound(const std::string& word) const
{
    for (size_t split = 3; split + 3 <= word.size(); split++) {
        const std::string left = word.substr(0, split);
        const std::string right = word.substr(split);
        if (!IsStopWord(lang_, left) && !IsStopWord(lang_, right) && Known(left) && Known(right))
            return {left, right};
    }
    return {};
}

QueryPlan Planner::Plan(const std::string& query)
{
    QueryPlan plan;
    std::vector<Word> words = SplitWords(query);
    if (words.size() > kMaxQueryWords)
        words.resize(kMaxQueryWords);   // the rest is not a patient's question; it would only cost time
    if (words.empty())
        return plan;
    const bool last_is_partial = words.back().end == static_cast<int>(query.size());
    for (const Word& word : words)
        plan.typed_stems.push_back(index_.StemTerm(word.folded));
    const size_t content_words = std::count_if(words.begin(), words.end(),
                                               [this](const Word& w) { return !IsStopWord(lang_, w.folded); });
    plan.filler_only = content_words == 0;
    for (size_t i = 0; i < words.size(); i++) {
        Concept concept;
        std::string key;
        if (const size_t count = MatchSynonymKey(words, i, &key)) {
            std::vector<std::string> phrase;
            for (size_t k = i; k < i + count; k++)
                phrase.push_back(words[k].folded);
            AddAlternative(&concept, phrase, 1.0);
            AddSynonyms(&concept, key, 1.0);
            i += count - 1;
        } else {
            if (content_words > 0 && IsStopWord(lang_, words[i].folded))
                continue;
            const bool partial = last_is_partial && i + 1 == words.size();
            AddWord(&concept, words[i], partial, words.size() == 1, &plan);
        }
        concept.weight = ConceptWeight(&concept);
        plan.concepts.push_back(std::move(concept));
    }
    return plan;
}

// ---------------------------------------------------------------------------
// [SECTION] Corrections
// ---------------------------------------------------------------------------

// The indexed word (or lay word) closest to `word`, or "" when none is close.
std::string Planner::Correct(const std::string& word) const
{
    if (word.size() < kMinCorrectLength)
        return std::string();
    auto cached = index_.correction_cache.find(word);
    if (cached != index_.correction_cache.end())
        return cached->second;
    std::string fixed = FindCorrection(word);
    index_.correction_cache.emplace(word, fixed);
    return fixed;
}

// Buckets the vocabulary by first byte, each sorted by length; `order`
// keeps term order (then lay words) for ties.
void LoadVocabulary(const SearchIndex::LangIndex& index)
{
    size_t order = 0;
    for (auto it = index.db.allterms_begin(); it != index.db.allterms_end(); ++it) {
        const std::string term = *it;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))   // skip prefixed (stemmed) terms
            index.vocabulary[term[0]].push_back({term, it.get_termfreq(), order++});
    }
    for (const std::string& lay_word : index.lay_words)
        index.vocabulary[lay_word[0]].push_back({lay_word, 0, order++});
    for (auto& [first, words] : index.vocabulary)
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.word.size() < b.word.size(); });
    index.vocabulary_loaded = true;
}

std::string Planner::FindCorrection(const std::string& word) const
{
    // Two edits only for long words, and only when the length stays close:
    // otherwise off-topic words get "corrected" into content words
    // ("dentist" -> "dents", "charger" -> "change").
    const int max_distance = word.size() >= kTwoEditLength ? 2 : 1;
    auto acceptable = [&](const std::string& candidate) {
        return !candidate.empty() && candidate[0] == word[0] && !IsStopWord(lang_, candidate) &&
               (EditDistance(word, candidate, 1) <= 1 ||
                std::abs(static_cast<int>(candidate.size()) - static_cast<int>(word.size())) <= 1);
    };
    if (index_.has_spelling) {
        const std::string suggestion = index_.db.get_spelling_suggestion(word, max_distance);
        if (acceptable(suggestion))
            return suggestion;
    }
    // Fuzzy fallback: the in-memory backend has no spelling table, and lay
    // words from synonyms are not in the index at all. Typos rarely hit the
    // first letter (guessing there misleads), so only words sharing it, and
    // only lengths within reach, are compared.
    if (!index_.vocabulary_loaded)
        LoadVocabulary(index_);
    auto bucket = index_.vocabulary.find(word[0]);
    if (bucket == index_.vocabulary.end())
        return std::string();
    const auto& words = bucket->second;
    const size_t shortest = word.size() > static_cast<size_t>(max_distance) ? word.size() - max_distance : 0;
    auto it = std::lower_bound(words.begin(), words.end(), shortest,
                               [](const auto& entry, size_t length) { return entry.word.size() < length; });
    // Ties go to the more frequent word, then to the first in term order.
    std::string best;
    int best_distance = max_distance + 1;
    Xapian::doccount best_freq = 0;
    size_t best_order = 0;
    for (; it != words.end() && it->word.size() <= word.size() + max_distance; ++it) {
        if (!acceptable(it->word))
            continue;
        const int distance = EditDistance(word, it->word, max_distance);
        if (distance < best_distance || (distance == best_distance && it->freq > best_freq) ||
            (distance == best_distance && it->freq == best_freq && it->order < best_order)) {
            best = it->word;
            best_distance = distance;
            best_freq = it->freq;
            best_order = it->order;
        }
    }
    return best_distance <= max_distance ? best : std::string();
}

// ---------------------------------------------------------------------------
// [SECTION] Snippets
// ---------------------------------------------------------------------------

bool WordMatches(const SearchIndex::LangIndex& index, const std::set<std::string>& terms, const std::string& folded)
{
    return terms.count(index.StemTerm(folded)) != 0 || terms.count(folded) != 0;
}

std::vector<TextRange> Highlights(const SearchIndex::LangIndex& index, const std::set<std::string>& terms,
                                  const std::vector<Word>& words, int shift = 0)
{
    std::vector<TextRange> ranges;
    for (const Word& word : words)
        if (WordMatches(index, terms, word.folded))
            ranges.push_back({word.begin - shift, word.end - shift});
    return ranges;
}

// A window of about kSnippetBytes around the first matched word, starting at
// its line when that is close, cut at word boundaries. Newlines become spaces.
void MakeSnippet(const SearchIndex::LangIndex& index, const std::set<std::string>& terms, const std::string& text,
                 const std::vector<Word>& words, SearchHit* hit)
{
    size_t first = 0;
    while (first < words.size() && !WordMatches(index, terms, words[first].folded))
        first++;
    size_t start = 0;
    if (first < words.size()) {
        const size_t match = words[first].begin;
        const size_t line = text.rfind('\n', match);
        start = line == std::string::npos ? 0 : line + 1;
        if (match - start > kSnippetBytes / 3) {
            size_t k = first;
            while (k > 0 && match - words[k - 1].begin <= kSnippetBytes / 4)
                k--;
            start = words[k].begin;
        }
    }
    size_t end = text.size();
    if (end - start > kSnippetBytes) {
        end = start;
        for (const Word& word : words)
            if (static_cast<size_t>(word.begin) >= start && static_cast<size_t>(word.end) <= start + kSnippetBytes)
                end = word.end;
    }
    const std::string ellipsis = "\xE2\x80\xA6";
    std::string body = text.substr(start, end - start);
    std::replace(body.begin(), body.end(), '\n', ' ');
    while (!body.empty() && body.back() == ' ')
        body.pop_back();
    const std::string lead = start > 0 ? ellipsis : std::string();
    hit->snippet = lead + body + (end < text.size() ? ellipsis : std::string());
    // The words inside the window, already split: their offsets move by the
    // cut and the lead. Newlines became spaces, which changes no offset.
    std::vector<Word> inside;
    for (const Word& word : words)
        if (static_cast<size_t>(word.begin) >= start && static_cast<size_t>(word.end) <= start + body.size())
            inside.push_back(word);
    hit->snippet_highlights = Highlights(index, terms, inside, static_cast<int>(start) - static_cast<int>(lead.size()));
}

// Splits document data into kind, id, title and text.
std::vector<std::string> SplitData(const std::string& data)
{
    std::vector<std::string> fields;
    size_t start = 0;
    for (int i = 0; i < 3; i++) {
        const size_t sep = data.find(kDataSep, start);
        if (sep == std::string::npos)
            break;
        fields.push_back(data.substr(start, sep - start));
        start = sep + 1;
    }
    fields.push_back(data.substr(std::min(start, data.size())));
    fields.resize(4);
    return fields;
}

const SearchIndex::LangIndex::StoredDoc& Stored(const SearchIndex::LangIndex& index, const Xapian::MSetIterator& it)
{
    auto found = index.doc_cache.find(*it);
    if (found != index.doc_cache.end())
        return *found->second;
    auto stored = std::make_shared<SearchIndex::LangIndex::StoredDoc>();
    stored->fields = SplitData(it.get_document().get_data());
    stored->words = SplitWords(stored->fields[3]);
    return *index.doc_cache.emplace(*it, std::move(stored)).first->second;
}

// The same term in the title field: "Zpain" -> "ZSpain", "pain" -> "Spain".
std::string TitleTerm(const std::string& term)
{
    if (!term.empty() && term[0] == 'Z')
        return "Z" + std::string(kTitlePrefix) + term.substr(1);
    return kTitlePrefix + term;
}

// One concept: the typed word and its close forms as one synonym term, and
// the looser alternatives (WordNet's guesses, typo fixes) as a second one at
// a lower weight. Xapian's OP_SYNONYM counts a group once per document, so a
// document using both "numb" and "anaesthetic" is not counted twice. (OP_MAX
// would keep each alternative's own factor, but it crashes Xapian 1.4.22's
// matcher on some queries.)
Xapian::Query ConceptQuery(const Concept& concept, bool title_field)
{
    std::vector<Xapian::Query> groups[2];
    double loose_factor = 0.0;
    for (const Alternative& alternative : concept.alternatives) {
        std::vector<std::string> terms = alternative.terms;
        if (title_field)
            std::transform(terms.begin(), terms.end(), terms.begin(), TitleTerm);
        const bool close = alternative.factor >= kCloseFactor;
        groups[close ? 0 : 1].push_back(terms.size() == 1
                                            ? Xapian::Query(terms[0])
                                            : Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
        if (!close)
            loose_factor = std::max(loose_factor, alternative.factor);
    }
    std::vector<Xapian::Query> parts;
    for (int g = 0; g < 2; g++) {
        if (groups[g].empty())
            continue;
        Xapian::Query group = groups[g].size() == 1
                                  ? groups[g][0]
                                  : Xapian::Query(Xapian::Query::OP_SYNONYM, groups[g].begin(), groups[g].end());
        parts.push_back(g == 0 ? group : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, group, loose_factor));
    }
    if (parts.size() == 1)
        return parts[0];
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

// How much of each concept document `docid` holds: the factor of the best
// alternative it has, 0 for none. One pass over its term list. `*rarest`
// (may be null): the rarity of the rarest close alternative it holds.
std::vector<double> ConceptsIn(const Xapian::Database& db, Xapian::docid docid, const std::vector<Concept>& concepts,
                               const std::set<std::string>& all_terms, double* rarest = nullptr)
{
    std::set<std::string> present;
    Xapian::TermIterator it = db.termlist_begin(docid);
    for (const std::string& term : all_terms) {
        it.skip_to(term);
        if (it == db.termlist_end(docid))
            break;
        if (*it == term)
            present.insert(term);
    }
    std::vector<double> held;
    for (const Concept& concept : concepts) {
        double best = 0.0;
        for (const Alternative& alternative : concept.alternatives)
            if (std::all_of(alternative.terms.begin(), alternative.terms.end(),
                            [&present](const std::string& t) { return present.count(t) != 0; })) {
                best = std::max(best, alternative.factor);
                if (rarest && alternative.factor >= kCloseFactor)
                    *rarest = std::max(*rarest, alternative.rarity);
            }
        held.push_back(best);
    }
    return held;
}

// Pages are long, so holding every concept somewhere proves little ("opening
// hours" in a page mentioning "open pores" and, far below, "4 hours"). The
// weight of the concepts that meet within kPassageWords words of each other,
// title concepts counting everywhere; each scaled by its alternative's factor.
using ConceptTerms = std::vector<std::map<std::string, double>>;   // per concept: term -> factor

// Each term of a concept's alternatives with the best factor it comes with.
// A phrase alternative counts where its words are found apart, which the
// document-level check has already vetted.
ConceptTerms TermsOf(const std::vector<Concept>& concepts)
{
    ConceptTerms concept_terms(concepts.size());
    for (size_t c = 0; c < concepts.size(); c++)
        for (const Alternative& alternative : concepts[c].alternatives)
            for (const std::string& term : alternative.terms) {
                double& factor = concept_terms[c][term];
                factor = std::max(factor, alternative.factor);
            }
    return concept_terms;
}

double TermFactor(const SearchIndex::LangIndex& index, const std::map<std::string, double>& terms, const Word& word)
{
    double best = 0.0;
    if (auto it = terms.find(index.StemTerm(word.folded)); it != terms.end())
        best = it->second;
    if (auto it = terms.find(word.folded); it != terms.end())
        best = std::max(best, it->second);
    return best;
}

// The share of the typed words, filler included, that a title uses: "how
// soon can I have another peel" reads like "How often can I have a peel?".
// A tie-breaker beside the concepts, which ignore such words.
double SharedWording(const SearchIndex::LangIndex& index, const std::vector<std::string>& typed_stems,
                     const std::string& title)
{
    if (typed_stems.empty())
        return 0.0;
    std::set<std::string> title_stems;
    for (const Word& word : SplitWords(title))
        title_stems.insert(index.StemTerm(word.folded));
    const size_t shared = std::count_if(typed_stems.begin(), typed_stems.end(),
                                        [&](const std::string& stem) { return title_stems.count(stem) != 0; });
    return static_cast<double>(shared) / static_cast<double>(typed_stems.size());
}

// Per concept, how much of it a title holds (0 for none).
std::vector<double> ConceptsInTitle(const SearchIndex::LangIndex& index, const std::vector<Concept>& concepts,
                                    const std::string& title)
{
    const ConceptTerms concept_terms = TermsOf(concepts);
    std::vector<double> in_title(concepts.size(), 0.0);
    for (const Word& word : SplitWords(title))
        for (size_t c = 0; c < concepts.size(); c++)
            in_title[c] = std::max(in_title[c], TermFactor(index, concept_terms[c], word));
    return in_title;
}

double PassageWeight(const SearchIndex::LangIndex& index, const std::vector<Concept>& concepts,
                     const std::string& title, const std::vector<Word>& words)
{
    const ConceptTerms concept_terms = TermsOf(concepts);
    auto match = [&](const Word& word, size_t c) { return TermFactor(index, concept_terms[c], word); };
    const std::vector<double> in_title = ConceptsInTitle(index, concepts, title);

    // Per word, the concepts it holds and how much; a sliding window keeps the
    // best factor per concept through a count of each factor seen.
    std::vector<std::vector<std::pair<size_t, double>>> word_concepts(words.size());
    for (size_t w = 0; w < words.size(); w++)
        for (size_t c = 0; c < concepts.size(); c++)
            if (const double f = match(words[w], c); f > in_title[c])
                word_concepts[w].emplace_back(c, f);
    double base = 0.0;
    for (size_t c = 0; c < concepts.size(); c++)
        base += in_title[c] * concepts[c].weight;
    std::vector<std::map<double, int>> seen(concepts.size());
    auto window_weight = [&]() {
        double total = 0.0;
        for (size_t c = 0; c < concepts.size(); c++)
            if (!seen[c].empty())
                total += (seen[c].rbegin()->first - in_title[c]) * concepts[c].weight;
        return total;
    };
    double best = 0.0;
    for (size_t w = 0; w < words.size(); w++) {
        bool changed = !word_concepts[w].empty();
        for (const auto& [c, f] : word_concepts[w])
            seen[c][f]++;
        if (w >= static_cast<size_t>(kPassageWords))
            for (const auto& [c, f] : word_concepts[w - kPassageWords]) {
                changed = true;
                if (--seen[c][f] == 0)
                    seen[c].erase(f);
            }
        if (changed)
            best = std::max(best, window_weight());
    }
    return base + best;
}

// Typed words found side by side ("dark skin", "sensitive skin") rank above
// the same words apart. Not two stop words ("can i", "have it"): their
// positions are everywhere, so checking them costs the most and says nothing.
std::vector<Xapian::Query> PhraseQueries(const std::string& lang, const std::vector<Concept>& concepts)
{
    std::vector<Xapian::Query> phrases;
    for (size_t c = 0; c + 1 < concepts.size(); c++) {
        if (concepts[c].word.empty() || concepts[c + 1].word.empty())
            continue;
        if (IsStopWord(lang, concepts[c].word) && IsStopWord(lang, concepts[c + 1].word))
            continue;
        const std::string pair[2] = {concepts[c].word, concepts[c + 1].word};
        phrases.emplace_back(Xapian::Query::OP_PHRASE, pair, pair + 2, 3);
    }
    return phrases;
}

std::string CorrectedQuery(const std::string& query, const std::vector<Correction>& corrections)
{
    if (corrections.empty())
        return std::string();
    std::string text;
    int done = 0;
    for (const Correction& correction : corrections) {
        text += query.substr(done, correction.begin - done) + correction.word;
        done = correction.end;
    }
    return text + query.substr(done);
}

} // namespace

namespace {

// A BM25 candidate with what re-ranking needs.
struct Candidate {
    Xapian::MSetIterator it;
    double bm25 = 0.0;
    double coverage = 0.0;     // share of the query's weight it holds, 0..1
    double distinctive = 0.0;  // rarity of the rarest word it holds through a close alternative
    double known = 0.0;        // share of the weight of the words some document holds
    double strong = 0.0;       // the same through close alternatives only
    double title = 0.0;        // the share its question or title holds
    double wording = 0.0;      // the share of all typed words, filler too, in its title
    double rank = 0.0;
};

// The Xapian query: every concept once (its best alternative), in the whole
// text and again in the title field, plus typed word pairs side by side.
Xapian::Query BuildQuery(const std::string& lang, const QueryPlan& plan, std::set<std::string>* all_terms)
{
    std::vector<Xapian::Query> parts;
    std::vector<Xapian::Query> title_parts;
    for (const Concept& concept : plan.concepts) {
        if (!concept.found)
            continue;
        // A query of stop words only ("what is it") keeps them, but they
        // say something only in a title: elsewhere they are in every
        // document, so matching them there costs the most and ranks nothing.
        if (concept.word.empty() || !IsStopWord(lang, concept.word))
            parts.push_back(ConceptQuery(concept, false));
        title_parts.push_back(ConceptQuery(concept, true));
        for (const Alternative& alternative : concept.alternatives)
            all_terms->insert(alternative.terms.begin(), alternative.terms.end());
    }
    if (title_parts.empty())
        return Xapian::Query();
    const Xapian::Query text_query(Xapian::Query::OP_OR, parts.begin(), parts.end());
    const Xapian::Query title_query(Xapian::Query::OP_SCALE_WEIGHT,
                                    Xapian::Query(Xapian::Query::OP_OR, title_parts.begin(), title_parts.end()),
                                    kTitleBoost);
    Xapian::Query query(Xapian::Query::OP_OR, text_query, title_query);
    const std::vector<Xapian::Query> phrases = PhraseQueries(lang, plan.concepts);
    if (!phrases.empty())
        query = Xapian::Query(Xapian::Query::OP_OR, query,
                              Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                            Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end()),
                                            kPhraseBoost));
    return query;
}

// Coverage of one candidate: the concepts its terms hold, and for a page
// the concepts that meet in one passage (the smaller of the two). `strong`
// counts only close alternatives (the word, its forms, lay words, typo
// fixes): WordNet's looser guesses may suggest a question, never answer one.
void Coverage(const SearchIndex::LangIndex& index, const QueryPlan& plan, const std::set<std::string>& all_terms,
              double total_weight, double known_weight, Candidate* candidate)
{
    const std::vector<double> held =
        ConceptsIn(index.db, *candidate->it, plan.concepts, all_terms, &candidate->distinctive);
    double covered = 0.0, strong = 0.0;
    for (size_t c = 0; c < held.size(); c++) {
        covered += held[c] * plan.concepts[c].weight;
        strong += held[c] >= kCloseFactor ? held[c] * plan.concepts[c].weight : 0.0;
    }
    if (covered > 0.0 && plan.concepts.size() > 1) {
        const SearchIndex::LangIndex::StoredDoc& stored = Stored(index, candidate->it);
        if (stored.fields[0] == "p") {
            const double passage = PassageWeight(index, plan.concepts, stored.fields[2], stored.words);
            covered = std::min(covered, passage);
            strong = std::min(strong, passage);
        }
    }
    candidate->coverage = total_weight > 0.0 ? covered / total_weight : 0.0;
    candidate->known = known_weight > 0.0 ? covered / known_weight : 0.0;
    candidate->strong = total_weight > 0.0 ? strong / total_weight : 0.0;
    const std::string& title_text = Stored(index, candidate->it).fields[2];
    const std::vector<double> in_title = ConceptsInTitle(index, plan.concepts, title_text);
    double title = 0.0;
    for (size_t c = 0; c < in_title.size(); c++)
        title += in_title[c] * plan.concepts[c].weight;
    candidate->title = total_weight > 0.0 ? title / total_weight : 0.0;
    candidate->wording = SharedWording(index, plan.typed_stems, title_text);
}

SearchHit MakeHit(const SearchIndex::LangIndex& index, const std::set<std::string>& all_terms, const Candidate& candidate)
{
    const SearchIndex::LangIndex::StoredDoc& stored = Stored(index, candidate.it);
    SearchHit hit;
    hit.kind = stored.fields[0] == "p" ? HitKind::Page : HitKind::Faq;
    hit.id = stored.fields[1];
    hit.title = stored.fields[2];
    hit.score = candidate.rank;
    hit.title_highlights = Highlights(index, all_terms, SplitWords(hit.title));
    MakeSnippet(index, all_terms, stored.fields[3], stored.words, &hit);
    return hit;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] Search
// ---------------------------------------------------------------------------

SearchResults SearchIndex::Search(const std::string& lang, const std::string& query, int max_results) const
{
    SearchResults results;
    const LangIndex* index = nullptr;
    for (const auto& candidate : langs_)
        if (candidate->info.lang == lang)
            index = candidate.get();
    if (!index || max_results <= 0)
        return results;
    std::lock_guard<std::mutex> lock(index->mutex);
    index->TrimCaches();
    try {
        const QueryPlan plan = Planner(*index, lang).Plan(query);
        if (plan.concepts.empty())
            return results;
        results.corrected_query = CorrectedQuery(query, plan.corrections);
        std::set<std::string> all_terms;
        const Xapian::Query xapian_query = BuildQuery(lang, plan, &all_terms);
        // Words found nowhere count against a confident answer, but not
        // against offering the closest questions.
        double total_weight = 0.0, known_weight = 0.0;
        for (const Concept& concept : plan.concepts) {
            total_weight += concept.weight;
            known_weight += concept.found ? concept.weight : 0.0;
        }
        // The rarity of a word found in one document only: the most any word has.
        const double rarest = std::log(1.0 + std::max<Xapian::doccount>(index->db.get_doccount(), 1));
        if (!xapian_query.empty()) {
            Xapian::Enquire enquire(index->db);
            enquire.set_query(xapian_query);
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(
                                                              std::max(max_results + kRelatedCount, kRerankDepth)));
            std::vector<Candidate> candidates;
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                candidates.push_back(Candidate{it});
                candidates.back().bm25 = it.get_weight();
                Coverage(*index, plan, all_terms, total_weight, known_weight, &candidates.back());
            }
            const double best_bm25 = candidates.empty() ? 1.0 : std::max(candidates[0].bm25, 1e-9);
            for (Candidate& candidate : candidates)
                candidate.rank = kRankWeight * candidate.bm25 / best_bm25 + candidate.coverage +
                                 kTitleRankWeight * candidate.title + kWordingWeight * candidate.wording;
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Candidate& a, const Candidate& b) { return a.rank > b.rank; });
            // Confident answers first, while they stay close to the best; the
            // rest of the partial matches become the closest questions.
            for (const Candidate& candidate : candidates) {
                const bool confident = candidate.strong >= kConfidentCoverage &&
                                       (plan.filler_only || candidate.distinctive >= kMinEvidence * rarest) &&
                                       candidate.rank >= kKeepRelative * candidates[0].rank &&
                                       results.related.empty();
                if (confident && static_cast<int>(results.hits.size()) < max_results)
                    results.hits.push_back(MakeHit(*index, all_terms, candidate));
                else if (candidate.known >= kRelatedCoverage &&
                         static_cast<int>(results.related.size()) < kRelatedCount)
                    results.related.push_back(MakeHit(*index, all_terms, candidate));
            }
        }
    } catch (const Xapian::Error&) {
        results.hits.clear();   // a damaged index: offer the suggestions below
        results.related.clear();
    }
    results.no_answer = results.hits.empty() && results.related.empty();
    if (results.no_answer)
        results.suggestions = index->suggestions;
    return results;
}

} // namespace ck
