// KioskApp: one patient-facing kiosk run. Holds the shared Content, the
// Session, fonts, textures and the screens' view state, and turns each frame
// into: read input -> draw the screen -> apply the intents it returned.
// Fonts are rebuilt between frames when the text size or content changes.
// The window belongs to Platform, drawing to ui/screens, state to Session.
#pragma once
#include "core/content.h"
#include "core/script.h"
#include "core/session.h"
#include "platform.h"
#include "ui/fonts.h"
#include "ui/screens.h"
#include "ui/texture_cache.h"
#include "ui/touch_input.h"
#include <memory>
#include <string>

namespace ck {

// Loads the content folder for the kiosk or a screenshot: prints diagnostics
// to stderr and, when there is nothing to show, what staff must fix. Returns
// null (after printing why) only when the folder does not exist.
std::shared_ptr<const Content> LoadKioskContent(const std::string& dir);

class KioskApp {
public:
    KioskApp(Platform& platform, std::shared_ptr<const Content> content);

    // Finds the fonts and builds them for the first frame.
    bool Init(std::string* error);
    // Swaps in new content between frames (a reload); view caches are dropped.
    void SetContent(std::shared_ptr<const Content> content);
    // Applies an intent as if the screen had returned it (screenshot set-up).
    void Apply(const Intent& intent);

    // Replays an input script through the same path as real touches.
    void SetScript(InputScript script);

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
    std::string route_key_;           // detects navigation to reset scrolling
    int settle_frames_ = 0;           // ImGui needs a few frames after input to settle

    // Input script (optional)
    std::unique_ptr<InputScriptPlayer> script_;
    std::vector<PointerEvent> script_pointer_;   // this frame's scripted touches
    double clock_offset_ = 0.0;       // `advance` moves the kiosk clock forward
    std::string capture_path_;        // `screenshot`: save the next frame here
    int script_failures_ = 0;
    bool quit_ = false;
};

} // namespace ck
