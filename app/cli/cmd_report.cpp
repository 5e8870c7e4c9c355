// carekiosk report --content DIR [--days N] [--json] [--cache-dir D]: what
// patients used over the last days, for staff (core/insights.h): totals per
// language, the most viewed pages, the most opened questions and the
// searches that found no answer. Reads the kiosk's insights database in its
// cache folder; never writes it, except --forget, which deletes it and its key.
#include "commands.h"
#include "usage.h"
#include "content/content.h"
#include "insights/insights.h"
#include "search/search.h"
#include <cstdio>
#include <cstdlib>

namespace ck {

namespace {

constexpr int kTopEntries = 10;

} // namespace

int RunReport(const Args& args)
{
    ArgReader reader(args);
    const std::string content_dir = reader.ContentDir();
    const std::string days_text = reader.Value("--days");
    const std::string cache_dir = reader.Value("--cache-dir");
    const bool json = reader.Flag("--json");
    const bool forget = reader.Flag("--forget");
    if (reader.Rejected("report"))
        return kUsageStatus;

    if (forget) {
        const std::string path = InsightsPath(cache_dir);
        std::string error;
        if (path.empty() || !InsightsStore::Forget(path, &error)) {
            std::fprintf(stderr, "carekiosk report: cannot delete the insights: %s\n",
                         path.empty() ? "no cache folder" : error.c_str());
            return 1;
        }
        std::printf("deleted every insight in %s; restart the kiosk so that it lets go of the\n"
                    "deleted file, and set \"insights\": false in kiosk.json to count nothing\n", path.c_str());
        return 0;
    }
    const LoadResult loaded = LoadContent(content_dir);
    const Content& content = *loaded.content;
    int days = content.config.insights_days > 0 ? content.config.insights_days : 90;
    if (!days_text.empty()) {
        char* end = nullptr;
        const long value = std::strtol(days_text.c_str(), &end, 10);
        if (*end != '\0' || value < 1 || value > 3650)
            return UsageError("report", "--days needs a number from 1 to 3650");
        days = int(value);
    }
    if (content.config.insights_days == 0)
        std::fprintf(stderr, "carekiosk report: insights are off in kiosk.json (\"insights\": false or "
                             "insights_days 0): the kiosk records nothing\n");

    const std::string path = InsightsPath(cache_dir);
    std::string error;
    std::unique_ptr<InsightsStore> store = path.empty() ? nullptr : InsightsStore::OpenReadOnly(path, &error);
    if (!store && !error.empty()) {
        std::fprintf(stderr, "carekiosk report: cannot read %s: %s\n", path.c_str(), error.c_str());
        return 1;
    }
    InsightsSummary summary;
    const std::string today = LocalToday();
    summary.first_day = FirstKeptDay(today, days);
    summary.last_day = today;
    if (store && !ReadInsightsSummary(*store, today, days, content.config.languages, kTopEntries, &summary, &error)) {
        std::fprintf(stderr, "carekiosk report: cannot read %s: %s\n", path.c_str(), error.c_str());
        return 1;
    }
    const std::string text = json ? InsightsReportJson(summary, content) : FormatInsightsReport(summary, content);
    std::fputs(text.c_str(), stdout);
    return 0;
}

} // namespace ck
