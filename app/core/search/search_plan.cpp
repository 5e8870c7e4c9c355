// The query planner: what each typed word stands for. The word itself when
// the content uses it, its forms, the clinic's and the shipped lay words,
// WordNet's synonyms and broader terms for words the content lacks, two
// typed words the content writes as one, the completions of a word still
// being typed, and, for a word nobody knows, a typo fix or two words run
// together.
//
// Index:
//   [SECTION] Concepts       what each query word stands for (Planner)
//   [SECTION] Corrections    Xapian spelling, then a fuzzy fallback
#include "search/search_query_internal.h"
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <string_view>

namespace ck {
using namespace search_detail;

namespace {

constexpr double kUnknownShare = 0.8;       // a word found nowhere weighs this share of the rarest word
constexpr double kTimeClauseShare = 0.5;    // the words of a clause saying when, after the topic (TimeClauseStart)
constexpr double kCommonShare = 0.3;        // a word in more of the documents is a common one: it names no
                                            // topic beside a frame, and weighs kCommonWordShare of its rarity
constexpr double kCommonWordShare = 0.8;
constexpr Xapian::doccount kMinCommonDocs = 10;   // in a small folder every word is in a large share of it
constexpr int kMaxPrefixExpansions = 12;
constexpr size_t kMaxMistypedExpansions = 4;   // a slip's completions are guesses: fewer of them
constexpr size_t kMinPrefixLength = 3;      // shorter prefixes match too much
constexpr size_t kMinCorrectLength = 4;     // shorter words are too ambiguous to correct
constexpr size_t kTwoEditLength = 8;        // words this long may have two typos
constexpr size_t kMinStemFixLetters = 4;    // shorter stems are one edit from too many others
constexpr int kMaxStemRelatives = 200;      // listed words sharing a stem's letters asked before giving up
// How much a match through each kind of alternative counts, against the
// typed word itself (1.0). Lay words: search.cpp.
constexpr double kCompletionFactor = 0.9;   // the last word, still being typed
constexpr double kFormFactor = 0.85;        // another form of the word (WordNet: pay -> payment)
constexpr size_t kMinFormStem = 5;          // a stem shorter than this finds no longer forms (AddLongerForms)
constexpr size_t kMaxLongerForms = 6;
constexpr double kCorrectionFactor = 0.8;   // a typo fix
constexpr double kApartFactor = 0.9;        // "skin care" found apart where the content writes "skincare"
constexpr double kSynonymFactor = 0.65;     // a WordNet synonym of a word the content lacks
constexpr double kBroaderFactor = 0.5;      // a WordNet broader term (wine -> alcohol)
// Longer queries and words are pasted text or a stuck key: without a limit,
// correcting or splitting a 10 000-letter word takes seconds.
constexpr size_t kMaxQueryWords = 32;
constexpr size_t kMaxWordBytes = 40;

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

// "didnt peel" asks what "did not peel" asks: a negative contraction is its
// verb, a stop word, and "not", so that it meets a question written out in
// full, and "don't" meets "do not". Typed without the apostrophe too.
void ExpandNegations(const std::string& lang, std::vector<Word>* words)
{
    static const char* const kContractions[] = {
        "dont", "didnt", "doesnt", "cant", "wont", "isnt", "wasnt", "arent", "werent", "havent",
        "hasnt", "hadnt", "shouldnt", "couldnt", "wouldnt", "mustnt", "aint",
    };
    if (lang.compare(0, 2, "en") != 0)
        return;
    for (Word& word : *words) {
        std::string bare;
        for (char c : word.folded)
            if (c != '\'')
                bare += c;
        if (std::find(std::begin(kContractions), std::end(kContractions), bare) != std::end(kContractions))
            word.folded = "not";
    }
}

// "my daughter is 16", "i'm 70", "mi hija tiene 15 años": a number said as
// someone's age asks about age, which the content words as "age" or
// "edad", not as the number. "it is 2 weeks", "hace 2 años" (ago), "más
// de 2 años" (a length of time) and "6 months old" are not ages.
void NameAges(const std::string& lang, std::vector<Word>* words)
{
    static const char* const kEnglishLeads[] = {"is", "am", "im", "i'm", "aged", "turned", "turning", "turn", "age"};
    static const char* const kEnglishNotAfter[] = {
        "minute", "minutes", "mins", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "percent", "times", "sessions", "out", "of", "am", "pm", "o'clock", "oclock", "inch", "inches", "cm", "mm",
    };
    static const char* const kSpanishLeads[] = {"tiene", "tengo", "tienes", "tenga", "tenia", "cumple", "cumplo", "con", "de", "edad"};
    const std::string primary = PrimaryLanguage(lang);
    if (primary != "en" && primary != "es")
        return;
    auto in = [](const auto& list, const std::string& word) {
        return std::find(std::begin(list), std::end(list), word) != std::end(list);
    };
    for (size_t i = 0; i < words->size(); i++) {
        const std::string& word = (*words)[i].folded;
        const bool number = !word.empty() && word.size() <= 3 &&
                            std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!number)
            continue;
        const int age = std::stoi(word);
        if (age < 1 || age > 120)
            continue;
        const std::string previous = i > 0 ? (*words)[i - 1].folded : std::string();
        const std::string next = i + 1 < words->size() ? (*words)[i + 1].folded : std::string();
        const std::string after = i + 2 < words->size() ? (*words)[i + 2].folded : std::string();
        // How many words after the number say "years old" ("años"), or -1
        // when the number is no age.
        int unit_words = -1;
        if (primary == "en") {
            const bool in_years = next == "years" || next == "year" || next == "yrs" || next == "yr";
            if (in_years && after == "old")
                unit_words = 2;
            else if (next == "yo")
                unit_words = 1;
            else if (!in_years && in(kEnglishLeads, previous) && !in(kEnglishNotAfter, next))
                unit_words = 0;
        } else if (next == "anos" && in(kSpanishLeads, previous) &&
                   !(previous == "de" && i >= 2 && ((*words)[i - 2].folded == "mas" || (*words)[i - 2].folded == "menos"))) {
            unit_words = 1;
        }
        if (unit_words < 0)
            continue;
        (*words)[i].folded = primary == "en" ? "age" : "edad";
        words->erase(words->begin() + static_cast<std::ptrdiff_t>(i + 1),
                     words->begin() + static_cast<std::ptrdiff_t>(i + 1 + unit_words));
    }
}

void LoadVocabulary(const SearchIndex::LangIndex& index);

// The value `cache` keeps for `key`, computed and kept on first use.
template <typename Value, typename Compute>
Value Memoised(std::unordered_map<std::string, Value>& cache, const std::string& key, Compute compute)
{
    auto cached = cache.find(key);
    if (cached != cache.end())
        return cached->second;
    return cache.emplace(key, compute()).first->second;
}

// The on-screen keyboard's letters for English and Spanish, QWERTY rows,
// each offset half a key from the one above: what a finger may hit instead.
constexpr const char* kKeyRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};

bool IsKeyboardLetter(char c)
{
    return c >= 'a' && c <= 'z';
}

