// The search screen and the search entry. See search_screen.h.
//
// Index
//   [SECTION] Drawing helpers: text, highlights, touch targets
//   [SECTION] Search entry (Home, FAQ)
//   [SECTION] Query field
//   [SECTION] Results list
//   [SECTION] Entry point
//
// Like the other screens, everything is drawn with the draw list and
// hit-tested here: taps act on release and ignore drags, and nothing has a
// hover look.
#include "screens/search_screen.h"
#include "widgets/rect.h"

#include "widgets/icons.h"
#include "widgets/keyboard.h"
#include "text/text_layout.h"

#include <imgui.h>
#include <algorithm>
#include <cmath>

namespace ck::ui {

// [SECTION] Drawing helpers: text, highlights, touch targets

namespace {

constexpr int kSuggestedQuestions = 5;   // shown for an empty query

ImFont* Font(const SearchDraw& d, FontRole role)
{
    ImFont* font = d.env->fonts ? d.env->fonts->Get(role) : nullptr;
    return font ? font : ImGui::GetFont();
}

std::string Ui(const SearchDraw& d, const char* key)
{
    return UiString(*d.env->content, d.env->session->Language(), key);
}

ImVec2 Measure(const SearchDraw& d, FontRole role, const std::string& text, float wrap)
{
    ImFont* font = Font(d, role);
    return font->CalcTextSizeA(font->FontSize, 1e9f, wrap, text.c_str(), text.c_str() + text.size());
}

ImVec2 Text(SearchDraw& d, FontRole role, float x, float y, ImU32 colour, const std::string& text, float wrap)
{
    ImFont* font = Font(d, role);
    const ImVec2 size = Measure(d, role, text, wrap);
    d.draw->AddText(font, font->FontSize, ImVec2(x, y), colour, text.c_str(), text.c_str() + text.size(), wrap);
    if (d.report)
        d.report->max_text_right = std::max(d.report->max_text_right, x + size.x);
    return size;
}

enum class Touch { None, Held, Tapped };

// One touch target: counted for the report; held while a press that began
// inside is still inside and not a drag; tapped on release. Presses and taps
// outside [band_y0, band_y1) belong to something else (the results list is
// clipped by the query field and the keyboard).
Touch Target(SearchDraw& d, const Rect& r, float band_y0, float band_y1)
{
    if (d.report) {
        const float side = std::min(r.W(), r.H());
        d.report->min_target = d.report->targets == 0 ? side : std::min(d.report->min_target, side);
        d.report->targets++;
    }
    const PointerState& p = *d.env->pointer;
    auto in_band = [&](float y) { return y >= band_y0 && y < band_y1; };
    if (p.tapped && r.Contains(p.tap_x, p.tap_y) && in_band(p.tap_y))
        return Touch::Tapped;
    if (p.down && !p.dragging && r.Contains(p.press_x, p.press_y) && r.Contains(p.x, p.y) && in_band(p.press_y))
        return Touch::Held;
    return Touch::None;
}

// Runs for `text` with the byte ranges in `marks` set apart: `strong` font
// and colour, plus `strong_flags` (Run_CodeBackground = a marker behind).
std::vector<InlineRun> MarkedRuns(const std::string& text, std::vector<TextRange> marks, ImFont* plain,
                                  ImU32 plain_colour, ImFont* strong, ImU32 strong_colour, uint8_t strong_flags)
{
    std::sort(marks.begin(), marks.end(), [](const TextRange& a, const TextRange& b) { return a.begin < b.begin; });
    std::vector<InlineRun> runs;
    auto add = [&](int begin, int end, bool marked) {
        if (end <= begin)
            return;
        InlineRun run;
        run.text = text.substr(size_t(begin), size_t(end - begin));
        run.font = marked ? strong : plain;
        run.colour = marked ? strong_colour : plain_colour;
        run.flags = marked ? strong_flags : uint8_t(Run_None);
        runs.push_back(std::move(run));
    };
    const int size = int(text.size());
    int at = 0;
    for (const TextRange& mark : marks) {
        const int begin = std::clamp(mark.begin, at, size);
        const int end = std::clamp(mark.end, begin, size);
        add(at, begin, false);
        add(begin, end, true);
        at = end;
    }
    add(at, size, false);
    return runs;
}

void DrawInline(SearchDraw& d, const InlineLayout& layout, const std::vector<InlineRun>& runs, float x, float y)
{
    for (const LaidLine& line : layout.lines)
        for (const LinePiece& piece : line.pieces) {
            const InlineRun& run = runs[size_t(piece.run)];
            const float top = y + line.baseline - std::round(run.font->Ascent);
            const float left = x + piece.x;
            if (run.flags & Run_CodeBackground)
                d.draw->AddRectFilled(ImVec2(left - 3.0f, top), ImVec2(left + piece.width + 3.0f, top + run.font->FontSize),
                                      PackColour(d.theme->table_header), 4.0f);
            d.draw->AddText(run.font, run.font->FontSize, ImVec2(left, top), run.colour, piece.text.c_str(),
                            piece.text.c_str() + piece.text.size());
        }
    if (d.report)
        d.report->max_text_right = std::max(d.report->max_text_right, x + layout.max_right);
}

} // namespace

void DrawMagnifier(ImDrawList* draw, float cx, float cy, float size, unsigned colour)
{
    const float stroke = std::max(2.0f, size * 0.11f);
    const float r = size * 0.3f;
    const ImVec2 centre(cx - size * 0.1f, cy - size * 0.1f);
    draw->AddCircle(centre, r, colour, 40, stroke);
    const float k = 0.7071f;
    const ImVec2 from(centre.x + r * k, centre.y + r * k);
    const ImVec2 to(cx + size * 0.4f, cy + size * 0.4f);
    draw->AddLine(from, to, colour, stroke * 1.2f);
    draw->AddCircleFilled(to, stroke * 0.6f, colour, 12);
}

// [SECTION] Search entry (Home, FAQ)

float DrawSearchEntry(SearchDraw& d, float top)
{
    const Theme& t = *d.theme;
    const float h = std::max(d.target, std::round(d.button_h * 1.15f));
    const Rect bar{d.column_x0, top + d.gap, d.column_x1, top + d.gap + h};
    const Touch touch = Target(d, bar, bar.y0, bar.y1);
    if (touch == Touch::Tapped)
        d.intents->push_back(Intent{IntentKind::OpenSearch, std::string(), 0});
    const float rounding = h * 0.5f;
    d.draw->AddRectFilled(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1),
                          PackColour(touch == Touch::Held ? t.surface_pressed : t.surface), rounding);
    d.draw->AddRect(ImVec2(bar.x0, bar.y0), ImVec2(bar.x1, bar.y1), PackColour(t.accent), rounding, 0, 3.0f);

