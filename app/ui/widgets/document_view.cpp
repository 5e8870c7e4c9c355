// Document layout and drawing.
//
// Index
//   [SECTION] Metrics and helpers
//   [SECTION] Builder: inline text
//   [SECTION] Builder: blocks (paragraph, heading, list, quote, code, rule, image)
//   [SECTION] Builder: tables
//   [SECTION] DocumentView: cache, draw, hit-test
//
// Layout walks the document once and flattens it into draw items in
// document coordinates; drawing only culls and emits them.
#include "widgets/document_view.h"

#include "document/speech_text.h"
#include "text/text_layout.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace ck::ui {

namespace {

// ---------------------------------------------------------------------------
// [SECTION] Metrics and helpers
// ---------------------------------------------------------------------------

// Everything scales with the body size so the text-size steps scale the page.
struct Metrics {
    float body = 30;
    float block_gap() const { return std::round(body * 0.7f); }
    float tight_gap() const { return std::round(body * 0.25f); }
    float heading_space() const { return std::round(body * 0.8f); }
    float box_pad() const { return std::round(body * 0.6f); }
    float quote_bar() const { return std::max(4.0f, std::round(body * 0.18f)); }
    float cell_pad() const { return std::round(body * 0.45f); }
    float hairline() const { return std::max(1.0f, std::round(body / 24.0f)); }
    float bullet_column() const { return std::round(body * 1.5f); }
};

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

// Which family a block's text starts from before span styles apply.
enum class BaseFont { Body, TableHeader, H1, H2, H3, Small };

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

// Alt text as a single unstyled span.
std::vector<Span> PlainSpans(const std::string& text)
{
    Span span;
    span.text = text;
    return {span};
}

class Builder {
public:
    Builder(const Document& doc, const ViewContext& ctx, DocumentLayout* out)
        : doc_(doc), ctx_(ctx), out_(out)
    {
        metrics_.body = ctx.fonts->Get(FontRole::Body)->FontSize;
    }

    void Run(float width)
    {
        ForEachBlock(doc_, [this](const Block& block, int number) { numbers_[&block] = number; });
        out_->blocks.resize(numbers_.size());
        LayoutBlocks(doc_.blocks, 0, width, false);
        out_->height = std::ceil(y_ + metrics_.block_gap());
        for (const DrawItem& item : out_->items)
            out_->max_right = std::max(out_->max_right, item.x1);
    }

private:
    // -----------------------------------------------------------------------
    // [SECTION] Builder: inline text
    // -----------------------------------------------------------------------

    ImFont* Font(FontRole role) const { return ctx_.fonts->Get(role); }

    std::vector<InlineRun> RunsFor(const std::vector<Span>& spans, BaseFont base, ColourRole colour)
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
    bool IsTappableLink(int index) const
    {
        if (index < 0 || index >= static_cast<int>(doc_.links.size()))
            return false;
        const Link& link = doc_.links[index];
        return link.kind == LinkKind::Page || link.kind == LinkKind::Faq
               || (link.kind == LinkKind::External && !TakeHomeAddress(link.href).empty());
    }

    // Lays out `runs` at (x, y_) in `width`, emits the items and advances y_.
    // `align` 0 = left, 0.5 = centre, 1 = right.
    InlineLayout EmitInline(const std::vector<InlineRun>& runs, float x, float width, float align = 0.0f,
                            bool fallback_only = false, float line_spacing = 1.45f)
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

    void EmitPiece(const InlineRun& run, const LinePiece& piece, const LaidLine& line, float x, bool fallback_only)
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

    size_t AddRect(DrawItem::Kind kind, ColourRole colour, float x0, float y0, float x1, float y1,
                   float rounding = 0, float thickness = 1)
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

    void AddLine(ColourRole colour, float x0, float y0, float x1, float y1, float thickness)
    {
        AddRect(DrawItem::Kind::Line, colour, x0, y0, x1, y1, 0, thickness);
    }

    // -----------------------------------------------------------------------
    // [SECTION] Builder: blocks
    // -----------------------------------------------------------------------

    void LayoutBlocks(const std::vector<Block>& blocks, float x, float width, bool tight)
    {
        bool first = true;
        bool after_heading = false;
        for (const Block& block : blocks) {
            if (block.kind == BlockKind::HtmlBlock)
                continue;   // never shown to patients
            // A heading sits closer to the text it introduces than to the
            // text before it.
            if (!first)
                y_ += tight || after_heading ? metrics_.tight_gap() : metrics_.block_gap();
            LayoutBlock(block, x, width, tight, first);
            first = false;
            after_heading = block.kind == BlockKind::Heading;
        }
    }

