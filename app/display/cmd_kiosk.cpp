// carekiosk [--content DIR] [--windowed] [--size WxH] [--script FILE] [--notice TEXT]: the kiosk itself.
#include "display.h"
#include "usage.h"
#include "kiosk_app.h"
#include "platform.h"
#include "insights/query_vocabulary.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace ck {

int RunKiosk(const Args& args)
{
    ArgReader reader(args);
    const std::string content_dir = reader.ContentDir();
    const bool windowed = reader.Flag("--windowed");
    const std::string size = reader.Value("--size");
    const std::string script_path = reader.Value("--script");
    const std::string cache_dir = reader.Value("--cache-dir");   // search index cache; "" = the default
    const std::string status_path = reader.Value("--status-file");   // for tests: kiosk/probes.h
    const std::string stats_path = reader.Value("--frame-stats");    // for measurements
    const std::string notice = reader.Value("--notice");   // for staff, from the session's crash-loop guard
    if (reader.Rejected(""))
        return kUsageStatus;
    PlatformOptions options;
    options.windowed = windowed;
    if (!size.empty() && !ParseSize(size, &options.width, &options.height))
        return UsageError("", "--size wants WIDTHxHEIGHT, e.g. 1080x1920 (got '" + size + "')");

    InputScript script;
    if (!script_path.empty()) {
        std::ifstream in(script_path);
        if (!in) {
            std::fprintf(stderr, "carekiosk: cannot read script '%s'\n", script_path.c_str());
            return 1;
        }
        std::stringstream text;
        text << in.rdbuf();
        Diagnostics diagnostics;
        script = ParseInputScript(text.str(), script_path, &diagnostics);
        PrintDiagnostics(diagnostics, stderr);
        if (diagnostics.ErrorCount() > 0)
            return 2;
    }

    // Start-up runs on two threads: the content and then the first font atlas
    // load on a worker while this thread opens the window and GL context.
    std::promise<int> font_side;   // the window's shorter side, once known
    std::future<LoadedKioskContent> loading = LoadKioskContentAsync(content_dir, font_side.get_future().share());
    if (!loading.valid())
        return 1;
    Platform platform;
    std::string error;
    bool opened = platform.Connect(options, &error);
    int width = 0, height = 0;
    if (opened)
        platform.PlannedSize(&width, &height);
    font_side.set_value(opened ? std::min(width, height) : 0);
    opened = opened && platform.OpenWindow(options, &error);
    LoadedKioskContent loaded = loading.get();
    if (!loaded.content)
        return 1;
    if (!opened) {
        std::fprintf(stderr, "carekiosk: %s\n", error.c_str());
        return 1;
    }
    platform.StartImGui(loaded.fonts.atlas.release());
    std::shared_ptr<const Content> content = std::move(loaded.content);
    Diagnostics startup_diagnostics = std::move(loaded.diagnostics);   // shown again in the staff panel
    if (!notice.empty()) {
        startup_diagnostics.Warning("carekiosk", 0, 0, notice);
        std::fprintf(stderr, "carekiosk: %s\n", notice.c_str());
    }
    KioskApp app(platform, content);
    if (!app.Init(&error, std::move(loaded.fonts))) {
        std::fprintf(stderr, "carekiosk: %s\n", error.c_str());
        return 1;
    }
    SearchOptions search_options;
    search_options.cache_dir = cache_dir;
    app.StartSearchIndex(search_options);   // in the background: the first frame does not wait
    app.StartLiveReload(content_dir, search_options, std::move(startup_diagnostics));
    InsightsSettings insights;   // anonymous use counts beside the search cache; 0 days = none
    insights.path = InsightsPath(cache_dir);
    insights.keep_days = content->config.insights_days;
    insights.mask = MakeQueryMask(content, DefaultAssetsDir());
    if (insights.keep_days > 0 && !insights.path.empty())
        app.StartInsights(std::move(insights));
    if (!script_path.empty())
        app.SetScript(std::move(script));
    app.SetProbes(status_path.empty() ? nullptr : std::make_unique<StatusFile>(status_path),
                  stats_path.empty() ? nullptr : std::make_unique<FrameStats>(stats_path));
    return app.Run();
}

} // namespace ck
