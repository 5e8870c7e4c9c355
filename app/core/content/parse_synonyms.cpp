// synonyms.json: the clinic's lay words for search ("hurt" -> "pain").
#include "content/content_parse_internal.h"

namespace ck {
using namespace parse_detail;

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
        const std::string pointer = "/synonyms/" + it.key();
        if (!it->is_array()) {
            r.Error(pointer, "the synonyms of " + Quote(it.key()) + " must be a list such as [\"pain\"]; skipped");
            continue;
        }
        std::vector<std::string> words;
        for (size_t i = 0; i < it->size(); i++) {
            if ((*it)[i].is_string())
                words.push_back((*it)[i].get<std::string>());
            else
                r.Error(pointer + "/" + std::to_string(i), "each synonym must be text in quotes");
        }
        synonyms[it.key()] = std::move(words);
    }
    return synonyms;
}

} // namespace ck
