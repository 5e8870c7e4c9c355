// KioskApp: one patient-facing kiosk run. A short loop over parts with one
// owner each: each frame reads input, updates, draws the screen, presents,
// then applies the intents the screen returned.
//
//   FontAtlasJob       the font atlas for the text size, built on a worker
//   ReloadController   live reload of the content folder (and the Disposer)
//   SearchController   the search index and the Session's query's results
//   ReadAloud          espeak-ng reading a page or answer, the highlight
//   VideoController    the one clip playing (libmpv), its controls and captions
//   StaffController    hidden gesture, PIN pad, staff panel, insights
//   ScriptDriver       input scripts for tests
//   Probes             status file and frame statistics for tests
//
// The window is reached through KioskPlatform, so tests can drive a whole
// kiosk with a fake one. State lives in Session, drawing in ui/screens.
#pragma once
#include "content/content.h"
#include "font_atlas_job.h"
#include "kiosk_content.h"
#include "kiosk_platform.h"
#include "probes.h"
#include "read_aloud.h"
#include "reload_controller.h"
#include "screens/screens.h"
#include "script_driver.h"
#include "search_controller.h"
#include "session/session.h"
#include "staff_controller.h"
#include "video_controller.h"
#include "widgets/texture_cache.h"
#include "widgets/touch_input.h"
#include <memory>
#include <string>
#include <vector>

namespace ck {

class KioskApp {
public:
    KioskApp(KioskPlatform& platform, std::shared_ptr<const Content> content);

    // Finds the fonts and builds them for the first frame, or takes the ones
    // LoadKioskContentAsync built (their atlas already given to the platform).
    bool Init(std::string* error, PreparedFonts prepared = {});
    // Applies an intent as if the screen had returned it (screenshot set-up).
    void Apply(const Intent& intent);
    // Scrolls the current screen to `offset` px (screenshot set-up); past the end stops at the end.
    void ScrollTo(float offset);

    // Opens the search index on a background thread (the first frame never
    // waits; the search screen says "Preparing search..." until it is ready).
    void StartSearchIndex(const SearchOptions& options) { search_.StartOpen(content_, options); }
    void WaitForSearchIndex() { search_.WaitUntilOpen(); }
    // Pictures decode on a worker the first time a frame shows them: blocks
    // until those in flight are done; false when there were none (screenshots).
    bool WaitForImages();

    // Watches `content_dir` and swaps in each reload between frames, keeping
    // the patient's place. `startup` holds the first load's diagnostics.
    void StartLiveReload(const std::string& content_dir, const SearchOptions& options, Diagnostics startup);
    // Anonymous use counts (core/insights), written on a worker thread;
    // without this call nothing is counted.
    void StartInsights(InsightsSettings settings) { staff_.StartInsights(std::move(settings), platform_); }
    // Replays an input script through the same path as real touches.
    void SetScript(InputScript script) { script_.Load(std::move(script)); }
    // Test and measurement outputs (probes.h); either may be null.
    void SetProbes(std::unique_ptr<StatusFile> status, std::unique_ptr<FrameStats> stats)
    {
        probes_.Set(std::move(status), std::move(stats));
    }

    // Draws one frame and applies what the patient asked for.
    void DrawFrame();
    // The kiosk loop: draws only on input, animation or timers, until the
    // platform says to stop or a script quits. Returns the exit status
    // (1 when a script's `expect` or `screenshot` failed).
    int Run();

    Session& GetSession() { return session_; }
    const ui::ScreenReport& LastReport() const { return screen_.report; }
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
    // An `expect` or `waitfor` condition of a script: the session's, or the
    // search results' ("search-ready", "result ID").
    bool Holds(const std::string& condition) const;

private:
    // The patient screen's view state, beside the Session's.
    struct PatientScreen {
        ui::TextureCache textures;
        ui::ScreenViews views;
        ui::PointerTracker pointer;
        ui::ScreenReport report;
        std::string route_key;           // detects navigation to reset scrolling
    };
    // The search screen's popular questions (core/insights/popular_questions.h)
    // for one language and content, worked out between frames.
    struct Popular {
        std::vector<std::string> most_opened;   // from the insights worker
        std::vector<std::string> ids;           // for `lang` and `content`
        std::string lang;
        const Content* content = nullptr;       // null: to be worked out again
    };
    struct LoopState {
        int settle_frames = 0;           // ImGui needs a few frames after input to settle
        bool trim_when_settled = true;   // give freed heap pages back once the screen settles
        int seen_reset = -1;             // the session reset last followed
        bool quit = false;               // the staff panel's Exit
        bool skipped_last = false;       // the last frame asked for a change and was not shown
        bool video_was_active = false;   // a clip was open last frame
    };

    double Now() const { return platform_.Now() + script_.ClockOffset(); }
    void Redraw();
    void SetContent(std::shared_ptr<const Content> content, std::string glyphs);
    void TakeReload();
    void FollowSession();
    void OnSessionReset();
    std::vector<PointerEvent> ReadInput(double now);
    void UpdateSearch();
    void UpdatePopular();
    void CountInsights(double now);
    StaffSources Sources();
    ScriptDriver::Queries ScriptQueries() const;
    std::vector<Intent> DrawPatientScreen(const ui::Theme& theme, double now);
    void DrawStaff(const ui::Theme& theme, double now);
    void PresentFrame(bool capture);
    void ApplyMedia(const Intent& intent, double now);
    void ApplyIntents(const std::vector<Intent>& intents, double now, const std::string& reading_before);
    double SecondsToWait();
    void RecoverFromFrameError();

    KioskPlatform& platform_;
    ReloadController reload_;        // first in, last out: its Disposer frees old content off this thread
    std::shared_ptr<const Content> content_;
    Session session_;
    FontAtlasJob fonts_;
    PatientScreen screen_;
    SearchController search_;
    ReadAloud reading_;
    VideoController video_;
    StaffController staff_;
    ScriptDriver script_;
    Probes probes_;
    Popular popular_;
    LoopState loop_;
};

} // namespace ck
