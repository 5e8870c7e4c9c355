// The kiosk's screens. See screens.h.
//
// Index
//   [SECTION] Frame: metrics, text, touch targets
//   [SECTION] Shared chrome: buttons, title bar, scroll indicator
//   [SECTION] Home
//   [SECTION] Page
//   [SECTION] FAQ
//   [SECTION] Updating, idle warning, attract
//   [SECTION] Entry points
//
// Everything is drawn with the window's ImDrawList and hit-tested here rather
// than with ImGui widgets: a touch kiosk needs taps that ignore drags and no
// hover states, and the layout is simple boxes anyway.
#include "screens/screens.h"
#include <imgui_internal.h>
#include "widgets/rect.h"

#include "document/speech_text.h"
#include "widgets/icons.h"
#include "screens/search_screen.h"

#include <imgui.h>
#include <algorithm>
#include <cctype>
#include <cmath>

namespace ck::ui {

// [SECTION] Frame: metrics, text, touch targets

float MinTargetPx(float dpi)
{
    if (!(dpi > 0.0f))
        dpi = 96.0f;
    return std::ceil(kMinTargetMm * dpi / 25.4f);
}

void ScreenViews::Clear()
{
    page_id.clear();
    page_doc = Document();
    page_body.reset();
    faq_answers.clear();
    faq_focus.clear();
    max_scroll = 0.0f;
    scroll_to = -1.0f;
    reading_focus = -1;
}

namespace {

constexpr float kMaxColumnEm = 34.0f;    // comfortable line length for body text

struct Frame {
    const ScreenEnv& env;
    const Theme& theme;
    ImDrawList* draw;
    ScreenReport* report;
    std::vector<Intent> intents;
    // Metrics, all in pixels.
    float em = 30.0f;          // body text size
    float margin = 40.0f;      // screen edge to content
    float gap = 16.0f;         // between neighbouring targets
    float target = 57.0f;      // smallest touch target side
    float button_h = 57.0f;
    Rect column = {};          // the text column (centred when wide)
    // Taps only count inside this band (the scrolling body, or everything).
    float tap_min_y = 0.0f, tap_max_y = 1e9f;

    ImFont* Font(FontRole role) const
    {
        ImFont* font = env.fonts ? env.fonts->Get(role) : nullptr;
        return font ? font : ImGui::GetFont();
    }
    std::string Ui(const char* key) const { return UiString(*env.content, env.session->Language(), key); }
    void Emit(IntentKind kind, std::string text = std::string(), int value = 0)
    {
        intents.push_back(Intent{kind, std::move(text), value});
    }
};

void ComputeMetrics(Frame& f)
{
    const ScreenEnv& env = f.env;
    f.em = env.fonts && env.fonts->Sizes().body > 0 ? env.fonts->Sizes().body : ImGui::GetFontSize();
    f.target = MinTargetPx(env.dpi);
    f.margin = std::max(std::round(env.width * 0.045f), std::round(f.em * 0.9f));
    f.gap = std::max(std::round(f.em * 0.6f), std::round(f.target * 0.25f));
    const float button_font = f.Font(FontRole::Button)->FontSize;
    f.button_h = std::max(f.target, std::round(button_font * 2.2f));
    const float width = std::min(env.width - 2 * f.margin, kMaxColumnEm * f.em);
    const float x0 = std::round((env.width - width) * 0.5f);
    f.column = Rect{x0, 0.0f, x0 + width, env.height};
}

ImVec2 MeasureText(const Frame& f, FontRole role, const std::string& text, float wrap)
{
    ImFont* font = f.Font(role);
    return font->CalcTextSizeA(font->FontSize, 1e9f, wrap, text.c_str(), text.c_str() + text.size());
}

// Draws `text` at (x, y), wrapped at `wrap` px (0 = one line); returns its size.
ImVec2 DrawText(Frame& f, FontRole role, float x, float y, ImU32 colour, const std::string& text, float wrap)
{
    ImFont* font = f.Font(role);
    const ImVec2 size = MeasureText(f, role, text, wrap);
    f.draw->AddText(font, font->FontSize, ImVec2(x, y), colour, text.c_str(), text.c_str() + text.size(), wrap);
    if (f.report)
        f.report->max_text_right = std::max(f.report->max_text_right, x + size.x);
    return size;
}

void ReportTitle(Frame& f, float x, float y, ImVec2 size, Rgb colour)
{
    if (!f.report)
        return;
    f.report->title_rect[0] = x;
    f.report->title_rect[1] = y;
    f.report->title_rect[2] = x + size.x;
    f.report->title_rect[3] = y + size.y;
    f.report->title_colour = colour;
}

enum class Touch { None, Held, Tapped };

// The touch behaviour of one target: held while a press that started inside
// is still inside and not a drag; tapped when such a press is released.
Touch Target(Frame& f, const Rect& r)
{
    if (f.report) {
        const float side = std::min(r.W(), r.H());
        f.report->min_target = f.report->targets == 0 ? side : std::min(f.report->min_target, side);
        f.report->targets++;
    }
    const PointerState& p = *f.env.pointer;
    auto in_band = [&](float y) { return y >= f.tap_min_y && y < f.tap_max_y; };
    if (p.tapped && r.Contains(p.tap_x, p.tap_y) && in_band(p.tap_y))
        return Touch::Tapped;
    if (p.down && !p.dragging && r.Contains(p.press_x, p.press_y) && r.Contains(p.x, p.y) && in_band(p.press_y))
        return Touch::Held;
    return Touch::None;
}

// [SECTION] Shared chrome: buttons, title bar, scroll indicator

enum class ButtonStyle { Primary, Secondary };

// A button with an icon and/or a label ("" for none); returns true when tapped.
bool Button(Frame& f, const Rect& r, const char* icon, const std::string& label, ButtonStyle style)
{
    const Theme& t = f.theme;
    const Touch touch = Target(f, r);
    const bool primary = style == ButtonStyle::Primary;
    Rgb fill = primary ? t.accent : t.background;
    Rgb ink = primary ? t.accent_text : t.text;
    if (touch == Touch::Held) {
        fill = t.surface_pressed;
        ink = t.text;
    }
    const float rounding = r.H() * 0.3f;
    f.draw->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), PackColour(fill), rounding);
    if (!primary)
        f.draw->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), PackColour(t.rule), rounding, 0, 2.0f);

    const float icon_size = r.H() * 0.42f;
    const float pad = (r.H() - icon_size) * 0.5f;
    if (*icon == '\0') {
        const ImVec2 size = MeasureText(f, FontRole::Button, label, 0.0f);
        DrawText(f, FontRole::Button, std::round((r.x0 + r.x1 - size.x) * 0.5f), (r.y0 + r.y1 - size.y) * 0.5f,
                 PackColour(ink), label, 0.0f);
    } else if (label.empty()) {
        DrawIcon(f.draw, icon, (r.x0 + r.x1) * 0.5f, (r.y0 + r.y1) * 0.5f, icon_size, PackColour(ink), PackColour(fill));
    } else {
        DrawIcon(f.draw, icon, r.x0 + pad + icon_size * 0.5f, (r.y0 + r.y1) * 0.5f, icon_size, PackColour(ink),
                 PackColour(fill));
        const ImVec2 size = MeasureText(f, FontRole::Button, label, 0.0f);
        DrawText(f, FontRole::Button, r.x0 + pad * 1.6f + icon_size, (r.y0 + r.y1 - size.y) * 0.5f, PackColour(ink),
                 label, 0.0f);
    }
    return touch == Touch::Tapped;
}

