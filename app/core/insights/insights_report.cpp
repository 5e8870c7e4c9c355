// Staff's view of the use counts: a store's rows summed per language with
// the top pages, questions and unanswered queries, as text for the
// terminal or as JSON.
#include "insights/insights.h"
#include <nlohmann/json.hpp>
#include <algorithm>
#include <cstdio>

namespace ck {

namespace {

void SortTop(std::vector<InsightsTop>* list, int top)
{
    std::sort(list->begin(), list->end(), [](const InsightsTop& a, const InsightsTop& b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
    if (int(list->size()) > top)
        list->resize(size_t(std::max(0, top)));
}

std::string LanguageTitle(const Content& content, const std::string& lang)
{
    const std::string name = UiString(content, lang, "language_name");
    return name.empty() || name == lang ? lang : name + " (" + lang + ")";
}

void AppendTop(std::string* out, const char* heading, const std::vector<InsightsTop>& list, const Content& content,
               const std::string& lang, InsightKind kind)
{
    *out += std::string("  ") + heading + "\n";
    char count[32];
    if (list.empty()) {
        std::snprintf(count, sizeof count, "    %6s\n", "-");
        *out += count;
    }
    for (const InsightsTop& item : list) {
        std::snprintf(count, sizeof count, "    %6lld  ", item.count);
        *out += count + InsightLabel(content, lang, kind, item.key) + "\n";
    }
}

const char* const kTotalLabels[kInsightKindCount] = {"Page views", "FAQ entries opened", "Searches",
                                                     "Searches with no answer", "Read aloud", "Idle resets",
                                                     "Videos started", "Video quarters watched"};

// "en/pages/healing.mp4 3" -> the clip and 3; false for anything else.
bool SplitReached(const std::string& key, std::string* clip, int* quarter)
{
    const size_t space = key.rfind(' ');
    if (space == std::string::npos || space + 2 != key.size() || key[space + 1] < '1' || key[space + 1] > '4')
        return false;
    *clip = key.substr(0, space);
    *quarter = key[space + 1] - '0';
    return true;
}

// Per clip: plays, and how many got past each quarter.
void AppendVideos(std::string* out, const std::map<std::string, std::array<long long, 5>>& videos)
{
    if (videos.empty())
        return;
    *out += "  Videos (plays; watched to 25% / 50% / 75% / the end)\n";
    char line[64];
    for (const auto& [clip, counts] : videos) {
        std::snprintf(line, sizeof line, "    %6lld; %lld / %lld / %lld / %lld  ", counts[0], counts[1], counts[2],
                      counts[3], counts[4]);
        *out += line + clip + "\n";
    }
}

} // namespace

InsightsSummary SummariseInsights(const std::vector<InsightRow>& rows, const std::vector<std::string>& order, int top)
{
    std::map<std::string, LanguageInsights> by_lang;
    for (const InsightRow& row : rows) {
        LanguageInsights& lang = by_lang[row.lang];
        lang.lang = row.lang;
        lang.totals[size_t(row.kind)] += row.count;
        if (row.kind == InsightKind::PageView)
            lang.pages.push_back({row.key, row.count});
        else if (row.kind == InsightKind::FaqOpen)
            lang.questions.push_back({row.key, row.count});
        else if (row.kind == InsightKind::SearchNoAnswer)
            lang.unanswered.push_back({row.key, row.count});
        else if (row.kind == InsightKind::VideoPlay)
            lang.videos[row.key][0] += row.count;
        std::string clip;
        int quarter = 0;
        if (row.kind == InsightKind::VideoReached && SplitReached(row.key, &clip, &quarter))
            lang.videos[clip][size_t(quarter)] += row.count;
    }
    InsightsSummary summary;
    for (const std::string& lang : order) {
        auto it = by_lang.find(lang);
        if (it == by_lang.end())
            continue;
        summary.languages.push_back(std::move(it->second));
        by_lang.erase(it);
    }
    for (auto& [lang, insights] : by_lang)
        summary.languages.push_back(std::move(insights));
    for (LanguageInsights& lang : summary.languages) {
        SortTop(&lang.pages, top);
        SortTop(&lang.questions, top);
        SortTop(&lang.unanswered, top);
    }
    return summary;
}

bool ReadInsightsSummary(const InsightsStore& store, const std::string& today, int days,
                         const std::vector<std::string>& order, int top, InsightsSummary* summary,
                         std::string* error)
{
    std::vector<InsightRow> rows;
    const std::string first = FirstKeptDay(today, days);
    if (!store.Read(first, today, &rows, error))
        return false;
    *summary = SummariseInsights(rows, order, top);
    summary->first_day = first;
    summary->last_day = today;
    return true;
}

std::string InsightLabel(const Content& content, const std::string& lang, InsightKind kind, const std::string& key)
{
    std::string id = key;
    if (kind == InsightKind::ReadAloud) {   // "page:<id>" or "faq:<id>"
        const size_t colon = key.find(':');
        kind = key.compare(0, colon, "faq") == 0 ? InsightKind::FaqOpen : InsightKind::PageView;
        id = colon == std::string::npos ? key : key.substr(colon + 1);
    }
    if (kind == InsightKind::PageView)
        if (const Page* page = content.FindPage(lang, id))
            return page->title;
    if (kind == InsightKind::FaqOpen)
        if (const FaqEntry* entry = content.FindFaq(lang, id))
            return entry->question;
    if (kind == InsightKind::SearchNoAnswer && key == kWithheldQuery)
        return "other unanswered searches (shown once " + std::to_string(kQueryThreshold) + " patients ask)";
    return id;
}

std::string FormatInsightsReport(const InsightsSummary& summary, const Content& content)
{
    std::string out = "Insights for " + content.config.clinic_name + ", " + summary.first_day + " to "
                      + summary.last_day + "\n";
    if (summary.Empty())
        return out + "no data yet\n";
    char line[96];
    for (const LanguageInsights& lang : summary.languages) {
        out += "\n" + LanguageTitle(content, lang.lang) + "\n";
        for (int i = 0; i < kInsightKindCount; i++) {
            std::snprintf(line, sizeof line, "  %-24s %6lld\n", kTotalLabels[i], lang.totals[size_t(i)]);
            out += line;
        }
        AppendTop(&out, "Most viewed pages", lang.pages, content, lang.lang, InsightKind::PageView);
        AppendTop(&out, "Most opened questions", lang.questions, content, lang.lang, InsightKind::FaqOpen);
        AppendTop(&out, "Top queries with no answer", lang.unanswered, content, lang.lang,
                  InsightKind::SearchNoAnswer);
        AppendVideos(&out, lang.videos);
    }
    return out;
}

static nlohmann::json VideosJson(const std::map<std::string, std::array<long long, 5>>& videos)
{
    nlohmann::json items = nlohmann::json::array();
    for (const auto& [clip, counts] : videos)
        items.push_back({{"clip", clip}, {"plays", counts[0]},
                         {"reached", {{"25%", counts[1]}, {"50%", counts[2]}, {"75%", counts[3]}, {"end", counts[4]}}}});
    return items;
}

std::string InsightsReportJson(const InsightsSummary& summary, const Content& content)
{
    using nlohmann::json;
    json languages = json::array();
    for (const LanguageInsights& lang : summary.languages) {
        json totals = json::object();
        for (int i = 0; i < kInsightKindCount; i++)
            totals[InsightKindName(InsightKind(i))] = lang.totals[size_t(i)];
        auto list = [&](const std::vector<InsightsTop>& top, InsightKind kind, const char* key_name) {
            json items = json::array();
            for (const InsightsTop& item : top) {
                json entry = {{key_name, item.key}, {"count", item.count}};
                if (kind != InsightKind::SearchNoAnswer)
                    entry["title"] = InsightLabel(content, lang.lang, kind, item.key);
                items.push_back(std::move(entry));
            }
            return items;
        };
        languages.push_back({{"lang", lang.lang},
                             {"totals", totals},
                             {"pages", list(lang.pages, InsightKind::PageView, "id")},
                             {"questions", list(lang.questions, InsightKind::FaqOpen, "id")},
                             {"unanswered", list(lang.unanswered, InsightKind::SearchNoAnswer, "query")},
                             {"videos", VideosJson(lang.videos)}});
    }
    const json report = {{"first_day", summary.first_day}, {"last_day", summary.last_day}, {"languages", languages}};
    return report.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

} // namespace ck
