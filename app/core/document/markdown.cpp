// Markdown -> Document with md4c.
//
// Index:
//   [SECTION] Text helpers (entities, attributes)
//   [SECTION] Builder state
//   [SECTION] Blocks
//   [SECTION] Spans and images
//   [SECTION] Text
//   [SECTION] md4c callbacks and ParseMarkdown
//
// md4c calls us back in document order; the builder keeps a stack of open
// blocks (like md4c-html's renderer keeps its output position) and appends
// children only to the top of the stack, so the Block* it holds stay valid.
#include "document/markdown.h"
#include "base/utf8.h"
#include <md4c.h>
#include <algorithm>
#include <cstring>

// md4c-html exports its entity table lookup but has no header for it.
extern "C" {
struct entity {
    const char* name;
    unsigned codepoints[2];
};
const struct entity* entity_lookup(const char* name, size_t name_size);
}

namespace ck {

// ---------------------------------------------------------------------------
// [SECTION] Text helpers (entities, attributes)
// ---------------------------------------------------------------------------

static unsigned ParseNumericReference(std::string_view digits, int base)
{
    if (digits.empty())
        return kReplacementChar;
    unsigned value = 0;
    for (char c : digits) {
        unsigned digit = 0;
        if (c >= '0' && c <= '9')
            digit = static_cast<unsigned>(c - '0');
        else if (base == 16 && c >= 'a' && c <= 'f')
            digit = static_cast<unsigned>(c - 'a' + 10);
        else if (base == 16 && c >= 'A' && c <= 'F')
            digit = static_cast<unsigned>(c - 'A' + 10);
        else
            return kReplacementChar;
        value = value * static_cast<unsigned>(base) + digit;
        if (value > 0x10FFFF)   // stop before overflow; invalid anyway
            return kReplacementChar;
    }
    return value;
}

std::string DecodeHtmlEntity(std::string_view entity)
{
    std::string out;
    if (entity.size() < 3 || entity.front() != '&' || entity.back() != ';')
        return std::string(entity);
    if (entity[1] == '#') {
        std::string_view body = entity.substr(2, entity.size() - 3);
        int base = 10;
        if (!body.empty() && (body[0] == 'x' || body[0] == 'X')) {
            base = 16;
            body.remove_prefix(1);
        }
        AppendUtf8(out, ParseNumericReference(body, base));   // 0 and invalid -> U+FFFD
        return out;
    }
    const struct entity* known = entity_lookup(entity.data(), entity.size());
    if (!known)
        return std::string(entity);
    AppendUtf8(out, known->codepoints[0]);
    if (known->codepoints[1] != 0)
        AppendUtf8(out, known->codepoints[1]);
    return out;
}

// md4c hands attributes (link href, image src) as substrings of mixed types.
static std::string DecodeAttribute(const MD_ATTRIBUTE& attribute)
{
    std::string out;
    if (!attribute.text || attribute.size == 0)
        return out;
    for (size_t i = 0; attribute.substr_offsets[i] < attribute.size; i++) {
        const MD_OFFSET begin = attribute.substr_offsets[i];
        const MD_OFFSET end = attribute.substr_offsets[i + 1];
        const std::string_view piece(attribute.text + begin, end - begin);
        switch (attribute.substr_types[i]) {
        case MD_TEXT_ENTITY:   out += DecodeHtmlEntity(piece); break;
        case MD_TEXT_NULLCHAR: AppendUtf8(out, kReplacementChar); break;
        default:               out.append(piece); break;
        }
    }
    return out;
}

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

// ---------------------------------------------------------------------------
// [SECTION] Builder state
// ---------------------------------------------------------------------------

namespace {

enum class FrameRole : uint8_t {
    Real,         // a block we created
    Transparent,  // DOC, THEAD, TBODY, or a list/quote flattened by the nesting limit
    Skipped,      // a table cell past the column limit: everything inside is dropped
    Implicit,     // a paragraph we opened for inline content md4c puts straight into a tight list item
};

struct Frame {
    MD_BLOCKTYPE type;
    FrameRole role;
    Block* block;          // where children and spans go (the real container for Transparent)
    bool counts_nesting;   // a real list or quote
};

struct PendingWarning {
    std::string message;
};

struct Builder {
    Document doc;
    Block root;                       // its children become doc.blocks
    std::vector<Frame> stack;
    std::vector<int> link_stack;      // index into doc.links; -1 = a link inside alt text
    const MarkdownLimits* limits = nullptr;
    Diagnostics* diag = nullptr;
    std::string file;
    int first_line = 1;
    std::string_view source;          // the sanitized text md4c parses