// The keys touching `letter`: beside it, and the two above and below.
std::string NeighbouringKeys(char letter)
{
    std::string keys;
    if (!IsKeyboardLetter(letter))
        return keys;
    const int rows = static_cast<int>(std::size(kKeyRows));
    for (int r = 0; r < rows; r++) {
        const std::string_view row = kKeyRows[r];
        const size_t at = row.find(letter);
        if (at == std::string_view::npos)
            continue;
        const int i = static_cast<int>(at);
        auto add = [&keys](int row_index, int column) {
            const std::string_view other = kKeyRows[row_index];
            if (column >= 0 && column < static_cast<int>(other.size()))
                keys += other[column];
        };
        add(r, i - 1);
        add(r, i + 1);
        if (r > 0) {
            add(r - 1, i);
            add(r - 1, i + 1);
        }
        if (r + 1 < rows) {
            add(r + 1, i - 1);
            add(r + 1, i);
        }
    }
    return keys;
}

// What `word` may have been meant as when its first key slipped and the
// rest is typed right: a neighbouring key instead of the first, a key
// pressed just before it ("nbruising"), the first two letters swapped, or
// the first letter left out ("leeding").
template <typename Visit>
void ForEachFirstLetterSlip(const std::string& word, Visit visit)
{
    const std::string rest = word.substr(1);
    for (char key : NeighbouringKeys(word[0]))
        visit(key + rest);
    if (word[1] == word[0] || NeighbouringKeys(word[1]).find(word[0]) != std::string::npos)
        visit(rest);
    visit(std::string(1, word[1]) + word[0] + word.substr(2));
    for (char letter = 'a'; letter <= 'z'; letter++)
        visit(letter + word);
}

class Planner {
public:
    Planner(const SearchIndex::LangIndex& index, const std::string& lang) : index_(index), lang_(lang) {}
    QueryPlan Plan(const std::string& query);

private:
    bool Known(const std::string& word) const;
    bool Unexplained(const std::string& word) const;
    std::string QueryTerm(const std::string& word) const;
    bool InIndex(const std::vector<std::string>& words) const;
    std::vector<std::string> ExpandPrefix(const std::string& prefix) const;
    std::vector<std::string> ExpandMistypedPrefix(const std::string& prefix) const;
    std::string Correct(const std::string& word) const;
    std::string FindCorrection(const std::string& word) const;
    std::string FindStemCorrection(const std::string& word) const;
    std::string FindFirstLetterCorrection(const std::string& word) const;
    std::string MistypedFiller(const std::string& word) const;
    std::string MistypedFrameWord(const std::vector<Word>& words, size_t i, bool partial) const;
    std::string LayPhraseSlip(const std::vector<Word>& words, size_t i, bool partial) const;
    std::vector<std::string> RunTogether(const std::string& word, bool partial) const;
    std::string PairSlip(const std::string& word, const std::string& neighbour, bool neighbour_first) const;
    bool HasPair(const std::string& first, const std::string& second) const;
    std::string FindMistypedFiller(const std::string& word) const;
    Xapian::doccount VocabularyCount(const std::string& word) const;
    std::vector<std::string> SplitCompound(const std::string& word) const;
    void AddLongerForms(Concept* concept, const std::string& word) const;
    std::vector<std::string> Lemmas(const std::string& word) const;
    bool DictionaryWord(const std::string& word) const;
    void AddWordNet(Concept* concept, const std::string& word, bool in_content) const;
    void AddInflections(Concept* concept, const std::string& word) const;
    void AddVerbForms(Concept* concept, const std::string& word) const;
    void AddWord(Concept* concept, const Word& word, bool partial, bool only_word, QueryPlan* plan,
                 bool may_fix = true) const;
    const PlannedWord& PlanWholeWord(const Word& word) const;
    void AddAlternative(Concept* concept, const std::vector<std::string>& words, double factor) const;
    void AddTerms(Concept* concept, std::vector<std::string> terms, double factor) const;
    void AddSynonyms(Concept* concept, const std::string& key, double factor) const;
    void NoteForeignPhrases(QueryPlan* plan) const;
    bool Means(const LayPhrase& phrase, const std::string& term) const;
    size_t TimeClauseStart(const std::vector<Word>& words, const std::vector<bool>& frame) const;
    size_t MatchSynonymKey(const std::vector<Word>& words, size_t first, std::string* key) const;
    std::string JoinedWord(const std::vector<Word>& words, size_t first) const;
    double ConceptWeight(Concept* concept) const;
    bool IsCommon(Xapian::doccount df) const;

    const SearchIndex::LangIndex& index_;
    const std::string& lang_;
};

bool Planner::Known(const std::string& word) const
{
    return index_.TermFreq(QueryTerm(word)) > 0 || index_.TermFreq(word) > 0;
}

// A word that is no filler, that the content and the lay words do not hold
// and that the dictionary (English) does not list: a slip, or words run
// together.
bool Planner::Unexplained(const std::string& word) const
{
    return !IsStopWord(lang_, word) && !Known(word) && index_.synonyms.count(index_.StemTerm(word)) == 0 &&
           !DictionaryWord(word);
}

// Whether an English word is a real one, and so no slip to fix: WordNet's
// words and the spelling list's, which holds the inflections WordNet lacks.
// Without the list, a word WordNet's base forms explain counts, but that
// takes slips for words: "brising" is "bris" + "ing".
bool Planner::DictionaryWord(const std::string& word) const
{
    if (!index_.wordnet)
        return false;
    if (index_.spelling)
        return index_.wordnet->Contains(word) || index_.spelling->Contains(word);
    return !Lemmas(word).empty();
}

