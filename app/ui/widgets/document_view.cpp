// DocumentView: the cached layout of a document and drawing it. Layout is
// computed once per (document, width, font generation) by the Builder
// (document_builder.h) into draw items in document coordinates; drawing a
// frame only culls and emits them, then hit-tests a tap against the links.
#include "widgets/document_builder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ck::ui {

namespace {

// The theme's colour for a role.
Rgb ColourOf(const Theme& theme, ColourRole role)
{
    switch (role) {
    case ColourRole::Text: return theme.text;
    case ColourRole::Muted: return theme.text_muted;
    case ColourRole::Heading: return theme.heading;
    case ColourRole::Link: return theme.link;
    case ColourRole::QuoteBackground: return theme.quote_background;
    case ColourRole::QuoteBar: return theme.quote_bar;
    case ColourRole::CodeBackground: return theme.code_background;
    case ColourRole::Rule: return theme.rule;
    case ColourRole::TableHeader: return theme.table_header;
    case ColourRole::TableBorder: return theme.table_border;
    }
    return theme.text;
}

} // namespace

DocumentView::DocumentView() = default;
DocumentView::~DocumentView() = default;

float DocumentView::Layout(const Document& doc, float width, const ViewContext& ctx)
{
    if (!ctx.fonts || !ctx.fonts->Get(FontRole::Body))
        return 0.0f;
    width = std::floor(width);
    if (layout_ && doc_ == &doc && content_ == ctx.content && width_ == width &&
        font_generation_ == ctx.fonts->Generation())
        return layout_->height;

    auto layout = std::make_unique<DocumentLayout>();
    layout_detail::Builder(doc, ctx, layout.get()).Run(std::max(width, 1.0f));
    layout_ = std::move(layout);
    doc_ = &doc;
    content_ = ctx.content;
    width_ = width;
    font_generation_ = ctx.fonts->Generation();
    ++layout_count_;
    return layout_->height;
}

