// SearchIndex::Search: query words -> concepts (typo fixes, prefixes,
// synonyms) -> Xapian query -> hits filtered by coverage -> snippets.
//
// Index:
//   [SECTION] Concepts       what each query word stands for (Planner)
//   [SECTION] Corrections    Xapian spelling, then a fuzzy fallback
//   [SECTION] Snippets       text around the first match, with highlights;
//                            title/phrase queries; passage coverage for pages
//   [SECTION] Search
#include "core/search_internal.h"
#include <algorithm>
#include <cmath>
#include <set>

namespace ck {
using namespace search_detail;

namespace {

// See search.h for the rule. Tuned on tests/data/search/queries_en.tsv.
constexpr double kMinCoverage = 0.65;
constexpr double kMinRelativeScore = 0.35;
constexpr int kMaxPrefixExpansions = 12;
constexpr size_t kMinPrefixLength = 3;      // shorter prefixes match too much
constexpr size_t kMinCorrectLength = 5;     // shorter words are too ambiguous to correct
constexpr size_t kTwoEditLength = 8;        // words this long may have two typos
constexpr double kTitleBoost = 1.0;         // weight of the title-field query beside the whole text
constexpr double kPhraseBoost = 1.0;        // weight of typed words found side by side
constexpr int kPassageWords = 30;           // in pages, the concepts must meet within this many words
constexpr int kSnippetBytes = 200;
// Longer queries and words are pasted text or a stuck key: without a limit,
// correcting or splitting a 10 000-letter word takes seconds.
constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxWordBytes = 40;

using Alternative = std::vector<std::string>;   // terms that must all match

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
};

// ---------------------------------------------------------------------------
// [SECTION] Concepts
// ---------------------------------------------------------------------------

class Planner {
public:
    Planner(const SearchIndex::LangIndex& index, const std::string& lang) : index_(index), lang_(lang) {}
    QueryPlan Plan(const std::string& query);

private:
    bool Known(const std::string& word) const;
    std::vector<std::string> ExpandPrefix(const std::string& prefix) const;
    std::string Correct(const std::string& word) const;
    std::string FindCorrection(const std::string& word) const;
    Alternative SplitCompound(const std::string& word) const;
    bool ResolveUnknown(const Word& word, bool partial, bool only_word, Concept* concept, QueryPlan* plan) const;
    void AddAlternative(Concept* concept, const Alternative& words) const;
    void AddSynonyms(Concept* concept, const std::string& key) const;
    size_t MatchSynonymKey(const std::vector<Word>& words, size_t first, std::string* key) const;
    double ConceptWeight(Concept* concept) const;

