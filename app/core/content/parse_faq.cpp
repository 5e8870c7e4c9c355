// faq.json: a language's questions and answers. A question that cannot be
// shown (no id, text or answer; an id used twice) is skipped with an error;
// the rest still load.
#include "content/content_parse_internal.h"
#include "document/markdown.h"

namespace ck {
using namespace parse_detail;

static bool IsLowerKebab(const std::string& id)
{
    if (id.empty() || id.front() == '-' || id.back() == '-')
        return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return false;
    return true;
}

// Reads one questions[i]; nullopt (with an error) when it cannot be shown.
static std::optional<FaqEntry> ReadFaqEntry(const JsonReader& r, const json& item, size_t index,
                                            const std::string& file, Diagnostics* diag)
{
    static const std::vector<std::string> known = {"id", "question", "answer", "keywords"};
    const std::string pointer = "/questions/" + std::to_string(index);
    const std::string label = "question " + std::to_string(index + 1);
    if (!item.is_object()) {
        r.Error(pointer, label + " must be an object in curly braces { }; it is skipped");
        return std::nullopt;
    }
    r.CheckKeys(item, pointer, known);
    FaqEntry entry;
    entry.line = r.Line(pointer);
    bool usable = true;
    for (const char* key : {"id", "question", "answer"}) {
        std::string value;
        const bool present = item.contains(key);
        const bool read = r.String(item, pointer, key, &value);   // reports a wrong type itself
        if (!read || value.empty()) {
            if (!present)
                r.Error(pointer, label + " has no " + Quote(key) + "; it is skipped");
            else if (read)
                r.Error(pointer + "/" + key, label + " has an empty " + Quote(key) + "; it is skipped");
            usable = false;
            continue;
        }
        if (std::string(key) == "id")
            entry.id = value;
        else if (std::string(key) == "question")
            entry.question = value;
        else
            entry.answer_markdown = value;
    }
    if (!usable)
        return std::nullopt;
    if (!IsLowerKebab(entry.id))
        r.Error(pointer + "/id", "the id " + Quote(entry.id) + " must be lower-case words joined by -, such as "
                                     "\"does-it-hurt\"; links and the search index use it as written");

    auto keywords = item.find("keywords");
    if (keywords != item.end() && !keywords->is_array()) {
        r.Error(pointer + "/keywords", "\"keywords\" must be a list such as [\"pain\", \"sore\"]; it is ignored");
    } else if (keywords != item.end()) {
        for (size_t k = 0; k < keywords->size(); k++) {
            if ((*keywords)[k].is_string())
                entry.keywords.push_back((*keywords)[k].get<std::string>());
            else
                r.Error(pointer + "/keywords/" + std::to_string(k), "each keyword must be text in quotes; this one is ignored");
        }
    }
    entry.answer = ParseMarkdown(entry.answer_markdown, diag, file, r.Line(pointer + "/answer"));
    return entry;
}

std::vector<FaqEntry> ParseFaq(std::string_view text, const std::string& file, Diagnostics* diag, bool* loaded)
{
    std::vector<FaqEntry> entries;
    JsonReader r(text, file, diag);
    const json* questions = r.TopLevel("questions", json::value_t::array,
                                       "faq.json must look like {\"questions\": [ ... ]}");
    if (loaded)
        *loaded = questions != nullptr;
    if (!questions)
        return entries;
    std::map<std::string, int> first_line;
    for (size_t i = 0; i < questions->size(); i++) {
        std::optional<FaqEntry> entry = ReadFaqEntry(r, (*questions)[i], i, file, diag);
        if (!entry)
            continue;
        auto [it, fresh] = first_line.emplace(entry->id, entry->line);
        if (!fresh) {
            r.Error("/questions/" + std::to_string(i) + "/id",
                    "the id " + Quote(entry->id) + " is already used by the question on line "
                        + std::to_string(it->second) + "; this one is skipped");
            continue;
        }
        entries.push_back(std::move(*entry));
    }
    return entries;
}

} // namespace ck
