// The parts of the screens that more than one screen uses: the frame's
// metrics, text, touch targets, buttons, the header with its settings
// buttons, the screen title, the scroll indicator, and read-aloud's button,
// highlight and notices.
// See screen_widgets.h.
//
// Index
//   [SECTION] Frame: metrics, text, touch targets
//   [SECTION] Shared chrome: buttons, header, title, scroll indicator
//   [SECTION] Read-aloud
#include "screens/screen_widgets.h"
#include "widgets/icons.h"
#include <algorithm>
#include <cctype>
#include <cstring>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

// ---------------------------------------------------------------------------
// [SECTION] Frame: metrics, text, touch targets
// ---------------------------------------------------------------------------

constexpr float kMaxColumnEm = 34.0f;    // comfortable line length for body text

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

// ---------------------------------------------------------------------------
// [SECTION] Shared chrome: buttons, header, title, scroll indicator
// ---------------------------------------------------------------------------

// A button with an icon and/or a label ("" for none); returns true when tapped.
bool Button(Frame& f, const Rect& r, const char* icon, const std::string& label, ButtonStyle style)
{
    const Theme& t = f.theme;
    const Touch touch = Target(f, r);
    if (f.report && !label.empty() && r.y1 > f.tap_min_y && r.y0 < f.tap_max_y)
        f.report->buttons.push_back({label, r.x0, r.y0, r.x1, r.y1});
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

namespace {

// A setting's button: its icon, a short word under it, and where the setting
// stands as `level` of `levels` pips along the bottom (levels 0: none), so
// nobody has to guess what an unlabelled icon does.
float SettingWidth(const Frame& f, const std::string& word)
{
    return std::max(f.button_h, std::ceil(MeasureText(f, FontRole::Small, word, 0.0f).x + f.button_h * 0.4f));
}

bool SettingButton(Frame& f, const Rect& r, const char* icon, const std::string& word, int level, int levels)
{
    const Theme& t = f.theme;
    const Touch touch = Target(f, r);
    const Rgb fill = touch == Touch::Held ? t.surface_pressed : t.background;
    const float rounding = r.H() * 0.3f;
    f.draw->AddRectFilled(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), PackColour(fill), rounding);
    f.draw->AddRect(ImVec2(r.x0, r.y0), ImVec2(r.x1, r.y1), PackColour(t.rule), rounding, 0, 2.0f);
    const ImVec2 word_size = MeasureText(f, FontRole::Small, word, 0.0f);
    const float pip = std::max(4.0f, std::round(r.H() * 0.07f));
    const float icon_size = std::round(r.H() * 0.32f);
    const float cx = (r.x0 + r.x1) * 0.5f;
    const float content_h = icon_size + word_size.y + (levels > 0 ? pip * 2.0f : 0.0f);
    float y = std::round(r.y0 + (r.H() - content_h) * 0.5f);
    DrawIcon(f.draw, icon, cx, y + icon_size * 0.5f, icon_size, PackColour(t.text), PackColour(fill));
    y += icon_size;
    DrawText(f, FontRole::Small, std::round(cx - word_size.x * 0.5f), y, PackColour(t.text), word, 0.0f);
    y += word_size.y + pip * 0.5f;
    for (int i = 0; i < levels; i++) {
        const float px = cx + (i - (levels - 1) * 0.5f) * pip * 2.0f;
        if (i < level)
            f.draw->AddCircleFilled(ImVec2(px, y + pip * 0.5f), pip * 0.5f, PackColour(t.accent), 12);
        else
            f.draw->AddCircle(ImVec2(px, y + pip * 0.5f), pip * 0.5f - 0.5f, PackColour(t.text_muted), 12, 1.5f);
    }
    return touch == Touch::Tapped;
}

} // namespace