float ButtonWidth(const Frame& f, const std::string& label)
{
    if (label.empty())
        return f.button_h;
    const float icon_size = f.button_h * 0.42f;
    const float pad = (f.button_h - icon_size) * 0.5f;
    return std::ceil(pad * 2.6f + icon_size + MeasureText(f, FontRole::Button, label, 0.0f).x);
}

// A language's name in that language: "language_name" in its own ui.json,
// else a small built-in table, else the tag itself.
std::string LanguageName(const Content& content, const std::string& tag)
{
    if (const LanguageContent* lang = content.Language(tag)) {
        const auto own = lang->ui.find("language_name");
        if (own != lang->ui.end() && !own->second.empty())
            return own->second;
    }
    static const std::pair<const char*, const char*> names[] = {
        {"en", "English"}, {"es", "Español"}, {"fr", "Français"}, {"de", "Deutsch"},
        {"it", "Italiano"}, {"pt", "Português"}, {"pl", "Polski"}, {"nl", "Nederlands"},
        {"vi", "Tiếng Việt"}, {"tl", "Tagalog"}, {"ro", "Română"}, {"tr", "Türkçe"},
    };
    const std::string base = tag.substr(0, tag.find('-'));
    for (const auto& [code, name] : names)
        if (base == code)
            return name;
    std::string upper = tag;
    for (char& c : upper)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    return upper;
}

// The right end of every top bar: language, text size, contrast. Returns the
// x where those buttons begin.
float SettingsButtons(Frame& f, float y, bool with_language)
{
    const Session& session = *f.env.session;
    float x = f.env.width - f.margin;
    const float h = f.button_h;

    x -= h;
    if (Button(f, Rect{x, y, x + h, y + h}, "contrast", "", ButtonStyle::Secondary))
        f.Emit(IntentKind::ToggleContrast);
    x -= f.gap + h;
    if (Button(f, Rect{x, y, x + h, y + h}, "text-size", "", ButtonStyle::Secondary)) {
        const int steps = std::max(1, session.Settings().text_size_steps);
        f.Emit(IntentKind::SetTextSize, std::string(), (session.TextSize() + 1) % steps);
    }
    const auto& languages = f.env.content->config.languages;
    if (with_language && languages.size() == 2) {
        // Two languages: one button offering the other, named in its own words.
        const std::string& other = languages[0] == session.Language() ? languages[1] : languages[0];
        const std::string label = LanguageName(*f.env.content, other);
        const float w = ButtonWidth(f, label);
        x -= f.gap + w;
        if (Button(f, Rect{x, y, x + w, y + h}, "globe", label, ButtonStyle::Secondary))
            f.Emit(IntentKind::SetLanguage, other);
    } else if (with_language && languages.size() > 2) {
        // More: the button names the current language and opens the picker.
        const std::string label = LanguageName(*f.env.content, session.Language());
        const float w = ButtonWidth(f, label);
        x -= f.gap + w;
        if (Button(f, Rect{x, y, x + w, y + h}, "globe", label, ButtonStyle::Secondary))
            f.Emit(IntentKind::OpenLanguages);
    }
    return x;
}

