// The Markdown builder's block callbacks: lists, quotes, headings, code,
// tables and paragraphs opened and closed as md4c meets them, within the
// nesting and column limits (deeper levels flattened, extra columns
// dropped, each with one warning).
#include "document/markdown_internal.h"

namespace ck {

namespace markdown_detail {

// Leading/trailing blanks and hard breaks at the edges of a paragraph carry
// nothing (md4c trims most already; image hoisting leaves the rest).
static void TrimParagraph(Block& block)
{
    auto& spans = block.spans;
    while (!spans.empty()) {
        Span& first = spans.front();
        const size_t keep = first.text.find_first_not_of(" \t\n");
        if (keep == std::string::npos) {
            spans.erase(spans.begin());
            continue;
        }
        first.text.erase(0, keep);
        break;
    }
    while (!spans.empty()) {
        Span& last = spans.back();
        const size_t keep = last.text.find_last_not_of(" \t\n");
        if (keep == std::string::npos) {
            spans.pop_back();
            continue;
        }
        last.text.resize(keep + 1);
        break;
    }
}

Block* AddChild(Builder& b, BlockKind kind)
{
    b.Top()->children.emplace_back();
    Block* block = &b.Top()->children.back();
    block->kind = kind;
    return block;
}

static void PushReal(Builder& b, MD_BLOCKTYPE type, BlockKind kind, bool counts_nesting = false)
{
    Block* block = AddChild(b, kind);
    b.stack.push_back(Frame{type, FrameRole::Real, block, counts_nesting});
    if (counts_nesting)
        b.nesting++;
}

static void PushTransparent(Builder& b, MD_BLOCKTYPE type)
{
    b.stack.push_back(Frame{type, FrameRole::Transparent, b.Top(), false});
}

// Ends a paragraph-like block: trims it and drops it when nothing is left.
// It is always the last child of the block below it on the stack.
void FinishParagraph(Block* paragraph, Block* parent)
{
    TrimParagraph(*paragraph);
    if (paragraph->spans.empty() && !parent->children.empty() && &parent->children.back() == paragraph)
        parent->children.pop_back();
}

static void CloseImplicitParagraph(Builder& b)
{
    if (b.stack.size() < 2 || b.stack.back().role != FrameRole::Implicit)
        return;
    Block* paragraph = b.stack.back().block;
    b.stack.pop_back();
    FinishParagraph(paragraph, b.Top());
}

void FlushCodeLine(Builder& b)
{
    if (!b.code_line.empty() && b.code_line.back() == '\r')
        b.code_line.pop_back();
    b.Top()->spans.push_back(Span{std::move(b.code_line), Style_Code, -1});
    b.code_line.clear();
}

static void EnterListOrQuote(Builder& b, MD_BLOCKTYPE type, void* detail)
{
    if (b.nesting >= b.limits->max_nesting) {
        if (!b.warned_nesting) {
            b.Warn("lists and quotes are nested more than " + std::to_string(b.limits->max_nesting) +
                   " levels deep; the deeper levels are shown flattened");
            b.warned_nesting = true;
        }
        PushTransparent(b, type);
        return;
    }
    const BlockKind kind = type == MD_BLOCK_QUOTE ? BlockKind::Quote : BlockKind::List;
    PushReal(b, type, kind, true);
    Block* block = b.Top();
    if (type == MD_BLOCK_UL) {
        block->tight = static_cast<MD_BLOCK_UL_DETAIL*>(detail)->is_tight != 0;
    } else if (type == MD_BLOCK_OL) {
        const auto* ol = static_cast<MD_BLOCK_OL_DETAIL*>(detail);
        block->ordered = true;
        block->tight = ol->is_tight != 0;
        block->start = ol->start;
    }
}

static void EnterTableCell(Builder& b, MD_BLOCKTYPE type, void* detail)
{
    if (b.table_column++ >= b.limits->max_table_columns) {
        b.stack.push_back(Frame{type, FrameRole::Skipped, b.Top(), false});
        b.skipped++;
        return;
    }
    PushReal(b, type, BlockKind::TableCell);
    Block* cell = b.Top();
    cell->header = b.in_table_header;
    switch (static_cast<MD_BLOCK_TD_DETAIL*>(detail)->align) {
    case MD_ALIGN_LEFT:   cell->align = CellAlign::Left; break;
    case MD_ALIGN_CENTER: cell->align = CellAlign::Center; break;
    case MD_ALIGN_RIGHT:  cell->align = CellAlign::Right; break;
    default:              cell->align = CellAlign::Default; break;
    }
}

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* userdata)
{
    Builder& b = *static_cast<Builder*>(userdata);
    CloseImplicitParagraph(b);
    if (b.skipped > 0) {
        b.stack.push_back(Frame{type, FrameRole::Skipped, b.Top(), false});
        b.skipped++;
        return 0;
    }
    switch (type) {
    case MD_BLOCK_DOC:   PushTransparent(b, type); break;
    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:    EnterListOrQuote(b, type, detail); break;
    case MD_BLOCK_LI:
        // Items of a flattened list fold into the container as well.
        if (b.stack.back().role == FrameRole::Transparent && b.stack.back().type != MD_BLOCK_DOC)
            PushTransparent(b, type);
        else
            PushReal(b, type, BlockKind::ListItem);
        break;
    case MD_BLOCK_HR:    PushReal(b, type, BlockKind::Rule); break;
    case MD_BLOCK_H:
        PushReal(b, type, BlockKind::Heading);
        b.Top()->level = static_cast<uint8_t>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level);
        break;
    case MD_BLOCK_CODE:
        PushReal(b, type, BlockKind::CodeBlock);
        b.code_line.clear();
        break;
    case MD_BLOCK_HTML:  PushReal(b, type, BlockKind::HtmlBlock); break;
    case MD_BLOCK_P:     PushReal(b, type, BlockKind::Paragraph); break;
    case MD_BLOCK_TABLE: {
        PushReal(b, type, BlockKind::Table);
        const unsigned columns = static_cast<MD_BLOCK_TABLE_DETAIL*>(detail)->col_count;
        if (columns > static_cast<unsigned>(b.limits->max_table_columns))
            b.Warn("the table has " + std::to_string(columns) + " columns; only the first " +
                   std::to_string(b.limits->max_table_columns) + " are shown");
        break;
    }
    case MD_BLOCK_THEAD:
        b.in_table_header = true;
        PushTransparent(b, type);
        break;
    case MD_BLOCK_TBODY:
        b.in_table_header = false;
        PushTransparent(b, type);
        break;
    case MD_BLOCK_TR:
        PushReal(b, type, BlockKind::TableRow);
        b.Top()->header = b.in_table_header;
        b.table_column = 0;
        break;
    case MD_BLOCK_TH:
    case MD_BLOCK_TD:    EnterTableCell(b, type, detail); break;
    }
    return 0;
}

int LeaveBlock(MD_BLOCKTYPE type, void* detail, void* userdata)
{
    (void)detail;
    Builder& b = *static_cast<Builder*>(userdata);
    CloseImplicitParagraph(b);
    if (b.stack.size() < 2)
        return 0;   // unbalanced callbacks would be an md4c bug; never pop the root
    const Frame frame = b.stack.back();
    b.stack.pop_back();
    if (frame.role == FrameRole::Skipped) {
        b.skipped--;
        return 0;
    }
    if (frame.counts_nesting)
        b.nesting--;
    if (frame.role != FrameRole::Real)
        return 0;
    if (type == MD_BLOCK_P)
        FinishParagraph(frame.block, b.Top());
    if (type == MD_BLOCK_CODE && !b.code_line.empty()) {
        b.stack.push_back(frame);   // FlushCodeLine writes to the top
        FlushCodeLine(b);
        b.stack.pop_back();
    }
    return 0;
}


} // namespace markdown_detail

} // namespace ck