// The width SettingsButtons takes.
static float SettingsWidth(const Frame& f, bool with_language)
{
    float w = SettingWidth(f, f.Ui("contrast_short")) + f.gap + SettingWidth(f, f.Ui("text_size_short"));
    const auto& languages = f.env.content->config.languages;
    const std::string& current = f.env.session->Language();
    if (with_language && languages.size() == 2)
        w += f.gap + ButtonWidth(f, LanguageName(*f.env.content, languages[languages[0] == current ? 1 : 0]));
    else if (with_language && languages.size() > 2)
        w += f.gap + ButtonWidth(f, LanguageName(*f.env.content, current));
    return w;
}

// The right end of every top bar: language, text size, contrast. Returns the
// x where those buttons begin.
float SettingsButtons(Frame& f, float y, bool with_language)
{
    const Session& session = *f.env.session;
    float x = f.env.width - f.margin;
    const float h = f.button_h;

    const std::string contrast = f.Ui("contrast_short");
    float w = SettingWidth(f, contrast);
    x -= w;
    if (SettingButton(f, Rect{x, y, x + w, y + h}, "contrast", contrast, session.HighContrast() ? 2 : 1, 2))
        f.Emit(IntentKind::ToggleContrast);
    const std::string text_size = f.Ui("text_size_short");
    const int steps = std::max(1, session.Settings().text_size_steps);
    w = SettingWidth(f, text_size);
    x -= f.gap + w;
    if (SettingButton(f, Rect{x, y, x + w, y + h}, "text-size", text_size, session.TextSize() + 1, steps))
        f.Emit(IntentKind::SetTextSize, std::string(), (session.TextSize() + 1) % steps);
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

// The header of every screen: only controls, so it looks the same whatever
// the title's length. Back and Home on the left (not on Home), Stop while
// the voice reads something on this screen (it stays in reach however far
// the patient scrolls), the settings on the right. When the labels do not
// fit (narrow screens, big text) Home loses its word first, then Back, then
// Stop; the icons stay.
float Header(Frame& f, bool back_home)
{
    const Theme& t = f.theme;
    const float y = f.gap;
    const float bottom = y + f.button_h + f.gap;
    f.draw->AddRectFilled(ImVec2(0, 0), ImVec2(f.env.width, bottom), PackColour(t.surface));
    f.draw->AddLine(ImVec2(0, bottom), ImVec2(f.env.width, bottom), PackColour(t.rule), 2.0f);
    // With every word gone and still no room (the largest text on a narrow
    // screen, while reading), the language button goes: a new language would
    // stop the voice anyway.
    const int icons = (back_home ? 2 : 0) + (f.env.reading.empty() ? 0 : 1);
    const bool with_language =
        f.margin + icons * (f.button_h + f.gap) <= f.env.width - f.margin - SettingsWidth(f, true);
    const float settings_x = SettingsButtons(f, y, with_language);

    struct Control {
        const char* icon;
        std::string label;
        ButtonStyle style;
        IntentKind intent;
        std::string text;
    };
    std::vector<Control> controls;
    if (back_home) {
        controls.push_back({"back", f.Ui("back"), ButtonStyle::Primary, IntentKind::Back, std::string()});
        controls.push_back({"home", f.Ui("home"), ButtonStyle::Secondary, IntentKind::Home, std::string()});
    }
    if (!f.env.reading.empty())
        controls.push_back({"stop", f.Ui("stop_reading"), ButtonStyle::Primary, IntentKind::ReadAloud, f.env.reading});
    auto width = [&] {
        float w = f.margin;
        for (const Control& c : controls)
            w += ButtonWidth(f, c.label) + f.gap;
        return w;
    };
    for (const char* icon : {"home", "back", "stop"})
        for (Control& c : controls)
            if (width() > settings_x && std::strcmp(c.icon, icon) == 0)
                c.label.clear();
    float x = f.margin;
    for (const Control& c : controls) {
        const float w = ButtonWidth(f, c.label);
        if (Button(f, Rect{x, y, x + w, y + f.button_h}, c.icon, c.label, c.style))
            f.Emit(c.intent, c.text);
        x += w + f.gap;
    }
    return bottom;
}

float ScreenTitleHeight(const Frame& f, const std::string& title, const std::string& note)
{
    float h = MeasureText(f, FontRole::Title, title, f.column.W()).y;
    if (!note.empty())
        h += f.gap * 0.5f + MeasureText(f, FontRole::Small, note, f.column.W()).y;
    return h + f.gap;
}

float ScreenTitle(Frame& f, float y, const std::string& title, const std::string& note)
{
    const Theme& t = f.theme;
    const ImVec2 drawn = DrawText(f, FontRole::Title, f.column.x0, y, PackColour(t.heading), title, f.column.W());
    ReportTitle(f, f.column.x0, y, drawn, t.heading);
    float h = drawn.y;
    if (!note.empty()) {
        const float note_y = y + h + f.gap * 0.5f;
        h += f.gap * 0.5f + DrawText(f, FontRole::Small, f.column.x0, note_y, PackColour(t.text_muted), note, f.column.W()).y;
    }
    return h + f.gap;
}

float FixedTitle(Frame& f, float top, const std::string& title)
{
    return top + f.gap * 1.5f + ScreenTitle(f, top + f.gap * 1.5f, title, std::string()) - f.gap;
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

// A QR code's dark modules, `module` px each, top-left at (x, y): dark runs
// of each row as one rectangle, a few dozen rects instead of ~1000.
static void DrawQrModules(ImDrawList* draw, const QrCode& code, float x, float y, int module)
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

ImVec2 LogoSize(const Frame& f, float max_w, float max_h)
{
    const Content& content = *f.env.content;
    const ImageData* logo = content.config.logo_image.empty() ? nullptr : content.Image(content.config.logo_image);
    if (!logo || logo->width <= 0 || logo->height <= 0 || max_w <= 0 || max_h <= 0)
        return ImVec2(0, 0);
    const float screen_scale = std::max(std::min(f.env.width, f.env.height) / 1080.0f, 0.7f);
    const float scale = std::min({max_w / logo->width, max_h / logo->height, screen_scale});
    return ImVec2(std::floor(logo->width * scale), std::floor(logo->height * scale));
}

void DrawLogo(Frame& f, float x, float y, ImVec2 size)
{
    if (size.x <= 0 || !f.env.textures)
        return;
    const Texture texture = f.env.textures->Get(*f.env.content, f.env.content->config.logo_image);
    if (texture.id != 0)
        f.draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.id)), ImVec2(std::round(x), std::round(y)),
                         ImVec2(std::round(x) + size.x, std::round(y) + size.y));
}