// Title bar of Page and FAQ: Back and Home on the left, settings on the
// right, the title between them when it fits on one line (landscape), else
// beneath them. Returns the bar's bottom edge.
float TitleBar(Frame& f, const std::string& title, const std::string& note)
{
    const Theme& t = f.theme;
    const float y = f.gap;
    const std::string back = f.Ui("back"), home = f.Ui("home");
    const float settings_x = f.env.width - f.margin - 2 * f.button_h - f.gap;
    // Narrow screens with big text: the labels go, the icons stay.
    const bool labels = f.margin + ButtonWidth(f, back) + f.gap + ButtonWidth(f, home) + f.gap <= settings_x;
    const float back_w = labels ? ButtonWidth(f, back) : f.button_h;
    const float home_w = labels ? ButtonWidth(f, home) : f.button_h;
    const float buttons_end = f.margin + back_w + f.gap + home_w;

    // Place the title first so the band can be painted behind everything.
    const float title_w = f.column.W();
    const ImVec2 one_line = MeasureText(f, FontRole::Title, title, 0.0f);
    const float inline_x = std::max(f.column.x0, buttons_end + f.gap * 2);
    const bool inline_title = note.empty() && inline_x + one_line.x <= settings_x - f.gap * 2;
    float title_x = f.column.x0, title_y = y + f.button_h + f.gap * 1.5f, wrap = title_w;
    float bottom = 0.0f;
    ImVec2 title_size;
    if (inline_title) {
        title_x = inline_x;
        title_y = std::round(y + (f.button_h - one_line.y) * 0.5f);
        wrap = 0.0f;
        title_size = one_line;
        bottom = y + f.button_h + f.gap;
    } else {
        title_size = MeasureText(f, FontRole::Title, title, title_w);
        bottom = title_y + title_size.y;
        if (!note.empty())
            bottom += f.gap * 0.5f + MeasureText(f, FontRole::Small, note, title_w).y;
        bottom += f.gap * 1.5f;
    }
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, bottom), PackColour(t.surface));
    f.draw->AddLine(ImVec2(0, bottom), ImVec2(f.env.width, bottom), PackColour(t.rule), 2.0f);

    float x = f.margin;
    if (Button(f, Rect{x, y, x + back_w, y + f.button_h}, "back", labels ? back : "", ButtonStyle::Primary))
        f.Emit(IntentKind::Back);
    x += back_w + f.gap;
    if (Button(f, Rect{x, y, x + home_w, y + f.button_h}, "home", labels ? home : "", ButtonStyle::Secondary))
        f.Emit(IntentKind::Home);
    SettingsButtons(f, y, false);

    const ImVec2 drawn = DrawText(f, FontRole::Title, title_x, title_y, PackColour(t.heading), title, wrap);
    ReportTitle(f, title_x, title_y, drawn, t.heading);
    if (!note.empty())
        DrawText(f, FontRole::Small, f.column.x0, title_y + title_size.y + f.gap * 0.5f, PackColour(t.text_muted), note,
                 title_w);
    return bottom;
}

// A thin thumb at the right edge while the body can scroll, so patients see
// there is more below.
void ScrollIndicator(Frame& f, float top, float scroll, float max_scroll)
{
    if (max_scroll <= 1.0f)
        return;
    const float view = f.env.height - top;
    const float total = view + max_scroll;
    const float inset = f.gap * 0.5f;
    const float track = view - 2 * inset;
    const float thumb = std::max(f.target * 0.75f, track * view / total);
    const float y = top + inset + (track - thumb) * (scroll / max_scroll);
    const float w = std::max(4.0f, f.em * 0.22f);
    const float x = f.env.width - inset - w;
    f.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + thumb), PackColour(f.theme.text_muted, 0.45f), w * 0.5f);
}

// Scroll offset of the current route, clamped to what the body allows.
float ClampedScroll(const Frame& f, float max_scroll)
{
    return std::clamp(f.env.session->Current().scroll_y, 0.0f, std::max(0.0f, max_scroll));
}

ViewContext MakeViewContext(const Frame& f)
{
    ViewContext ctx;
    ctx.theme = &f.theme;
    ctx.fonts = f.env.fonts;
    ctx.textures = f.env.textures;
    ctx.content = f.env.content;
    return ctx;
}

// The tap for a DocumentView, when it falls inside the scrolling body.
const float* BodyTap(const Frame& f, float* storage)
{
    const PointerState& p = *f.env.pointer;
    if (!p.tapped || p.tap_y < f.tap_min_y || p.tap_y >= f.tap_max_y)
        return nullptr;
    storage[0] = p.tap_x;
    storage[1] = p.tap_y;
    return storage;
}