    // Read-aloud highlights blocks by number: remember where each one went.
    void Record(const Block& block, float x0, float y0, float x1, float y1)
    {
        const auto found = numbers_.find(&block);
        if (found == numbers_.end())
            return;
        out_->blocks[found->second] = BlockBox{x0, y0, x1, y1, true};
    }

    const BlockBox* Recorded(const Block& block) const
    {
        const auto found = numbers_.find(&block);
        return found == numbers_.end() ? nullptr : &out_->blocks[found->second];
    }

    void LayoutBlock(const Block& block, float x, float width, bool tight, bool first)
    {
        const float top = y_;
        switch (block.kind) {
        case BlockKind::Heading: LayoutHeading(block, x, width, first); break;
        case BlockKind::List: LayoutList(block, x, width); break;
        case BlockKind::ListItem: LayoutBlocks(block.children, x, width, tight); break;
        case BlockKind::Quote: LayoutQuote(block, x, width); break;
        case BlockKind::CodeBlock: LayoutCode(block, x, width); break;
        case BlockKind::Table: LayoutTable(block, x, width); break;
        case BlockKind::Image: LayoutImage(block, x, width); break;
        case BlockKind::Rule: LayoutRule(x, width); break;
        case BlockKind::HtmlBlock: break;
        default:   // Paragraph, or a stray row/cell: its text as a paragraph
            EmitInline(RunsFor(block.spans, BaseFont::Body, ColourRole::Text), x, width);
            break;
        }
        if (block.kind != BlockKind::Heading)   // a heading records itself, below the space above it
            Record(block, x, top, x + width, y_);
    }

    void LayoutHeading(const Block& block, float x, float width, bool first)
    {
        if (!first)
            y_ += metrics_.heading_space();
        out_->heading_tops.push_back(y_);
        const float top = y_;
        BaseFont base = block.level <= 1 ? BaseFont::H1 : block.level == 2 ? BaseFont::H2 : BaseFont::H3;
        std::vector<InlineRun> runs = RunsFor(block.spans, base, ColourRole::Heading);
        if (block.level >= 4) {   // h4-h6: bold body size, heading colour
            for (InlineRun& run : runs)
                if (!(run.flags & Run_CodeBackground))
                    run.font = Font(FontRole::BodyBold);
        }
        EmitInline(runs, x, width, 0.0f, false, 1.25f);   // big type needs less leading
        Record(block, x, top, x + width, y_);
    }

    void LayoutList(const Block& list, float x, float width)
    {
        ImFont* body = Font(FontRole::Body);
        const int depth = list_depth_;
        float column = metrics_.bullet_column();
        if (list.ordered) {
            unsigned last = list.start + static_cast<unsigned>(list.children.size()) - 1;
            std::string widest = std::to_string(std::max(last, list.start)) + ".";
            column = std::max(column, std::ceil(TextWidth(body, widest.data(), widest.data() + widest.size())) +
                                          std::round(metrics_.body * 0.45f));
        }
        column = std::min(column, std::floor(width * 0.4f));   // narrow columns keep room for text

        unsigned number = list.start;
        bool first = true;
        for (const Block& item : list.children) {
            if (!first)
                y_ += list.tight ? metrics_.tight_gap() : metrics_.block_gap();
            first = false;
            const float item_top = y_;
            const size_t first_item = out_->items.size();
            list_depth_ = depth + 1;
            if (!item.spans.empty())   // tolerate items that hold text directly
                EmitInline(RunsFor(item.spans, BaseFont::Body, ColourRole::Text), x + column, width - column);
            LayoutBlocks(item.children, x + column, width - column, list.tight);
            list_depth_ = depth;
            if (y_ == item_top)   // empty item: still one line tall so the marker has a place
                y_ += std::ceil(body->FontSize * 1.45f);
            RecordListItem(item, x, item_top, x + width);
            float baseline = FirstBaseline(first_item, item_top);
            if (item.task != TaskMark::None)
                AddTaskBox(item.task == TaskMark::Done, x, column, x + width, item_top, baseline, depth + 1);
            else if (list.ordered)
                AddNumber(number++, x, column, baseline, depth + 1);
            else
                AddBullet(depth, x, column, baseline);
        }
    }

