// ReloadController. See reload_controller.h.
#include "reload_controller.h"

#include "base/unicode.h"
#include "content/content_check.h"
#include "fonts/font_coverage.h"
#include "text/fonts.h"
#include <cstdio>

namespace ck {

namespace {

// What the reload worker hands over besides the content.
struct ReloadExtra {
    Diagnostics checks;   // translations, review dates, fonts: as `check` prints them
    std::string glyphs;   // ContentGlyphs: collecting them reads every page's text
};

} // namespace

std::string ClockTime()
{
    return LocalTime("%Y-%m-%d %H:%M:%S");
}

std::string Counted(long long count, const char* one, const char* many)
{
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

void ReloadController::Start(KioskPlatform& platform, const std::string& dir, std::shared_ptr<const Content> current,
                             const SearchOptions& options, Diagnostics startup)
{
    dir_ = dir;
    options_ = options;
    // The extra checks cost tens of milliseconds; only staff read them, so
    // they wait until the panel opens instead of delaying the first frame.
    checks_pending_ = true;
    diagnostics_ = std::move(startup);
    last_reload_ = "none since start-up (" + ClockTime() + ")";
    // Runs on the worker. The search index is not opened here: a large
    // folder's index takes seconds to rebuild, and patients should see the
    // new text at once (the old index answers meanwhile).
    PostLoadHook post_load = [](const Content& content, Diagnostics*) -> std::shared_ptr<void> {
        auto extra = std::make_shared<ReloadExtra>();
        const FontconfigCoverage fonts;
        CheckContentCompleteness(content, LocalToday(), &fonts, &extra->checks);
        extra->glyphs = ui::ContentGlyphs(content);
        return extra;
    };
    KioskPlatform* wake = &platform;
    reloader_ = std::make_unique<ContentReloader>(dir, std::move(current), std::move(post_load),
                                                  [wake] { wake->Wake(); });
    if (!reloader_->Watching())
        std::fprintf(stderr, "carekiosk: not watching %s for changes: %s\n", dir.c_str(),
                     reloader_->WatchProblem().c_str());
}

bool ReloadController::Take(const Session& session, const ui::ScreenViews& views, ReloadedContent* out)
{
    if (!reloader_)
        return false;
    std::optional<ContentUpdate> update = reloader_->TakeUpdate();
    if (!update)
        return false;
    PrintDiagnostics(update->diagnostics, stderr);
    const std::string result = Counted(update->diagnostics.ErrorCount(), "error", "errors") + ", "
                               + Counted(update->diagnostics.WarningCount(), "warning", "warnings");
    std::fprintf(stderr, "carekiosk: content reloaded in %.0f ms: %s\n", update->load_ms, result.c_str());
    last_reload_ = ClockTime() + ": " + result + " (" + std::to_string(int(update->load_ms)) + " ms)"
                   + (update->kept_previous ? "; the folder was empty or missing, nothing changed" : "");
    diagnostics_ = update->diagnostics;
    checks_pending_ = false;   // the worker ran them for this content
    auto extra = std::static_pointer_cast<ReloadExtra>(update->extra);   // null only if the hook threw
    if (extra)
        diagnostics_.Append(extra->checks);
    if (update->kept_previous)
        return true;

    // Remember the heading the reader is under, so the new layout can put
    // them back there even if text above it changed length.
    heading_ = -1;
    const Route& route = session.Current();
    if (route.screen == Screen::Page && views.page_body) {
        for (int i = 0;; i++) {
            const float offset = views.page_body->HeadingOffset(i);
            if (offset < 0.0f || offset > route.scroll_y)
                break;
            heading_ = i;
            delta_ = route.scroll_y - offset;
        }
    }
    out->content = update->content;
    out->glyphs = extra ? std::move(extra->glyphs) : ui::ContentGlyphs(*update->content);
    return true;
}

void ReloadController::RestorePlace(const ui::ScreenViews& views, ui::PointerTracker* pointer)
{
    if (heading_ < 0 || !views.page_body)
        return;
    const float offset = views.page_body->HeadingOffset(heading_);
    if (offset >= 0.0f)
        pointer->ScrollTo(offset + delta_);
    heading_ = -1;
}

void ReloadController::ReloadNow()
{
    if (reloader_)
        reloader_->ReloadNow();
}

std::string ReloadController::WatchState() const
{
    if (!reloader_)
        return "off";
    return reloader_->Watching() ? "watching the folder for changes" : "not watching: " + reloader_->WatchProblem();
}

const Diagnostics& ReloadController::Checked(const Content& content)
{
    if (checks_pending_) {
        const FontconfigCoverage fonts;
        CheckContentCompleteness(content, LocalToday(), &fonts, &diagnostics_);
        checks_pending_ = false;
    }
    return diagnostics_;
}

} // namespace ck
