// FontAtlasJob: the font atlas the screens draw with. It must fit the text
// size, the window and the content's characters. Building one rasterises
// every glyph at eleven sizes (~50 ms, more with CJK fallbacks), so in the
// kiosk loop it is built on a worker while the current atlas keeps drawing,
// and the worker wakes the loop when it is done. Outside the loop (start-up,
// the screenshot command) and for a frame saved as a screenshot the build
// is waited for instead.
#pragma once
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
    bool Building() const { return job_.valid(); }
    const ui::Fonts& Fonts() const { return fonts_; }

private:
    bool Install(PreparedFonts built);

    KioskPlatform& platform_;
    ui::FontPaths paths_;
    ui::Fonts fonts_;
    std::string glyph_text_;       // ContentGlyphs of the content on screen
    int step_ = -1;                // text size the atlas was built for
    int short_side_ = 0;
    bool stale_ = true;
    bool background_ = false;
    std::future<PreparedFonts> job_;
};

} // namespace ck