// The search parts (ui/search_screen.h) draw with this frame's metrics
// across [x0, x1] and add their intents to the frame's.
SearchDraw SearchDrawFor(Frame& f, float x0, float x1)
{
    SearchDraw d;
    d.env = &f.env;
    d.theme = &f.theme;
    d.draw = f.draw;
    d.report = f.report;
    d.intents = &f.intents;
    d.em = f.em;
    d.margin = f.margin;
    d.gap = f.gap;
    d.target = f.target;
    d.button_h = f.button_h;
    d.column_x0 = x0;
    d.column_x1 = x1;
    return d;
}

} // namespace

// [SECTION] Home

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
    const float name_w = std::max(f.em * 6.0f, settings_x - f.gap - f.margin);
    const ImVec2 size = MeasureText(f, FontRole::Title, name, name_w);
    const float name_y = size.y <= f.button_h ? y + (f.button_h - size.y) * 0.5f : y;
    const ImVec2 drawn = DrawText(f, FontRole::Title, f.margin, name_y, PackColour(t.heading), name, name_w);
    ReportTitle(f, f.margin, name_y, drawn, t.heading);
    const float bottom = std::max(y + f.button_h, name_y + size.y) + f.gap * 1.5f;
    f.draw->ChannelsSetCurrent(0);
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, bottom), PackColour(t.surface));
    f.draw->AddLine(ImVec2(0, bottom), ImVec2(f.env.width, bottom), PackColour(t.rule), 2.0f);
    f.draw->ChannelsMerge();
    return bottom;
}

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

// [SECTION] Page

// The page body as shown: the title bar already shows the title, so a
// leading "# Title" that repeats it is dropped (PageBody, which read-aloud
// uses too, so both number the blocks alike).
void PreparePageBody(ScreenViews& views, const Page& page)
{
    if (views.page_body && views.page_id == page.source)
        return;
    views.page_id = page.source;
    views.page_doc = PageBody(page);
    views.page_body = std::make_unique<DocumentView>();
}

std::string ReviewFooter(const Frame& f, const Page& page)
{
    if (page.reviewed.empty())
        return std::string();
    if (page.owner.empty())
        return FormatUiString(f.Ui("reviewed_on"), {{"date", page.reviewed}});
    return FormatUiString(f.Ui("reviewed_by"), {{"owner", page.owner}, {"date", page.reviewed}});
}

// "Scan to read this at home": the page's QR code (made at load) on a white
// square, beside its caption. Not a touch target. Modules are whole pixels
// at whole-pixel positions, so the code is crisp at any screen size.
constexpr float kQrSideMm = 38.0f;     // phones read it from arm's length
constexpr int kQrQuietModules = 4;     // the white margin scanners need

struct TakeHomeCard {
    int module = 0;                    // px per module; 0 = the page has no code
    float side = 0.0f;                 // the white square, quiet zone included
    float pad = 0.0f;
    float caption_w = 0.0f;
    ImVec2 caption_size;
    bool caption_beside = true;        // else above the code (narrow column, big text)
    float h = 0.0f;
};

TakeHomeCard MeasureTakeHomeCard(const Frame& f, const QrCode& code, const std::string& caption)
{
    TakeHomeCard card;
    if (code.Empty())
        return card;
    const float dpi = f.env.dpi > 0.0f ? f.env.dpi : 96.0f;
    const int modules = code.width + 2 * kQrQuietModules;
    card.pad = std::round(f.em * 0.9f);
    const float room = f.column.W() - 2 * card.pad;
    card.module = std::max(3, int(std::lround(kQrSideMm * dpi / 25.4f / modules)));
    card.module = std::max(1, std::min(card.module, int(room / modules)));
    card.side = float(card.module * modules);
    card.caption_beside = room - card.side - card.pad >= f.em * 8.0f;
    card.caption_w = card.caption_beside ? room - card.side - card.pad : room;
    card.caption_size = MeasureText(f, FontRole::H3, caption, card.caption_w);
    card.h = card.caption_beside ? std::max(card.side, card.caption_size.y) + 2 * card.pad
                                 : card.caption_size.y + f.gap + card.side + 2 * card.pad;
    return card;
}

// Dark runs of each row as one rectangle: a few dozen rects instead of ~1000.
void DrawQrModules(ImDrawList* draw, const QrCode& code, float x, float y, int module)
{
    const ImU32 dark = IM_COL32(0, 0, 0, 255);   // black on white in every theme: scanners need it
    for (int row = 0; row < code.width; row++) {
        for (int col = 0; col < code.width;) {
            if (!code.Dark(col, row)) {
                col++;
                continue;
            }
            const int start = col;
            while (col < code.width && code.Dark(col, row))
                col++;
            draw->AddRectFilled(ImVec2(x + start * module, y + row * module), ImVec2(x + col * module, y + (row + 1) * module),
                                dark);
        }
    }
}

