// Shared between the query-side source files only: the plan a query becomes
// (search_plan.cpp), what a document holds of it (search_match.cpp), its
// snippets (search_snippets.cpp), and the ranking that puts them together
// in SearchIndex::Search (search_query.cpp).
#pragma once
#include "search/search_internal.h"
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace ck {

namespace search_detail {

// How much a match through an alternative must count to be close enough to
// answer a question, not only to suggest one: the typed word, its forms, lay
// words and typo fixes are; WordNet's looser guesses are not.
constexpr double kCloseFactor = 0.8;

// A word found only inside a lay phrase of another meaning ("sore" in "cold
// sores") suggests what it is in, at this much of its factor.
constexpr double kInsidePhraseFactor = 0.5;

struct Alternative {
    std::vector<std::string> terms;   // index terms that must all match
    double factor = 1.0;              // how much a match through it counts
    double rarity = 0.0;              // log(1 + N / df) of its rarest term; set by the planner
    bool completion = false;          // only a word the one being typed may become ("ma" -> "mark")
};

struct Concept {
    std::vector<Alternative> alternatives;
    double weight = 0.0;       // rarity of its most common alternative (search_plan.cpp)
    bool found = false;        // some document holds it
    bool fixed = false;        // a typo fix: its first alternative is the word meant
    std::string word;          // the indexed word typed, for the phrase bonus ("" if none)
};

struct Correction {
    int begin = 0;             // byte range in the query
    int end = 0;
    std::string word;
};

// A whole typed word (not the last one, still being typed): its concept,
// weighed, and its typo fix ("" if none).
struct PlannedWord {
    Concept concept;
    std::string correction;
};

using LayPhrase = SearchIndex::LangIndex::LayPhrase;
using ForeignPhrases = std::map<std::string, std::vector<std::shared_ptr<const LayPhrase>>>;

struct QueryPlan {
    std::vector<Concept> concepts;
    std::vector<Correction> corrections;
    std::vector<std::string> typed_stems;   // every typed word, filler included, stemmed
    std::vector<std::string> filler_stems;  // the typed filler words ("can", "i", "how"), stemmed
    std::vector<std::string> asks;          // its question words (QuestionWords)
    bool filler_only = false;   // every word is filler ("what is it"): only titles can answer
    // Per one-word term of the plan, the lay phrases holding it that the
    // plan does not search for: inside them the word means something else
    // ("sore" in "cold sores", "blood" in "blood thinners").
    ForeignPhrases foreign_phrases;
};

// ---------------------------------------------------------------------------
// [SECTION] Plan (search_plan.cpp)
// ---------------------------------------------------------------------------

// What each word of `query` stands for: the word itself, its forms, lay
// words, completions of the last word, typo fixes. Call under index.mutex.
QueryPlan PlanQuery(const SearchIndex::LangIndex& index, const std::string& lang, const std::string& query);

// The query with the plan's typo fixes applied, or "" when there are none.
std::string CorrectedQuery(const std::string& query, const std::vector<Correction>& corrections);

// ---------------------------------------------------------------------------
// [SECTION] Matching (search_match.cpp)
// ---------------------------------------------------------------------------

// One concept as a Xapian query, in the whole text or in the title field.
Xapian::Query ConceptQuery(const Concept& concept, bool title_field);

// Typed words found side by side, as phrase queries.
std::vector<Xapian::Query> PhraseQueries(const std::string& lang, const std::vector<Concept>& concepts);

// Each index term of the plan's alternatives, with the concepts it belongs
// to and the best factor it comes with in each (in concept order). A phrase
// alternative counts where its words are found apart, which the
// document-level check has already vetted. Built once per query.
using TermConcepts = std::unordered_map<std::string, std::vector<std::pair<size_t, double>>>;
TermConcepts ConceptsOfTerms(const std::vector<Concept>& concepts);

// For each of `docids` (ascending), which of `terms` it holds.
std::vector<std::set<std::string>> TermsHeld(const Xapian::Database& db, const std::vector<Xapian::docid>& docids,
                                             const std::set<std::string>& terms);

// How much of each concept a document holding the terms `present` holds:
// the factor of the best alternative it has, 0 for none; an alternative
// through a term of `inside_phrases` (OnlyInForeignPhrases()) counts
// kInsidePhraseFactor of it. `*rarest` (may be null): the rarity of the
// rarest close alternative it holds.
std::vector<double> ConceptsIn(const std::vector<Concept>& concepts, const std::set<std::string>& present,
                               const std::set<std::string>& inside_phrases, double* rarest = nullptr);

// The terms of `foreign` that a document holding `present` has (in its
// title or text) only inside lay phrases that mean something else: "sore"
// only in "cold sores". `text` splits its text when it is needed.
std::set<std::string> OnlyInForeignPhrases(const ForeignPhrases& foreign, const std::set<std::string>& present,
                                           const SplitText& title, const std::function<const SplitText&()>& text);

// Per concept, how much of it a title holds (0 for none). A word inside a
// foreign phrase holds kInsidePhraseFactor of what it would.
std::vector<double> ConceptsInTitle(const std::vector<Concept>& concepts, const TermConcepts& terms,
                                    const ForeignPhrases& foreign, const SplitText& title);

// The weight of the concepts that meet in one passage of a page's `text`.
double PassageWeight(const std::vector<Concept>& concepts, const TermConcepts& terms, const ForeignPhrases& foreign,
                     const SplitText& title, const SplitText& text);

// The share of the typed words that are filler words the title uses too:
// how close its wording is to the query's, beside the topic words that
// coverage already weighs by their rarity.
double SharedWording(const QueryPlan& plan, const SplitText& title);

// Whether a title's question words (`title_asks`) hold one of the query's.
bool AsksTheSame(const QueryPlan& plan, const std::vector<std::string>& title_asks);

// ---------------------------------------------------------------------------
// [SECTION] Snippets and stored documents (search_snippets.cpp)
// ---------------------------------------------------------------------------

// A hit's stored fields and split title, from the index's cache.
const SearchIndex::LangIndex::StoredDoc& Stored(const SearchIndex::LangIndex& index, const Xapian::MSetIterator& it);

// A stored document's split text, split on first use.
const SplitText& StoredText(const SearchIndex::LangIndex& index, const SearchIndex::LangIndex::StoredDoc& stored);

// The byte ranges of the words that match `terms`, moved left by `shift`.
std::vector<TextRange> Highlights(const std::set<std::string>& terms, const SplitText& split, int shift = 0);

// Sets hit->snippet and its highlights: text around the first match.
void MakeSnippet(const std::set<std::string>& terms, const std::string& text, const SplitText& split, SearchHit* hit);

} // namespace search_detail

} // namespace ck