    int nesting = 0;                  // real lists and quotes open
    int bold = 0, italic = 0, strike = 0, code = 0;
    int skipped = 0;                  // open Skipped frames
    bool in_table_header = false;
    int table_column = 0;
    bool warned_nesting = false;

    int image_depth = 0;              // images nest: only the outermost becomes a block
    std::string image_src;
    std::string image_alt;

    bool after_inline_html = false;   // raw HTML was dropped just before this text
    std::string code_line;            // the current, unfinished line of a code block
    std::vector<PendingWarning> pending;   // placed at the next text we can locate

    Block* Top() { return stack.back().block; }
    uint8_t CurrentStyle() const;
    void Warn(std::string message) { pending.push_back({std::move(message)}); }
    void FlushWarnings(const char* at);
};

uint8_t Builder::CurrentStyle() const
{
    uint8_t style = Style_None;
    if (bold > 0)   style |= Style_Bold;
    if (italic > 0) style |= Style_Italic;
    if (strike > 0) style |= Style_Strike;
    if (code > 0)   style |= Style_Code;
    if (!link_stack.empty() && link_stack.back() >= 0)
        style |= Style_Link;
    return style;
}

// md4c reports no positions, but normal text points into the source: the
// first text after a problem gives its line and column.
void Builder::FlushWarnings(const char* at)
{
    if (pending.empty() || !diag)
        return;
    int line = 0;
    int column = 0;
    if (at && at >= source.data() && at <= source.data() + source.size()) {
        const size_t offset = static_cast<size_t>(at - source.data());
        const std::string_view before = source.substr(0, offset);
        const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
        line = first_line + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
        column = 1 + static_cast<int>(Utf8Length(before.substr(line_start)));
    }
    for (PendingWarning& warning : pending)
        diag->Warning(file, line, column, std::move(warning.message));
    pending.clear();
}

// ---------------------------------------------------------------------------
// [SECTION] Blocks
// ---------------------------------------------------------------------------

static Block* AddChild(Builder& b, BlockKind kind)
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
static void FinishParagraph(Block* paragraph, Block* parent)
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

static void FlushCodeLine(Builder& b)
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

static int EnterBlock(MD_BLOCKTYPE type, void* detail, void* userdata)
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

static int LeaveBlock(MD_BLOCKTYPE type, void* detail, void* userdata)
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

// ---------------------------------------------------------------------------
// [SECTION] Spans and images
// ---------------------------------------------------------------------------

static bool HoldsInlineText(BlockKind kind)
{
    return kind == BlockKind::Paragraph || kind == BlockKind::Heading || kind == BlockKind::TableCell;
}

// md4c sends the text of a tight list item straight into the item; the model
// wants it in a paragraph like everywhere else.
static void EnsureInlineContainer(Builder& b)
{
    const BlockKind kind = b.Top()->kind;
    if (HoldsInlineText(kind) || kind == BlockKind::CodeBlock || kind == BlockKind::HtmlBlock)
        return;
    Block* paragraph = AddChild(b, BlockKind::Paragraph);
    b.stack.push_back(Frame{MD_BLOCK_P, FrameRole::Implicit, paragraph, false});
}

static void AppendInline(Builder& b, std::string text, uint8_t style)
{
    Block* block = b.Top();
    if (!HoldsInlineText(block->kind) || text.empty())
        return;
    const int link = (style & Style_Link) ? b.link_stack.back() : -1;
    if (!block->spans.empty() && !(style & Style_LineBreak)) {
        Span& last = block->spans.back();
        if (last.style == style && last.link == link) {
            last.text += text;
            return;
        }
    }
    block->spans.push_back(Span{std::move(text), style, link});
}

// The image ends its paragraph; the rest of the paragraph continues after it.
static void HoistImage(Builder& b)
{
    Block* container = b.Top();
    if (container->kind != BlockKind::Paragraph || b.stack.size() < 2) {
        // Heading or table cell: no picture fits there, so its description does.
        AppendInline(b, b.image_alt, b.CurrentStyle());
        return;
    }
    Block* parent = b.stack[b.stack.size() - 2].block;
    FinishParagraph(container, parent);
    Block image;
    image.kind = BlockKind::Image;
    image.src = std::move(b.image_src);
    image.alt = std::move(b.image_alt);
    parent->children.push_back(std::move(image));
    parent->children.emplace_back();
    parent->children.back().kind = BlockKind::Paragraph;
    b.stack.back().block = &parent->children.back();
}

static int EnterSpan(MD_SPANTYPE type, void* detail, void* userdata)
{
    Builder& b = *static_cast<Builder*>(userdata);
    if (b.skipped > 0)
        return 0;
    if (b.image_depth == 0)
        EnsureInlineContainer(b);
    switch (type) {
    case MD_SPAN_EM:     b.italic++; break;
    case MD_SPAN_STRONG: b.bold++; break;
    case MD_SPAN_DEL:    b.strike++; break;
    case MD_SPAN_CODE:   b.code++; break;
    case MD_SPAN_A:
        if (b.image_depth > 0) {
            b.link_stack.push_back(-1);   // alt text is plain: no link inside it
        } else {
            Link link;
            link.href = DecodeAttribute(static_cast<MD_SPAN_A_DETAIL*>(detail)->href);
            link.kind = ClassifyLink(link.href, &link.target);
            b.doc.links.push_back(std::move(link));
            b.link_stack.push_back(static_cast<int>(b.doc.links.size()) - 1);
        }
        break;
    case MD_SPAN_IMG:
        if (b.image_depth++ == 0) {
            b.image_src = DecodeAttribute(static_cast<MD_SPAN_IMG_DETAIL*>(detail)->src);
            b.image_alt.clear();
        }
        break;
    default: break;   // extensions we do not enable
    }
    return 0;
}

static int LeaveSpan(MD_SPANTYPE type, void* detail, void* userdata)
{
    (void)detail;
    Builder& b = *static_cast<Builder*>(userdata);
    if (b.skipped > 0)
        return 0;
    switch (type) {
    case MD_SPAN_EM:     b.italic--; break;
    case MD_SPAN_STRONG: b.bold--; break;
    case MD_SPAN_DEL:    b.strike--; break;
    case MD_SPAN_CODE:   b.code--; break;
    case MD_SPAN_A:
        if (!b.link_stack.empty())
            b.link_stack.pop_back();
        break;
    case MD_SPAN_IMG:
        if (b.image_depth > 0 && --b.image_depth == 0)
            HoistImage(b);
        break;
    default: break;
    }
    return 0;
}

// ---------------------------------------------------------------------------
// [SECTION] Text
// ---------------------------------------------------------------------------

static void AppendCodeText(Builder& b, std::string_view text)
{
    size_t start = 0;
    for (size_t newline = text.find('\n'); newline != std::string_view::npos; newline = text.find('\n', start)) {
        b.code_line.append(text.substr(start, newline - start));
        FlushCodeLine(b);
        start = newline + 1;
    }
    b.code_line.append(text.substr(start));
}

static int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    Builder& b = *static_cast<Builder*>(userdata);
    const std::string_view piece(text, size);
    if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE)
        b.FlushWarnings(text);
    if (b.skipped > 0)
        return 0;   // a dropped column
    if (type == MD_TEXT_HTML) {
        b.after_inline_html = true;   // raw HTML is never shown to patients
        return 0;
    }