void DrawTakeHomeCard(Frame& f, const TakeHomeCard& card, const QrCode& code, const std::string& caption, float y)
{
    const Theme& t = f.theme;
    const float x0 = f.column.x0, x1 = f.column.x1;
    y = std::round(y);
    f.draw->AddRectFilled(ImVec2(x0, y), ImVec2(x1, y + card.h), PackColour(t.surface), f.em * 0.6f);
    const float inner_x = x0 + card.pad;
    float qr_y = y + card.pad;
    if (card.caption_beside) {
        const float text_x = inner_x + card.side + card.pad;
        DrawText(f, FontRole::H3, text_x, std::round(y + (card.h - card.caption_size.y) * 0.5f), PackColour(t.heading),
                 caption, card.caption_w);
        qr_y = std::round(y + (card.h - card.side) * 0.5f);
    } else {
        DrawText(f, FontRole::H3, inner_x, y + card.pad, PackColour(t.heading), caption, card.caption_w);
        qr_y += card.caption_size.y + f.gap;
    }
    const float qx = std::round(inner_x), qy = std::round(qr_y);
    f.draw->AddRectFilled(ImVec2(qx, qy), ImVec2(qx + card.side, qy + card.side), IM_COL32(255, 255, 255, 255));
    const float quiet = float(kQrQuietModules * card.module);
    DrawQrModules(f.draw, code, qx + quiet, qy + quiet, card.module);
    if (f.report) {
        const float rect[4] = {qx, qy, qx + card.side, qy + card.side};
        std::copy(rect, rect + 4, f.report->qr_rect);
        f.report->qr_module = card.module;
    }
}

// Read-aloud's toggle: "Read aloud", or "Stop" while `target` is being read.
void ReadAloudButton(Frame& f, float x, float y, const std::string& target)
{
    const bool reading = f.env.reading == target;
    const std::string label = f.Ui(reading ? "stop_reading" : "read_aloud");
    const Rect r{x, y, x + ButtonWidth(f, label), y + f.button_h};
    if (Button(f, r, reading ? "stop" : "speaker", label, reading ? ButtonStyle::Primary : ButtonStyle::Secondary))
        f.Emit(IntentKind::ReadAloud, target);
}

// Read-aloud on `view`, drawn `doc_y` px below the top of the scrolling area:
// highlights the block being read and, when the voice moves on to a block out
// of sight, scrolls to it (once per block, so a finger can still scroll away).
void FollowReading(Frame& f, ScreenViews& views, DocumentView& view, const std::string& target, float doc_y,
                   float top, float scroll)
{
    const int block = f.env.reading == target ? f.env.reading_block : -1;
    view.SetHighlight(block);
    if (block == views.reading_focus)
        return;
    views.reading_focus = block;
    float y0 = 0.0f, y1 = 0.0f;
    if (block < 0 || !view.BlockBounds(block, &y0, &y1))
        return;
    y0 += doc_y;
    y1 += doc_y;
    if (y0 < scroll || y1 > scroll + (f.env.height - top))
        views.scroll_to = std::clamp(y0 - f.gap * 2, 0.0f, views.max_scroll);
}

void PageScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    bool fell_back = false;
    const Page* page = f.env.content->FindPage(f.env.session->Language(), f.env.session->Current().id, &fell_back);
    if (!page) {
        // A link to a page that has gone away: say so calmly, keep the way back.
        const float top = TitleBar(f, f.Ui("updating"), std::string());
        DrawText(f, FontRole::Body, f.column.x0, top + f.gap * 2, PackColour(t.text), f.Ui("updating_detail"), f.column.W());
        views.max_scroll = 0.0f;
        return;
    }
    PreparePageBody(views, *page);
    const float top = TitleBar(f, page->title, fell_back ? f.Ui("fallback_note") : std::string());
    f.tap_min_y = top;
    f.tap_max_y = f.env.height;

    const ViewContext ctx = MakeViewContext(f);
    const float width = f.column.W();
    const float doc_h = views.page_body->Layout(views.page_doc, width, ctx);
    const std::string footer = ReviewFooter(f, *page);
    const float footer_h = footer.empty() ? 0.0f : f.gap * 2 + MeasureText(f, FontRole::Small, footer, width).y;
    const std::string qr_caption = page->link_qr.Empty() ? std::string() : f.Ui("qr_caption");
    const TakeHomeCard card = MeasureTakeHomeCard(f, page->link_qr, qr_caption);
    const float card_h = card.module > 0 ? f.gap * 2 + card.h : 0.0f;
    const float read_h = f.button_h + f.gap;   // the Read aloud button above the body
    const float pad_top = f.gap * 1.5f + read_h;
    const float total = pad_top + doc_h + card_h + footer_h + f.margin * 1.5f;
    views.max_scroll = std::max(0.0f, total - (f.env.height - top));
    const float scroll = ClampedScroll(f, views.max_scroll);
    const std::string read_target = "page:" + f.env.session->Current().id;
    FollowReading(f, views, *views.page_body, read_target, pad_top, top, scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, f.env.height), true);
    const float origin_y = top + pad_top - scroll;
    float tap[2];
    views.page_body->Draw(f.draw, f.column.x0, origin_y, top, f.env.height, ctx, BodyTap(f, tap), &f.intents);
    ReadAloudButton(f, f.column.x0, origin_y - read_h, read_target);
    if (f.report)
        f.report->max_text_right = std::max(f.report->max_text_right, f.column.x0 + views.page_body->MaxRight());
    const float card_y = origin_y + doc_h + f.gap * 2;
    if (card.module > 0 && card_y < f.env.height && card_y + card.h > top)
        DrawTakeHomeCard(f, card, page->link_qr, qr_caption, card_y);
    if (!footer.empty()) {
        const float y = origin_y + doc_h + card_h + f.gap;
        f.draw->AddLine(ImVec2(f.column.x0, y), ImVec2(f.column.x1, y), PackColour(t.rule), 1.0f);
        DrawText(f, FontRole::Small, f.column.x0, y + f.gap, PackColour(t.text_muted), footer, width);
    }
    f.draw->PopClipRect();
    ScrollIndicator(f, top, scroll, views.max_scroll);
}