    // A list item's box covers its marker and its own text (the paragraphs it
    // opens with), not the nested lists read after it.
    void RecordListItem(const Block& item, float x0, float top, float x1)
    {
        float bottom = y_;
        const size_t own = ListItemOwnParagraphs(item);
        if (own < item.children.size()) {
            const BlockBox* last_own = own > 0 ? Recorded(item.children[own - 1]) : nullptr;
            const BlockBox* next = Recorded(item.children[own]);
            if (last_own && last_own->laid_out)
                bottom = last_own->y1;
            else if (next && next->laid_out)
                bottom = next->y0;
        }
        Record(item, x0, top, x1, std::max(bottom, top));
    }

    // Baseline of the first text drawn since `first_item`, so the marker sits
    // on the item's first line whatever font that line uses.
    float FirstBaseline(size_t first_item, float item_top) const
    {
        for (size_t i = first_item; i < out_->items.size(); ++i) {
            const DrawItem& item = out_->items[i];
            if (item.kind == DrawItem::Kind::Text)
                return item.y0 + std::round(item.font->Ascent);
        }
        const ImFont* body = Font(FontRole::Body);
        return item_top + std::round(body->Ascent);
    }

    void AddNumber(unsigned number, float x, float column, float baseline, int depth)
    {
        ImFont* body = Font(FontRole::Body);
        DrawItem text;
        text.kind = DrawItem::Kind::Text;
        text.colour = ColourRole::Text;
        text.font = body;
        text.text = std::to_string(number) + ".";
        float w = TextWidth(body, text.text.data(), text.text.data() + text.text.size());
        text.x1 = x + column - std::round(metrics_.body * 0.3f);
        text.x0 = std::max(x, text.x1 - w);
        text.y0 = baseline - std::round(body->Ascent);
        text.y1 = baseline - body->Descent;
        text.list_depth = depth;
        out_->items.push_back(std::move(text));
    }

    // Level 1 filled circle, level 2 hollow circle, level 3 square, repeating.
    void AddBullet(int depth, float x, float column, float baseline)
    {
        static const DrawItem::Kind kKinds[] = {DrawItem::Kind::FilledCircle, DrawItem::Kind::Circle,
                                                DrawItem::Kind::FilledSquare};
        const float radius = std::max(3.0f, std::round(metrics_.body * 0.13f));
        const float cx = x + std::round(column * 0.45f);
        const float cy = baseline - std::round(metrics_.body * 0.27f);
        size_t index = AddRect(kKinds[depth % 3], ColourRole::Text, cx - radius, cy - radius, cx + radius,
                               cy + radius, 0, std::max(1.5f, std::round(metrics_.body / 16.0f)));
        out_->items[index].list_depth = depth + 1;
    }

    // A task list item's check box: a box one text line tall, so it reads as
    // something to tick, not as a bullet. The tick is drawn per frame (Draw),
    // from the session; the row it sits on is its touch target.
    void AddTaskBox(bool written, float x, float column, float right, float item_top, float baseline, int depth)
    {
        const float side = std::min(std::round(metrics_.body * 0.8f), std::floor(column * 0.8f));
        const float thickness = std::max(2.0f, std::round(metrics_.body / 14.0f));
        TaskBox box;
        box.x0 = x + std::round((column - side) * 0.4f);
        box.y1 = baseline + std::round(metrics_.body * 0.08f);
        box.x1 = box.x0 + side;
        box.y0 = box.y1 - side;
        box.written = written;
        box.thickness = thickness;
        box.hit_x0 = x;
        box.hit_x1 = right;
        box.hit_y0 = std::min(item_top, box.y0);
        box.hit_y1 = std::max(box.y1, baseline + std::round(metrics_.body * 0.45f));
        const size_t outline = AddRect(DrawItem::Kind::RectOutline, ColourRole::Text, box.x0, box.y0, box.x1, box.y1,
                                       std::round(side * 0.15f), thickness);
        out_->items[outline].list_depth = depth;
        out_->tasks.push_back(box);
    }

    void LayoutQuote(const Block& quote, float x, float width)
    {
        const float pad = metrics_.box_pad();
        const float bar = metrics_.quote_bar();
        const float top = y_;
        // Backgrounds go in before the text so they draw underneath it.
        size_t background = AddRect(DrawItem::Kind::FilledRect, ColourRole::QuoteBackground, x, top, x + width, top,
                                    std::round(metrics_.body * 0.3f));
        size_t bar_item = AddRect(DrawItem::Kind::FilledRect, ColourRole::QuoteBar, x, top, x + bar, top);
        y_ += pad;
        LayoutBlocks(quote.children, x + bar + pad, width - bar - 2 * pad, false);
        y_ += pad;
        out_->items[background].y1 = y_;
        out_->items[bar_item].y1 = y_;
    }

