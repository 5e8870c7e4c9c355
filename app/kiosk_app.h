// KioskApp: one patient-facing kiosk run. Holds the shared Content, the
// Session, fonts, textures and the screens' view state, and turns each frame
// into: read input -> draw the screen -> apply the intents it returned.
// Fonts are rebuilt between frames when the text size or content changes.
// The window belongs to Platform, drawing to ui/screens, state to Session.
#pragma once
#include "core/content.h"
#include "core/content_reload.h"
#include "core/staff_gesture.h"
#include "core/script.h"
#include "core/session.h"
#include "kiosk_probes.h"
#include "kiosk_search.h"
#include "platform.h"
#include "ui/fonts.h"
#include "ui/screens.h"
#include "ui/staff_panel.h"
#include "ui/texture_cache.h"
#include "ui/touch_input.h"
#include <future>
#include <memory>
#include <string>

namespace ck {

// Loads the content folder for the kiosk or a screenshot: prints diagnostics
// to stderr and, when there is nothing to show, what staff must fix. Returns
// null (after printing why) only when the folder does not exist. The
// diagnostics are also appended to `diagnostics` when given.
std::shared_ptr<const Content> LoadKioskContent(const std::string& dir, Diagnostics* diagnostics = nullptr);

// LoadKioskContent on a worker thread, for start-up: the content folder and
// the window are independent, so the caller opens its window and GL context
// (Platform::Open, a third of the time to the first frame) while the content
// loads. The worker also initialises fontconfig, the slowest part of the
// first font build. get() the result before using the content. When the
// folder does not exist it says so at once and returns an invalid future, so
// no window opens for nothing.
struct LoadedKioskContent {
    std::shared_ptr<const Content> content;   // null when the folder does not exist
    Diagnostics diagnostics;
};
std::future<LoadedKioskContent> LoadKioskContentAsync(const std::string& dir);

class KioskApp {
public:
    KioskApp(Platform& platform, std::shared_ptr<const Content> content);

    // Finds the fonts and builds them for the first frame.
    bool Init(std::string* error);
    // Swaps in new content between frames (a reload); view caches are dropped.
    void SetContent(std::shared_ptr<const Content> content);
    // Applies an intent as if the screen had returned it (screenshot set-up).
    void Apply(const Intent& intent);

    // Search: StartSearchIndex opens the index on a background thread (the
    // first frame never waits; the search screen says "Preparing search..."
    // until it is ready); WaitForSearchIndex blocks until then (screenshots);
    // SetSearchIndex swaps in another index between frames (after a reload).
    void StartSearchIndex(const SearchOptions& options) { search_.StartOpen(content_, options); }
    void WaitForSearchIndex() { search_.WaitUntilOpen(); }
    void SetSearchIndex(std::shared_ptr<const SearchIndex> index) { search_.SetIndex(std::move(index)); }

    // Live reload and the staff overlay (kiosk_staff.cpp). Watches
    // `content_dir`; each reload opens the search index on the worker and is
    // swapped in between frames, keeping the patient's place. `startup` holds
    // the diagnostics of the first load (for the staff panel).
    void StartLiveReload(const std::string& content_dir, const SearchOptions& options, Diagnostics startup);

    // Replays an input script through the same path as real touches.
    void SetScript(InputScript script);
    // Test and measurement outputs (kiosk_probes.h); either may be null.
    void SetProbes(std::unique_ptr<StatusFile> status, std::unique_ptr<FrameStats> stats);

    // Draws one frame and applies what the patient asked for.
    void DrawFrame();
    // The kiosk loop: draws only on input, animation or timers, until the
    // platform says to stop or a script quits. Returns the exit status
    // (1 when a script's `expect` or `screenshot` failed).
    int Run();

    Session& GetSession() { return session_; }
    const ui::ScreenReport& LastReport() const { return report_; }

private:
    void RebuildFontsIfNeeded();
    void FollowRouteChange();
    bool InputThisFrame() const;
    double Now() const { return platform_.Now() + clock_offset_; }
    void RunScriptSteps(double now);
    void SaveScreenshot();
    void UpdateSearch();
    // kiosk_staff.cpp
    void TakeReload();
    void RestoreReadingPlace();
    bool FeedStaffGesture(const std::vector<PointerEvent>& events, double now);
    void DrawStaff(const ui::Theme& theme, double now);
    void RefreshStaffInfo();
    bool StaffOpen() const { return staff_.mode != ui::StaffMode::Closed; }

    Platform& platform_;
    std::shared_ptr<const Content> content_;
    Session session_;
    ui::FontPaths font_paths_;
    ui::Fonts fonts_;
    std::string glyph_text_;          // every character the content can show
    int font_step_ = -1;              // text size the atlas was built for
    int font_short_side_ = 0;
    bool fonts_stale_ = true;
    ui::TextureCache textures_;
    ui::ScreenViews views_;
    ui::PointerTracker pointer_;
    ui::ScreenReport report_;
    KioskSearch search_;              // the index and the results of the Session's query
    std::string route_key_;           // detects navigation to reset scrolling
    int settle_frames_ = 0;           // ImGui needs a few frames after input to settle

    // Input script (optional)
    std::unique_ptr<InputScriptPlayer> script_;
    std::vector<PointerEvent> script_pointer_;   // this frame's scripted touches
    double clock_offset_ = 0.0;       // `advance` moves the kiosk clock forward
    std::string capture_path_;        // `screenshot`: save the next frame here
    int script_failures_ = 0;
    bool quit_ = false;

    std::unique_ptr<StatusFile> status_file_;
    std::unique_ptr<FrameStats> frame_stats_;

    // Live reload and staff overlay (kiosk_staff.cpp)
    std::unique_ptr<ContentReloader> reloader_;
    std::string content_dir_;
    Diagnostics content_diagnostics_;  // of the content on screen, as `check` prints them
    bool completeness_pending_ = false; // start-up content not yet checked like `check` does (done when staff look)
    std::string last_reload_;         // when and how the last reload went
    int reading_heading_ = -1;        // after a reload: scroll back to this heading...
    float reading_delta_ = 0.0f;      // ...plus this much
    StaffGesture staff_gesture_{0.0f, 0.0f};
    ui::StaffPanelState staff_;
    ui::StaffInfo staff_info_;
    int staff_reset_count_ = 0;       // the session reset that closes the overlay
    bool staff_just_opened_ = false;  // the opening tap must not press a PIN key
};

} // namespace ck