// [SECTION] FAQ

const LanguageContent* FaqLanguage(const Frame& f)
{
    const Content& content = *f.env.content;
    const LanguageContent* lang = content.Language(f.env.session->Language());
    if (!lang || lang->faq.empty())
        lang = content.Language(content.config.default_language);
    return lang;
}

void FaqScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    SearchDraw search = SearchDrawFor(f, f.column.x0, f.column.x1);
    const float top = DrawSearchEntry(search, TitleBar(f, f.Ui("faq_title"), std::string()));
    f.tap_min_y = top;
    f.tap_max_y = f.env.height;
    const LanguageContent* lang = FaqLanguage(f);
    if (!lang)
        return;
    const std::string& open_id = f.env.session->Current().id;

    const ViewContext ctx = MakeViewContext(f);
    const float pad = std::round(f.em * 0.9f);
    const float chevron = std::round(f.button_h * 0.4f);
    const float question_w = f.column.W() - 2 * pad - chevron - f.gap;
    const float answer_w = f.column.W() - 2 * pad;
    const float read_h = f.button_h + f.gap;   // the Read aloud button above an open answer

    // Lay out every card first: heights decide scrolling and culling.
    struct Card { float y, row_h, answer_h; };
    std::vector<Card> cards;
    float y = f.gap * 1.5f;
    for (const FaqEntry& entry : lang->faq) {
        Card card{y, 0.0f, 0.0f};
        card.row_h = std::max(f.target, MeasureText(f, FontRole::Button, entry.question, question_w).y + 2 * pad);
        if (entry.id == open_id)
            card.answer_h = views.faq_answers[entry.id].Layout(entry.answer, answer_w, ctx) + pad + read_h;
        cards.push_back(card);
        y += card.row_h + card.answer_h + f.gap;
    }
    const float total = y + f.margin;
    views.max_scroll = std::max(0.0f, total - (f.env.height - top));
    const float scroll = ClampedScroll(f, views.max_scroll);

    // Arriving at an entry (a link, or a tap on a row): bring it into view once.
    if (open_id != views.faq_focus) {
        views.faq_focus = open_id;
        for (size_t i = 0; i < cards.size() && !open_id.empty(); i++)
            if (lang->faq[i].id == open_id) {
                const float view_h = f.env.height - top;
                const float card_top = cards[i].y - f.gap;
                const float card_bottom = cards[i].y + cards[i].row_h + cards[i].answer_h + f.gap;
                if (card_top < scroll || card_bottom > scroll + view_h)
                    views.scroll_to = std::min(card_top, std::max(0.0f, card_bottom - view_h));
            }
    }
    for (size_t i = 0; i < cards.size(); i++)
        if (cards[i].answer_h > 0.0f)
            FollowReading(f, views, views.faq_answers[lang->faq[i].id], "faq:" + lang->faq[i].id,
                          cards[i].y + cards[i].row_h + pad * 0.5f + read_h, top, scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, f.env.height), true);
    for (size_t i = 0; i < cards.size(); i++) {
        const FaqEntry& entry = lang->faq[i];
        const Card& card = cards[i];
        const float cy = top + card.y - scroll;
        if (cy > f.env.height || cy + card.row_h + card.answer_h < top)
            continue;
        ImGui::PushID(entry.id.c_str());
        const bool open = card.answer_h > 0.0f;
        const Rect row{f.column.x0, cy, f.column.x1, cy + card.row_h};
        const Touch touch = Target(f, row);
        if (touch == Touch::Tapped)
            f.Emit(IntentKind::ToggleFaqEntry, entry.id);
        const float rounding = f.em * 0.6f;
        f.draw->AddRectFilled(ImVec2(row.x0, cy), ImVec2(row.x1, cy + card.row_h + card.answer_h), PackColour(t.surface),
                              rounding);
        if (touch == Touch::Held)
            f.draw->AddRectFilled(ImVec2(row.x0, row.y0), ImVec2(row.x1, row.y1), PackColour(t.surface_pressed), rounding,
                                  open ? ImDrawFlags_RoundCornersTop : ImDrawFlags_RoundCornersAll);
        const ImVec2 q = MeasureText(f, FontRole::Button, entry.question, question_w);
        DrawText(f, FontRole::Button, row.x0 + pad, cy + (card.row_h - q.y) * 0.5f, PackColour(t.heading), entry.question,
                 question_w);
        DrawIcon(f.draw, open ? "chevron-up" : "chevron-down", row.x1 - pad - chevron * 0.5f,
                 cy + card.row_h * 0.5f, chevron, PackColour(t.accent), PackColour(t.surface));
        if (open) {
            DocumentView& answer = views.faq_answers[entry.id];
            float tap[2];
            const float ax = row.x0 + pad, ay = row.y1;
            f.draw->AddLine(ImVec2(ax, ay), ImVec2(row.x1 - pad, ay), PackColour(t.rule), 1.0f);
            ReadAloudButton(f, ax, ay + pad * 0.5f, "faq:" + entry.id);
            answer.Draw(f.draw, ax, ay + pad * 0.5f + read_h, std::max(top, ay), f.env.height, ctx, BodyTap(f, tap),
                        &f.intents);
            if (f.report)
                f.report->max_text_right = std::max(f.report->max_text_right, ax + answer.MaxRight());
        }
        ImGui::PopID();
    }
    f.draw->PopClipRect();
    ScrollIndicator(f, top, scroll, views.max_scroll);
}

} // namespace

