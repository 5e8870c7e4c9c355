// What a hit shows: its stored fields (kept in the index's cache, since the
// same pages come back key after key), the snippet around the first match
// and the ranges of the words to highlight in it and in the title.
#include "search/search_query_internal.h"
#include <algorithm>

namespace ck {
using namespace search_detail;

namespace {

constexpr int kSnippetBytes = 200;

bool WordMatches(const std::set<std::string>& terms, const SplitText& split, size_t w)
{
    return terms.count(split.stems[w]) != 0 || terms.count(split.words[w].folded) != 0;
}

SplitText Split(const SearchIndex::LangIndex& index, const std::string& text)
{
    SplitText split;
    split.words = SplitWords(text);
    for (const Word& word : split.words)
        split.stems.push_back(index.StemTerm(word.folded));
    return split;
}

size_t Bytes(const SplitText& split)
{
    return split.words.size() * (sizeof(Word) + sizeof(std::string));
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

std::vector<TextRange> Highlights(const std::set<std::string>& terms, const SplitText& split, int shift)
{
    std::vector<TextRange> ranges;
    for (size_t w = 0; w < split.words.size(); w++)
        if (WordMatches(terms, split, w))
            ranges.push_back({split.words[w].begin - shift, split.words[w].end - shift});
    return ranges;
}

// A window of about kSnippetBytes around the first matched word, starting at
// its line when that is close, cut at word boundaries. Newlines become spaces.
void MakeSnippet(const std::set<std::string>& terms, const std::string& text, const SplitText& split, SearchHit* hit)
{
    const std::vector<Word>& words = split.words;
    size_t first = 0;
    while (first < words.size() && !WordMatches(terms, split, first))
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
    SplitText inside;
    for (size_t w = 0; w < words.size(); w++)
        if (static_cast<size_t>(words[w].begin) >= start && static_cast<size_t>(words[w].end) <= start + body.size()) {
            inside.words.push_back(words[w]);
            inside.stems.push_back(split.stems[w]);
        }
    hit->snippet_highlights = Highlights(terms, inside, static_cast<int>(start) - static_cast<int>(lead.size()));
}

const SearchIndex::LangIndex::StoredDoc& Stored(const SearchIndex::LangIndex& index, const Xapian::MSetIterator& it)
{
    auto found = index.doc_cache.find(*it);
    if (found != index.doc_cache.end()) {
        found->second->last_read = ++index.doc_clock;
        return *found->second;
    }
    auto stored = std::make_shared<SearchIndex::LangIndex::StoredDoc>();
    stored->last_read = ++index.doc_clock;
    stored->fields = SplitData(it.get_document().get_data());
    stored->title = Split(index, stored->fields[2]);
    stored->title_asks = QuestionWords(index.info.lang, stored->title.words);
    for (const std::string& field : stored->fields)
        stored->bytes += field.size();
    for (const std::string& word : stored->title_asks)
        stored->bytes += word.size();
    stored->bytes += Bytes(stored->title);
    index.doc_cache_bytes += stored->bytes;
    return *index.doc_cache.emplace(*it, std::move(stored)).first->second;
}

const SplitText& StoredText(const SearchIndex::LangIndex& index, const SearchIndex::LangIndex::StoredDoc& stored)
{
    if (!stored.split) {
        stored.text = Split(index, stored.fields[3]);
        stored.split = true;
        stored.bytes += Bytes(stored.text);
        index.doc_cache_bytes += Bytes(stored.text);
    }
    return stored.text;
}

} // namespace search_detail

} // namespace ck
