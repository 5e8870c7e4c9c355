// The FAQ screen: every question as a card under the header, the title and
// the search entry; a tapped question opens its answer in place, with the
// read-aloud button, and is brought into view.
#include "screens/screen_widgets.h"
#include "widgets/icons.h"
#include <algorithm>
#include <cmath>

namespace ck::ui {

namespace screens_detail {

namespace {

const LanguageContent* FaqLanguage(const Frame& f)
{
    const Content& content = *f.env.content;
    const LanguageContent* lang = content.Language(f.env.session->Language());
    if (!lang || lang->faq.empty())
        lang = content.Language(content.config.default_language);
    return lang;
}

} // namespace

void FaqScreen(Frame& f, ScreenViews& views)
{
    const Theme& t = f.theme;
    SearchDraw search = SearchDrawFor(f, f.column.x0, f.column.x1);
    const float top = DrawSearchEntry(search, FixedTitle(f, Header(f, true), f.Ui("faq_title")));
    f.tap_min_y = top;
    const LanguageContent* lang = FaqLanguage(f);
    if (!lang)
        return;
    const std::string& open_id = f.env.session->Current().id;

    ViewContext ctx = MakeViewContext(f);
    ctx.tasks_of = "faq:" + open_id;
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
    // Room to scroll the last card above read-aloud's floating button or message.
    const bool overlay = views.reading_paused || !f.env.reading_notice.empty();
    const float total = y + f.margin + (overlay ? f.button_h * 1.5f : 0.0f);
    views.max_scroll = std::max(0.0f, total - (f.env.height - top));
    const float scroll = ClampedScroll(f, views.max_scroll);

    // Arriving from another screen at an entry (a search result, a link): its
    // question goes to the top, the answer under it, unless Back brought the
    // patient to a place they had scrolled to. A tap on a row opens it in
    // place, scrolling only as far as needed to show it.
    if (open_id != views.faq_focus) {
        const bool returning = views.faq_focus == kLeftFaq;
        const bool arriving = returning && f.env.session->Current().scroll_y <= 0.5f;
        views.faq_focus = open_id;
        for (size_t i = 0; i < cards.size() && !open_id.empty(); i++)
            if (lang->faq[i].id == open_id) {
                const float view_h = f.env.height - top;
                const float card_top = cards[i].y - f.gap;
                const float card_bottom = cards[i].y + cards[i].row_h + cards[i].answer_h + f.gap;
                if (arriving && i > 0)   // the first question is at the top already
                    views.scroll_to = std::min(std::max(0.0f, card_top), views.max_scroll);
                else if (!returning && (card_top < scroll || card_bottom > scroll + view_h))
                    views.scroll_to = std::min(card_top, std::max(0.0f, card_bottom - view_h));
            }
    }
    for (size_t i = 0; i < cards.size(); i++)
        if (cards[i].answer_h > 0.0f)
            FollowReading(f, views, views.faq_answers[lang->faq[i].id], "faq:" + lang->faq[i].id,
                          cards[i].y + cards[i].row_h + pad * 0.5f + read_h, top, scroll);

    f.draw->PushClipRect(ImVec2(0, top + 1), ImVec2(f.env.width, f.env.height), true);
    f.tap_max_y = ReadingOverlayTop(f, views);   // the cards under a notice take no taps
    for (size_t i = 0; i < cards.size(); i++) {
        const FaqEntry& entry = lang->faq[i];
        const Card& card = cards[i];
        const float cy = top + card.y - scroll;
        if (cy > f.env.height || cy + card.row_h + card.answer_h < top)
            continue;
        ImGui::PushID(entry.id.c_str());
        const bool open = card.answer_h > 0.0f;
        if (open && f.report)
            f.report->open_entry_y = cy;
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
    f.tap_max_y = f.env.height;
    ReadingOverlay(f, views);
}

} // namespace screens_detail

} // namespace ck::ui
