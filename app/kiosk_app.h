// KioskApp: one patient-facing kiosk run. Holds the shared Content, the
// Session, fonts, textures and the screens' view state, and turns each frame
// into: read input -> draw the screen -> apply the intents it returned.
// Fonts are rebuilt between frames when the text size or content changes.
// The window belongs to Platform, drawing to ui/screens, state to Session.
#pragma once
#include "core/content.h"
#include "core/content_reload.h"
#include "core/disposer.h"
#include "core/insights.h"
#include "core/staff_gesture.h"
#include "core/script.h"
#include "core/session.h"
#include "core/speech.h"
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
// (Platform::OpenWindow, a third of the time to the first frame) while the
// content loads. Once `short_side` is ready (the window's shorter side, which
// the caller knows after Platform::Connect; 0 = do not build fonts) the
// worker also builds the first font atlas for it, the other third. get() the
// result before using the content. When the folder does not exist it says so
// at once and returns an invalid future, so no window opens for nothing.
struct ImFontAtlasDeleter {
    void operator()(ImFontAtlas* atlas) const;
};
struct PreparedFonts {
    int step = -1;                 // text-size step built for; -1 = nothing built
    int short_side = 0;
    ui::FontPaths paths;
    std::string glyph_text;        // ContentGlyphs of the content
    ui::Fonts fonts;               // roles in `atlas`
    std::unique_ptr<ImFontAtlas, ImFontAtlasDeleter> atlas;   // for Platform::StartImGui
    std::string error;             // font files not found or unreadable
};
struct LoadedKioskContent {
    std::shared_ptr<const Content> content;   // null when the folder does not exist
    Diagnostics diagnostics;
    PreparedFonts fonts;
};
std::future<LoadedKioskContent> LoadKioskContentAsync(const std::string& dir,
                                                      std::shared_future<int> short_side = {});

class KioskApp {
public:
    KioskApp(Platform& platform, std::shared_ptr<const Content> content);

    // Finds the fonts and builds them for the first frame, or takes the ones
    // LoadKioskContentAsync built (their atlas already given to StartImGui).
    bool Init(std::string* error, PreparedFonts prepared = {});
    // Swaps in new content between frames (a reload); view caches are dropped.
    void SetContent(std::shared_ptr<const Content> content, std::string glyphs);
    // Applies an intent as if the screen had returned it (screenshot set-up).
    void Apply(const Intent& intent);
    // Scrolls the current screen to `offset` px (screenshot set-up); past the end stops at the end.
    void ScrollTo(float offset) { pointer_.ResetScroll(offset); session_.Current().scroll_y = offset; }

    // Search: StartSearchIndex opens the index on a background thread (the
    // first frame never waits; the search screen says "Preparing search..."
    // until it is ready); WaitForSearchIndex blocks until then (screenshots);
    // SetSearchIndex swaps in another index between frames (after a reload).
    void StartSearchIndex(const SearchOptions& options) { search_.StartOpen(content_, options); }
    void WaitForSearchIndex() { search_.WaitUntilOpen(); }
    void SetSearchIndex(std::shared_ptr<const SearchIndex> index) { search_.SetIndex(std::move(index)); }
    // Pictures decode on a worker the first time a frame shows them: blocks
    // until those in flight are done; false when there were none (screenshots).
    bool WaitForImages()
    {
        if (!textures_.Decoding())
            return false;
        textures_.WaitForDecodes();
        return true;
    }

    // Live reload and the staff overlay (kiosk_staff.cpp). Watches
    // `content_dir`; each reload opens the search index on the worker and is
    // swapped in between frames, keeping the patient's place. `startup` holds
    // the diagnostics of the first load (for the staff panel).
    void StartLiveReload(const std::string& content_dir, const SearchOptions& options, Diagnostics startup);

    // Replays an input script through the same path as real touches.
    void SetScript(InputScript script);
    // Test and measurement outputs (kiosk_probes.h); either may be null.
    void SetProbes(std::unique_ptr<StatusFile> status, std::unique_ptr<FrameStats> stats);
    // Anonymous use counts (core/insights.h), written on a worker thread;
    // without this call nothing is counted.
    void StartInsights(InsightsSettings settings);

    // Draws one frame and applies what the patient asked for.
    void DrawFrame();
    // The kiosk loop: draws only on input, animation or timers, until the
    // platform says to stop or a script quits. Returns the exit status
    // (1 when a script's `expect` or `screenshot` failed).
    int Run();