ViewContext MakeViewContext(const Frame& f)
{
    ViewContext ctx;
    ctx.theme = &f.theme;
    ctx.fonts = f.env.fonts;
    ctx.textures = f.env.textures;
    ctx.content = f.env.content;
    ctx.session = f.env.session;
    ctx.picture_scale = std::max(std::min(f.env.width, f.env.height) / 1080.0f, 0.7f);   // as text (fonts.h)
    ctx.pictures = f.report ? &f.report->pictures : nullptr;
    ctx.video = f.env.video;
    ctx.target = f.target;
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

// ---------------------------------------------------------------------------
// [SECTION] Read-aloud
// ---------------------------------------------------------------------------

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
// Once the patient has scrolled while it reads, it only notes where the part
// being read is, for "Back to reading position".
void FollowReading(Frame& f, ScreenViews& views, DocumentView& view, const std::string& target, float doc_y,
                   float top, float scroll)
{
    const int block = f.env.reading == target ? f.env.reading_block : -1;
    view.SetHighlight(block);
    if (f.env.reading != target)
        return;
    float y0 = 0.0f, y1 = 0.0f;
    if (block < 0 || !view.BlockBounds(block, &y0, &y1)) {
        views.reading_focus = block;
        return;
    }
    y0 += doc_y;
    y1 += doc_y;
    const bool in_sight = y0 >= scroll && y1 <= scroll + (f.env.height - top);
    if (f.report)
        f.report->reading_shown = y1 > scroll && y0 < scroll + (f.env.height - top) ? 1 : 0;
    const float there = std::clamp(y0 - f.gap * 2, 0.0f, views.max_scroll);
    if (views.reading_paused) {
        views.reading_return = in_sight ? -1.0f : there;
        return;
    }
    if (block == views.reading_focus)
        return;
    views.reading_focus = block;
    if (!in_sight)
        views.scroll_to = there;
}

namespace {

// The message that says why reading did not start: the icon and the words,
// wrapped to the screen, in a dark rounded box.
struct NoticeBox {
    std::string text;
    float icon = 0, pad = 0, text_w = 0, w = 0, h = 0;
    ImVec2 text_size;
};

NoticeBox MeasureNotice(const Frame& f)
{
    NoticeBox box;
    box.text = f.Ui("sound_unavailable");
    box.icon = std::round(f.button_h * 0.42f);
    box.pad = std::round((f.button_h - box.icon) * 0.5f);
    const float room = f.env.width - 2 * f.margin - box.pad * 2.6f - box.icon;
    box.text_w = std::min(MeasureText(f, FontRole::Button, box.text, 0.0f).x, room);
    box.text_size = MeasureText(f, FontRole::Button, box.text, box.text_w);
    box.w = std::ceil(box.pad * 2.6f + box.icon + box.text_size.x);
    box.h = std::max(f.button_h, std::ceil(box.text_size.y + box.pad));
    return box;
}

} // namespace

float ReadingOverlayTop(const Frame& f, const ScreenViews& views)
{
    if (!f.env.reading_notice.empty())
        return f.env.height - f.margin - MeasureNotice(f).h - f.gap;
    if (views.reading_return >= 0.0f)
        return f.env.height - f.margin - f.button_h - f.gap;
    return f.env.height;
}

void ReadingOverlay(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    if (!f.env.reading_notice.empty()) {
        const NoticeBox box = MeasureNotice(f);
        const float x = std::round((f.env.width - box.w) * 0.5f);
        const float y = f.env.height - f.margin - box.h;
        f.draw->AddRectFilled(ImVec2(x, y), ImVec2(x + box.w, y + box.h), PackColour(t.heading), f.button_h * 0.3f);
        DrawIcon(f.draw, "sound-off", x + box.pad + box.icon * 0.5f, y + box.h * 0.5f, box.icon,
                 PackColour(t.background), PackColour(t.heading));
        DrawText(f, FontRole::Button, x + box.pad * 1.6f + box.icon, std::round(y + (box.h - box.text_size.y) * 0.5f),
                 PackColour(t.background), box.text, box.text_w);
        if (f.report)
            f.report->notice = box.text;
        return;
    }
    if (views.reading_return < 0.0f)
        return;
    const std::string label = f.Ui("back_to_reading");
    const float w = std::min(ButtonWidth(f, label), f.env.width - 2 * f.margin);
    const float x = std::round((f.env.width - w) * 0.5f);
    const float y = f.env.height - f.margin - f.button_h;
    if (Button(f, Rect{x, y, x + w, y + f.button_h}, "to-reading", label, ButtonStyle::Primary)) {
        views.scroll_to = views.reading_return;
        views.reading_paused = false;
        views.reading_focus = -1;   // the next part the voice reaches is followed again
    }
}

ImVec2 CentredText(Frame& f, FontRole role, float y, ImU32 colour, const std::string& text, float max_w)
{
    const ImVec2 one_line = MeasureText(f, role, text, 0.0f);
    const float w = std::min(one_line.x, max_w);
    const float x = std::round((f.env.width - w) * 0.5f);
    const ImVec2 size = DrawText(f, role, x, y, colour, text, max_w);
    return ImVec2(x, size.y);
}

void DrawQr(ImDrawList* draw, const QrCode& code, float x, float y, int module)
{
    const float side = QrSide(code, module);
    draw->AddRectFilled(ImVec2(x, y), ImVec2(x + side, y + side), IM_COL32(255, 255, 255, 255));
    const float quiet = float(kQrQuietModules * module);
    DrawQrModules(draw, code, x + quiet, y + quiet, module);
}

} // namespace screens_detail

} // namespace ck::ui