    const float icon = std::round(h * 0.5f);
    const float pad = std::round(h * 0.4f);
    DrawMagnifier(d.draw, bar.x0 + pad + icon * 0.5f, (bar.y0 + bar.y1) * 0.5f, icon, PackColour(t.accent));
    float x = bar.x0 + pad * 1.6f + icon;
    const std::string label = Ui(d, "search");
    const ImVec2 label_size = Measure(d, FontRole::Button, label, 0.0f);
    Text(d, FontRole::Button, x, std::round((bar.y0 + bar.y1 - label_size.y) * 0.5f), PackColour(t.heading), label, 0.0f);
    x += label_size.x + d.gap;
    // The hint says what to do; it goes when the bar is too narrow for it.
    const std::string hint = Ui(d, "search_hint");
    const ImVec2 hint_size = Measure(d, FontRole::Body, hint, 0.0f);
    if (x + hint_size.x <= bar.x1 - pad)
        Text(d, FontRole::Body, x, std::round((bar.y0 + bar.y1 - hint_size.y) * 0.5f), PackColour(t.text_muted), hint, 0.0f);
    return bar.y1 + d.gap * 0.5f;
}

// [SECTION] Query field

namespace {

// The end of `query` that fits in `room` px: whole characters after an
// ellipsis, never half a letter at the edge.
std::string VisibleEnd(ImFont* font, const std::string& query, float room)
{
    auto width = [font](const std::string& text) {
        return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size()).x;
    };
    if (width(query) <= room)
        return query;
    const std::string ellipsis = "\xE2\x80\xA6";   // …
    size_t begin = 0;
    while (begin < query.size()) {
        begin++;
        while (begin < query.size() && (static_cast<unsigned char>(query[begin]) & 0xC0) == 0x80)
            begin++;   // a UTF-8 continuation byte: still inside the character
        const std::string rest = ellipsis + query.substr(begin);
        if (width(rest) <= room)
            return rest;
    }
    return ellipsis;
}