    const SearchIndex::LangIndex& index_;
    const std::string& lang_;
};

bool Planner::Known(const std::string& word) const
{
    return index_.db.term_exists(index_.StemTerm(word)) || index_.db.term_exists(word);
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

void Planner::AddAlternative(Concept* concept, const Alternative& words) const
{
    Alternative terms;
    for (const std::string& word : words)
        if (!IsStopWord(lang_, word) || words.size() == 1)
            terms.push_back(index_.StemTerm(word));
    if (terms.empty())
        return;
    if (std::find(concept->alternatives.begin(), concept->alternatives.end(), terms) == concept->alternatives.end())
        concept->alternatives.push_back(std::move(terms));
}

void Planner::AddSynonyms(Concept* concept, const std::string& key) const
{
    auto it = index_.synonyms.find(key);
    if (it == index_.synonyms.end())
        return;
    for (const Alternative& words : it->second)
        AddAlternative(concept, words);
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

// log(1 + N / df), df taken from the most common alternative; a word found
// nowhere weighs like one found in a single document.
double Planner::ConceptWeight(Concept* concept) const
{
    const double total = std::max<Xapian::doccount>(index_.db.get_doccount(), 1);
    Xapian::doccount df = 0;
    for (const Alternative& alternative : concept->alternatives) {
        Xapian::doccount rarest = total;
        for (const std::string& term : alternative)
            rarest = std::min(rarest, index_.db.get_termfreq(term));
        df = std::max(df, rarest);
    }
    concept->found = df > 0;
    return std::log(1.0 + total / std::max<double>(df, 1.0));
}

// What an unknown word most likely stands for: a completion while typing,
// a typo fix, an abbreviation ("vit c") or two words run together.
bool Planner::ResolveUnknown(const Word& word, bool partial, bool only_word, Concept* concept,
                             QueryPlan* plan) const
{
    auto add_completions = [&](size_t min_length) {
        if (word.folded.size() < min_length)
            return false;
        const std::vector<std::string> completions = ExpandPrefix(word.folded);
        for (const std::string& completion : completions)
            AddAlternative(concept, {completion});
        return !completions.empty();
    };
    if (partial && add_completions(only_word ? kMinPrefixLength : 2))
        return true;
    const std::string fixed = Correct(word.folded);
    if (!fixed.empty()) {
        plan->corrections.push_back({word.begin, word.end, fixed});
        AddAlternative(concept, {fixed});
        AddSynonyms(concept, index_.StemTerm(fixed));
        return true;
    }
    if (!partial && add_completions(kMinPrefixLength))
        return true;
    const Alternative parts = SplitCompound(word.folded);
    if (!parts.empty())
        AddAlternative(concept, parts);
    return !parts.empty();
}

// "stretchmarks" -> {"stretch", "marks"} when both halves are indexed words.
Alternative Planner::SplitCompound(const std::string& word) const
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
    const size_t content_words = std::count_if(words.begin(), words.end(),
                                               [this](const Word& w) { return !IsStopWord(lang_, w.folded); });
    for (size_t i = 0; i < words.size(); i++) {
        Concept concept;
        std::string key;
        if (const size_t count = MatchSynonymKey(words, i, &key)) {
            Alternative phrase;
            for (size_t k = i; k < i + count; k++)
                phrase.push_back(words[k].folded);
            AddAlternative(&concept, phrase);
            AddSynonyms(&concept, key);
            i += count - 1;
        } else {
            const std::string& word = words[i].folded;
            if (content_words > 0 && IsStopWord(lang_, word))
                continue;
            const bool partial = last_is_partial && i + 1 == words.size();
            const bool lay_word = index_.synonyms.count(index_.StemTerm(word)) != 0;
            if (Known(word) || lay_word) {
                concept.word = word;
                AddAlternative(&concept, {word});
                AddSynonyms(&concept, index_.StemTerm(word));
            } else if (word.size() > kMaxWordBytes ||
                       !ResolveUnknown(words[i], partial, words.size() == 1, &concept, &plan)) {
                // Found nowhere, not even as a prefix (so typing on will not
                // help either): it counts against coverage.
                AddAlternative(&concept, {word});
            }
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

Xapian::Query ConceptQuery(const Concept& concept, bool title_field)
{
    std::vector<Xapian::Query> alternatives;
    for (const Alternative& alternative : concept.alternatives) {
        std::vector<std::string> terms = alternative;
        if (title_field)
            std::transform(terms.begin(), terms.end(), terms.begin(), TitleTerm);
        if (terms.size() == 1)
            alternatives.emplace_back(terms[0]);
        else
            alternatives.emplace_back(Xapian::Query::OP_AND, terms.begin(), terms.end());
    }
    if (alternatives.size() == 1)
        return alternatives[0];
    return Xapian::Query(Xapian::Query::OP_SYNONYM, alternatives.begin(), alternatives.end());
}

// Which concepts does document `docid` hold? One pass over its term list.
std::vector<bool> ConceptsIn(const Xapian::Database& db, Xapian::docid docid, const std::vector<Concept>& concepts,
                             const std::set<std::string>& all_terms)
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
    std::vector<bool> held;
    for (const Concept& concept : concepts) {
        bool any = false;
        for (const Alternative& alternative : concept.alternatives)
            any = any || std::all_of(alternative.begin(), alternative.end(),
                                     [&present](const std::string& t) { return present.count(t) != 0; });
        held.push_back(any);
    }
    return held;
}

// Pages are long, so holding every concept somewhere proves little ("opening
// hours" in a page mentioning "open pores" and, far below, "4 hours"). The
// weight of the concepts that meet within kPassageWords words of each other,
// title concepts counting everywhere.
double PassageWeight(const SearchIndex::LangIndex& index, const std::vector<Concept>& concepts,
                     const std::string& title, const std::vector<Word>& words)
{
    std::vector<std::set<std::string>> concept_terms(concepts.size());
    for (size_t c = 0; c < concepts.size(); c++)
        for (const Alternative& alternative : concepts[c].alternatives)
            concept_terms[c].insert(alternative.begin(), alternative.end());
    auto matches = [&](const Word& word, size_t c) {
        return WordMatches(index, concept_terms[c], word.folded);
    };
    std::vector<bool> in_title(concepts.size(), false);
    for (const Word& word : SplitWords(title))
        for (size_t c = 0; c < concepts.size(); c++)
            in_title[c] = in_title[c] || matches(word, c);

    std::vector<std::vector<size_t>> word_concepts(words.size());
    for (size_t w = 0; w < words.size(); w++)
        for (size_t c = 0; c < concepts.size(); c++)
            if (!in_title[c] && matches(words[w], c))
                word_concepts[w].push_back(c);
    double base = 0.0;
    for (size_t c = 0; c < concepts.size(); c++)
        base += in_title[c] ? concepts[c].weight : 0.0;
    std::vector<int> counts(concepts.size(), 0);
    double window = 0.0;
    double best = 0.0;
    for (size_t w = 0; w < words.size(); w++) {
        for (size_t c : word_concepts[w])
            if (counts[c]++ == 0)
                window += concepts[c].weight;
        if (w >= static_cast<size_t>(kPassageWords))
            for (size_t c : word_concepts[w - kPassageWords])
                if (--counts[c] == 0)
                    window -= concepts[c].weight;
        best = std::max(best, window);
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

        std::vector<Xapian::Query> parts;
        std::vector<Xapian::Query> title_parts;
        std::set<std::string> all_terms;
        double total_weight = 0.0;
        for (const Concept& concept : plan.concepts) {
            total_weight += concept.weight;
            if (!concept.found)
                continue;
            // A query of stop words only ("what is it") keeps them, but they
            // say something only in a title: elsewhere they are in every
            // document, so matching them there costs the most and ranks nothing.
            if (concept.word.empty() || !IsStopWord(lang, concept.word))
                parts.push_back(ConceptQuery(concept, false));
            title_parts.push_back(ConceptQuery(concept, true));
            for (const Alternative& alternative : concept.alternatives)
                all_terms.insert(alternative.begin(), alternative.end());
        }
        if (!title_parts.empty()) {
            Xapian::Enquire enquire(index->db);
            const Xapian::Query text_query(Xapian::Query::OP_OR, parts.begin(), parts.end());
            const Xapian::Query title_query(Xapian::Query::OP_SCALE_WEIGHT,
                                            Xapian::Query(Xapian::Query::OP_OR, title_parts.begin(), title_parts.end()),
                                            kTitleBoost);
            Xapian::Query query_all(Xapian::Query::OP_OR, text_query, title_query);
            const std::vector<Xapian::Query> phrases = PhraseQueries(lang, plan.concepts);
            if (!phrases.empty())
                query_all = Xapian::Query(Xapian::Query::OP_OR, query_all,
                                          Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                                                        Xapian::Query(Xapian::Query::OP_OR, phrases.begin(), phrases.end()),
                                                        kPhraseBoost));
            enquire.set_query(query_all);
            const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(max_results) + 10);
            // Cheapest test first: the score (the list is sorted), then the
            // concepts held (the term list), and only then the stored text,
            // which is compressed and must be split into words.
            double best_score = 0.0;
            for (auto it = mset.begin(); it != mset.end() && static_cast<int>(results.hits.size()) < max_results; ++it) {
                if (best_score == 0.0)
                    best_score = it.get_weight();
                // best_score is the top of the whole list, so a weak hit that
                // happens to hold every concept cannot stand in for a better one.
                if (it.get_weight() < kMinRelativeScore * best_score)
                    break;
                const std::vector<bool> held = ConceptsIn(index->db, *it, plan.concepts, all_terms);
                double covered = 0.0;
                for (size_t c = 0; c < held.size(); c++)
                    covered += held[c] ? plan.concepts[c].weight : 0.0;
                if (covered < kMinCoverage * total_weight)
                    continue;
                const SearchIndex::LangIndex::StoredDoc& stored = Stored(*index, it);
                const std::vector<std::string>& fields = stored.fields;
                const std::vector<Word>& words = stored.words;
                if (fields[0] == "p" && plan.concepts.size() > 1 &&
                    PassageWeight(*index, plan.concepts, fields[2], words) < kMinCoverage * total_weight)
                    continue;
                SearchHit hit;
                hit.kind = fields[0] == "p" ? HitKind::Page : HitKind::Faq;
                hit.id = fields[1];
                hit.title = fields[2];
                hit.score = it.get_weight();
                hit.title_highlights = Highlights(*index, all_terms, SplitWords(hit.title));
                MakeSnippet(*index, all_terms, fields[3], words, &hit);
                results.hits.push_back(std::move(hit));
            }
        }
    } catch (const Xapian::Error&) {
        results.hits.clear();   // a damaged index: offer the suggestions below
    }
    results.no_answer = results.hits.empty();
    if (results.no_answer)
        results.suggestions = index->suggestions;
    return results;
}

} // namespace ck