    void LayoutCode(const Block& code, float x, float width)
    {
        const float pad = metrics_.box_pad();
        size_t background = AddRect(DrawItem::Kind::FilledRect, ColourRole::CodeBackground, x, y_, x + width, y_,
                                    std::round(metrics_.body * 0.3f));
        std::vector<InlineRun> runs;
        for (const Span& span : code.spans) {
            if (!runs.empty()) {
                InlineRun brk;
                brk.font = Font(FontRole::Code);
                brk.hard_break = true;
                runs.push_back(brk);
            }
            InlineRun run;
            run.font = Font(FontRole::Code);
            run.colour = static_cast<uint32_t>(ColourRole::Text);
            run.text = span.text;
            runs.push_back(std::move(run));
        }
        y_ += pad;
        EmitInline(runs, x + pad, width - 2 * pad);
        y_ += pad;
        out_->items[background].y1 = y_;
    }

    void LayoutRule(float x, float width)
    {
        const float half = std::round(metrics_.body * 0.4f);
        y_ += half;
        AddLine(ColourRole::Rule, x, y_, x + width, y_, std::max(2.0f, metrics_.hairline()));
        y_ += half;
    }

    void LayoutImage(const Block& image, float x, float width)
    {
        const ImageData* data = nullptr;
        if (ctx_.content && !image.image_key.empty()) {
            auto found = ctx_.content->images.find(image.image_key);
            if (found != ctx_.content->images.end())
                data = found->second.get();
        }
        const float pad = metrics_.box_pad();
        if (!data || data->width <= 0 || data->height <= 0) {
            // No picture to show: the description stands in for it.
            if (image.alt.empty())
                return;
            EmitInline(RunsFor(PlainSpans(image.alt), BaseFont::Small, ColourRole::Muted), x, width);
            return;
        }
        // At its natural size on this screen, centred; shrunk to the column
        // when wider, never blown up (a stretched drawing goes soft).
        const float natural = ctx_.picture_scale > 0.0f ? ctx_.picture_scale : 1.0f;
        float scale = std::min(width / static_cast<float>(data->width), natural);
        float w = std::floor(data->width * scale);
        float h = std::floor(data->height * scale);
        float left = x + std::floor((width - w) * 0.5f);
        size_t index = AddRect(DrawItem::Kind::Image, ColourRole::Rule, left, y_, left + w, y_ + h);
        out_->items[index].image_key = image.image_key;
        // Alt text inside the frame for when the texture cannot be made.
        const float bottom = y_ + h;
        y_ += std::min(pad, h * 0.25f);
        EmitInline(RunsFor(PlainSpans(image.alt), BaseFont::Small, ColourRole::Muted), left + pad,
                   std::max(w - 2 * pad, 1.0f), 0.0f, true);
        y_ = bottom;
    }

    // -----------------------------------------------------------------------
    // [SECTION] Builder: tables
    // -----------------------------------------------------------------------

    // Column widths (cell padding included) from the cells' word widths:
    // natural width when it fits, otherwise shrink toward the longest words.
    std::vector<float> ColumnWidths(const std::vector<std::vector<InlineExtent>>& extents, size_t columns,
                                    float width) const
    {
        const float pad2 = 2 * metrics_.cell_pad();
        std::vector<float> min_w(columns, pad2), max_w(columns, pad2);
        for (const auto& row : extents) {
            for (size_t c = 0; c < row.size(); ++c) {
                min_w[c] = std::max(min_w[c], std::ceil(row[c].min_width) + pad2);
                max_w[c] = std::max(max_w[c], std::ceil(row[c].max_width) + pad2);
            }
        }
        float total_min = 0, total_max = 0;
        for (size_t c = 0; c < columns; ++c) {
            total_min += min_w[c];
            total_max += max_w[c];
        }
        std::vector<float> result(columns);
        if (total_min >= width)
            return SqueezeColumns(min_w, width);
        for (size_t c = 0; c < columns; ++c) {
            if (total_max <= width)
                result[c] = max_w[c];
            else
                result[c] = min_w[c] + (max_w[c] - min_w[c]) * (width - total_min) / (total_max - total_min);
            result[c] = std::floor(result[c]);
        }
        return result;
    }