    std::string decoded;
    switch (type) {
    case MD_TEXT_ENTITY:   decoded = DecodeHtmlEntity(piece); break;
    case MD_TEXT_NULLCHAR: AppendUtf8(decoded, kReplacementChar); break;
    case MD_TEXT_SOFTBR:   decoded = " "; break;
    case MD_TEXT_BR:       decoded = b.image_depth > 0 ? " " : "\n"; break;
    default:               decoded.assign(piece); break;
    }
    if (b.image_depth > 0) {
        b.image_alt += decoded;
        return 0;
    }
    const BlockKind kind = b.Top()->kind;
    if (kind == BlockKind::HtmlBlock)
        return 0;
    if (kind == BlockKind::CodeBlock) {
        AppendCodeText(b, decoded);
        return 0;
    }
    EnsureInlineContainer(b);
    // "a <b>x</b> <!-- c --> d": the dropped tag leaves two spaces behind.
    const std::vector<Span>& spans = b.Top()->spans;
    if (b.after_inline_html && !decoded.empty() && decoded[0] == ' ' && !spans.empty() &&
        !spans.back().text.empty() && spans.back().text.back() == ' ')
        decoded.erase(0, 1);
    b.after_inline_html = false;
    const uint8_t style = type == MD_TEXT_BR ? static_cast<uint8_t>(Style_LineBreak) : b.CurrentStyle();
    AppendInline(b, std::move(decoded), style);
    return 0;
}

} // namespace