// The query in a large field with a caret after it, or the hint when empty.
// A query wider than the field shows its end, where the patient is typing.
// With the keyboard hidden, a tap in the field brings it back.
float QueryField(SearchDraw& d, float top)
{
    const Theme& t = *d.theme;
    const std::string& query = d.env->session->Query();
    ImFont* font = Font(d, FontRole::H2);
    const float h = std::max(std::round(d.button_h * 1.25f), std::round(font->FontSize * 2.1f));
    const Rect field{d.column_x0, top + d.gap, d.column_x1, top + d.gap + h};
    if (Target(d, field, field.y0, field.y1) == Touch::Tapped && d.env->session->Keyboard() == KeyboardMode::Hidden)
        d.intents->push_back(Intent{IntentKind::SetKeyboard, std::string(), int(KeyboardMode::Letters)});
    const float rounding = std::round(h * 0.22f);
    d.draw->AddRectFilled(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1), PackColour(t.surface), rounding);
    d.draw->AddRect(ImVec2(field.x0, field.y0), ImVec2(field.x1, field.y1), PackColour(t.accent), rounding, 0, 3.0f);

    const float icon = std::round(h * 0.42f);
    const float pad = std::round(h * 0.3f);
    DrawMagnifier(d.draw, field.x0 + pad + icon * 0.5f, (field.y0 + field.y1) * 0.5f, icon, PackColour(t.accent));
    const float text_x0 = field.x0 + pad * 1.6f + icon;
    const float text_x1 = field.x1 - pad;
    const float caret_w = std::max(3.0f, std::round(font->FontSize * 0.08f));
    if (query.empty()) {
        const ImVec2 size = Measure(d, FontRole::Body, Ui(d, "search_hint"), 0.0f);
        const float y = std::round((field.y0 + field.y1 - size.y) * 0.5f);
        d.draw->AddRectFilled(ImVec2(text_x0, field.y0 + h * 0.25f), ImVec2(text_x0 + caret_w, field.y1 - h * 0.25f),
                              PackColour(t.accent));
        d.draw->PushClipRect(ImVec2(text_x0, field.y0), ImVec2(text_x1, field.y1), true);
        Text(d, FontRole::Body, text_x0 + caret_w * 3, y, PackColour(t.text_muted), Ui(d, "search_hint"), 0.0f);
        d.draw->PopClipRect();
        return field.y1;
    }
    const float room = text_x1 - text_x0 - caret_w * 2;
    const std::string shown = VisibleEnd(font, query, room);
    const ImVec2 size = Measure(d, FontRole::H2, shown, 0.0f);
    const float x = text_x0;
    const float y = std::round((field.y0 + field.y1 - size.y) * 0.5f);
    d.draw->AddText(font, font->FontSize, ImVec2(x, y), PackColour(t.text), shown.c_str(), shown.c_str() + shown.size());
    if (d.report)
        d.report->max_text_right = std::max(d.report->max_text_right, std::min(x + size.x, text_x1));
    const float caret_x = std::min(x + size.x + caret_w, text_x1 - caret_w);
    d.draw->AddRectFilled(ImVec2(caret_x, field.y0 + h * 0.25f), ImVec2(caret_x + caret_w, field.y1 - h * 0.25f),
                          PackColour(t.accent));
    return field.y1;
}

} // namespace

// [SECTION] Results list