bool DocumentView::Draw(ImDrawList* draw, float origin_x, float origin_y, float clip_min_y, float clip_max_y,
                        const ViewContext& ctx, const float* tap, std::vector<Intent>* intents)
{
    if (!layout_)
        return false;
    const Theme& theme = ctx.theme ? *ctx.theme : DefaultTheme();
    BlockBox band;
    if (highlight_ >= 0 && highlight_ < static_cast<int>(layout_->blocks.size()) &&
        layout_->blocks[highlight_].laid_out && layout_->blocks[highlight_].y1 > layout_->blocks[highlight_].y0)
        band = layout_->blocks[highlight_];
    // Read-aloud: a soft band under the block being read (the text on it keeps
    // the contrast the theme guarantees on pressed surfaces) ...
    const float pad = band.laid_out ? std::round(ctx.fonts->Get(FontRole::Body)->FontSize * 0.3f) : 0.0f;
    if (band.laid_out)
        draw->AddRectFilled(ImVec2(origin_x + band.x0 - pad, origin_y + band.y0 - pad * 0.5f),
                            ImVec2(origin_x + band.x1 + pad, origin_y + band.y1 + pad * 0.5f),
                            PackColour(theme.surface_pressed), pad);
    bool image_shown = false;
    for (const DrawItem& item : layout_->items) {
        if (origin_y + item.y1 < clip_min_y || origin_y + item.y0 > clip_max_y)
            continue;
        if (item.fallback_only && image_shown)
            continue;
        const ImU32 colour = PackColour(ColourOf(theme, item.colour));
        const ImVec2 a(origin_x + item.x0, origin_y + item.y0);
        const ImVec2 b(origin_x + item.x1, origin_y + item.y1);
        switch (item.kind) {
        case DrawItem::Kind::Text:
            draw->AddText(item.font, item.font->FontSize, a, colour, item.text.data(),
                          item.text.data() + item.text.size());
            break;
        case DrawItem::Kind::FilledRect: draw->AddRectFilled(a, b, colour, item.rounding); break;
        case DrawItem::Kind::RectOutline: draw->AddRect(a, b, colour, item.rounding, 0, item.thickness); break;
        case DrawItem::Kind::Line: draw->AddLine(a, b, colour, item.thickness); break;
        case DrawItem::Kind::FilledSquare: draw->AddRectFilled(a, b, colour); break;
        case DrawItem::Kind::FilledCircle:
        case DrawItem::Kind::Circle: {
            ImVec2 centre((a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f);
            float radius = (b.x - a.x) * 0.5f;
            if (item.kind == DrawItem::Kind::FilledCircle)
                draw->AddCircleFilled(centre, radius, colour, 20);
            else
                draw->AddCircle(centre, radius - item.thickness * 0.5f, colour, 20, item.thickness);
            break;
        }
        case DrawItem::Kind::Image: {
            Texture texture;
            if (ctx.textures && ctx.content)
                texture = ctx.textures->Get(*ctx.content, item.image_key);
            // While the picture decodes, a calm placeholder fills its box: a
            // quiet surface, not a gap and not a flash of the alt text.
            image_shown = texture.id != 0 || texture.pending;
            if (ctx.pictures)   // a picture that cannot be shown has a frame and its description
                (texture.pending ? ctx.pictures->loading : ctx.pictures->drawn)++;
            if (texture.id != 0) {
                draw->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(texture.id)), a, b);
            } else if (texture.pending) {
                draw->AddRectFilled(a, b, PackColour(theme.surface));
                draw->AddRect(a, b, colour, 0, 0, 2.0f);
            } else {
                draw->AddRect(a, b, colour, 0, 0, 2.0f);
            }
            break;
        }
        }
    }

    DrawVideos(draw, origin_x, origin_y, clip_min_y, clip_max_y, ctx);

    // ... and an accent bar at its left edge, drawn last so quote and code
    // backgrounds never hide it (high contrast: yellow on black).
    if (band.laid_out)
        draw->AddRectFilled(ImVec2(origin_x + band.x0 - pad * 2.0f, origin_y + band.y0 - pad * 0.5f),
                            ImVec2(origin_x + band.x0 - pad, origin_y + band.y1 + pad * 0.5f), PackColour(theme.accent),
                            pad * 0.5f);

    // Ticks: as the session says (a patient's tap), else as written.
    for (size_t i = 0; i < layout_->tasks.size(); i++) {
        const TaskBox& box = layout_->tasks[i];
        const bool ticked = ctx.session ? ctx.session->TaskTicked(ctx.tasks_of + "#" + std::to_string(i), box.written)
                                        : box.written;
        if (!ticked || origin_y + box.y1 < clip_min_y || origin_y + box.y0 > clip_max_y)
            continue;
        const float side = box.x1 - box.x0;
        const ImVec2 start(origin_x + box.x0 + side * 0.2f, origin_y + box.y0 + side * 0.52f);
        const ImVec2 corner(origin_x + box.x0 + side * 0.42f, origin_y + box.y1 - side * 0.22f);
        const ImVec2 end(origin_x + box.x0 + side * 0.82f, origin_y + box.y0 + side * 0.22f);
        const ImU32 colour = PackColour(ColourOf(theme, ColourRole::Text));
        draw->AddLine(start, corner, colour, box.thickness * 1.3f);
        draw->AddLine(corner, end, colour, box.thickness * 1.3f);
    }

    if (!tap || tap[1] < clip_min_y || tap[1] > clip_max_y)
        return false;
    if (TapVideo(tap[0] - origin_x, tap[1] - origin_y, ctx, intents))
        return true;
    Intent intent;
    if (!HitTest(tap[0] - origin_x, tap[1] - origin_y, &intent)) {
        if (!ctx.session)
            return false;
        const float x = tap[0] - origin_x, y = tap[1] - origin_y;
        for (size_t i = 0; i < layout_->tasks.size(); i++) {
            const TaskBox& box = layout_->tasks[i];
            if (x >= box.hit_x0 && x < box.hit_x1 && y >= box.hit_y0 && y < box.hit_y1) {
                if (intents)
                    intents->push_back(Intent{IntentKind::ToggleTask, ctx.tasks_of + "#" + std::to_string(i), 0});
                return true;
            }
        }
        for (const PictureHit& picture : layout_->pictures) {
            if (x >= picture.x0 && x < picture.x1 && y >= picture.y0 && y < picture.y1) {
                if (intents)
                    intents->push_back(Intent{IntentKind::ShowPicture, picture.image_key, 0});
                return true;
            }
        }
        return false;
    }
    if (intents)
        intents->push_back(intent);
    return true;
}

bool DocumentView::HitTest(float x, float y, Intent* out) const
{
    if (!layout_)
        return false;
    for (const LinkHit& hit : layout_->links) {
        if (x >= hit.x0 && x < hit.x1 && y >= hit.y0 && y < hit.y1) {
            if (out) {
                out->kind = hit.kind;
                out->text = hit.target;
                out->value = 0;
            }
            return true;
        }
    }
    return false;
}

float DocumentView::HeadingOffset(int heading_index) const
{
    if (!layout_ || heading_index < 0 || heading_index >= static_cast<int>(layout_->heading_tops.size()))
        return -1.0f;
    return layout_->heading_tops[heading_index];
}

bool DocumentView::BlockBounds(int block, float* y0, float* y1) const
{
    if (!layout_ || block < 0 || block >= static_cast<int>(layout_->blocks.size()) || !layout_->blocks[block].laid_out)
        return false;
    *y0 = layout_->blocks[block].y0;
    *y1 = layout_->blocks[block].y1;
    return true;
}

float DocumentView::MaxRight() const { return layout_ ? layout_->max_right : 0.0f; }
float DocumentView::Height() const { return layout_ ? layout_->height : 0.0f; }

} // namespace ck::ui
