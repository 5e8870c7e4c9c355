// ReloadController: live reload of the content folder. Watches the folder
// (core/reload), and between frames hands over content a worker loaded, with
// the checks `check` would print and the characters the font atlas needs.
// It keeps the patient's place across a reload: the heading they were under
// and how far below it. It also owns the Disposer that frees old content
// and indexes off the render thread, and what the staff panel says about
// the content (its diagnostics, the last reload, the watch state).
#pragma once
#include "base/diagnostics.h"
#include "content/content.h"
#include "kiosk_platform.h"
#include "reload/content_reload.h"
#include "reload/disposer.h"
#include "screens/screens.h"
#include "search/search.h"
#include "session/session.h"
#include "widgets/touch_input.h"
#include <memory>
#include <string>

namespace ck {

struct ReloadedContent {
    std::shared_ptr<const Content> content;   // null: the reload kept what was on screen
    std::string glyphs;                       // ContentGlyphs of `content`
};

class ReloadController {
public:
    Disposer& GetDisposer() { return disposer_; }

    // Watches `dir`, whose content `current` is on screen; `startup` holds
    // the diagnostics of its first load.
    void Start(KioskPlatform& platform, const std::string& dir, std::shared_ptr<const Content> current,
               const SearchOptions& options, Diagnostics startup);
    // Between frames: true when a reload finished (its outcome goes to the
    // log and to the staff panel); `out->content` is set when it changed what
    // patients see. Remembers where the reader of a page is.
    bool Take(const Session& session, const ui::ScreenViews& views, ReloadedContent* out);
    // After the first layout of the reloaded page: scroll back to that place.
    void RestorePlace(const ui::ScreenViews& views, ui::PointerTracker* pointer);
    void ForgetPlace() { heading_ = -1; }
    void ReloadNow();

    const SearchOptions& Options() const { return options_; }
    const std::string& Dir() const { return dir_; }
    const std::string& LastReload() const { return last_reload_; }
    std::string WatchState() const;
    bool Busy() const { return reloader_ && reloader_->Busy(); }
    // The diagnostics of the content on screen, as `check` prints them (the
    // start-up content's extra checks run the first time someone asks).
    const Diagnostics& Checked(const Content& content);

private:
    Disposer disposer_;   // first in, last out
    std::unique_ptr<ContentReloader> reloader_;
    std::string dir_;
    SearchOptions options_;           // for the index of reloaded content
    Diagnostics diagnostics_;
    bool checks_pending_ = false;     // start-up content not yet checked like `check` does
    std::string last_reload_;         // when and how the last reload went
    int heading_ = -1;                // after a reload: scroll back to this heading...
    float delta_ = 0.0f;              // ...plus this much
};

// "2026-12-06 18:12:34", for the staff panel.
std::string ClockTime();
// "3 pages", "1 page".
std::string Counted(long long count, const char* one, const char* many);

} // namespace ck
