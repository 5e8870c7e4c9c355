#include "insights/popular_questions.h"
#include <algorithm>
#include <map>

namespace ck {

std::vector<std::string> MostOpenedQuestions(const std::vector<InsightRow>& rows, long long min_opens)
{
    std::map<std::string, long long> opens;
    for (const InsightRow& row : rows)
        if (row.kind == InsightKind::FaqOpen && !row.key.empty())
            opens[row.key] += row.count;
    std::vector<std::pair<std::string, long long>> ranked;
    for (const auto& [id, count] : opens)
        if (count >= min_opens)
            ranked.emplace_back(id, count);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });   // ids stay sorted within a count
    std::vector<std::string> ids;
    for (const auto& entry : ranked)
        ids.push_back(entry.first);
    return ids;
}

std::vector<std::string> PopularQuestions(const Content& content, const std::string& lang_tag,
                                          const std::vector<std::string>& most_opened, size_t count)
{
    const LanguageContent* lang = content.Language(lang_tag);
    if (!lang || lang->faq.empty())
        lang = content.Language(content.config.default_language);
    std::vector<std::string> ids;
    if (!lang)
        return ids;
    auto add = [&](const std::string& id) {
        if (ids.size() < count && lang->FindFaq(id) && std::find(ids.begin(), ids.end(), id) == ids.end())
            ids.push_back(id);
    };
    for (const std::string& id : most_opened)
        add(id);
    for (const std::string& id : content.config.popular_questions)
        add(id);
    for (size_t i = 0; i < lang->faq.size() && ids.size() < count; i++)
        add(lang->faq[i].id);
    return ids;
}

} // namespace ck
