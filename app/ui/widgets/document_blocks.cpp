// DocumentView's layout of blocks: paragraphs, headings (closer to the
// text they introduce), lists with hanging indents and markers, quotes as
// call-out boxes, code, rules and pictures scaled to the column. Each
// block's box is recorded for read-aloud's highlight.
#include "widgets/document_builder.h"
#include "document/speech_text.h"

namespace ck::ui {

namespace layout_detail {

namespace {

// Alt text as a single unstyled span.
std::vector<Span> PlainSpans(const std::string& text)
{
    Span span;
    span.text = text;
    return {span};
}

} // namespace

void Builder::LayoutBlocks(const std::vector<Block>& blocks, float x, float width, bool tight)
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
void Builder::Record(const Block& block, float x0, float y0, float x1, float y1)
{
    const auto found = numbers_.find(&block);
    if (found == numbers_.end())
        return;
    out_->blocks[found->second] = BlockBox{x0, y0, x1, y1, true};
}

const BlockBox* Builder::Recorded(const Block& block) const
{
    const auto found = numbers_.find(&block);
    return found == numbers_.end() ? nullptr : &out_->blocks[found->second];
}

void Builder::LayoutBlock(const Block& block, float x, float width, bool tight, bool first)
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
    case BlockKind::Video: LayoutVideo(block, x, width); break;
    case BlockKind::Rule: LayoutRule(x, width); break;
    case BlockKind::HtmlBlock: break;
    default:   // Paragraph, or a stray row/cell: its text as a paragraph
        EmitInline(RunsFor(block.spans, BaseFont::Body, ColourRole::Text), x, width);
        break;
    }
    if (block.kind != BlockKind::Heading)   // a heading records itself, below the space above it
        Record(block, x, top, x + width, y_);
}

void Builder::LayoutHeading(const Block& block, float x, float width, bool first)
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

void Builder::LayoutList(const Block& list, float x, float width)
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
void Builder::RecordListItem(const Block& item, float x0, float top, float x1)
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
float Builder::FirstBaseline(size_t first_item, float item_top) const
{
    for (size_t i = first_item; i < out_->items.size(); ++i) {
        const DrawItem& item = out_->items[i];
        if (item.kind == DrawItem::Kind::Text)
            return item.y0 + std::round(item.font->Ascent);
    }
    const ImFont* body = Font(FontRole::Body);
    return item_top + std::round(body->Ascent);
}

void Builder::AddNumber(unsigned number, float x, float column, float baseline, int depth)
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
void Builder::AddBullet(int depth, float x, float column, float baseline)
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
void Builder::AddTaskBox(bool written, float x, float column, float right, float item_top, float baseline, int depth)
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

void Builder::LayoutQuote(const Block& quote, float x, float width)
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

void Builder::LayoutCode(const Block& code, float x, float width)
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

void Builder::LayoutRule(float x, float width)
{
    const float half = std::round(metrics_.body * 0.4f);
    y_ += half;
    AddLine(ColourRole::Rule, x, y_, x + width, y_, std::max(2.0f, metrics_.hairline()));
    y_ += half;
}

void Builder::LayoutImage(const Block& image, float x, float width)
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
    out_->pictures.push_back(PictureHit{left, y_, left + w, y_ + h, image.image_key, image.alt});
    // Alt text inside the frame for when the texture cannot be made.
    const float bottom = y_ + h;
    y_ += std::min(pad, h * 0.25f);
    EmitInline(RunsFor(PlainSpans(image.alt), BaseFont::Small, ColourRole::Muted), left + pad,
               std::max(w - 2 * pad, 1.0f), 0.0f, true);
    y_ = bottom;
}

} // namespace layout_detail

} // namespace ck::ui
