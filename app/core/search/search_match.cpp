// What a document holds of a query plan: each concept as a Xapian query
// (whole text and title field), typed words side by side as phrases, and
// after BM25 the coverage checks that re-rank its best: the concepts a
// document, its title and, for a page, one passage of it hold.
#include "search/search_query_internal.h"
#include <algorithm>
#include <functional>
#include <map>

namespace ck {
using namespace search_detail;

namespace {

constexpr int kPassageWords = 30;           // in pages, the concepts must meet within this many words

// The same term in the title field: "Zpain" -> "ZSpain", "pain" -> "Spain".
std::string TitleTerm(const std::string& term)
{
    if (!term.empty() && term[0] == 'Z')
        return "Z" + std::string(kTitlePrefix) + term.substr(1);
    return kTitlePrefix + term;
}

// The concepts a word holds, each with the best factor it comes with,
// through its stem or the word itself; in concept order.
std::vector<std::pair<size_t, double>> WordConcepts(const TermConcepts& terms, const std::string& stem,
                                                    const std::string& folded)
{
    std::vector<std::pair<size_t, double>> held;
    auto add = [&](const std::string& term) {
        auto it = terms.find(term);
        if (it == terms.end())
            return;
        for (const auto& [c, factor] : it->second) {
            auto at = std::lower_bound(held.begin(), held.end(), std::make_pair(c, 0.0),
                                       [](const auto& a, const auto& b) { return a.first < b.first; });
            if (at != held.end() && at->first == c)
                at->second = std::max(at->second, factor);
            else
                held.insert(at, {c, factor});
        }
    };
    add(stem);
    if (stem != folded)
        add(folded);
    return held;
}

// Per word of `split`, whether it stands inside one of the foreign phrases
// of its own stem.
std::vector<bool> InForeignPhrase(const ForeignPhrases& foreign, const SplitText& split)
{
    const std::vector<std::string>& stems = split.stems;
    std::vector<bool> inside(stems.size(), false);
    if (foreign.empty())
        return inside;
    for (size_t w = 0; w < stems.size(); w++) {
        auto it = foreign.find(stems[w]);
        if (it == foreign.end())
            continue;
        for (const auto& phrase : it->second)
            for (size_t j = 0; j < phrase->stems.size() && j <= w && !inside[w]; j++)
                inside[w] = phrase->stems[j] == stems[w] && w - j + phrase->stems.size() <= stems.size() &&
                            std::equal(phrase->stems.begin(), phrase->stems.end(), stems.begin() + (w - j));
    }
    return inside;
}

} // namespace

namespace search_detail {

std::set<std::string> OnlyInForeignPhrases(const ForeignPhrases& foreign, const std::set<std::string>& present,
                                           const SplitText& title, const std::function<const SplitText&()>& text)
{
    // The phrases the document may have: it holds each of their words.
    ForeignPhrases possible;
    for (const auto& [term, phrases] : foreign) {
        if (!present.count(term))
            continue;
        for (const auto& phrase : phrases)
            if (std::all_of(phrase->terms.begin(), phrase->terms.end(),
                            [&present](const std::string& t) { return present.count(t) != 0; }))
                possible[term].push_back(phrase);
    }
    // Per term it may have only inside them: 0 not seen yet, 1 seen inside
    // phrases only, 2 seen on its own.
    std::map<std::string, int> seen;
    for (const auto& [term, phrases] : possible)
        seen.emplace(term, 0);
    auto look = [&](const SplitText& split) {
        const std::vector<bool> inside = InForeignPhrase(possible, split);
        for (size_t w = 0; w < split.stems.size(); w++)
            if (auto it = seen.find(split.stems[w]); it != seen.end())
                it->second = std::max(it->second, inside[w] ? 1 : 2);
    };
    std::set<std::string> only_inside;
    if (seen.empty())
        return only_inside;
    look(title);
    // The text is split only when some term is not already seen on its own
    // in the title: an FAQ answer is not split to be ranked otherwise.
    if (std::any_of(seen.begin(), seen.end(), [](const auto& entry) { return entry.second != 2; }))
        look(text());
    for (const auto& [term, state] : seen)
        if (state == 1)
            only_inside.insert(term);
    return only_inside;
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

TermConcepts ConceptsOfTerms(const std::vector<Concept>& concepts)
{
    TermConcepts terms;
    for (size_t c = 0; c < concepts.size(); c++)
        for (const Alternative& alternative : concepts[c].alternatives)
            for (const std::string& term : alternative.terms) {
                std::vector<std::pair<size_t, double>>& held = terms[term];
                if (held.empty() || held.back().first != c)
                    held.emplace_back(c, 0.0);
                held.back().second = std::max(held.back().second, alternative.factor);
            }
    return terms;
}

// A term's posting list is not compressed, a document's term list is: one
// walk down each posting list costs less than inflating 30 term lists.
std::vector<std::set<std::string>> TermsHeld(const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
                                             const std::set<std::string>& terms)
{
    std::vector<std::set<std::string>> held(docids.size());
    for (const std::string& term : terms) {
        Xapian::PostingIterator it = db.postlist_begin(term);
        const Xapian::PostingIterator end = db.postlist_end(term);
        for (size_t d = 0; d < docids.size() && it != end; d++) {
            it.skip_to(docids[d]);
            if (it != end && *it == docids[d])
                held[d].insert(held[d].end(), term);
        }
    }
    return held;
}

// Each document term (or title word) credits one concept only: "doctor or
// nurse" is not answered twice by the one word "consultation", which both
// reach through lay words. Matches are handed out best first (factor times
// the concept's weight), each to a concept not yet credited, through keys
// (terms, title word positions) not yet used; concept order breaks ties.
template <typename Key>
struct ConceptMatch {
    size_t concept;
    double factor;
    std::vector<Key> keys;
};

template <typename Key>
std::vector<double> AssignConcepts(const std::vector<Concept>& concepts, std::vector<ConceptMatch<Key>> matches)
{
    std::stable_sort(matches.begin(), matches.end(), [&concepts](const auto& a, const auto& b) {
        const double wa = a.factor * concepts[a.concept].weight, wb = b.factor * concepts[b.concept].weight;
        return wa != wb ? wa > wb : a.concept < b.concept;
    });
    std::vector<double> held(concepts.size(), 0.0);
    std::set<Key> used;
    for (const ConceptMatch<Key>& match : matches) {
        if (held[match.concept] > 0.0 ||
            std::any_of(match.keys.begin(), match.keys.end(), [&used](const Key& k) { return used.count(k) != 0; }))
            continue;
        held[match.concept] = match.factor;
        used.insert(match.keys.begin(), match.keys.end());
    }
    return held;
}

std::vector<double> ConceptsIn(const std::vector<Concept>& concepts, const std::set<std::string>& present,
                               const std::set<std::string>& inside_phrases, double* rarest)
{
    std::vector<ConceptMatch<std::string>> matches;
    for (size_t c = 0; c < concepts.size(); c++)
        for (const Alternative& alternative : concepts[c].alternatives)
            if (std::all_of(alternative.terms.begin(), alternative.terms.end(),
                            [&present](const std::string& t) { return present.count(t) != 0; })) {
                const bool inside = std::any_of(alternative.terms.begin(), alternative.terms.end(),
                                                [&](const std::string& t) { return inside_phrases.count(t) != 0; });
                const double factor = alternative.factor * (inside ? kInsidePhraseFactor : 1.0);
                matches.push_back({c, factor, alternative.terms});
                if (rarest && factor >= kCloseFactor)
                    *rarest = std::max(*rarest, alternative.rarity);
            }
    return AssignConcepts(concepts, std::move(matches));
}

// The share of the typed words that are filler a title uses too: "how soon
// can I have another peel" reads like "How often can I have a peel?". Only
// filler counts: the topic words are the concepts', weighed by rarity, and
// counted again here as plain words two common ones ("after the laser")
// outweighed the rare one that names the topic ("blistering").
double SharedWording(const QueryPlan& plan, const SplitText& title)
{
    if (plan.typed_stems.empty())
        return 0.0;
    const size_t shared = std::count_if(plan.filler_stems.begin(), plan.filler_stems.end(),
                                        [&](const std::string& stem) {
                                            return std::find(title.stems.begin(), title.stems.end(), stem) !=
                                                   title.stems.end();
                                        });
    return static_cast<double>(shared) / static_cast<double>(plan.typed_stems.size());
}

// "is it a doctor or a nurse who does it" asks who: "Who will carry out my
// peel?" answers it even when another title shares more of its words.
bool AsksTheSame(const QueryPlan& plan, const std::vector<std::string>& title_asks)
{
    return std::any_of(plan.asks.begin(), plan.asks.end(), [&](const std::string& word) {
        return std::find(title_asks.begin(), title_asks.end(), word) != title_asks.end();
    });
}

// Per concept, how much of it a title holds (0 for none).
std::vector<double> ConceptsInTitle(const std::vector<Concept>& concepts, const TermConcepts& terms,
                                    const ForeignPhrases& foreign, const SplitText& title)
{
    const std::vector<bool> inside = InForeignPhrase(foreign, title);
    std::vector<ConceptMatch<size_t>> matches;
    for (size_t w = 0; w < title.words.size(); w++)
        for (const auto& [c, factor] : WordConcepts(terms, title.stems[w], title.words[w].folded))
            matches.push_back({c, factor * (inside[w] ? kInsidePhraseFactor : 1.0), {w}});
    return AssignConcepts(concepts, std::move(matches));
}

// Pages are long, so holding every concept somewhere proves little ("opening
// hours" in a page mentioning "open pores" and, far below, "4 hours"). The
// weight of the concepts that meet within kPassageWords words of each other,
// title concepts counting everywhere; each scaled by its alternative's factor.
double PassageWeight(const std::vector<Concept>& concepts, const TermConcepts& terms, const ForeignPhrases& foreign,
                     const SplitText& title, const SplitText& text)
{
    const std::vector<double> in_title = ConceptsInTitle(concepts, terms, foreign, title);
    const std::vector<bool> inside = InForeignPhrase(foreign, text);

    // Per word, the concepts it holds and how much; a sliding window keeps the
    // best factor per concept through a count of each factor seen.
    const std::vector<Word>& words = text.words;
    std::vector<std::vector<std::pair<size_t, double>>> word_concepts(words.size());
    for (size_t w = 0; w < words.size(); w++)
        for (const auto& [c, f] : WordConcepts(terms, text.stems[w], words[w].folded))
            if (const double factor = f * (inside[w] ? kInsidePhraseFactor : 1.0); factor > in_title[c])
                word_concepts[w].emplace_back(c, factor);
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

} // namespace search_detail

} // namespace ck