// [SECTION] Search (drawn by ui/search_screen.cpp under the shared title bar)

namespace {

void SearchScreen(Frame& f, ScreenViews& views)
{
    SearchDraw search = SearchDrawFor(f, f.column.x0, f.column.x1);
    DrawSearchScreen(search, TitleBar(f, f.Ui("search"), std::string()), views);
}

// The language picker: one large button per language, in its own words, in
// the order kiosk.json gives; the current one is filled.
void LanguagesScreen(Frame& f, ScreenViews& views)
{
    views.max_scroll = 0.0f;
    float y = TitleBar(f, f.Ui("language"), std::string()) + f.gap * 2;
    const float h = std::max(f.target, f.button_h * 1.3f);
    for (const std::string& tag : f.env.content->config.languages) {
        ImGui::PushID(tag.c_str());
        const bool current = tag == f.env.session->Language();
        const Rect r{f.column.x0, y, f.column.x1, y + h};
        if (Button(f, r, "globe", LanguageName(*f.env.content, tag),
                   current ? ButtonStyle::Primary : ButtonStyle::Secondary))
            f.Emit(IntentKind::SetLanguage, tag);
        ImGui::PopID();
        y += h + f.gap;
    }
}

} // namespace

// [SECTION] Updating, idle warning, attract

namespace {

// Draws lines centred as a block on the screen's centre line.
ImVec2 CentredText(Frame& f, FontRole role, float y, ImU32 colour, const std::string& text, float max_w)
{
    const ImVec2 one_line = MeasureText(f, role, text, 0.0f);
    const float w = std::min(one_line.x, max_w);
    const float x = std::round((f.env.width - w) * 0.5f);
    const ImVec2 size = DrawText(f, role, x, y, colour, text, max_w);
    return ImVec2(x, size.y);
}

void UpdatingScreen(Frame& f)
{
    // Nothing to show patients. Calm, no error words; the console says what
    // staff must fix.
    const Theme& t = f.theme;
    const float max_w = f.column.W();
    const float icon = std::max(f.target, f.em * 3.0f);
    float y = std::round(f.env.height * 0.36f);
    DrawIcon(f.draw, "info", f.env.width * 0.5f, y, icon, PackColour(t.accent), PackColour(t.background));
    y += icon * 0.5f + f.gap * 2;
    const std::string title = f.Ui("updating");
    const ImVec2 title_at = CentredText(f, FontRole::Title, y, PackColour(t.heading), title, max_w);
    ReportTitle(f, title_at.x, y, MeasureText(f, FontRole::Title, title, max_w), t.heading);
    y += title_at.y + f.gap;
    CentredText(f, FontRole::Body, y, PackColour(t.text_muted), f.Ui("updating_detail"), max_w);
}

void IdleWarning(Frame& f)
{
    const Theme& t = f.theme;
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, f.env.height), PackColour(t.overlay, 0.7f));
    const float w = std::min(f.env.width - 2 * f.margin, f.em * 24.0f);
    const float x = std::round((f.env.width - w) * 0.5f);
    const float pad = f.em * 1.2f;
    const std::string title = f.Ui("still_reading");
    const int seconds = int(std::ceil(f.env.session->WarningSecondsLeft(f.env.now)));
    const std::string countdown = FormatUiString(f.Ui("idle_countdown"), {{"seconds", std::to_string(seconds)}});
    const float inner = w - 2 * pad;
    const ImVec2 title_size = MeasureText(f, FontRole::H2, title, inner);
    const ImVec2 count_size = MeasureText(f, FontRole::Body, countdown, inner);
    const float h = pad * 2 + title_size.y + f.gap + count_size.y + f.gap * 2 + f.button_h;
    const float y = std::round((f.env.height - h) * 0.5f);
    f.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.background), f.em * 0.8f);
    // In high contrast the card and the dimmed page are both near black: an edge keeps the card apart.
    f.draw->AddRect(ImVec2(x, y), ImVec2(x + w, y + h), PackColour(t.rule), f.em * 0.8f, 0, 3.0f);
    float cy = y + pad;
    cy += DrawText(f, FontRole::H2, x + pad, cy, PackColour(t.heading), title, inner).y + f.gap;
    cy += DrawText(f, FontRole::Body, x + pad, cy, PackColour(t.text), countdown, inner).y + f.gap * 2;
    if (Button(f, Rect{x + pad, cy, x + w - pad, cy + f.button_h}, "", f.Ui("continue"), ButtonStyle::Primary))
        f.Emit(IntentKind::ContinueReading);
}

