// What a hit shows: its stored fields (kept in the index's cache, since the
// same pages come back key after key), the snippet around the first match
// and the ranges of the words to highlight in it and in the title.
#include "search/search_query_internal.h"
#include <algorithm>

namespace ck {
using namespace search_detail;

namespace {

constexpr int kSnippetBytes = 200;

bool WordMatches(const SearchIndex::LangIndex& index, const std::set<std::string>& terms, const std::string& folded)
{
    return terms.count(index.StemTerm(folded)) != 0 || terms.count(folded) != 0;
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

} // namespace

namespace search_detail {

std::vector<TextRange> Highlights(const SearchIndex::LangIndex& index, const std::set<std::string>& terms,
                                  const std::vector<Word>& words, int shift)
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

} // namespace search_detail

} // namespace ck
