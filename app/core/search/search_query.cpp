// SearchIndex::Search: query words -> concepts (typo fixes, prefixes,
// synonyms; search_plan.cpp) -> Xapian query -> BM25's best re-ranked by
// the share of the query they hold (search_match.cpp) -> confident answers
// and closest questions, with snippets (search_snippets.cpp).
#include "search/search_query_internal.h"
#include <algorithm>
#include <cmath>
#include <set>

namespace ck {
using namespace search_detail;

namespace {

// See search.h for the rule. These figures come from the development sets
// only (tests/data/search/queries_*.tsv and the chemical-peel set); the
// other sets under tests/data/search/sets/ are held out to measure them.
constexpr double kConfidentCoverage = 0.7;  // a confident answer holds this share of the query
constexpr double kRelatedCoverage = 0.25;   // a closest question holds at least this share
constexpr double kMinEvidence = 0.5;        // and a confident one holds a word at least half as rare as
                                            // the rarest: common words alone ("what time is it") only suggest
constexpr double kRankWeight = 0.5;         // BM25 (relative to the best) beside coverage in the rank
constexpr double kTitleRankWeight = 1.0;    // coverage by the question or title alone, on top
constexpr double kWordingWeight = 0.3;      // typed filler words shared with the title
constexpr double kAsksWeight = 0.3;         // the title asks what the query asks (who, when, how long)
constexpr double kKeepRelative = 0.7;       // further confident answers rank within this of the best
constexpr int kRelatedCount = 3;
constexpr int kRerankDepth = 30;            // BM25's best this many are re-ranked by coverage
constexpr double kTitleBoost = 1.0;         // weight of the title-field query beside the whole text
constexpr double kPhraseBoost = 1.0;        // weight of typed words found side by side

// A BM25 candidate with what re-ranking needs.
struct Candidate {
    Xapian::MSetIterator it;
    double bm25 = 0.0;
    double coverage = 0.0;     // share of the query's weight it holds, 0..1
    double distinctive = 0.0;  // rarity of the rarest word it holds through a close alternative
    double known = 0.0;        // share of the weight of the words some document holds
    double strong = 0.0;       // the same through close alternatives only
    double title = 0.0;        // the share its question or title holds
    double wording = 0.0;      // the share of the typed words that are filler its title uses too
    bool asks = false;         // its title asks what the query asks
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

// The weight of the concepts a document holds, each at the factor it holds
// it with (`held`, per concept as ConceptsIn() gives it).
double Weighed(const std::vector<Concept>& concepts, const std::vector<double>& held)
{
    double weight = 0.0;
    for (size_t c = 0; c < held.size(); c++)
        weight += held[c] * concepts[c].weight;
    return weight;
}

// Coverage of one candidate: the concepts its terms hold, and for a page
// the concepts that meet in one passage (the smaller of the two). `strong`
// counts only close alternatives (the word, its forms, lay words, typo
// fixes): WordNet's looser guesses may suggest a question, never answer one.
void Coverage(const SearchIndex::LangIndex& index, const QueryPlan& plan, const TermConcepts& terms,
              const std::set<std::string>& present, double total_weight, double known_weight, Candidate* candidate)
{
    const SearchIndex::LangIndex::StoredDoc& stored = Stored(index, candidate->it);
    const std::set<std::string> inside_phrases = OnlyInForeignPhrases(
        plan.foreign_phrases, present, stored.title, [&]() -> const SplitText& { return StoredText(index, stored); });
    const std::vector<double> held = ConceptsIn(plan.concepts, present, inside_phrases, &candidate->distinctive);
    double covered = 0.0, strong = 0.0;
    for (size_t c = 0; c < held.size(); c++) {
        covered += held[c] * plan.concepts[c].weight;
        strong += held[c] >= kCloseFactor ? held[c] * plan.concepts[c].weight : 0.0;
    }
    // Whether it may be offered as a closest question: a word held only
    // inside a phrase of another meaning still counts in full there ("cold
    // soars" is still near "I get cold sores").
    double suggests =
        inside_phrases.empty() ? covered : Weighed(plan.concepts, ConceptsIn(plan.concepts, present, {}));
    if (covered > 0.0 && plan.concepts.size() > 1 && stored.fields[0] == "p") {
        const double passage =
            PassageWeight(plan.concepts, terms, plan.foreign_phrases, stored.title, StoredText(index, stored));
        covered = std::min(covered, passage);
        strong = std::min(strong, passage);
        suggests = std::min(suggests, passage);
    }
    candidate->coverage = total_weight > 0.0 ? covered / total_weight : 0.0;
    candidate->known = known_weight > 0.0 ? suggests / known_weight : 0.0;
    candidate->strong = total_weight > 0.0 ? strong / total_weight : 0.0;
    const double title =
        Weighed(plan.concepts, ConceptsInTitle(plan.concepts, terms, plan.foreign_phrases, stored.title));
    candidate->title = total_weight > 0.0 ? title / total_weight : 0.0;
    candidate->wording = SharedWording(plan, stored.title);
    candidate->asks = AsksTheSame(plan, stored.title_asks);
}

SearchHit MakeHit(const SearchIndex::LangIndex& index, const std::set<std::string>& all_terms, const Candidate& candidate)
{
    const SearchIndex::LangIndex::StoredDoc& stored = Stored(index, candidate.it);
    SearchHit hit;
    hit.kind = stored.fields[0] == "p" ? HitKind::Page : HitKind::Faq;
    hit.id = stored.fields[1];
    hit.title = stored.fields[2];
    hit.score = candidate.rank;
    hit.title_highlights = Highlights(all_terms, stored.title);
    MakeSnippet(all_terms, stored.fields[3], StoredText(index, stored), &hit);
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
        const QueryPlan plan = PlanQuery(*index, lang, query);
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
            std::vector<std::pair<Xapian::docid, size_t>> by_docid;   // candidate indexes in docid order
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                by_docid.emplace_back(*it, candidates.size());
                candidates.push_back(Candidate{it});
                candidates.back().bm25 = it.get_weight();
            }
            std::sort(by_docid.begin(), by_docid.end());
            std::vector<Xapian::docid> docids;
            for (const auto& [docid, c] : by_docid)
                docids.push_back(docid);
            // The words of the phrases that may hold a query word too: a
            // document lacking one of them cannot have the phrase, and its
            // text need not be read for it (OnlyInForeignPhrases()).
            std::set<std::string> looked_up = all_terms;
            for (const auto& [term, phrases] : plan.foreign_phrases)
                for (const auto& phrase : phrases)
                    looked_up.insert(phrase->terms.begin(), phrase->terms.end());
            const std::vector<std::set<std::string>> present = TermsHeld(index->db, docids, looked_up);
            const TermConcepts terms = ConceptsOfTerms(plan.concepts);
            for (size_t d = 0; d < by_docid.size(); d++)
                Coverage(*index, plan, terms, present[d], total_weight, known_weight, &candidates[by_docid[d].second]);
            const double best_bm25 = candidates.empty() ? 1.0 : std::max(candidates[0].bm25, 1e-9);
            for (Candidate& candidate : candidates)
                candidate.rank = kRankWeight * candidate.bm25 / best_bm25 + candidate.coverage +
                                 kTitleRankWeight * candidate.title + kWordingWeight * candidate.wording +
                                 (candidate.asks ? kAsksWeight : 0.0);
            std::stable_sort(candidates.begin(), candidates.end(),
                             [](const Candidate& a, const Candidate& b) { return a.rank > b.rank; });
            // Confident answers first, while they stay close to the best; the
            // rest of the partial matches become the closest questions. The
            // best-ranked match is always one of them: a long question may
            // hold too little of any answer for the share rule, and hiding
            // the best while showing weaker ones puts the weaker first.
            for (const Candidate& candidate : candidates) {
                const bool best = &candidate == &candidates.front();
                const bool confident = candidate.strong >= kConfidentCoverage &&
                                       (plan.filler_only || candidate.distinctive >= kMinEvidence * rarest) &&
                                       candidate.rank >= kKeepRelative * candidates[0].rank &&
                                       results.related.empty();
                if (confident && static_cast<int>(results.hits.size()) < max_results)
                    results.hits.push_back(MakeHit(*index, all_terms, candidate));
                else if ((candidate.known >= kRelatedCoverage || (best && candidate.known > 0.0)) &&
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