void AttractScreen(Frame& f)
{
    const Theme& t = f.theme;
    const float icon = std::max(f.target * 2, f.em * 5.0f);
    float y = std::round(f.env.height * 0.34f);
    f.draw->AddCircleFilled(ImVec2(f.env.width * 0.5f, y), icon * 0.75f, PackColour(t.accent), 64);
    DrawIcon(f.draw, "sparkle", f.env.width * 0.5f, y, icon * 0.8f, PackColour(t.accent_text), PackColour(t.accent));
    y += icon * 0.75f + f.gap * 2.5f;
    const std::string name = f.env.content->config.clinic_name;
    const ImVec2 at = CentredText(f, FontRole::Title, y, PackColour(t.heading), name, f.column.W());
    ReportTitle(f, at.x, y, MeasureText(f, FontRole::Title, name, f.column.W()), t.heading);
    y += at.y + f.gap * 1.5f;
    CentredText(f, FontRole::H2, y, PackColour(t.text), f.Ui("touch_to_start"), f.column.W());
    if (Target(f, Rect{0, 0, f.env.width, f.env.height}) == Touch::Tapped)
        f.Emit(IntentKind::DismissAttract);
}

} // namespace

// [SECTION] Entry points

std::vector<Intent> DrawScreen(const ScreenEnv& env_in, ScreenViews& views, ScreenReport* report)
{
    const Session& session = *env_in.session;
    const Theme& theme = session.HighContrast() ? HighContrastTheme() : DefaultTheme();
    const IdleState idle = session.Idle();
    const bool empty = env_in.content->IsEmpty();

    // Under the idle warning the screen shows but does not take taps.
    ScreenEnv env = env_in;
    const PointerState no_touch;
    if (idle == IdleState::Warning)
        env.pointer = &no_touch;

    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(env.width, env.height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoScrollWithMouse |
                                   ImGuiWindowFlags_NoBackground;
    ImGui::Begin("##screen", nullptr, flags);

    Frame f{env, theme, ImGui::GetWindowDrawList(), report, {}};
    if (report) {
        *report = ScreenReport();
        report->background = theme.background;
        report->screen = empty ? "updating" : idle == IdleState::Attract ? "attract" : RouteName(session.Current());
    }
    ComputeMetrics(f);
    // No background rectangle: the frame is cleared to theme.background
    // (Platform::RenderFrame), and a software renderer would blend every
    // pixel of the screen a second time.
    views.scroll_to = -1.0f;

    if (empty) {
        views.max_scroll = 0.0f;
        UpdatingScreen(f);
    } else if (idle == IdleState::Attract) {
        views.max_scroll = 0.0f;
        AttractScreen(f);
    } else {
        switch (session.Current().screen) {
        case Screen::Page: PageScreen(f, views); break;
        case Screen::Faq: FaqScreen(f, views); break;
        case Screen::Search: SearchScreen(f, views); break;
        case Screen::Languages: LanguagesScreen(f, views); break;
        case Screen::Home: HomeScreen(f, views); break;
        }
        if (idle == IdleState::Warning) {
            Frame overlay{env_in, theme, f.draw, nullptr, {}};
            ComputeMetrics(overlay);
            IdleWarning(overlay);
            for (Intent& intent : overlay.intents)
                f.intents.push_back(std::move(intent));
        }
    }
    ImGui::End();
    return std::move(f.intents);
}

void ApplyImGuiStyle(const Theme& theme)
{
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0.0f;
    style.WindowRounding = 0.0f;
    style.FrameBorderSize = 0.0f;
    auto v4 = [](Rgb c) { return ImVec4(c.r, c.g, c.b, 1.0f); };
    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = v4(theme.background);
    colours[ImGuiCol_Text] = v4(theme.text);
    // No hover anywhere: a finger has no hover, and a stuck hover looks broken.
    colours[ImGuiCol_Button] = colours[ImGuiCol_ButtonHovered] = v4(theme.surface);
    colours[ImGuiCol_ButtonActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_Header] = colours[ImGuiCol_HeaderHovered] = v4(theme.surface);
    colours[ImGuiCol_HeaderActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_FrameBg] = colours[ImGuiCol_FrameBgHovered] = v4(theme.surface);
    colours[ImGuiCol_FrameBgActive] = v4(theme.surface_pressed);
    colours[ImGuiCol_ScrollbarGrab] = colours[ImGuiCol_ScrollbarGrabHovered] = v4(theme.text_muted);
    colours[ImGuiCol_ScrollbarGrabActive] = v4(theme.text);
}

void EndFrameAfterError()
{
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (!context || !context->WithinFrameScope)
        return;
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    ImGui::EndFrame();
}

} // namespace ck::ui
