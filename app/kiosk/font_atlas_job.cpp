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

bool FontAtlasJob::Update(int step, bool wait)
{
    const int short_side = std::min(platform_.Width(), platform_.Height());
    wait = wait || !background_;
    if (job_.valid()) {
        if (!wait && job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
            return false;
        PreparedFonts built = job_.get();
        if (built.step == step && built.short_side == short_side && built.glyph_text == glyph_text_)
            return Install(std::move(built));
        // Built for a size or text no longer wanted (two taps on A+): dropped.
    }
    if (!stale_ && step_ == step && short_side_ == short_side)
        return false;
    PreparedFonts job;
    job.paths = paths_;
    job.glyph_text = glyph_text_;
    job.step = step;
    job.short_side = short_side;
    KioskPlatform* platform = &platform_;
    job_ = std::async(std::launch::async, [job = std::move(job), platform]() mutable {
        try {
            BuildAtlas(&job);
        } catch (...) {
            ReportEscaped("building the font atlas", "the current text size stays");
            job.atlas.reset();
        }
        platform->Wake();
        return std::move(job);
    });
    return wait ? Install(job_.get()) : false;
}

bool FontAtlasJob::Install(PreparedFonts built)
{
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