namespace {

enum class ItemKind { Heading, Notice, Hit, Suggestion };

// One entry of the results list, measured before anything is drawn so the
// list knows its height (scrolling) and can skip what is off screen.
struct Item {
    ItemKind kind = ItemKind::Heading;
    std::string icon;
    std::vector<InlineRun> title;       // Heading, Hit, Suggestion; Notice: its heading
    std::vector<InlineRun> detail;      // Hit: the snippet; Notice: the body
    InlineLayout title_layout, detail_layout;
    Intent intent;                      // Hit, Suggestion
    float height = 0.0f;
};

struct ListMetrics {
    float pad = 0.0f, icon_d = 0.0f, text_x = 0.0f, text_w = 0.0f, line_gap = 0.0f;
};

ListMetrics MakeListMetrics(const SearchDraw& d)
{
    ListMetrics m;
    m.pad = std::round(d.em * 0.8f);
    m.icon_d = std::round(std::max(d.target * 0.8f, d.em * 1.9f));
    m.text_x = m.pad + m.icon_d + m.pad;
    m.text_w = (d.column_x1 - d.column_x0) - m.text_x - m.pad;
    m.line_gap = std::round(d.em * 0.25f);
    return m;
}

std::vector<InlineRun> PlainRuns(const std::string& text, ImFont* font, ImU32 colour)
{
    return MarkedRuns(text, {}, font, colour, font, colour, Run_None);
}

// Suggested questions (FAQ ids) as tappable rows, under a heading.
void AddSuggestions(const SearchDraw& d, const std::string& heading, const std::vector<std::string>& ids,
                    std::vector<Item>* items)
{
    const Theme& t = *d.theme;
    const Content& content = *d.env->content;
    const std::string& lang = d.env->session->Language();
    std::vector<Item> rows;
    for (const std::string& id : ids)
        if (const FaqEntry* entry = content.FindFaq(lang, id)) {
            Item row;
            row.kind = ItemKind::Suggestion;
            row.icon = "question";
            row.title = PlainRuns(entry->question, Font(d, FontRole::Button), PackColour(t.heading));
            row.intent = Intent{IntentKind::OpenFaq, id, 0};
            rows.push_back(std::move(row));
            if (d.report)
                d.report->suggested.push_back(id);
        }
    if (rows.empty())
        return;
    Item head;
    head.kind = ItemKind::Heading;
    head.title = PlainRuns(heading, Font(d, FontRole::H3), PackColour(t.heading));
    items->push_back(std::move(head));
    for (Item& row : rows)
        items->push_back(std::move(row));
}

// The FAQ's first questions, in the patient's language or the default one:
// what a screen drawn without the app's popular list shows.
std::vector<std::string> FirstFaqIds(const SearchDraw& d, int count)
{
    const Content& content = *d.env->content;
    const LanguageContent* lang = content.Language(d.env->session->Language());
    if (!lang || lang->faq.empty())
        lang = content.Language(content.config.default_language);
    std::vector<std::string> ids;
    for (size_t i = 0; lang && i < lang->faq.size() && int(i) < count; i++)
        ids.push_back(lang->faq[i].id);
    return ids;
}

// "Popular questions": the app's list (most opened, the staff's choice,
// then file order; core/insights/popular_questions.h).
std::vector<std::string> PopularIds(const SearchDraw& d)
{
    return d.env->popular ? *d.env->popular : FirstFaqIds(d, kSuggestedQuestions);
}

std::string PageIcon(const SearchDraw& d, const std::string& id)
{
    const Page* page = d.env->content->FindPage(d.env->session->Language(), id);
    return page && IsIconName(page->icon) ? page->icon : "info";
}

bool Blank(const std::string& text)
{
    return text.find_first_not_of(" \t") == std::string::npos;
}

Item HitItem(const SearchDraw& d, const SearchHit& hit)
{
    const Theme& t = *d.theme;
    Item row;
    row.kind = ItemKind::Hit;
    row.icon = hit.kind == HitKind::Faq ? "question" : PageIcon(d, hit.id);
    row.title = MarkedRuns(hit.title, hit.title_highlights, Font(d, FontRole::Body), PackColour(t.heading),
                           Font(d, FontRole::BodyBold), PackColour(t.link), Run_None);
    row.detail = MarkedRuns(hit.snippet, hit.snippet_highlights, Font(d, FontRole::Small), PackColour(t.text_muted),
                            Font(d, FontRole::Small), PackColour(t.text), Run_CodeBackground);
    row.intent = hit.kind == HitKind::Faq ? Intent{IntentKind::OpenFaq, hit.id, 0}
                                          : Intent{IntentKind::OpenPage, hit.id, 0};
    return row;
}

std::vector<Item> BuildItems(const SearchDraw& d)
{
    const Theme& t = *d.theme;
    const std::string& query = d.env->session->Query();
    const SearchView* view = d.env->search;
    std::vector<Item> items;
    if (Blank(query)) {
        AddSuggestions(d, Ui(d, "search_suggested"), PopularIds(d), &items);
        return items;
    }
    if (!view || !view->ready || view->query != query || view->lang != d.env->session->Language()) {
        Item notice;
        notice.kind = ItemKind::Notice;
        notice.icon = "clock";
        notice.title = PlainRuns(Ui(d, "search_preparing"), Font(d, FontRole::H3), PackColour(t.heading));
        items.push_back(std::move(notice));
        return items;
    }
    const SearchResults& results = view->results;
    if (results.no_answer) {
        Item notice;
        notice.kind = ItemKind::Notice;
        notice.icon = "info";
        notice.title = PlainRuns(Ui(d, "no_answer"), Font(d, FontRole::H3), PackColour(t.heading));
        notice.detail = PlainRuns(Ui(d, "ask_front_desk"), Font(d, FontRole::Body), PackColour(t.text));
        items.push_back(std::move(notice));
        // The questions patients open most say more than the engine's first
        // questions in the file, which only a screen without that list uses.
        const std::vector<std::string> ids =
            d.env->popular || results.suggestions.empty() ? PopularIds(d) : results.suggestions;
        AddSuggestions(d, Ui(d, "try_these"), ids, &items);
        return items;
    }
    if (!results.corrected_query.empty()) {
        Item line;
        line.kind = ItemKind::Heading;
        const std::string lead = Ui(d, "showing_results_for") + " ";
        line.title = MarkedRuns(lead + results.corrected_query, {TextRange{int(lead.size()), int(lead.size() + results.corrected_query.size())}},
                                Font(d, FontRole::Body), PackColour(t.text_muted), Font(d, FontRole::BodyBold), PackColour(t.text),
                                Run_None);
        items.push_back(std::move(line));
    }
    for (const SearchHit& hit : results.hits)
        items.push_back(HitItem(d, hit));
    if (!results.related.empty()) {
        // Partial matches are labelled as such, so a patient does not take
        // the nearest question for an answer to their own.
        Item head;
        head.kind = ItemKind::Heading;
        head.title = PlainRuns(Ui(d, results.hits.empty() ? "closest_questions" : "related_questions"),
                               Font(d, FontRole::H3), PackColour(t.heading));
        items.push_back(std::move(head));
        for (const SearchHit& hit : results.related)
            items.push_back(HitItem(d, hit));
    }
    return items;
}

void MeasureItems(const SearchDraw& d, const ListMetrics& m, std::vector<Item>& items)
{
    const float column_w = d.column_x1 - d.column_x0;
    for (Item& item : items) {
        InlineOptions options;
        options.line_spacing = 1.3f;
        if (item.kind == ItemKind::Heading) {
            options.width = column_w;
            item.title_layout = LayoutInline(item.title, options);
            item.height = item.title_layout.height + d.gap * 0.5f;
            continue;
        }
        options.width = m.text_w;
        item.title_layout = LayoutInline(item.title, options);
        float h = item.title_layout.height;
        if (!item.detail.empty()) {
            item.detail_layout = LayoutInline(item.detail, options);
            h += m.line_gap + item.detail_layout.height;
        }
        item.height = std::max(d.target, std::max(m.icon_d, h) + 2 * m.pad);
    }
}

void DrawItem(SearchDraw& d, const ListMetrics& m, const Item& item, float y, float band_y0, float band_y1)
{
    const Theme& t = *d.theme;
    const float x0 = d.column_x0, x1 = d.column_x1;
    if (item.kind == ItemKind::Heading) {
        DrawInline(d, item.title_layout, item.title, x0, y + d.gap * 0.25f);
        return;
    }
    const Rect row{x0, y, x1, y + item.height};
    Touch touch = Touch::None;
    if (item.kind == ItemKind::Hit || item.kind == ItemKind::Suggestion) {
        touch = Target(d, row, band_y0, band_y1);
        if (touch == Touch::Tapped)
            d.intents->push_back(item.intent);
    }
    const float rounding = std::round(d.em * 0.5f);
    d.draw->AddRectFilled(ImVec2(row.x0, row.y0), ImVec2(row.x1, row.y1),
                          PackColour(touch == Touch::Held ? t.surface_pressed : t.surface), rounding);
    if (item.kind == ItemKind::Notice)
        d.draw->AddRectFilled(ImVec2(row.x0, row.y0), ImVec2(row.x0 + std::round(d.em * 0.25f), row.y1),
                              PackColour(t.accent), rounding, ImDrawFlags_RoundCornersLeft);

    const float icon_cx = x0 + m.pad + m.icon_d * 0.5f, icon_cy = std::round(y + item.height * 0.5f);
    const bool disc = item.kind == ItemKind::Hit;
    if (disc)
        d.draw->AddCircleFilled(ImVec2(icon_cx, icon_cy), m.icon_d * 0.5f, PackColour(t.accent), 40);
    DrawIcon(d.draw, item.icon, icon_cx, icon_cy, m.icon_d * (disc ? 0.56f : 0.7f),
             PackColour(disc ? t.accent_text : t.accent), PackColour(disc ? t.accent : t.surface));

    float text_h = item.title_layout.height;
    if (!item.detail.empty())
        text_h += m.line_gap + item.detail_layout.height;
    const float tx = x0 + m.text_x;
    float ty = std::round(y + (item.height - text_h) * 0.5f);
    DrawInline(d, item.title_layout, item.title, tx, ty);
    if (!item.detail.empty())
        DrawInline(d, item.detail_layout, item.detail, tx, ty + item.title_layout.height + m.line_gap);
}

// The results between `top` and `bottom`, scrolled by the Session's offset.
void ResultsList(SearchDraw& d, float top, float bottom, ScreenViews& views)
{
    const ListMetrics m = MakeListMetrics(d);
    std::vector<Item> items = BuildItems(d);
    MeasureItems(d, m, items);
    float total = d.gap;
    for (const Item& item : items)
        total += item.height + d.gap * 0.6f;
    total += d.gap;
    const float view_h = bottom - top;
    views.max_scroll = std::max(0.0f, total - view_h);
    const float scroll = std::clamp(d.env->session->Current().scroll_y, 0.0f, views.max_scroll);

    d.draw->PushClipRect(ImVec2(0, top), ImVec2(d.env->width, bottom), true);
    float y = top + d.gap - scroll;
    for (size_t i = 0; i < items.size(); i++) {
        if (y < bottom && y + items[i].height > top) {
            ImGui::PushID(int(i));
            DrawItem(d, m, items[i], y, top, bottom);
            ImGui::PopID();
        }
        y += items[i].height + d.gap * 0.6f;
    }
    d.draw->PopClipRect();

    // A thin thumb at the right edge while the list can scroll.
    if (views.max_scroll > 1.0f) {
        const float inset = d.gap * 0.5f, track = view_h - 2 * inset;
        const float thumb = std::max(d.target * 0.75f, track * view_h / total);
        const float ty = top + inset + (track - thumb) * (scroll / views.max_scroll);
        const float w = std::max(4.0f, d.em * 0.22f), x = d.env->width - inset - w;
        d.draw->AddRectFilled(ImVec2(x, ty), ImVec2(x + w, ty + thumb), PackColour(d.theme->text_muted, 0.45f), w * 0.5f);
    }
}

} // namespace

