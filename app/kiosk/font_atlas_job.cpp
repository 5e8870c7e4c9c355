// FontAtlasJob. See font_atlas_job.h.
#include "font_atlas_job.h"

#include "base/guard.h"
#include <imgui.h>
#include <algorithm>
#include <cstdio>

namespace ck {

void ImFontAtlasDeleter::operator()(ImFontAtlas* atlas) const
{
    IM_DELETE(atlas);
}

// Builds a new atlas for out->step, out->short_side and out->glyph_text
// with the fonts at out->paths; needs no ImGui context.
static void BuildAtlas(PreparedFonts* out)
{
    out->atlas.reset(IM_NEW(ImFontAtlas)());
    const ui::FontSizes sizes = ui::FontSizesFor(out->step, float(out->short_side));
    out->fonts.BuildInto(out->atlas.get(), out->paths, sizes, out->glyph_text, &out->error);
}

void PrepareFonts(const Content& content, int short_side, PreparedFonts* out)
{
    if (!ui::FontPaths::Find(&out->paths, &out->error))
        return;
    out->glyph_text = ui::ContentGlyphs(content);
    out->step = ui::DefaultTextSizeStep();
    out->short_side = short_side;
    BuildAtlas(out);
}

bool FontAtlasJob::Init(const Content& content, PreparedFonts prepared, std::string* error)
{
    if (prepared.step >= 0) {
        if (!prepared.error.empty())
            std::fprintf(stderr, "carekiosk: %s\n", prepared.error.c_str());
        paths_ = std::move(prepared.paths);
        glyph_text_ = std::move(prepared.glyph_text);
        fonts_ = std::move(prepared.fonts);
        fonts_.UseAsDefault();
        platform_.ReloadFontTexture();
        step_ = prepared.step;
        short_side_ = prepared.short_side;
        stale_ = false;
        return true;
    }
    if (!prepared.error.empty()) {
        *error = prepared.error;
        return false;
    }
    if (!ui::FontPaths::Find(&paths_, error))
        return false;
    glyph_text_ = ui::ContentGlyphs(content);
    return true;
}

void FontAtlasJob::SetGlyphs(std::string glyphs)
{
    if (!ui::GlyphsCovered(glyph_text_, glyphs))
        stale_ = true;
    glyph_text_ = std::move(glyphs);
}

bool FontAtlasJob::Fits(const PreparedFonts& built, int step, int short_side) const
{
    return built.step == step && built.short_side == short_side && built.glyph_text == glyph_text_;
}

bool FontAtlasJob::Update(int step, bool wait)
{
    const int short_side = std::min(platform_.Width(), platform_.Height());
    wait = wait || !background_;
    const bool wanted = stale_ || step_ != step || short_side_ != short_side;
    if (job_.valid() && (job_.Ready() || (wanted && wait)))
        ready_ = job_.get();
    bool installed = false;
    if (wanted && Fits(ready_, step, short_side)) {
        installed = Install(std::move(ready_));
    } else if (wanted && !job_.valid()) {
        // Built for a size, window or text no longer wanted (the idle reset's
        // default size, a reload): dropped, and the wanted one built now.
        Start(step, short_side, false);
        if (wait)
            installed = Install(job_.get());
    } else if (wanted) {
        ahead_ = false;   // the screen waits for the build under way, then for its own if that was another size
    }
    return installed;
}

void FontAtlasJob::BuildAhead()
{
    const int short_side = std::min(platform_.Width(), platform_.Height());
    if (!background_ || job_.valid() || stale_ || step_ < 0 || short_side_ != short_side)
        return;
    const int next = (step_ + 1) % std::max(1, ui::TextSizeSteps());
    if (next != step_ && !Fits(ready_, next, short_side))
        Start(next, short_side, true);
}

void FontAtlasJob::Start(int step, int short_side, bool ahead)
{
    ready_ = PreparedFonts();
    PreparedFonts job;
    job.paths = paths_;
    job.glyph_text = glyph_text_;
    job.step = step;
    job.short_side = short_side;
    ahead_ = ahead;
    KioskPlatform* platform = &platform_;
    job_ = StartWorker<PreparedFonts>(
        [job = std::move(job)]() mutable {
            try {
                BuildAtlas(&job);
            } catch (...) {
                ReportEscaped("building the font atlas", "the current text size stays");
                job.atlas.reset();
            }
            return std::move(job);
        },
        [platform] { platform->Wake(); });   // once the atlas can be taken
}

bool FontAtlasJob::Install(PreparedFonts built)
{
    ready_ = PreparedFonts();
    if (!built.error.empty())
        std::fprintf(stderr, "carekiosk: %s\n", built.error.c_str());
    step_ = built.step;
    short_side_ = built.short_side;
    stale_ = false;
    if (!built.atlas)
        return false;   // not built (reported): the atlas on screen stays, and this size is not asked for again
    platform_.ReplaceFontAtlas(built.atlas.release());
    fonts_ = std::move(built.fonts);
    fonts_.UseAsDefault();
    return true;
}

} // namespace ck
