// The home screen: the settings in the header, the clinic's name under it,
// the search entry, then a tile per page (and one for the questions) in one or two
// columns, grown to fill a tall screen, and how to reach the clinic in a
// band at the bottom.
#include "screens/screen_widgets.h"
#include "widgets/icons.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

struct TileText {
    std::string id, icon, title, summary;
};

std::vector<TileText> HomeTileTexts(const Frame& f)
{
    const Content& content = *f.env.content;
    const std::string& lang = f.env.session->Language();
    std::vector<TileText> tiles;
    for (const std::string& id : content.HomeTiles(lang)) {
        if (id == "faq") {
            tiles.push_back(TileText{id, "question", f.Ui("faq_title"), std::string()});
            continue;
        }
        if (const Page* page = content.FindPage(lang, id))
            tiles.push_back(TileText{id, page->icon.empty() ? "info" : page->icon, page->title, page->summary});
    }
    return tiles;
}

// Home's title, under the header like every screen's: the clinic's logo
// (a line and a half of the name at most, never more than a third of the
// column, so the tiles of a landscape Home still fit) and name, and one line
// for a first-time visitor: what to do here. Returns its bottom.
float HomeTitle(Frame& f, float top)
{
    const Theme& t = f.theme;
    const std::string& name = f.env.content->config.clinic_name;
    const float y = top + f.gap * 1.5f;
    const float x0 = f.margin, w = f.env.width - 2 * f.margin;
    const float title_line = MeasureText(f, FontRole::Title, "Ag", 0.0f).y;
    const ImVec2 logo = LogoSize(f, w / 3.0f, title_line * 1.5f);
    const float name_x = x0 + (logo.x > 0 ? logo.x + f.gap : 0.0f);
    const float name_w = std::max(f.em * 6.0f, x0 + w - name_x);
    const ImVec2 size = MeasureText(f, FontRole::Title, name, name_w);
    const float row_h = std::max(size.y, logo.y);
    DrawLogo(f, x0, y + (row_h - logo.y) * 0.5f, logo);
    const float name_y = std::round(y + (row_h - size.y) * 0.5f);
    const ImVec2 drawn = DrawText(f, FontRole::Title, name_x, name_y, PackColour(t.heading), name, name_w);
    ReportTitle(f, name_x, name_y, drawn, t.heading);
    const float hint_y = y + row_h + f.gap * 0.5f;
    return hint_y + DrawText(f, FontRole::Body, x0, hint_y, PackColour(t.text_muted), f.Ui("home_hint"), w).y;
}

} // namespace

void HomeScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    SearchDraw search = SearchDrawFor(f, f.margin, f.env.width - f.margin);
    const float top = DrawSearchEntry(search, HomeTitle(f, Header(f, false)));
    const float band_top = f.env.height - ContactBandHeight(f);   // how to reach the clinic, always in view
    f.tap_min_y = top;
    f.tap_max_y = band_top;

    const std::vector<TileText> tiles = HomeTileTexts(f);
    const float avail = f.env.width - 2 * f.margin;
    const int columns = (avail >= 1200.0f && avail / f.em >= 40.0f) ? 2 : 1;
    const float tile_w = std::floor((avail - (columns - 1) * f.gap) / columns);
    const float pad = std::round(f.em * 0.9f);
    const float icon_d = std::max(f.target, std::round(f.em * 2.6f));
    const float text_x = pad + icon_d + pad;
    const float text_w = tile_w - text_x - pad;
    const float line_gap = std::round(f.em * 0.3f);

    // Row heights: every tile in a row is as tall as the tallest.
    std::vector<float> row_h((tiles.size() + columns - 1) / columns, f.target);
    for (size_t i = 0; i < tiles.size(); i++) {
        float h = MeasureText(f, FontRole::Button, tiles[i].title, text_w).y;
        if (!tiles[i].summary.empty())
            h += line_gap + MeasureText(f, FontRole::Small, tiles[i].summary, text_w).y;
        float& row = row_h[i / columns];
        row = std::max(row, std::max(icon_d, h) + 2 * pad);
    }
    // Spare height (portrait) makes the tiles larger rather than leaving a
    // blank lower half; never more than half again their natural size.
    float natural = 0.0f;
    for (float h : row_h)
        natural += h;
    // The tiles keep as much space under them as above them, no more: tiles
    // that fit never make the screen scroll.
    const float room = band_top - top - f.gap * 3.0f - f.gap * (row_h.size() - 1);
    if (natural > 0.0f && room > natural) {
        const float grow = std::min(1.5f, room / natural);
        for (float& h : row_h)
            h = std::floor(h * grow);
    }
    float total = f.gap * 3.0f - f.gap;
    for (float h : row_h)
        total += h + f.gap;
    views.max_scroll = std::max(0.0f, total - (band_top - top));
    const float scroll = ClampedScroll(f, views.max_scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, band_top), true);
    float y = top + f.gap * 1.5f - scroll;
    for (size_t row = 0; row < row_h.size(); row++) {
        for (int c = 0; c < columns; c++) {
            const size_t i = row * columns + c;
            if (i >= tiles.size())
                break;
            const TileText& tile = tiles[i];
            ImGui::PushID(tile.id.c_str());
            const float x = f.margin + c * (tile_w + f.gap);
            const Rect r{x, y, x + tile_w, y + row_h[row]};
            const Touch touch = Target(f, r);
            if (f.report && r.y1 > f.tap_min_y && r.y0 < f.tap_max_y)
                f.report->buttons.push_back({tile.title, r.x0, r.y0, r.x1, r.y1});
            if (touch == Touch::Tapped) {
                if (tile.id == "faq")
                    f.Emit(IntentKind::OpenFaq);
                else
                    f.Emit(IntentKind::OpenPage, tile.id);
            }
            const Rgb fill = touch == Touch::Held ? t.surface_pressed : t.surface;
            f.draw->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), PackColour(fill), f.em * 0.6f);
            const float icon_cy = std::round((r.y0 + r.y1) * 0.5f);
            f.draw->AddCircleFilled(ImVec2(x + pad + icon_d * 0.5f, icon_cy), icon_d * 0.5f, PackColour(t.accent), 48);
            DrawIcon(f.draw, tile.icon, x + pad + icon_d * 0.5f, icon_cy, icon_d * 0.54f, PackColour(t.accent_text),
                     PackColour(t.accent));
            float text_h = MeasureText(f, FontRole::Button, tile.title, text_w).y;
            if (!tile.summary.empty())
                text_h += line_gap + MeasureText(f, FontRole::Small, tile.summary, text_w).y;
            float ty = std::round(r.y0 + (r.H() - text_h) * 0.5f);
            ty += DrawText(f, FontRole::Button, x + text_x, ty, PackColour(t.heading), tile.title, text_w).y;
            if (!tile.summary.empty())
                DrawText(f, FontRole::Small, x + text_x, ty + line_gap, PackColour(t.text_muted), tile.summary, text_w);
            ImGui::PopID();
        }
        y += row_h[row] + f.gap;
    }
    f.draw->PopClipRect();
    DrawContactBand(f, band_top);
    ScrollIndicator(f, top, scroll, views.max_scroll);
}

} // namespace screens_detail

} // namespace ck::ui
