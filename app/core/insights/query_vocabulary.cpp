// Words a released query may keep. See query_vocabulary.h.
#include "insights/query_vocabulary.h"
#include "search/search.h"
#include "search/search_words.h"
#include <cctype>
#include <fstream>
#include <unordered_set>

namespace ck {

namespace {

using WordSet = std::unordered_set<std::string>;

// Words of `text` as NormaliseQuery writes them (lower case), and folded.
void AddWords(const std::string& text, WordSet* words)
{
    std::string word;
    auto flush = [&] {
        if (!word.empty()) {
            const std::string lower = NormaliseQuery(word);
            words->insert(lower);
            words->insert(FoldForSearch(lower));
        }
        word.clear();
    };
    for (char c : text) {
        const unsigned char byte = static_cast<unsigned char>(c);
        if (byte >= 0x80 || std::isalnum(byte) || c == '\'' || c == '-')
            word += c;
        else
            flush();
    }
    flush();
}

void AddDictionary(const std::string& path, WordSet* words)
{
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        bool lower = !line.empty();
        for (char c : line)
            lower = lower && !(c >= 'A' && c <= 'Z');   // "Margaret", "Okafor": names drop out
        if (lower)
            words->insert(line);
    }
}

WordSet Vocabulary(const Content& content, const std::string& lang, const std::string& assets_dir,
                   const std::string& dict_dir)
{
    WordSet words;
    if (const LanguageContent* language = content.Language(lang)) {
        for (const FaqEntry& faq : language->faq)
            AddWords(faq.question + " " + DocumentPlainText(faq.answer), &words);
        for (const Page& page : language->pages)
            AddWords(page.title + " " + page.summary + " " + DocumentPlainText(page.doc), &words);
        for (const auto& [key, values] : language->synonyms) {
            AddWords(key, &words);
            for (const std::string& value : values)
                AddWords(value, &words);
        }
    }
    std::string problem;
    for (const auto& [key, values] : search_detail::LoadLayTerms(assets_dir, lang, &problem)) {
        AddWords(key, &words);
        for (const std::string& value : values)
            AddWords(value, &words);
    }
    const std::string primary = lang.substr(0, lang.find('-'));
    if (primary == "en") {
        AddDictionary(dict_dir + "/american-english", &words);
        AddDictionary(dict_dir + "/british-english", &words);
    } else if (primary == "es") {
        AddDictionary(dict_dir + "/spanish", &words);
    }
    return words;
}

} // namespace

QueryMask MakeQueryMask(std::shared_ptr<const Content> content, std::string assets_dir, std::string dict_dir)
{
    return [content = std::move(content), assets_dir = std::move(assets_dir),
            dict_dir = std::move(dict_dir)](const std::string& lang, const std::string& text) {
        const WordSet words = Vocabulary(*content, lang, assets_dir, dict_dir);
        return MaskUnknownWords(text, [&](const std::string& word) {
            return words.count(word) != 0 || words.count(FoldForSearch(word)) != 0;
        });
    };
}

} // namespace ck