// ---------------------------------------------------------------------------
// [SECTION] md4c callbacks and ParseMarkdown
// ---------------------------------------------------------------------------

Document ParseMarkdown(std::string_view text, Diagnostics* diag, const std::string& file, int first_line,
                       const MarkdownLimits& limits)
{
    if (text.size() >= 3 && std::memcmp(text.data(), "\xEF\xBB\xBF", 3) == 0)
        text.remove_prefix(3);
    // md4c passes invalid UTF-8 through, and NUL bytes too inside code; clean
    // both once (CommonMark asks for U+FFFD in place of NUL) so every string
    // in the model is valid. Only non-newline bytes change: lines stay put.
    std::string clean = SanitizeUtf8(text);
    for (size_t nul = clean.find('\0'); nul != std::string::npos; nul = clean.find('\0', nul))
        clean.replace(nul, 1, "\xEF\xBF\xBD");

    Builder builder;
    builder.limits = &limits;
    builder.diag = diag;
    builder.file = file;
    builder.first_line = first_line;
    builder.source = clean;
    builder.stack.push_back(Frame{MD_BLOCK_DOC, FrameRole::Transparent, &builder.root, false});

    MD_PARSER parser = {};
    parser.flags = MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH;
    parser.enter_block = EnterBlock;
    parser.leave_block = LeaveBlock;
    parser.enter_span = EnterSpan;
    parser.leave_span = LeaveSpan;
    parser.text = Text;

    // md4c sizes are 32-bit; content files are far smaller, but never wrap.
    const MD_SIZE size = static_cast<MD_SIZE>(std::min<size_t>(clean.size(), 0xFFFFFFF0u));
    if (md_parse(clean.data(), size, &parser, &builder) != 0 && diag)
        diag->Error(file, 0, 0, "the Markdown could not be read (out of memory?)");
    builder.FlushWarnings(nullptr);

    builder.doc.blocks = std::move(builder.root.children);
    return std::move(builder.doc);
}

} // namespace ck
