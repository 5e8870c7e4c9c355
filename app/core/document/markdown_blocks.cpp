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
        if (const auto* item = static_cast<MD_BLOCK_LI_DETAIL*>(detail); item && item->is_task
            && b.stack.back().role == FrameRole::Real)
            b.Top()->task = item->task_mark == ' ' ? TaskMark::Open : TaskMark::Done;
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
        const auto* table = static_cast<MD_BLOCK_TABLE_DETAIL*>(detail);
        const unsigned columns = table->col_count;
        b.table_columns = columns;
        b.table_rows = table->head_row_count + table->body_row_count;
        b.table_header_at = nullptr;
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
    if (type == MD_BLOCK_TABLE)
        UndoMalformedTable(b, frame.block);
    if (type == MD_BLOCK_CODE && !b.code_line.empty()) {
        b.stack.push_back(frame);   // FlushCodeLine writes to the top
        FlushCodeLine(b);
        b.stack.pop_back();
    }
    return 0;
}

// Cells of a table row as GFM counts them: split at each | not escaped by
// a backslash (code spans included), leading and trailing | not counted.
static unsigned RowCells(std::string_view row)
{
    while (!row.empty() && (row.front() == ' ' || row.front() == '\t'))
        row.remove_prefix(1);
    while (!row.empty() && (row.back() == ' ' || row.back() == '\t' || row.back() == '\r'))
        row.remove_suffix(1);
    unsigned pipes = 0;
    bool leading = !row.empty() && row.front() == '|';
    bool trailing = false;
    for (size_t i = 0; i < row.size(); i++) {
        if (row[i] == '\\') {
            i++;
            continue;
        }
        if (row[i] == '|') {
            pipes++;
            trailing = i + 1 == row.size();
        }
    }
    return pipes + 1 - (leading ? 1 : 0) - (trailing && !(leading && pipes == 1) ? 1 : 0);
}

static void ShiftLinks(Block& block, int by)
{
    for (Span& span : block.spans)
        if (span.link >= 0)
            span.link += by;
    for (Block& child : block.children)
        ShiftLinks(child, by);
}

void UndoMalformedTable(Builder& b, Block* table)
{
    const std::string_view source = b.source;
    const char* at = b.table_header_at;
    if (!at || at < source.data() || at > source.data() + source.size())
        return;   // no text in the header to find its line by: trust md4c
    const size_t start = source.rfind('\n', static_cast<size_t>(at - source.data()));
    const size_t header = start == std::string_view::npos ? 0 : start + 1;
    const size_t header_end = std::min(source.find('\n', header), source.size());
    const unsigned cells = RowCells(source.substr(header, header_end - header));
    if (cells == b.table_columns)
        return;
    // The header, the delimiter row and the body rows, read again as text.
    size_t end = header_end;
    for (unsigned line = 0; line < b.table_rows && end < source.size(); line++)
        end = std::min(source.find('\n', end + 1), source.size());
    Document text = ParseWithFlags(source.substr(header, end - header), b.flags & ~MD_FLAG_TABLES, nullptr,
                                   b.file, 1, *b.limits);
    Block* parent = b.Top();
    if (parent->children.empty() || &parent->children.back() != table)
        return;
    parent->children.pop_back();
    const int link_base = static_cast<int>(b.doc.links.size());
    for (Link& link : text.links)
        b.doc.links.push_back(std::move(link));
    for (Block& block : text.blocks) {
        ShiftLinks(block, link_base);
        parent->children.push_back(std::move(block));
    }
    b.Warn("this table's first row has " + std::to_string(cells) + (cells == 1 ? " cell" : " cells")
           + " but the row of dashes below it has " + std::to_string(b.table_columns)
           + ", so it is not a table: it is shown as plain text. Give both rows the same number of cells");
    b.FlushWarnings(source.data() + header);
}

} // namespace markdown_detail

} // namespace ck
