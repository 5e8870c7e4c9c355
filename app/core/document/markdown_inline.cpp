// The Markdown builder's span and text callbacks: styles and links as
// spans, pictures hoisted out of their paragraph into Image blocks, text
// decoded (entities, breaks) and raw HTML dropped.
//
// Index:
//   [SECTION] Spans and images
//   [SECTION] Text
#include "document/markdown_internal.h"
#include "base/utf8.h"

namespace ck {

namespace markdown_detail {

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
    image.kind = IsVideoFileName(b.image_src) ? BlockKind::Video : BlockKind::Image;
    image.src = std::move(b.image_src);
    image.alt = std::move(b.image_alt);
    parent->children.push_back(std::move(image));
    parent->children.emplace_back();
    parent->children.back().kind = BlockKind::Paragraph;
    b.stack.back().block = &parent->children.back();
}

int EnterSpan(MD_SPANTYPE type, void* detail, void* userdata)
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

int LeaveSpan(MD_SPANTYPE type, void* detail, void* userdata)
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

int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata)
{
    Builder& b = *static_cast<Builder*>(userdata);
    const std::string_view piece(text, size);
    if (type == MD_TEXT_NORMAL || type == MD_TEXT_CODE) {
        b.FlushWarnings(text);
        if (b.in_table_header && !b.table_header_at)
            b.table_header_at = text;
    }
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
    // In a table a \| is a | even inside `code` (GFM); md4c leaves the \ there.
    if (type == MD_TEXT_CODE && b.Top()->kind == BlockKind::TableCell)
        for (size_t at = decoded.find("\\|"); at != std::string::npos; at = decoded.find("\\|", at + 1))
            decoded.erase(at, 1);
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

} // namespace markdown_detail

} // namespace ck
