// FontAtlasJob: the font atlas the screens draw with. It must fit the text
// size, the window and the content's characters. Building one rasterises
// every glyph at eleven sizes (~50 ms, more with CJK fallbacks, several
// hundred on a busy CPU), so in the kiosk loop it is built on a worker while
// the current atlas keeps drawing, and the worker wakes the loop when it is
// done. The text-size button steps through the sizes in a circle, so once
// the screen has settled on a size the next one is built ahead (BuildAhead),
// and a tap shows its change in the next frame. Outside the loop (start-up,
// the screenshot command) and for a frame saved as a screenshot the build
// is waited for instead.
#pragma once
#include "base/worker.h"
#include "content/content.h"
#include "kiosk_platform.h"
#include "text/fonts.h"
#include <future>
#include <memory>
#include <string>

namespace ck {

struct ImFontAtlasDeleter {
    void operator()(ImFontAtlas* atlas) const;
};

// An atlas built off the render thread, with what it was built for.
struct PreparedFonts {
    int step = -1;                 // text-size step built for; -1 = nothing built
    int short_side = 0;
    ui::FontPaths paths;
    std::string glyph_text;        // ContentGlyphs of the content
    ui::Fonts fonts;               // roles in `atlas`
    std::unique_ptr<ImFontAtlas, ImFontAtlasDeleter> atlas;   // for Platform::StartImGui
    std::string error;             // font files not found or unreadable
};

// The atlas for the first frame at the default text size, built without an
// ImGui context (start-up builds it while the window opens).
void PrepareFonts(const Content& content, int short_side, PreparedFonts* out);

class FontAtlasJob {
public:
    explicit FontAtlasJob(KioskPlatform& platform) : platform_(platform) {}
    FontAtlasJob(const FontAtlasJob&) = delete;
    FontAtlasJob& operator=(const FontAtlasJob&) = delete;

    // Takes the fonts start-up prepared (their atlas already the context's),
    // or finds the font files for `content`. False, with `error`, when there
    // are no usable fonts.
    bool Init(const Content& content, PreparedFonts prepared, std::string* error);
    // New content: the atlas is rebuilt only when characters came that it
    // lacks (one dropped from the content may stay in it meanwhile).
    void SetGlyphs(std::string glyphs);
    // From now on, builds run on a worker (the kiosk loop).
    void BuildInBackground() { background_ = true; }
    // Makes the atlas fit `step` and the window, building or installing as
    // needed; `wait` forces a build to finish now. True when a new atlas was
    // installed (the screen must be drawn again).
    bool Update(int step, bool wait);
    // When the loop is about to sleep: builds the size the text-size button
    // gives next, unless it is built or a build runs.
    void BuildAhead();
    // A build the screen is waiting for (not one made ahead).
    bool Building() const { return job_.valid() && !ahead_; }
    int Step() const { return step_; }   // the text size the installed atlas was built for
    int StepAhead() const { return ready_.step; }   // the size built ahead and ready (-1: none)
    const ui::Fonts& Fonts() const { return fonts_; }

private:
    bool Fits(const PreparedFonts& built, int step, int short_side) const;
    void Start(int step, int short_side, bool ahead);
    bool Install(PreparedFonts built);

    KioskPlatform& platform_;
    ui::FontPaths paths_;
    ui::Fonts fonts_;
    std::string glyph_text_;       // ContentGlyphs of the content on screen
    int step_ = -1;                // text size the atlas was built for
    int short_side_ = 0;
    bool stale_ = true;
    bool background_ = false;
    WorkerFuture<PreparedFonts> job_;
    bool ahead_ = false;           // job_ builds the next size before it is asked for
    PreparedFonts ready_;          // a finished build not installed yet (step -1: none)
};

} // namespace ck