// [SECTION] Entry point

void DrawSearchScreen(SearchDraw& d, float top, ScreenViews& views)
{
    const Theme& t = *d.theme;
    const ScreenEnv& env = *d.env;
    const float field_bottom = QueryField(d, top);

    if (env.session->Keyboard() == KeyboardMode::Hidden) {
        ResultsList(d, field_bottom + d.gap * 0.5f, env.height, views);   // the results get the screen
        return;
    }
    // The keyboard along the bottom, as wide as the text column; lower keys
    // in landscape, where height is scarce.
    const bool landscape = env.width > env.height;
    KeyboardMetrics km;
    km.width = d.column_x1 - d.column_x0;
    km.min_target = d.target;
    km.gap = std::max(6.0f, std::round(d.target * 0.16f));
    km.max_key_height = std::round(d.target * (landscape ? 1.15f : 1.5f));
    km.max_unit = std::round(d.target * 1.75f);   // big text widens the column, not the keys
    const KeyboardLayout& layout = env.session->Keyboard() == KeyboardMode::Digits
                                       ? DigitsLayout()
                                       : KeyboardLayoutFor(env.session->Language());
    const KeyboardGeometry keys = PlaceKeyboard(layout, km);
    const float band_top = std::round(env.height - keys.height - d.gap * 2);
    d.draw->AddRectFilled(ImVec2(0, band_top), ImVec2(env.width, env.height), PackColour(t.quote_background));
    d.draw->AddLine(ImVec2(0, band_top), ImVec2(env.width, band_top), PackColour(t.rule), 2.0f);

    ResultsList(d, field_bottom + d.gap * 0.5f, band_top, views);

    KeyboardDraw kd;
    kd.draw = d.draw;
    kd.theme = d.theme;
    kd.fonts = env.fonts;
    kd.pointer = env.pointer;
    kd.space_label = Ui(d, "space");
    kd.clear_label = Ui(d, "clear");
    kd.hide_label = Ui(d, "hide_keyboard");
    for (Intent& intent : DrawKeyboard(keys, d.column_x0, band_top + d.gap, kd))
        d.intents->push_back(std::move(intent));
    if (d.report)
        for (const PlacedKey& key : keys.keys) {
            const float side = std::min(key.x1 - key.x0, key.y1 - key.y0);
            d.report->min_target = d.report->targets == 0 ? side : std::min(d.report->min_target, side);
            d.report->targets++;
        }
}

} // namespace ck::ui
