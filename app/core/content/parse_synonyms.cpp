// synonyms.json: the clinic's lay words for search ("hurt" -> "pain").
// Anything search could not use is an error that says why, so staff never
// believe a synonym works when it does nothing.
#include "content/content_parse_internal.h"
#include "base/utf8.h"
#include <algorithm>

namespace ck {
using namespace parse_detail;

namespace {

// Search matches words: letters and digits (any script). Punctuation and
// spaces alone give it nothing to look for.
bool HasWord(const std::string& text)
{
    for (size_t at = 0; at < text.size();) {
        const unsigned c = DecodeUtf8(text, &at);
        const bool ascii_word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        // From U+00C0 on, what a synonym holds is letters (Latin-1's symbols and ¿ ¡ « » come before).
        const bool punctuation = (c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F);
        if (ascii_word || (c >= 0xC0 && !punctuation))
            return true;
    }
    return false;
}

// Words in the order search reads them: runs of letters and digits, lower case.
std::string Words(const std::string& text)
{
    std::string out;
    bool space = false;
    for (char c : ToLowerAscii(text)) {
        const bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c & 0x80);
        if (word) {
            if (space && !out.empty())
                out += ' ';
            out += c;
        }
        space = !word;
    }
    return out;
}

// Longer phrases than this are never matched: a query is read up to 32 words.
constexpr size_t kMaxPhraseWords = 32;

size_t WordCount(const std::string& words)
{
    return words.empty() ? 0 : 1 + static_cast<size_t>(std::count(words.begin(), words.end(), ' '));
}

} // namespace

std::map<std::string, std::vector<std::string>> ParseSynonyms(std::string_view text, const std::string& file,
                                                              Diagnostics* diag)
{
    std::map<std::string, std::vector<std::string>> synonyms;
    JsonReader r(text, file, diag);
    const json* lay_words = r.TopLevel(
        "synonyms", json::value_t::object,
        "synonyms.json must look like {\"synonyms\": {\"hurt\": [\"pain\", \"sore\"]}}");
    if (!lay_words)
        return synonyms;
    for (auto it = lay_words->begin(); it != lay_words->end(); ++it) {
        const std::string& key = it.key();
        const std::string pointer = "/synonyms/" + key;
        if (!HasWord(key)) {
            r.Error(pointer, "the key " + Quote(key) + " has no letters or digits, so search cannot match it; "
                             "it is ignored");
            continue;
        }
        if (WordCount(Words(key)) > kMaxPhraseWords) {
            r.Error(pointer, "the key " + Quote(key.substr(0, 40) + "...") + " has more than 32 words; search reads "
                             "no more than that of a question, so it never matches. It is ignored");
            continue;
        }
        if (!it->is_array()) {
            r.Error(pointer, "the synonyms of " + Quote(key) + " must be a list such as [\"pain\"]; it is ignored");
            continue;
        }
        if (it->empty()) {
            r.Error(pointer, "the list for " + Quote(key) + " is empty, so it adds nothing; write the words "
                             "that mean the same, such as [\"pain\"], or remove it");
            continue;
        }
        std::vector<std::string> words;
        for (size_t i = 0; i < it->size(); i++) {
            const std::string at = pointer + "/" + std::to_string(i);
            if (!(*it)[i].is_string()) {
                r.Error(at, "each synonym must be text in quotes; this one is ignored");
                continue;
            }
            const std::string value = (*it)[i].get<std::string>();
            if (!HasWord(value))
                r.Error(at, "the synonym " + Quote(value) + " has no letters or digits, so search cannot look "
                            "for it; it is ignored");
            else if (Words(value) == Words(key))
                r.Error(at, "the synonym " + Quote(value) + " is the same words as its key, so it adds nothing; "
                            "it is ignored");
            else
                words.push_back(value);
        }
        if (!words.empty())
            synonyms[key] = std::move(words);
    }
    return synonyms;
}

} // namespace ck
