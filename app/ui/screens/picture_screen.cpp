// A picture shown full screen for eyes that cannot read the labels of a
// chart at the size it has on the page: under the usual title bar (Back
// closes it), the picture fitted to the screen, its description as text, and
// large Zoom out / Zoom in buttons and Close. A drag pans the zoomed
// picture; there is no pinch under X's pointer emulation. The texture is the
// one the page already uploaded: nothing is decoded for this screen.
#include "screens/screen_widgets.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

// The description of `key` in what the patient was reading: the page, or
// the open question's answer.
std::string DescriptionOf(const Frame& f, const std::string& key)
{
    const Session& session = *f.env.session;
    const Route& route = session.Current();
    if (route.screen == Screen::Page) {
        if (const Page* page = f.env.content->FindPage(session.Language(), route.id))
            return ImageAlt(page->doc, key);
    } else if (route.screen == Screen::Faq) {
        if (const FaqEntry* entry = f.env.content->FindFaq(session.Language(), route.id))
            return ImageAlt(entry->answer, key);
    }
    return std::string();
}

// Where everything goes. Portrait: the picture across the screen, its
// description and the buttons under it. Landscape: the description and the
// buttons in a column at the right, widened until the description fits, so
// the picture keeps the screen's whole height; when even half the screen is
// not enough (the largest text), they go under the picture as in portrait.
struct PictureLayout {
    Rect area{};                    // the picture's viewport
    Rect text{};                    // the description's column
    Rect zoom_out{}, zoom_in{}, close{};
};

struct ButtonWidths {
    float side = 0.0f;              // their height: large, for older hands and a shaky finger
    float out = 0.0f, in = 0.0f, close = 0.0f;
};

// The buttons across [x0, x1], from the bottom up: Close, then the zoom
// buttons, sharing rows when they fit. Returns the y above them.
float PlaceButtons(const Frame& f, float x0, float x1, const ButtonWidths& b, PictureLayout* l)
{
    const float bottom = f.env.height - std::round(f.margin * 0.5f);
    const float w = x1 - x0;
    float y = bottom - b.side;
    if (b.out + b.in + b.close + f.gap * 3 <= w) {
        l->close = Rect{x1 - b.close, y, x1, bottom};
    } else {
        l->close = Rect{x0, y, x1, bottom};
        y -= b.side + f.gap;
    }
    if (b.out + b.in + f.gap <= w) {
        l->zoom_out = Rect{x0, y, x0 + b.out, y + b.side};
        l->zoom_in = Rect{x0 + b.out + f.gap, y, x0 + b.out + f.gap + b.in, y + b.side};
    } else {   // one above the other, each across the column
        l->zoom_in = Rect{x0, y, x1, y + b.side};
        y -= b.side + f.gap;
        l->zoom_out = Rect{x0, y, x1, y + b.side};
    }
    return y;
}

PictureLayout LayOut(const Frame& f, float top, const std::string& alt, const std::string& out, const std::string& in,
                     const std::string& close)
{
    ButtonWidths b;
    b.side = std::round(f.button_h * 1.3f);
    const float extra = std::ceil((b.side - f.button_h) * 1.2f);   // Button() scales its icon and padding with the height
    b.out = ButtonWidth(f, out) + extra;
    b.in = ButtonWidth(f, in) + extra;
    b.close = ButtonWidth(f, close) + extra;
    const float viewport_top = top + 2.0f;
    auto text_height = [&](float w) { return alt.empty() ? 0.0f : MeasureText(f, FontRole::Body, alt, w).y; };
    PictureLayout l;
    if (f.env.width > f.env.height * 1.2f) {
        for (const float share : {0.36f, 0.44f, 0.52f}) {
            const float x0 = std::round(f.env.width * (1.0f - share)), x1 = f.env.width - f.margin;
            const float y = PlaceButtons(f, x0, x1, b, &l);
            if (viewport_top + f.gap + text_height(x1 - x0) <= y - f.gap) {
                l.area = Rect{0.0f, viewport_top, x0 - f.gap, f.env.height};
                l.text = Rect{x0, viewport_top + f.gap, x1, y - f.gap};
                return l;
            }
        }
    }
    const float y = PlaceButtons(f, f.column.x0, f.column.x1, b, &l);
    const float text_h = alt.empty() ? 0.0f : text_height(f.column.W()) + f.gap;
    const float area_bottom = std::max(viewport_top + f.target, y - f.gap - text_h);
    l.area = Rect{0.0f, viewport_top, f.env.width, area_bottom};
    l.text = Rect{f.column.x0, area_bottom + f.gap, f.column.x1, y - f.gap};
    return l;
}

} // namespace

void PictureScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    const std::string& key = f.env.session->ShownPicture();
    ScreenViews::Picture& shown = views.picture;
    if (shown.key != key) {
        shown = ScreenViews::Picture();
        shown.key = key;
        shown.alt = DescriptionOf(f, key);
    }
    const float top = FixedTitle(f, Header(f, true), f.Ui("picture_title"));
    const std::string out = f.Ui("zoom_out"), in = f.Ui("zoom_in"), close = f.Ui("close");
    const PictureLayout l = LayOut(f, top, shown.alt, out, in, close);
    const Rect& area = l.area;

    // The picture, on a quiet surface, zoomed and panned within its area.
    const ImageData* image = f.env.content->Image(key);
    const float w = image ? float(image->width) : 0.0f, h = image ? float(image->height) : 0.0f;
    const PointerState& p = *f.env.pointer;
    if (p.dragging && area.Contains(p.press_x, p.press_y))
        PanPicture(&shown.zoom, p.drag_dx, p.drag_dy, w, h, area.W(), area.H());
    f.draw->AddRectFilled(ImVec2(area.x0, area.y0), ImVec2(area.x1, area.y1), PackColour(t.surface));
    const PictureBox box = PlacePicture(shown.zoom, w, h, area.W(), area.H());
    const Texture texture = f.env.textures ? f.env.textures->Get(*f.env.content, key) : Texture();
    const ImVec2 a(area.x0 + box.x0, area.y0 + box.y0), b(area.x0 + box.x1, area.y0 + box.y1);
    f.draw->PushClipRect(ImVec2(area.x0, area.y0), ImVec2(area.x1, area.y1), true);
    if (texture.id != 0)
        f.draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.id)), a, b);
    else
        f.draw->AddRect(a, b, PackColour(t.rule), 0.0f, 0, 2.0f);   // decoding, or it cannot be shown: the text says what it is
    f.draw->PopClipRect();
    if (f.report) {
        const float rect[4] = {a.x, a.y, b.x, b.y};
        std::copy(rect, rect + 4, f.report->picture_rect);
    }

    // What it shows, in words, then the buttons.
    if (!shown.alt.empty()) {
        f.draw->PushClipRect(ImVec2(l.text.x0, l.text.y0), ImVec2(l.text.x1, l.text.y1), true);
        DrawText(f, FontRole::Body, l.text.x0, l.text.y0, PackColour(t.text), shown.alt, l.text.W());
        f.draw->PopClipRect();
    }
    if (Button(f, l.zoom_out, "zoom-out", out, ButtonStyle::Secondary))
        StepZoom(&shown.zoom, -1, w, h, area.W(), area.H());
    if (Button(f, l.zoom_in, "zoom-in", in, ButtonStyle::Secondary))
        StepZoom(&shown.zoom, +1, w, h, area.W(), area.H());
    if (Button(f, l.close, "close", close, ButtonStyle::Primary))
        f.Emit(IntentKind::ClosePicture);
}

void ReportPictures(Frame& f, const DocumentView& view, float x, float y)
{
    const DocumentLayout* layout = view.Current();
    if (!f.report || !layout)
        return;
    for (const PictureHit& picture : layout->pictures) {
        const float y0 = std::max(y + picture.y0, f.tap_min_y), y1 = std::min(y + picture.y1, f.tap_max_y);
        if (!picture.alt.empty() && y1 > y0)
            f.report->buttons.push_back({picture.alt, x + picture.x0, y0, x + picture.x1, y1});
    }
}

} // namespace screens_detail

} // namespace ck::ui