    // Even the longest words do not fit, so some will be split: narrow
    // columns (a day number, a price) keep their width and the wide ones
    // share what is left.
    static std::vector<float> SqueezeColumns(const std::vector<float>& min_w, float width)
    {
        const size_t columns = min_w.size();
        std::vector<bool> fixed(columns, false);
        for (bool changed = true; changed;) {
            changed = false;
            float fixed_w = 0;
            size_t loose = 0;
            for (size_t c = 0; c < columns; ++c) {
                if (fixed[c]) fixed_w += min_w[c];
                else ++loose;
            }
            float share = loose ? (width - fixed_w) / loose : 0;
            for (size_t c = 0; c < columns; ++c) {
                if (!fixed[c] && min_w[c] <= share) {
                    fixed[c] = true;
                    changed = true;
                }
            }
        }
        float fixed_w = 0, loose_min = 0;
        for (size_t c = 0; c < columns; ++c)
            (fixed[c] ? fixed_w : loose_min) += min_w[c];
        std::vector<float> result(columns);
        for (size_t c = 0; c < columns; ++c) {
            float w = fixed[c] ? min_w[c] : (width - fixed_w) * min_w[c] / std::max(loose_min, 1.0f);
            result[c] = std::floor(std::max(w, 1.0f));
        }
        return result;
    }

    void LayoutTable(const Block& table, float x, float width)
    {
        size_t columns = 0;
        for (const Block& row : table.children)
            columns = std::max(columns, row.children.size());
        if (columns == 0)
            return;

        std::vector<std::vector<std::vector<InlineRun>>> runs;   // [row][cell]
        std::vector<std::vector<InlineExtent>> extents;
        for (const Block& row : table.children) {
            runs.emplace_back();
            extents.emplace_back();
            for (const Block& cell : row.children) {
                bool header = row.header || cell.header;
                runs.back().push_back(RunsFor(cell.spans, header ? BaseFont::TableHeader : BaseFont::Body,
                                              ColourRole::Text));
                extents.back().push_back(MeasureInline(runs.back().back()));
            }
        }
        const std::vector<float> col_w = ColumnWidths(extents, columns, width);
        const float pad = metrics_.cell_pad();
        const float line = metrics_.hairline();
        float table_w = 0;
        for (float w : col_w)
            table_w += w;

        const float top = y_;
        std::vector<float> row_bottoms;
        for (size_t r = 0; r < table.children.size(); ++r) {
            const Block& row = table.children[r];
            const float row_top = y_;
            bool header = row.header || (!row.children.empty() && row.children[0].header);
            size_t background = header ? AddRect(DrawItem::Kind::FilledRect, ColourRole::TableHeader, x, row_top,
                                                 x + table_w, row_top)
                                       : 0;
            float row_bottom = row_top;
            float cell_x = x;
            for (size_t c = 0; c < columns; ++c) {
                if (c < row.children.size()) {
                    y_ = row_top + pad;
                    EmitInline(runs[r][c], cell_x + pad, col_w[c] - 2 * pad, AlignFactor(row.children[c].align));
                    row_bottom = std::max(row_bottom, y_ + pad);
                }
                cell_x += col_w[c];
            }
            row_bottom = std::max(row_bottom, row_top + 2 * pad + metrics_.body);
            if (header)
                out_->items[background].y1 = row_bottom;
            Record(row, x, row_top, x + table_w, row_bottom);
            row_bottoms.push_back(row_bottom);
            y_ = row_bottom;
        }

        // Grid: the outline inset by half a line so its stroke stays inside.
        const float half = line * 0.5f;
        AddRect(DrawItem::Kind::RectOutline, ColourRole::TableBorder, x + half, top + half, x + table_w - half,
                y_ - half, 0, line);
        for (size_t r = 0; r + 1 < row_bottoms.size(); ++r)
            AddLine(ColourRole::TableBorder, x, row_bottoms[r], x + table_w, row_bottoms[r], line);
        float cell_x = x;
        for (size_t c = 0; c + 1 < columns; ++c) {
            cell_x += col_w[c];
            AddLine(ColourRole::TableBorder, cell_x, top, cell_x, y_, line);
        }
    }

    static float AlignFactor(CellAlign align)
    {
        switch (align) {
        case CellAlign::Center: return 0.5f;
        case CellAlign::Right: return 1.0f;
        default: return 0.0f;
        }
    }

    const Document& doc_;
    const ViewContext& ctx_;
    DocumentLayout* out_;
    Metrics metrics_;
    float y_ = 0;
    int list_depth_ = 0;
    std::unordered_map<const Block*, int> numbers_;   // pre-order block numbers
};

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] DocumentView: cache, draw, hit-test
// ---------------------------------------------------------------------------

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
    Builder(doc, ctx, layout.get()).Run(std::max(width, 1.0f));
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
