// The home screen: the clinic's name and the settings in a bar, the search
// entry, then a tile per page (and one for the questions) in one or two
// columns, grown to fill a tall screen.
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

// The home bar: clinic name on the left, settings on the right. Returns its bottom.
float HomeBar(Frame& f)
{
    const Theme& t = f.theme;
    const std::string& name = f.env.content->config.clinic_name;
    // Settings are drawn first only to learn where they start; the band is
    // painted under them via a channel split so the layering stays right.
    f.draw->ChannelsSplit(2);
    f.draw->ChannelsSetCurrent(1);
    const float y = f.gap * 1.5f;
    const float settings_x = SettingsButtons(f, y, true);
    // Beside the settings when there is room for it, else under them.
    const bool beside = settings_x - f.gap - f.margin >= f.em * 9.0f;
    const float name_w = beside ? settings_x - f.gap - f.margin : f.env.width - 2 * f.margin;
    const ImVec2 size = MeasureText(f, FontRole::Title, name, name_w);
    const float name_y = !beside ? y + f.button_h + f.gap * 0.5f
                         : size.y <= f.button_h ? y + (f.button_h - size.y) * 0.5f : y;
    const ImVec2 drawn = DrawText(f, FontRole::Title, f.margin, name_y, PackColour(t.heading), name, name_w);
    ReportTitle(f, f.margin, name_y, drawn, t.heading);
    // One line for a first-time visitor: what to do here.
    const float hint_y = std::max(y + f.button_h, name_y + size.y) + f.gap * 0.5f;
    const float hint_h = DrawText(f, FontRole::Body, f.margin, hint_y, PackColour(t.text_muted), f.Ui("home_hint"),
                                  f.env.width - 2 * f.margin).y;
    const float bottom = hint_y + hint_h + f.gap * 1.5f;
    f.draw->ChannelsSetCurrent(0);
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, bottom), PackColour(t.surface));
    f.draw->AddLine(ImVec2(0, bottom), ImVec2(f.env.width, bottom), PackColour(t.rule), 2.0f);
    f.draw->ChannelsMerge();
    return bottom;
}

} // namespace

void HomeScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    SearchDraw search = SearchDrawFor(f, f.margin, f.env.width - f.margin);
    const float top = DrawSearchEntry(search, HomeBar(f));
    f.tap_min_y = top;
    f.tap_max_y = f.env.height;

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
    const float room = f.env.height - top - f.gap * 1.5f - f.margin - f.gap * (row_h.size() - 1);
    if (natural > 0.0f && room > natural) {
        const float grow = std::min(1.5f, room / natural);
        for (float& h : row_h)
            h = std::floor(h * grow);
    }
    float total = f.gap * 1.5f + f.margin;
    for (float h : row_h)
        total += h + f.gap;
    views.max_scroll = std::max(0.0f, total - (f.env.height - top));
    const float scroll = ClampedScroll(f, views.max_scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, f.env.height), true);
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
    ScrollIndicator(f, top, scroll, views.max_scroll);
}

} // namespace screens_detail

} // namespace ck::ui
