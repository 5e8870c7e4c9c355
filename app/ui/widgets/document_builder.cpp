// DocumentView's layout: the Builder's walk over a document and its inline
// text, broken into lines by the inline line-breaker (text_layout.h) and
// emitted as draw items, with the boxes taps on links hit. Blocks and tables
// are laid out in document_blocks.cpp and document_tables.cpp.
#include "widgets/document_builder.h"
#include "document/speech_text.h"

namespace ck::ui {

namespace layout_detail {

namespace {

FontRole RoleFor(BaseFont base, uint8_t style)
{
    if (style & Style_Code)
        return FontRole::Code;
    bool bold = (style & Style_Bold) || base == BaseFont::TableHeader;
    bool italic = (style & Style_Italic) != 0;
    switch (base) {
    case BaseFont::H1: return FontRole::H1;   // headings are already bold
    case BaseFont::H2: return FontRole::H2;
    case BaseFont::H3: return FontRole::H3;
    case BaseFont::Small: return FontRole::Small;
    default: break;
    }
    if (bold && italic) return FontRole::BodyBoldItalic;
    if (bold) return FontRole::BodyBold;
    if (italic) return FontRole::BodyItalic;
    return FontRole::Body;
}

} // namespace

void Builder::Run(float width)
{
    ForEachBlock(doc_, [this](const Block& block, int number) { numbers_[&block] = number; });
    out_->blocks.resize(numbers_.size());
    LayoutBlocks(doc_.blocks, 0, width, false);
    out_->height = std::ceil(y_ + metrics_.block_gap());
    for (const DrawItem& item : out_->items)
        out_->max_right = std::max(out_->max_right, item.x1);
}

std::vector<InlineRun> Builder::RunsFor(const std::vector<Span>& spans, BaseFont base, ColourRole colour)
{
    std::vector<InlineRun> runs;
    runs.reserve(spans.size());
    for (const Span& span : spans) {
        InlineRun run;
        run.font = Font(RoleFor(base, span.style));
        run.colour = static_cast<uint32_t>(colour);
        if (span.style & Style_LineBreak) {
            run.hard_break = true;
            runs.push_back(run);
            continue;
        }
        run.text = span.text;
        if (span.style & Style_Strike) run.flags |= Run_Strike;
        if (span.style & Style_Code) run.flags |= Run_CodeBackground;
        if ((span.style & Style_Link) && IsTappableLink(span.link)) {
            run.flags |= Run_Underline;
            run.colour = static_cast<uint32_t>(ColourRole::Link);
            run.link = span.link;
        }
        runs.push_back(std::move(run));
    }
    return runs;
}

// Pages and questions open; web and e-mail addresses show their QR code.
bool Builder::IsTappableLink(int index) const
{
    if (index < 0 || index >= static_cast<int>(doc_.links.size()))
        return false;
    const Link& link = doc_.links[index];
    return link.kind == LinkKind::Page || link.kind == LinkKind::Faq
           || (link.kind == LinkKind::External && !TakeHomeAddress(link.href).empty());
}

// Lays out `runs` at (x, y_) in `width`, emits the items and advances y_.
// `align` 0 = left, 0.5 = centre, 1 = right.
InlineLayout Builder::EmitInline(const std::vector<InlineRun>& runs, float x, float width, float align,
                                 bool fallback_only, float line_spacing)
{
    InlineOptions options;
    options.width = std::max(width, 1.0f);
    options.line_spacing = line_spacing;
    InlineLayout layout = LayoutInline(runs, options);
    for (const LaidLine& line : layout.lines) {
        float shift = std::floor((options.width - line.width) * align);
        for (const LinePiece& piece : line.pieces)
            EmitPiece(runs[piece.run], piece, line, x + shift, fallback_only);
    }
    y_ += layout.height;
    return layout;
}

void Builder::EmitPiece(const InlineRun& run, const LinePiece& piece, const LaidLine& line, float x, bool fallback_only)
{
    const ImFont* font = run.font;
    const ColourRole colour = static_cast<ColourRole>(run.colour);
    const float left = x + piece.x;
    const float right = left + piece.width;
    const float baseline = y_ + line.baseline;
    const float ascent = std::round(font->Ascent);
    if (run.flags & Run_CodeBackground)
        AddRect(DrawItem::Kind::FilledRect, ColourRole::CodeBackground, left, baseline - ascent,
                right, baseline - font->Descent, std::round(metrics_.body * 0.15f));
    DrawItem text;
    text.kind = DrawItem::Kind::Text;
    text.colour = colour;
    text.font = run.font;
    text.text = piece.text;
    text.x0 = left;
    text.y0 = baseline - ascent;
    text.x1 = right;
    text.y1 = baseline - font->Descent;
    text.list_depth = list_depth_;
    text.fallback_only = fallback_only;
    out_->items.push_back(std::move(text));
    float stroke = std::max(1.0f, std::round(font->FontSize / 16.0f));
    if (run.flags & Run_Underline) {
        float y = baseline + std::max(2.0f, std::round(font->FontSize * 0.09f));
        AddLine(colour, left, y, right, y, stroke);
    }
    if (run.flags & Run_Strike) {
        float y = baseline - std::round(font->FontSize * 0.27f);
        AddLine(colour, left, y, right, y, stroke);
    }
    if (run.link >= 0) {
        const Link& link = doc_.links[run.link];
        LinkHit hit;
        hit.x0 = left;
        hit.x1 = right;
        hit.y0 = y_ + line.top;
        hit.y1 = y_ + line.top + line.height;
        hit.kind = link.kind == LinkKind::Faq        ? IntentKind::OpenFaq
                   : link.kind == LinkKind::External ? IntentKind::ShowAddress
                                                     : IntentKind::OpenPage;
        hit.target = link.kind == LinkKind::External ? TakeHomeAddress(link.href) : link.target;
        out_->links.push_back(std::move(hit));
    }
}

size_t Builder::AddRect(DrawItem::Kind kind, ColourRole colour, float x0, float y0, float x1, float y1,
                        float rounding, float thickness)
{
    DrawItem item;
    item.kind = kind;
    item.colour = colour;
    item.x0 = x0; item.y0 = y0; item.x1 = x1; item.y1 = y1;
    item.rounding = rounding;
    item.thickness = thickness;
    out_->items.push_back(std::move(item));
    return out_->items.size() - 1;
}

void Builder::AddLine(ColourRole colour, float x0, float y0, float x1, float y1, float thickness)
{
    AddRect(DrawItem::Kind::Line, colour, x0, y0, x1, y1, 0, thickness);
}

} // namespace layout_detail

} // namespace ck::ui
