// The page screen: under the header, a scrolling body with the page's title,
// the read-aloud button, the document, the take-home QR code, how to reach
// the clinic and the review footer.
#include "screens/screen_widgets.h"
#include "document/speech_text.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

// The page body as shown: the screen title already shows the title, so a
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
    card.module = std::max(3, int(std::ceil(kQrSideMm * dpi / 25.4f / modules)));   // never under kQrSideMm
    card.module = std::max(1, std::min(card.module, int(room / modules)));
    card.side = float(card.module * modules);
    card.caption_beside = room - card.side - card.pad >= f.em * 8.0f;
    card.caption_w = card.caption_beside ? room - card.side - card.pad : room;
    card.caption_size = MeasureText(f, FontRole::H3, caption, card.caption_w);
    card.h = card.caption_beside ? std::max(card.side, card.caption_size.y) + 2 * card.pad
                                 : card.caption_size.y + f.gap + card.side + 2 * card.pad;
    return card;
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
    DrawQr(f.draw, code, qx, qy, card.module);
    if (f.report) {
        const float rect[4] = {qx, qy, qx + card.side, qy + card.side};
        std::copy(rect, rect + 4, f.report->qr_rect);
        f.report->qr_module = card.module;
    }
}

// Keeps the patient's place across a change of text size: the block that
// started nearest the top of the body goes back to the same height on
// screen. Returns the scroll offset to draw with.
float KeepPlace(Frame& f, ScreenViews& views, const Page& page, float pad_top, float scroll)
{
    ScreenViews::Place& place = views.place;
    const DocumentLayout* layout = views.page_body->Current();
    if (!layout)
        return scroll;
    float y0 = 0.0f, y1 = 0.0f;
    if (place.page == page.source && place.em != f.em && place.block >= 0 &&
        views.page_body->BlockBounds(place.block, &y0, &y1)) {
        scroll = std::clamp(pad_top + y0 - place.dy, 0.0f, views.max_scroll);
        views.scroll_to = scroll;
    }
    place.page = page.source;
    place.em = f.em;
    place.block = -1;
    for (size_t i = 0; i < layout->blocks.size() && scroll > 0.5f; i++) {   // at the top, the top is the place
        const BlockBox& box = layout->blocks[i];
        if (box.laid_out && pad_top + box.y0 >= scroll - 0.5f) {
            if (place.block < 0 || box.y0 < layout->blocks[size_t(place.block)].y0) {
                place.block = int(i);
                place.dy = pad_top + box.y0 - scroll;
            }
        }
    }
    if (f.report)
        f.report->page_place = place.block;
    return scroll;
}

} // namespace

void PageScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    bool fell_back = false;
    const Page* page = f.env.content->FindPage(f.env.session->Language(), f.env.session->Current().id, &fell_back);
    const float top = Header(f, true);
    if (!page) {
        // A link to a page that has gone away: say so calmly, keep the way back.
        const float y = FixedTitle(f, top, f.Ui("updating"));
        DrawText(f, FontRole::Body, f.column.x0, y + f.gap, PackColour(t.text), f.Ui("updating_detail"), f.column.W());
        views.max_scroll = 0.0f;
        return;
    }
    PreparePageBody(views, *page);
    const std::string note = fell_back ? f.Ui("fallback_note") : std::string();
    f.tap_min_y = top;
    f.tap_max_y = f.env.height;

    ViewContext ctx = MakeViewContext(f);
    ctx.tasks_of = "page:" + page->id;
    std::vector<LabelledRect> clip_buttons;
    LabelledRect playing;
    ctx.labelled = &clip_buttons;
    ctx.playing_rect = &playing;
    ctx.wanted_frames = f.report ? &f.report->first_frames_wanted : nullptr;
    const float width = f.column.W();
    const float doc_h = views.page_body->Layout(views.page_doc, width, ctx);
    const std::string footer = ReviewFooter(f, *page);
    const float footer_h = footer.empty() ? 0.0f : f.gap * 2 + MeasureText(f, FontRole::Small, footer, width).y;
    const std::string qr_caption = page->link_qr.Empty() ? std::string() : f.Ui("qr_caption");
    const TakeHomeCard card = MeasureTakeHomeCard(f, page->link_qr, qr_caption);
    const float card_h = card.module > 0 ? f.gap * 2 + card.h : 0.0f;
    const float contact = ContactCardHeight(f, views.contact_qr_page == page->source);
    const float contact_h = contact > 0.0f ? f.gap * 2 + contact : 0.0f;
    // Above the document: the title, then Read aloud and beside it (or under
    // it, when the column is narrow) the button that shows the page's code large.
    const std::string take_home = page->link_qr.Empty() ? std::string() : f.Ui("take_home");
    const float read_w = std::max(ButtonWidth(f, f.Ui("read_aloud")), ButtonWidth(f, f.Ui("stop_reading")));
    const float take_home_w = take_home.empty() ? 0.0f : std::min(width, ButtonWidth(f, take_home));
    const bool take_home_beside = read_w + f.gap + take_home_w <= width;
    const int button_rows = take_home.empty() || take_home_beside ? 1 : 2;
    const float read_h = (f.button_h + f.gap) * float(button_rows);
    const float title_y = f.gap * 1.5f;
    const float read_y = title_y + ScreenTitleHeight(f, page->title, note);
    const float pad_top = read_y + read_h;
    // Room to scroll the foot of the page above read-aloud's floating button or message.
    const float overlay_h = views.reading_paused || !f.env.reading_notice.empty() ? f.button_h * 1.5f : 0.0f;
    const float total = pad_top + doc_h + card_h + contact_h + footer_h + f.margin * 1.5f + overlay_h;
    views.max_scroll = std::max(0.0f, total - (f.env.height - top));
    if (views.contact_qr_reveal && views.contact_qr_page == page->source) {
        views.scroll_to = views.max_scroll;   // the phone's code opened at the foot of the page: show it
        views.contact_qr_reveal = false;
    }
    const float scroll = KeepPlace(f, views, *page, pad_top, ClampedScroll(f, views.max_scroll));
    const std::string read_target = "page:" + f.env.session->Current().id;
    FollowReading(f, views, *views.page_body, read_target, pad_top, top, scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, f.env.height), true);
    f.tap_max_y = ReadingOverlayTop(f, views);   // the body under a notice takes no taps
    const float origin_y = top + pad_top - scroll;
    if (top + read_y - scroll > top)
        ScreenTitle(f, top + title_y - scroll, page->title, note);
    float tap[2];
    views.page_body->Draw(f.draw, f.column.x0, origin_y, top, f.env.height, ctx, BodyTap(f, tap), &f.intents);
    if (f.report) {
        for (const LabelledRect& b : clip_buttons)
            f.report->buttons.push_back({b.label, b.x0, b.y0, b.x1, b.y1});
        const float rect[4] = {playing.x0, playing.y0, playing.x1, playing.y1};
        std::copy(rect, rect + 4, f.report->video_rect);
    }
    const float read_top = top + read_y - scroll;
    ReadAloudButton(f, f.column.x0, read_top, read_target);
    if (!take_home.empty()) {
        const float x = take_home_beside ? f.column.x0 + read_w + f.gap : f.column.x0;
        const float y = take_home_beside ? read_top : read_top + f.button_h + f.gap;
        if (Button(f, Rect{x, y, x + take_home_w, y + f.button_h}, "qr-code", take_home, ButtonStyle::Secondary))
            f.Emit(IntentKind::ShowAddress, page->link);
    }
    ReportPictures(f, *views.page_body, f.column.x0, origin_y);
    if (f.report)
        f.report->max_text_right = std::max(f.report->max_text_right, f.column.x0 + views.page_body->MaxRight());
    const float card_y = origin_y + doc_h + f.gap * 2;
    if (card.module > 0 && card_y < f.env.height && card_y + card.h > top)
        DrawTakeHomeCard(f, card, page->link_qr, qr_caption, card_y);
    const float contact_y = origin_y + doc_h + card_h + f.gap * 2;
    if (contact > 0.0f && contact_y < f.env.height && contact_y + contact > top)
        DrawContactCard(f, contact_y, views, page->source);
    if (!footer.empty()) {
        const float y = origin_y + doc_h + card_h + contact_h + f.gap;
        f.draw->AddLine(ImVec2(f.column.x0, y), ImVec2(f.column.x1, y), PackColour(t.rule), 1.0f);
        DrawText(f, FontRole::Small, f.column.x0, y + f.gap, PackColour(t.text_muted), footer, width);
    }
    f.draw->PopClipRect();
    ScrollIndicator(f, top, scroll, views.max_scroll);
    f.tap_max_y = f.env.height;
    ReadingOverlay(f, views);
}

} // namespace screens_detail

} // namespace ck::ui