    Session& GetSession() { return session_; }
    const ui::ScreenReport& LastReport() const { return report_; }
    // What a patient sees, in words, for tests: the screen, its settings, the
    // open FAQ entry and the search results shown (ids, best first).
    struct Shown {
        std::string screen, language, open_faq, query;
        int text_size = 0;
        bool contrast = false;
        long scroll = 0;
        std::vector<std::string> results, related;
    };
    Shown WhatIsShown() const;

private:
    void RebuildFontsIfNeeded();
    std::string StaffPinHash() const;
    bool Holds(const std::string& condition) const;
    void RecoverFromFrameError();
    void InstallFonts(PreparedFonts built);
    void FollowRouteChange();
    bool InputThisFrame() const;
    double Now() const { return platform_.Now() + clock_offset_; }
    void RunScriptSteps(double now);
    void SaveScreenshot();
    void UpdateSearch();
    void CountInsights(double now);
    void ForgetPreviousPatient();
    // kiosk_staff.cpp
    void TakeReload();
    void RestoreReadingPlace();
    bool FeedStaffGesture(const std::vector<PointerEvent>& events, double now);
    void DrawStaff(const ui::Theme& theme, double now);
    void RefreshStaffInfo();
    void RequestInsights();
    bool TakeInsights();
    bool StaffOpen() const { return staff_.mode != ui::StaffMode::Closed; }
    // kiosk_speech.cpp: read-aloud
    void StartSpeech();
    void ToggleReading(const std::string& target);
    void StopReading();
    void FollowReading();
    std::string ReadingPlace() const;
    std::string ReadingStatus() const;
    int ReadingBlock() const;

    Platform& platform_;
    Disposer disposer_;               // first in, last out: frees old content and indexes off this thread
    std::shared_ptr<const Content> content_;
    Session session_;
    ui::FontPaths font_paths_;
    ui::Fonts fonts_;
    std::string glyph_text_;          // ContentGlyphs of content_
    int font_step_ = -1;              // text size the atlas was built for
    int font_short_side_ = 0;
    bool fonts_stale_ = true;
    bool async_fonts_ = false;        // in Run(), atlases are built on a worker
    std::future<PreparedFonts> font_job_;   // the atlas being built (RebuildFontsIfNeeded)
    ui::TextureCache textures_;
    ui::ScreenViews views_;
    ui::PointerTracker pointer_;
    ui::ScreenReport report_;
    KioskSearch search_{&disposer_};  // the index and the results of the Session's query
    int seen_reset_count_ = 0;        // the session reset last cleaned up after
    std::unique_ptr<InsightsRecorder> insights_;          // null: nothing is counted
    std::unique_ptr<SessionInsights> session_insights_;   // counts into insights_
    std::string route_key_;           // detects navigation to reset scrolling
    int settle_frames_ = 0;           // ImGui needs a few frames after input to settle
    // Give freed heap pages back to the system once the screen settles: at
    // start-up and after an idle reset (ForgetPreviousPatient), see Run().
    bool trim_when_settled_ = true;

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
    SearchOptions search_options_;    // for the index of reloaded content
    Diagnostics content_diagnostics_;  // of the content on screen, as `check` prints them
    bool completeness_pending_ = false; // start-up content not yet checked like `check` does (done when staff look)
    std::string last_reload_;         // when and how the last reload went
    int reading_heading_ = -1;        // after a reload: scroll back to this heading...
    float reading_delta_ = 0.0f;      // ...plus this much
    // Read-aloud (kiosk_speech.cpp)
    std::unique_ptr<Speaker> speaker_;    // its worker does every espeak-ng call
    std::string reading_;                 // "page:<id>" or "faq:<id>" being read, "" = none
    std::string reading_place_;           // ReadingPlace() when it began: leaving it stops the voice
    std::vector<int> reading_blocks_;     // block number of each segment being read
    int reading_segment_ = -1;            // the segment the last frame showed
    int speech_reset_count_ = -1;         // the session the volume was last reset for
    StaffGesture staff_gesture_{0.0f, 0.0f};
    ui::StaffPanelState staff_;
    ui::StaffInfo staff_info_;
    int staff_reset_count_ = 0;       // the session reset that closes the overlay
    bool staff_just_opened_ = false;  // the opening tap must not press a PIN key
};

} // namespace ck