// The term a typed word is looked up by: its stem, unless a stop word has
// the same stem. Spanish "comer" and "comida" stem to "com", as "como"
// does, and English "evening" to "even": every answer saying "como" would
// hold "comer". Such a word is matched as typed, where the content uses
// that very form.
std::string Planner::QueryTerm(const std::string& word) const
{
    const std::string& stem = index_.StemTerm(word);
    if (!index_.stop_stems_loaded) {
        for (const std::string& stop : StopWords(lang_))
            index_.stop_stems.insert(index_.StemTerm(stop));
        index_.stop_stems_loaded = true;
    }
    if (index_.stop_stems.count(stem) != 0 && !IsStopWord(lang_, word))
        return word;
    return stem;
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

// The indexed words starting with `prefix`: those of titles first, since a
// title names a topic ("how much does it co" -> "cost", in one title, before
// "course" and "come", in many answers), then the rest; each part most
// frequent first. Memoised: typing walks the same term ranges on every key.
std::vector<std::string> Planner::ExpandPrefix(const std::string& prefix) const
{
    auto cached = index_.prefix_cache.find(prefix);
    if (cached != index_.prefix_cache.end())
        return cached->second;
    auto by_frequency = [this, &prefix](const std::string& term_prefix) {
        std::vector<std::pair<Xapian::doccount, std::string>> found;
        for (auto it = index_.db.allterms_begin(term_prefix); it != index_.db.allterms_end(term_prefix); ++it)
            found.emplace_back(it.get_termfreq(), (*it).substr(term_prefix.size() - prefix.size()));
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        return found;
    };
    std::vector<std::string> words;
    for (const std::string& term_prefix : {kTitlePrefix + prefix, prefix})
        for (auto& entry : by_frequency(term_prefix))
            if (words.size() < static_cast<size_t>(kMaxPrefixExpansions) &&
                std::find(words.begin(), words.end(), entry.second) == words.end())
                words.push_back(std::move(entry.second));
    index_.prefix_cache.emplace(prefix, words);
    return words;
}

// A word being typed with a slip in it ("alcho", "prega"): the words of the
// content that start one edit away from it, most frequent first. No
// correction is shown: the patient is still typing. Memoised as
// ExpandPrefix() is, under a key no typed word has.
std::vector<std::string> Planner::ExpandMistypedPrefix(const std::string& prefix) const
{
    return Memoised(index_.prefix_cache, "~" + prefix, [&] {
        if (!index_.vocabulary_loaded)
            LoadVocabulary(index_);
        std::vector<std::pair<Xapian::doccount, const std::string*>> found;
        auto bucket = index_.vocabulary.find(prefix[0]);
        if (bucket != index_.vocabulary.end())
            for (const auto& entry : bucket->second)
                if (entry.freq > 0 && !IsStopWord(lang_, entry.word) && EditDistance(prefix, entry.word, 1, true) <= 1)
                    found.emplace_back(entry.freq, &entry.word);
        std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        std::vector<std::string> words;
        for (const auto& [freq, word] : found)
            if (words.size() < kMaxMistypedExpansions)
                words.push_back(*word);
        return words;
    });
}

// Adds the words as one alternative when the index holds them; a concept
// gains nothing from words no document has.
void Planner::AddAlternative(Concept* concept, const std::vector<std::string>& words, double factor) const
{
    if (!InIndex(words))
        return;
    std::vector<std::string> terms;
    for (const std::string& word : words)
        if (!IsStopWord(lang_, word) || words.size() == 1)
            terms.push_back(QueryTerm(word));
    AddTerms(concept, std::move(terms), factor);
}

// An alternative already there keeps the better of the two factors.
void Planner::AddTerms(Concept* concept, std::vector<std::string> terms, double factor) const
{
    for (Alternative& existing : concept->alternatives)
        if (existing.terms == terms) {
            existing.factor = std::max(existing.factor, factor);
            return;
        }
    Alternative alternative;
    alternative.terms = std::move(terms);
    alternative.factor = factor;
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

// Whether a word in `df` documents is in a large share of them (see
// kCommonShare).
bool Planner::IsCommon(Xapian::doccount df) const
{
    return df >= kMinCommonDocs && df > kCommonShare * index_.db.get_doccount();
}

// log(1 + N / df). A word the content uses weighs its own rarity: its lay
// words and forms only reach it, and count at their lower factor ("hurt",
// in one answer, is not made as common as "sore", in nine). A word only
// other words reach takes the df of the most common of them, so that no
// guess makes it rarer than it is. A word found nowhere is most likely a
// filler word the stop list lacks or a topic the content does not cover: it
// weighs part of the rarest word's weight, so it lowers a match's grade
// without hiding it. A word placing the question in time ("afterwards") or
// on the body ("face") weighs no more than the content's most common word
// of its kind ("after", "skin").
double Planner::ConceptWeight(Concept* concept) const
{
    const double total = std::max<Xapian::doccount>(index_.db.get_doccount(), 1);
    Xapian::doccount df = 0;
    for (Alternative& alternative : concept->alternatives) {
        Xapian::doccount rarest = static_cast<Xapian::doccount>(total);
        for (const std::string& term : alternative.terms)
            rarest = std::min(rarest, index_.TermFreq(term));
        alternative.rarity = std::log(1.0 + total / std::max<double>(rarest, 1.0));
        df = std::max(df, rarest);
    }
    concept->found = df > 0;
    if (!concept->found)
        return kUnknownShare * std::log(1.0 + total);
    // The planner adds first the typed word or phrase when the content has
    // it, else what the clinic's synonyms make equal to it (factor 1 both).
    const Alternative& typed = concept->alternatives.front();
    if (typed.factor < 1.0 && !concept->fixed) {
        double best_factor = 0.0;
        for (const Alternative& alternative : concept->alternatives)
            best_factor = std::max(best_factor, alternative.factor);
        const double weight = std::log(1.0 + total / std::max<double>(df, 1.0));
        // Reached only by WordNet's senses ("parking": room, way, place),
        // a guess: missing from an answer, it counts against a confident
        // answer at least as much as a word found nowhere.
        return best_factor <= kSynonymFactor ? std::max(weight, kUnknownShare * std::log(1.0 + total)) : weight;
    }
    // A word in many of the documents (the treatment's name, "skin" at a
    // skin clinic) weighs less than its rarity alone says: "puffy skin
    // after laser" asks about puffiness, and three such words together
    // must not outweigh it.
    Xapian::doccount typed_df = df;
    for (const std::string& term : typed.terms)
        typed_df = std::min(typed_df, index_.TermFreq(term));
    const double share = IsCommon(typed_df) ? kCommonWordShare : 1.0;
    for (ContextKind kind : {ContextKind::TimeRelation, ContextKind::BodyPart}) {
        const std::vector<std::string>& words = ContextWords(lang_, kind);
        if (std::find(words.begin(), words.end(), concept->word) == words.end())
            continue;
        Xapian::doccount& most_common = index_.context_df[static_cast<int>(kind)];
        if (most_common == 0) {
            most_common = 1;
            for (const std::string& word : words)
                most_common = std::max(most_common, index_.TermFreq(index_.StemTerm(word)));
        }
        return share * std::min(typed.rarity, std::log(1.0 + total / static_cast<double>(most_common)));
    }
    return share * typed.rarity;
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
// A word WordNet does not list is an inflection the stemmer left whole
// ("cheaper"): it also stands for its base word's lay words ("cheap" is
// price). A listed word is not: "number" is no "numb" with -er.
void Planner::AddWordNet(Concept* concept, const std::string& word, bool in_content) const
{
    for (const std::string& lemma : Lemmas(word)) {
        if (lemma != word) {
            AddAlternative(concept, {lemma}, kFormFactor);
            const std::string lemma_stem = index_.StemTerm(lemma);
            if (!index_.wordnet->Contains(word) && lemma_stem != index_.StemTerm(word))
                AddSynonyms(concept, lemma_stem, kFormFactor);
        }
        for (const std::string& form : index_.wordnet->Related(lemma, WordTable::Forms))
            AddAlternative(concept, SplitPhrase(form), kFormFactor);
        if (in_content)
            continue;
        for (const std::string& synonym : index_.wordnet->Related(lemma, WordTable::Synonyms))
            AddAlternative(concept, SplitPhrase(synonym), kSynonymFactor);
        for (const std::string& broader : index_.wordnet->Related(lemma, WordTable::Broader))
            AddAlternative(concept, SplitPhrase(broader), kBroaderFactor);
    }
    if (index_.wordnet->Contains(word))
        AddInflections(concept, word);
}

// The content's inflections of a word WordNet lists, found by undoing their
// endings: "dark" -> "darker", "big" -> "bigger". The stemmer leaves
// comparatives whole, and WordNet lists only base forms, so nothing else
// takes a typed base form to the content's comparative.
void Planner::AddInflections(Concept* concept, const std::string& word) const
{
    const std::string stem = index_.StemTerm(word);
    if (stem.size() < 4 || stem[0] != 'Z')   // three letters at least: "red", not "go"
        return;
    for (auto it = index_.db.allterms_begin(stem); it != index_.db.allterms_end(stem); ++it) {
        const std::string& term = *it;
        if (term == stem)
            continue;
        const std::vector<std::string> lemmas = Lemmas(term.substr(1));
        if (std::find(lemmas.begin(), lemmas.end(), word) != lemmas.end())
            AddTerms(concept, {term}, kFormFactor);
    }
}

// Spanish: the forms of the typed verb that take its other stem ("duelen"
// -> "doler", "dormir" -> "duerme"; SpanishStemChanges()), as other forms
// of the word.
void Planner::AddVerbForms(Concept* concept, const std::string& word) const
{
    if (!index_.verb_forms_loaded) {
        for (const std::vector<std::string>& forms : SpanishStemChanges())
            for (const std::string& form : forms) {
                const std::string& stem = index_.StemTerm(form);
                for (const std::string& other : forms)
                    if (index_.StemTerm(other) != stem)
                        index_.verb_forms[stem].push_back(other);
            }
        index_.verb_forms_loaded = true;
    }
    auto it = index_.verb_forms.find(index_.StemTerm(word));
    if (it == index_.verb_forms.end())
        return;
    for (const std::string& form : it->second)
        AddAlternative(concept, {form}, kFormFactor);
}

// Everything one typed word may stand for. A word the content, the word
// lists and the dictionary do not know is tried as a typo (unless `may_fix`
// is false), then by its longer forms, then as two words run together.
void Planner::AddWord(Concept* concept, const Word& typed, bool partial, bool only_word, QueryPlan* plan,
                      bool may_fix) const
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
    if (PrimaryLanguage(lang_) == "es") {
        AddVerbForms(concept, word);
        // "granitos" are small "granos", and reach what "granos" reaches.
        if (!in_content)
            for (const std::string& base : SpanishDiminutiveBases(word)) {
                AddAlternative(concept, {base}, kFormFactor);
                AddSynonyms(concept, index_.StemTerm(base), kFormFactor);
            }
    }
    // A word nothing knows is tried as a typo before its longer forms:
    // "sunscren" is "sunscreen" mistyped, and shown as corrected.
    const bool known = in_content || !concept->alternatives.empty();
    if (known && word.size() <= kMaxWordBytes)
        AddLongerForms(concept, word);
    if (partial && word.size() >= (only_word ? kMinPrefixLength : 2))
        for (const std::string& completion : ExpandPrefix(word)) {
            const size_t before = concept->alternatives.size();
            AddAlternative(concept, {completion}, completion == word ? 1.0 : kCompletionFactor);
            if (completion != word && concept->alternatives.size() > before)
                concept->alternatives.back().completion = true;
        }
    if (!concept->alternatives.empty() || word.size() > kMaxWordBytes)
        return;
    if (!DictionaryWord(word) && may_fix) {
        const std::string fixed = Correct(word);
        // The fix stands for everything the word meant does (its forms, lay
        // words, WordNet's), each counting a little less in case the guess
        // is wrong, and weighs what the word meant weighs: "emergemcy" is as
        // rare as "emergency", not as common as its lay word "out of hours".
        // A fix to a lay word that reaches nothing here is no fix: "cara" is
        // not "caca" where the content never mentions either.
        Word meant = typed;
        meant.folded = fixed;
        Concept as_meant;
        if (!fixed.empty()) {
            QueryPlan unused;
            AddWord(&as_meant, meant, false, only_word, &unused, false);
        }
        if (!as_meant.alternatives.empty()) {
            plan->corrections.push_back({typed.begin, typed.end, fixed});
            for (Alternative& alternative : as_meant.alternatives)
                AddTerms(concept, std::move(alternative.terms), alternative.factor * kCorrectionFactor);
            concept->word = as_meant.word;
            concept->fixed = !as_meant.word.empty();
            return;
        }
        if (partial && word.size() >= kMinCorrectLength) {
            for (const std::string& completion : ExpandMistypedPrefix(word))
                AddAlternative(concept, {completion}, kCompletionFactor * kCorrectionFactor);
            if (!concept->alternatives.empty())
                return;
        }
    }
    AddLongerForms(concept, word);
    if (!concept->alternatives.empty())
        return;
    const std::vector<std::string> parts = SplitCompound(word);
    if (!parts.empty())
        AddAlternative(concept, parts, 1.0);
}

// Longer words of the content that start like the typed word's stem, less
// its last letter when it has more than kMinFormStem: "proteger" ->
// "protección", "protegéis"; "sensible" -> "sensibilidad"; "blanquear" ->
// "blanqueamiento". The Spanish stemmer leaves such derived words apart, and
// WordNet, which joins them in English, has no Spanish. Short stems are left
// alone: "cit" (cita) is the start of too many unrelated words.
void Planner::AddLongerForms(Concept* concept, const std::string& word) const
{
    const std::string& stem = index_.StemTerm(word);
    if (stem.size() < kMinFormStem + 1 || stem[0] != 'Z')
        return;
    const std::string prefix = stem.size() > kMinFormStem + 1 ? stem.substr(0, stem.size() - 1) : stem;
    std::vector<std::pair<Xapian::doccount, std::string>> found;
    for (auto it = index_.db.allterms_begin(prefix); it != index_.db.allterms_end(prefix); ++it)
        if (*it != stem)
            found.emplace_back(it.get_termfreq(), *it);
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    if (found.size() > kMaxLongerForms)
        found.resize(kMaxLongerForms);
    for (const auto& [df, term] : found)
        AddTerms(concept, {term}, kFormFactor);
}

// AddWord() and the weight of a word typed in full, from the index's cache.
const PlannedWord& Planner::PlanWholeWord(const Word& typed) const
{
    auto cached = index_.word_cache.find(typed.folded);
    if (cached != index_.word_cache.end())
        return *cached->second;
    auto planned = std::make_shared<PlannedWord>();
    QueryPlan own;
    AddWord(&planned->concept, typed, false, false, &own);
    planned->concept.weight = ConceptWeight(&planned->concept);
    if (!own.corrections.empty())
        planned->correction = own.corrections.front().word;
    return *index_.word_cache.emplace(typed.folded, std::move(planned)).first->second;
}

// "after care" -> "aftercare", "skin care" -> "skincare": two typed words
// the content writes as one; "" when it does not. Not with a stop word ("in
// side" is not "inside"), and only whole words the content holds.
std::string Planner::JoinedWord(const std::vector<Word>& words, size_t first) const
{
    if (first + 1 >= words.size())
        return std::string();
    const std::string& left = words[first].folded;
    const std::string& right = words[first + 1].folded;
    if (left.size() < 2 || right.size() < 2 || left.size() + right.size() > kMaxWordBytes ||
        IsStopWord(lang_, left) || IsStopWord(lang_, right))
        return std::string();
    const std::string joined = left + right;
    return Known(joined) ? joined : std::string();
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
    ExpandNegations(lang_, &words);
    NameAges(lang_, &words);
    if (words.size() > kMaxQueryWords)
        words.resize(kMaxQueryWords);   // the rest is not a patient's question; it would only cost time
    if (words.empty())
        return plan;
    const bool last_is_partial = words.back().end == static_cast<int>(query.size());
    // "waht is it", "hwo long": a slip in a filler word makes it look like a
    // rare topic word that no answer holds. The word still being typed is
    // left alone: "exer" is the start of "exercise", not "ever" mistyped.
    for (size_t i = 0; i + (last_is_partial ? 1 : 0) < words.size(); i++)
        if (std::string filler = MistypedFiller(words[i].folded); !filler.empty())
            words[i].folded = std::move(filler);
    // "es nomal", "is that nromal": a slip in the word that frames the
    // question makes it a topic word, which some answer holds by chance.
    for (size_t i = 1; i < words.size(); i++)
        if (std::string frame = MistypedFrameWord(words, i, last_is_partial && i + 1 == words.size());
            !frame.empty())
            words[i].folded = std::move(frame);
    // "thepayments", "boozeafter", "can iexerc": a space missed on the
    // keyboard. Not two fragments of one word the content has ("treatme nts").
    for (size_t i = 0; i < words.size(); i++) {
        const bool partial = last_is_partial && i + 1 == words.size();
        const std::vector<std::string> parts = RunTogether(words[i].folded, partial);
        if (parts.empty() || (i + 1 < words.size() && Known(words[i].folded + words[i + 1].folded)) ||
            (i > 0 && Known(words[i - 1].folded + words[i].folded)))
            continue;
        Word left = words[i], right = words[i];
        left.folded = parts[0];
        right.folded = parts[1];
        left.end = std::min(left.begin + static_cast<int>(parts[0].size()), words[i].end);
        right.begin = left.end;
        plan.corrections.push_back({words[i].begin, words[i].end, parts[0] + " " + parts[1]});
        words[i] = std::move(right);
        words.insert(words.begin() + static_cast<std::ptrdiff_t>(i), std::move(left));
        i++;
    }
    // "fine lies", "sun pots": a slip that makes another real word, which
    // the dictionary cannot catch, is caught by its neighbour: the content
    // says "fine lines" and "sun spots", never "fine lies".
    for (size_t i = 0; i < words.size(); i++) {
        std::string fixed;
        if (i + 1 < words.size())
            fixed = PairSlip(words[i].folded, words[i + 1].folded, false);
        if (fixed.empty() && i > 0)
            fixed = PairSlip(words[i].folded, words[i - 1].folded, true);
        if (!fixed.empty()) {
            plan.corrections.push_back({words[i].begin, words[i].end, fixed});
            words[i].folded = std::move(fixed);
        }
    }
    // "cara coorada": a slip in a word only a lay phrase has ("cara
    // colorada"). Typo fixes aim at the content's words and one-word lay
    // words, so the phrase would be lost.
    for (size_t i = 0; i < words.size(); i++)
        if (std::string fixed = LayPhraseSlip(words, i, last_is_partial && i + 1 == words.size()); !fixed.empty()) {
            plan.corrections.push_back({words[i].begin, words[i].end, fixed});
            words[i].folded = std::move(fixed);
        }
    for (const Word& word : words) {
        plan.typed_stems.push_back(index_.StemTerm(word.folded));
        if (IsStopWord(lang_, word.folded))
            plan.filler_stems.push_back(plan.typed_stems.back());
    }
    const size_t content_words = std::count_if(words.begin(), words.end(),
                                               [this](const Word& w) { return !IsStopWord(lang_, w.folded); });
    plan.filler_only = content_words == 0;
    // "is that normal" only frames a question that names its topic elsewhere.
    std::vector<bool> frame(words.size(), false);
    size_t frame_words = 0;
    for (size_t i = 0; i < words.size(); i++)
        if (!IsStopWord(lang_, words[i].folded) && IsFrameWord(lang_, words, i)) {
            frame[i] = true;
            frame_words++;
        }
    // ... and a word in more than kCommonShare of the documents, such as the
    // treatment's own name, names none: "what happens when I go in for the
    // laser" at a laser clinic asks what happens.
    bool names_topic = false;
    for (size_t i = 0; i < words.size() && !names_topic; i++)
        names_topic = !IsStopWord(lang_, words[i].folded) && !frame[i] &&
                      !IsCommon(index_.TermFreq(index_.StemTerm(words[i].folded)));
    const bool skip_frames = content_words > frame_words && names_topic;
    // A word typed twice ("hurt ... hurt", "pain ... painful") is one topic,
    // not two for one word of an answer to hold.
    std::vector<std::string> seen;
    auto add_concept = [&plan, &seen](Concept concept, std::string key, double share) {
        if (std::find(seen.begin(), seen.end(), key) != seen.end())
            return;
        seen.push_back(std::move(key));
        concept.weight *= share;
        plan.concepts.push_back(std::move(concept));
    };
    // The "when" of such a clause asks nothing ("does it sting when ...").
    const size_t clause = TimeClauseStart(words, frame);
    plan.asks = QuestionWords(lang_, std::vector<Word>(words.begin(), words.begin() + clause));
    for (size_t i = 0; i < words.size(); i++) {
        const double share = i > clause ? kTimeClauseShare : 1.0;
        Concept concept;
        std::string key;
        std::string seen_key = plan.typed_stems[i];
        size_t count = MatchSynonymKey(words, i, &key);
        if (count) {
            std::vector<std::string> phrase;
            for (size_t k = i; k < i + count; k++)
                phrase.push_back(words[k].folded);
            AddAlternative(&concept, phrase, 1.0);
            AddSynonyms(&concept, key, 1.0);
            // A lay phrase ("pedir cita") the content writes no way at all
            // leaves its words to stand on their own ("cita").
            if (concept.alternatives.empty())
                count = 0;
        }
        if (count) {
            seen_key = key;
            i += count - 1;
        } else if (const std::string joined = JoinedWord(words, i); !joined.empty()) {
            AddAlternative(&concept, {joined}, 1.0);
            AddAlternative(&concept, {words[i].folded, words[i + 1].folded}, kApartFactor);
            AddSynonyms(&concept, index_.StemTerm(joined), 1.0);
            concept.word = joined;
            seen_key = index_.StemTerm(joined);
            i++;
        } else {
            if ((content_words > 0 && IsStopWord(lang_, words[i].folded)) || (skip_frames && frame[i]))
                continue;
            const bool partial = last_is_partial && i + 1 == words.size();
            if (!partial) {
                const PlannedWord& planned = PlanWholeWord(words[i]);
                if (!planned.correction.empty())
                    plan.corrections.push_back({words[i].begin, words[i].end, planned.correction});
                add_concept(planned.concept, plan.typed_stems[i], share);
                continue;
            }
            AddWord(&concept, words[i], partial, words.size() == 1, &plan);
        }
        concept.weight = ConceptWeight(&concept);
        add_concept(std::move(concept), seen_key, share);
    }
    NoteForeignPhrases(&plan);
    // Split words were noted before the typo fixes of the words before them;
    // CorrectedQuery() walks the query left to right.
    std::stable_sort(plan.corrections.begin(), plan.corrections.end(),
                     [](const Correction& a, const Correction& b) { return a.begin < b.begin; });
    return plan;
}

// "will it hurt a lot when you put the acid on": once a question has named
// its topic, a clause that says when ("when", "while", "once") only places
// it, and its words weigh kTimeClauseShare. The index of the clause word,
// or words.size() for none.
size_t Planner::TimeClauseStart(const std::vector<Word>& words, const std::vector<bool>& frame) const
{
    static const char* const kClauseWords[] = {"when", "while", "whilst", "once", "cuando", "mientras"};
    bool topic_before = false;
    for (size_t i = 0; i < words.size(); i++) {
        if (topic_before && std::any_of(std::begin(kClauseWords), std::end(kClauseWords),
                                        [&](const char* clause_word) { return words[i].folded == clause_word; }))
            return i;
        topic_before = topic_before || (!IsStopWord(lang_, words[i].folded) && !frame[i]);
    }
    return words.size();
}

// "ouch" reaches "sore", and "sore" is in "cold sores"; "blood" is in
// "blood thinners". Where a document has such a word only inside a lay
// phrase the query does not ask for, it says what the phrase means, not
// what the word does (search_match.cpp counts it at half).
void Planner::NoteForeignPhrases(QueryPlan* plan) const
{
    // A phrase is searched for when the plan holds it whole, or each of its
    // words apart: "cold so" and "cold sorse" ask about cold sores.
    std::set<std::string> single_terms;
    for (const Concept& concept : plan->concepts)
        for (const Alternative& alternative : concept.alternatives)
            if (alternative.terms.size() == 1)
                single_terms.insert(alternative.terms[0]);
    auto searched = [plan, &single_terms](const LayPhrase& phrase) {
        if (std::all_of(phrase.terms.begin(), phrase.terms.end(),
                        [&](const std::string& term) { return single_terms.count(term) != 0; }))
            return true;
        for (const Concept& concept : plan->concepts)
            for (const Alternative& alternative : concept.alternatives)
                if (alternative.terms == phrase.terms)
                    return true;
        return false;
    };
    // A completion is a guess at a word not yet typed; checking every
    // answer holding "mark" for "dark marks" while the patient types "ma"
    // would cost more than the guess is worth.
    for (const Concept& concept : plan->concepts)
        for (const Alternative& alternative : concept.alternatives) {
            if (alternative.terms.size() != 1 || alternative.completion ||
                plan->foreign_phrases.count(alternative.terms[0]))
                continue;
            auto holding = index_.phrases_holding.find(alternative.terms[0]);
            if (holding == index_.phrases_holding.end())
                continue;
            std::vector<std::shared_ptr<const LayPhrase>> foreign;
            for (const auto& phrase : holding->second)
                if (!searched(*phrase) && !Means(*phrase, alternative.terms[0]))
                    foreign.push_back(phrase);
            if (!foreign.empty())
                plan->foreign_phrases.emplace(alternative.terms[0], std::move(foreign));
        }
}

// Whether a lay phrase stands for the word it holds: "minimum age" is in
// the group of "age", so "age" in it means age; "cold sores" is not "sore".
bool Planner::Means(const LayPhrase& phrase, const std::string& term) const
{
    std::string key;
    for (const std::string& stem : phrase.stems)
        key += (key.empty() ? "" : " ") + stem;
    auto it = index_.synonyms.find(key);
    if (it == index_.synonyms.end())
        return false;
    return std::any_of(it->second.begin(), it->second.end(), [&](const SearchIndex::LangIndex::Synonym& synonym) {
        return synonym.words.size() == 1 && index_.StemTerm(synonym.words[0]) == term;
    });
}

// ---------------------------------------------------------------------------
// [SECTION] Corrections
// ---------------------------------------------------------------------------

// The indexed word (or lay word) closest to `word`, or "" when none is close.
std::string Planner::Correct(const std::string& word) const
{
    if (word.size() < kMinCorrectLength)
        return std::string();
    return Memoised(index_.correction_cache, word, [&] { return FindCorrection(word); });
}

// Buckets the vocabulary by first byte, each sorted by length; `order`
// keeps term order (then lay words) for ties.
void LoadVocabulary(const SearchIndex::LangIndex& index)
{
    size_t order = 0;
    for (auto it = index.db.allterms_begin(); it != index.db.allterms_end(); ++it) {
        const std::string term = *it;
        if (!term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'))   // skip prefixed (stemmed) terms
            index.vocabulary[term[0]].push_back({term, std::string(), it.get_termfreq(), order++});
    }
    for (const std::string& lay_word : index.lay_words)
        index.vocabulary[lay_word[0]].push_back({lay_word, std::string(), 0, order++});
    for (auto& [first, words] : index.vocabulary)
        std::stable_sort(words.begin(), words.end(),
                         [](const auto& a, const auto& b) { return a.word.size() < b.word.size(); });
    if (PrimaryLanguage(index.info.lang) == "es") {
        std::unordered_map<std::string, Xapian::doccount> best_freq;
        for (const auto& [first, words] : index.vocabulary)
            for (const auto& entry : words) {
                if (IsStopWord(index.info.lang, entry.word))
                    continue;
                const std::string sound = SpanishSound(entry.word);
                auto [it, added] = best_freq.emplace(sound, entry.freq);
                if (added || entry.freq > it->second) {
                    it->second = entry.freq;
                    index.word_by_sound[sound] = entry.word;
                }
            }
    }
    index.vocabulary_loaded = true;
}

std::string Planner::FindCorrection(const std::string& word) const
{
    // Two edits only for long words, and only when the length stays close:
    // otherwise off-topic words get "corrected" into content words
    // ("dentist" -> "dents", "charger" -> "change").
    const int max_distance = word.size() >= kTwoEditLength ? 2 : 1;
    // A Spanish word spelt as it sounds ("bino", "oras") is that word, even
    // where a slip of one key would reach another ("bano").
    if (PrimaryLanguage(lang_) == "es") {
        if (!index_.vocabulary_loaded)
            LoadVocabulary(index_);
        if (auto same = index_.word_by_sound.find(SpanishSound(word)); same != index_.word_by_sound.end())
            return same->second;
    }
    auto acceptable = [&](const std::string& candidate) {
        return !candidate.empty() && candidate[0] == word[0] && !IsStopWord(lang_, candidate) &&
               (EditDistance(word, candidate, 1) <= 1 ||
                std::abs(static_cast<int>(candidate.size()) - static_cast<int>(word.size())) <= 1);
    };
    // One slip of the first key, the rest exact, is likelier than two slips
    // elsewhere: "sduracion" is "duracion", not "sudoracion".
    auto or_first_letter = [&](const std::string& fix) {
        if (EditDistance(word, fix, 1) > 1)
            if (std::string first = FindFirstLetterCorrection(word); !first.empty())
                return first;
        return fix;
    };
    if (index_.has_spelling) {
        const std::string suggestion = index_.db.get_spelling_suggestion(word, max_distance);
        if (acceptable(suggestion))
            return or_first_letter(suggestion);
    }
    // Fuzzy fallback: the in-memory backend has no spelling table, and lay
    // words from synonyms are not in the index at all. Typos rarely hit the
    // first letter (guessing there misleads), so only words sharing it, and
    // only lengths within reach, are compared.
    if (!index_.vocabulary_loaded)
        LoadVocabulary(index_);
    auto bucket = index_.vocabulary.find(word[0]);
    if (bucket == index_.vocabulary.end())
        return FindFirstLetterCorrection(word);
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
    if (best_distance <= max_distance)
        return or_first_letter(best);
    const std::string stem_fix = FindStemCorrection(word);
    return stem_fix.empty() ? FindFirstLetterCorrection(word) : stem_fix;
}

// The filler word a word nothing knows stands for, or "". Two letters
// swapped ("waht", "teh") make a filler word whatever else the word is one
// slip from: filler is typed far more often than any topic word. Any other
// slip ("wich") only when no topic word of the content is one slip away
// ("bpack" is "black", not "back"), and only where a dictionary vouches
// that the word is not a real one ("sabor" is not "saber").
std::string Planner::MistypedFiller(const std::string& word) const
{
    return Memoised(index_.filler_cache, word, [&] { return FindMistypedFiller(word); });
}

std::string Planner::FindMistypedFiller(const std::string& word) const
{
    if (word.size() < 3 || word.size() > kMaxWordBytes || !Unexplained(word))
        return std::string();
    const bool dictionary = index_.wordnet != nullptr;
    std::string near;
    for (const std::string& stop : StopWords(lang_)) {
        if (stop.size() != word.size() && (!dictionary || word.size() < 4 || stop.size() + 1 < word.size() ||
                                           stop.size() > word.size() + 1))
            continue;
        if (std::is_permutation(word.begin(), word.end(), stop.begin(), stop.end()) && EditDistance(word, stop, 1) <= 1)
            return stop;   // two letters swapped: "waht", "teh", "cuantso"
        if (near.empty() && dictionary && word.size() >= 4 && EditDistance(word, stop, 1) <= 1)
            near = stop;
    }
    if (near.empty() || !Correct(word).empty())
        return std::string();
    return near;
}

// The frame word ("normal", "grave") that words[i] is one slip from, where
// it would frame the question (after "is that", "es"), or "". Only for a
// word nothing else explains and, while it is being typed, that starts no
// word of the content ("es norm" is still becoming "normal").
std::string Planner::MistypedFrameWord(const std::vector<Word>& words, size_t i, bool partial) const
{
    const std::string& word = words[i].folded;
    if (word.size() < 4 || word.size() > kMaxWordBytes || FrameWords(lang_).count(word))
        return std::string();
    // Runs on every word of every key: the cheap tests first.
    std::string near;
    for (const std::string& frame : FrameWords(lang_))
        if (EditDistance(word, frame, 1) <= 1) {
            if (!near.empty())
                return std::string();   // two frame words as near: no guess
            near = frame;
        }
    if (near.empty())
        return std::string();
    std::vector<Word> fixed = words;
    fixed[i].folded = near;
    if (!IsFrameWord(lang_, fixed, i) || !Unexplained(word) || (partial && !ExpandPrefix(word).empty()))
        return std::string();
    return near;
}

// The word of a lay phrase one slip from words[i] that completes that
// phrase with its neighbours, when words[i] is a word nothing else explains
// and exactly one such word does; "" otherwise. The phrase must reach the
// content, as a phrase the content writes no way at all is not matched. A
// word still being typed is left alone while it starts a word of the content.
std::string Planner::LayPhraseSlip(const std::vector<Word>& words, size_t i, bool partial) const
{
    const std::string& word = words[i].folded;
    if (word.size() < 4 || word.size() > kMaxWordBytes || index_.lay_phrase_words.empty())
        return std::string();
    // Runs on every word of every key: most words are known or start one,
    // and the near words are memoised.
    if ((partial && !ExpandPrefix(word).empty()) || !Unexplained(word))
        return std::string();
    const std::vector<std::string> near = Memoised(index_.lay_slip_cache, word, [&] {
        // One slip keeps the first letter or the second in place, or swaps
        // them, or adds or drops one before them: a cheap test of most
        // words before the edit distance.
        auto may_be_near = [&word](const std::string& c) {
            return c.size() + 1 >= word.size() && c.size() <= word.size() + 1 &&
                   (c[0] == word[0] || c[1] == word[1] || c[0] == word[1] || c[1] == word[0]);
        };
        std::vector<std::string> found;
        for (const std::string& candidate : index_.lay_phrase_words)
            if (candidate.size() >= 2 && candidate != word && may_be_near(candidate) &&
                EditDistance(word, candidate, 1) <= 1)
                found.push_back(candidate);
        return found;
    });
    if (near.empty())
        return std::string();
    std::string fixed_word;
    std::vector<Word> fixed = words;
    for (const std::string& candidate : near) {
        fixed[i].folded = candidate;
        bool completes = false;
        const size_t first = i + 1 > index_.longest_synonym_key ? i + 1 - index_.longest_synonym_key : 0;
        for (size_t start = first; start <= i && !completes; start++) {
            std::string key;
            const size_t count = MatchSynonymKey(fixed, start, &key);
            if (count == 0 || start + count <= i)
                continue;
            const auto& synonyms = index_.synonyms.at(key);
            completes = std::any_of(synonyms.begin(), synonyms.end(),
                                    [&](const SearchIndex::LangIndex::Synonym& s) { return InIndex(s.words); });
        }
        if (!completes)
            continue;
        if (!fixed_word.empty())
            return std::string();   // two phrases as near: no guess
        fixed_word = candidate;
    }
    if (fixed_word.empty())
        return fixed_word;
    // Another word of the content one slip away is as likely, and the
    // content's words are what it answers: "not eeling" is "not peeling",
    // not "not feeling".
    const std::string correction = Correct(word);
    if (!correction.empty() && correction != fixed_word && EditDistance(word, correction, 1) <= 1)
        return std::string();
    return fixed_word;
}

// Two words typed without the space between them, or {} when `word` is not
// that: each part a filler word or a word the content (or the lay word
// lists) holds as typed, in English also a dictionary word whose stem the
// content holds; the split with the most topic letters. In English one part
// may be any dictionary word when the other is the content's ("painlevel").
// A word being typed may end in the start of a word ("iexerc"). Only for a
// word nothing else explains: not one the content or the dictionary knows,
// not one with a close typo fix (below), nor, being typed, one that
// completes.
std::vector<std::string> Planner::RunTogether(const std::string& word, bool partial) const
{
    return Memoised(index_.split_cache, (partial ? "~" : "") + word, [&]() -> std::vector<std::string> {
        if (word.size() < 4 || word.size() > kMaxWordBytes || !Unexplained(word) ||
            (partial && (!ExpandPrefix(word).empty() || !ExpandMistypedPrefix(word).empty())))
            return {};
        auto topic = [&](const std::string& part) {
            return part.size() >= 3 &&
                   (index_.TermFreq(part) > 0 ||
                    std::find(index_.lay_words.begin(), index_.lay_words.end(), part) != index_.lay_words.end() ||
                    (index_.wordnet && Known(part) && !Lemmas(part).empty()));
        };
        std::vector<std::string> best;
        size_t best_letters = 0;
        bool best_exact = false;   // both parts the content's words or filler
        for (size_t split = 1; split < word.size(); split++) {
            const std::string left = word.substr(0, split), right = word.substr(split);
            // Without a dictionary, a one-letter filler word is too easily
            // the start of a real word ("ahora" is not "a hora").
            const size_t shortest_filler = index_.wordnet ? 1 : 2;
            // A number against a word ("type 2diabetes", "3days") splits
            // where the digits end, as filler does.
            auto number = [](const std::string& part) {
                return std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
            };
            const bool left_filler = (left.size() >= shortest_filler && IsStopWord(lang_, left)) ||
                                     (number(left) && !number(right.substr(0, 1)));
            const bool right_filler = (right.size() >= shortest_filler && IsStopWord(lang_, right)) ||
                                      (number(right) && !number(left.substr(left.size() - 1)));
            const bool right_starts = partial && right.size() >= kMinCorrectLength && !ExpandPrefix(right).empty();
            const bool left_topic = topic(left), right_topic = topic(right) || right_starts;
            // One part may be a word the content lacks when the dictionary
            // knows it and the other part is the content's: "painlevel".
            // Without a dictionary (Spanish), a part of five letters or more
            // whose stem the content holds, beside another such part or a
            // word the content holds as typed ("cremasprohibidas").
            const bool stem_left = !index_.wordnet && left.size() >= 5 && Known(left);
            const bool stem_right = !index_.wordnet && right.size() >= 5 && Known(right);
            const bool left_word = left.size() >= 4 && ((right_topic && DictionaryWord(left)) ||
                                                        (stem_left && (topic(right) || stem_right)));
            const bool right_word = right.size() >= 4 && ((left_topic && DictionaryWord(right)) ||
                                                          (stem_right && (left_topic || stem_left)));
            if (!(left_filler || left_topic || left_word) || !(right_filler || right_topic || right_word))
                continue;
            // Two filler words ("onmy") only where a dictionary vouches
            // that the whole is no word ("tele" is not "te le").
            const size_t letters = (left_filler ? 0 : left.size()) + (right_filler ? 0 : right.size());
            if (letters > best_letters || (best.empty() && letters == 0 && index_.wordnet)) {
                best = {left, right};
                best_letters = letters;
                best_exact = !left_word && !right_word && !(right_starts && !topic(right));
            }
        }
        // A typo fix is the likelier reading ("orice" is "price", not "or
        // ice"), unless it takes two edits or, for two filler words, a
        // guessed first letter ("isit" is "is it", not "visit"), and the
        // split needs no guess of its own.
        if (!best.empty()) {
            const std::string fix = Correct(word);
            if (!fix.empty()) {
                const bool far = EditDistance(word, fix, 1) > 1;
                const bool first_letter = fix[0] != word[0];
                if (!best_exact || !(far || (first_letter && best_letters == 0)))
                    return {};
            }
        }
        return best;
    });
}

// The content's word one slip from `word` that stands beside `neighbour`
// in the content, or "". Only for an English word the dictionary knows
// (anything else is a typo fix's job) and the content never uses, beside a
// topic word the content holds, and only where exactly one such word
// exists.
std::string Planner::PairSlip(const std::string& word, const std::string& neighbour, bool neighbour_first) const
{
    // The dictionary first: it allocates nothing, and most words typed at
    // random are in no dictionary, so they leave nothing in the memo.
    if (!index_.spelling || word.size() < 4 || word.size() > kMaxWordBytes || neighbour.size() < 3 ||
        IsStopWord(lang_, word) || IsStopWord(lang_, neighbour) || !DictionaryWord(word))
        return std::string();
    const std::string key = (neighbour_first ? "<" : ">") + word + " " + neighbour;
    return Memoised(index_.pair_cache, key, [&]() -> std::string {
        if (index_.TermFreq(word) > 0 || index_.TermFreq(neighbour) == 0)
            return std::string();
        auto pair = [&](const std::string& candidate) {
            return neighbour_first ? HasPair(neighbour, candidate) : HasPair(candidate, neighbour);
        };
        if (!index_.vocabulary_loaded)
            LoadVocabulary(index_);
        std::vector<std::string> near;
        auto consider = [&](const std::string& candidate) {
            // Another form of the word typed ("gaps" for "gap") is no slip.
            // Once two are found the answer is "" whatever comes next, and
            // each phrase query reads positions from disk: stop asking.
            if (near.size() < 2 && candidate.size() >= 4 && candidate != neighbour && !IsStopWord(lang_, candidate) &&
                index_.StemTerm(candidate) != index_.StemTerm(word) &&
                std::find(near.begin(), near.end(), candidate) == near.end() && pair(candidate))
                near.push_back(candidate);
        };
        if (auto bucket = index_.vocabulary.find(word[0]); bucket != index_.vocabulary.end()) {
            const auto& words = bucket->second;   // sorted by length
            auto it = std::lower_bound(words.begin(), words.end(), word.size() - 1,
                                       [](const auto& entry, size_t length) { return entry.word.size() < length; });
            for (; it != words.end() && it->word.size() <= word.size() + 1; ++it)
                if (EditDistance(word, it->word, 1) <= 1)
                    consider(it->word);
        }
        // A slip of the first key: "lack" for "black", "pots" for "spots".
        ForEachFirstLetterSlip(word, [&](const std::string& candidate) {
            if (VocabularyCount(candidate) > 0)
                consider(candidate);
        });
        return near.size() == 1 ? near[0] : std::string();
    });
}

// Whether the content has `first` directly followed by `second`, as typed.
bool Planner::HasPair(const std::string& first, const std::string& second) const
{
    if (index_.TermFreq(first) == 0 || index_.TermFreq(second) == 0)
        return false;
    const std::vector<std::string> terms = {first, second};
    Xapian::Enquire enquire(index_.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(), 2));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
}

// How often `word` is in the content (lay words count 1), 0 when it is not.
Xapian::doccount Planner::VocabularyCount(const std::string& word) const
{
    auto bucket = index_.vocabulary.find(word[0]);
    if (bucket == index_.vocabulary.end())
        return 0;
    const auto& words = bucket->second;
    auto it = std::lower_bound(words.begin(), words.end(), word.size(),
                               [](const auto& entry, size_t length) { return entry.word.size() < length; });
    for (; it != words.end() && it->word.size() == word.size(); ++it)
        if (it->word == word)
            return std::max<Xapian::doccount>(it->freq, 1);
    return 0;
}

// A slip on the first letter, the rest typed right: a neighbouring key
// ("vleeding"), a key pressed just before it ("nbruising"), the first two
// letters swapped, or the first letter left out ("leeding"). On a touch
// screen the first key is missed as often as any other; the rest of the
// word must then be exact, since one free letter at the start of a word
// reaches far more words than one in its middle. Of the content's words,
// the most frequent such one.
std::string Planner::FindFirstLetterCorrection(const std::string& word) const
{
    if (word.size() < kMinCorrectLength || !IsKeyboardLetter(word[0]))
        return std::string();
    std::string best;
    Xapian::doccount best_count = 0;
    ForEachFirstLetterSlip(word, [&](const std::string& candidate) {
        if (IsStopWord(lang_, candidate))
            return;
        const Xapian::doccount count = VocabularyCount(candidate);
        if (count > best_count) {
            best = candidate;
            best_count = count;
        }
    });
    return best;
}

// A typo in a form the content does not use: "exerising" ("exercising") is
// four edits from the content's "exercise", but its stem, "exeris", is one
// from "exercis". Of the content words whose stem is one edit away, the
// most frequent stands for it. Only where a dictionary vouches that the
// typed word is not a real one: without one, Spanish "aparatos" (braces)
// would become "aparte", and "viene" "vino".
std::string Planner::FindStemCorrection(const std::string& word) const
{
    const std::string& stem = index_.StemTerm(word);
    if (!index_.has_stemmer || stem.size() < kMinStemFixLetters + 1 || stem[0] != 'Z')
        return std::string();
    // English words reach here only once WordNet and the spelling list have
    // said they are not real; Spanish ones are asked of the Spanish list,
    // which holds the words' base forms only: a word is real when it is
    // listed or a listed word has its stem ("aparatos" and "aparato").
    if (!index_.wordnet) {
        if (!index_.spelling || index_.spelling->Contains(word))
            return std::string();
        bool real = false;
        int asked = 0;
        index_.spelling->ForEachStartingWith(stem.substr(1), [&](std::string_view listed) {
            real = "Z" + index_.stemmer(std::string(listed)) == stem;
            return !real && ++asked < kMaxStemRelatives;
        });
        if (real || asked >= kMaxStemRelatives)
            return std::string();
    }
    auto bucket = index_.vocabulary.find(word[0]);
    if (bucket == index_.vocabulary.end())
        return std::string();
    const std::string* best = nullptr;
    Xapian::doccount best_freq = 0;
    for (auto& entry : bucket->second) {
        // Stemmed on a bucket's first use, not at load: most typos never
        // get here, and the stem cache is for query words.
        if (entry.stem.empty())
            entry.stem = "Z" + index_.stemmer(entry.word);
        if (entry.stem.size() + 1 < stem.size() || entry.stem.size() > stem.size() + 1 ||
            IsStopWord(lang_, entry.word) || EditDistance(stem, entry.stem, 1) > 1)
            continue;
        if (!best || entry.freq > best_freq) {
            best = &entry.word;
            best_freq = entry.freq;
        }
    }
    return best ? *best : std::string();
}

} // namespace

namespace search_detail {

QueryPlan PlanQuery(const SearchIndex::LangIndex& index, const std::string& lang, const std::string& query)
{
    return Planner(index, lang).Plan(query);
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

} // namespace search_detail

} // namespace ck
