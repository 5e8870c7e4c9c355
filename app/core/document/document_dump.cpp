#include "document/document_dump.h"

namespace ck {

const char* BlockKindName(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Paragraph: return "paragraph";
    case BlockKind::Heading:   return "heading";
    case BlockKind::List:      return "list";
    case BlockKind::ListItem:  return "list_item";
    case BlockKind::Quote:     return "quote";
    case BlockKind::CodeBlock: return "code_block";
    case BlockKind::Table:     return "table";
    case BlockKind::TableRow:  return "table_row";
    case BlockKind::TableCell: return "table_cell";
    case BlockKind::Image:     return "image";
    case BlockKind::Video:     return "video";
    case BlockKind::Rule:      return "rule";
    case BlockKind::HtmlBlock: return "html_block";
    }
    return "unknown";
}

static const char* AlignName(CellAlign align)
{
    switch (align) {
    case CellAlign::Left:   return "left";
    case CellAlign::Center: return "center";
    case CellAlign::Right:  return "right";
    default:                return "default";
    }
}

static const char* LinkKindName(LinkKind kind)
{
    switch (kind) {
    case LinkKind::Page:     return "page";
    case LinkKind::Faq:      return "faq";
    case LinkKind::External: return "external";
    default:                 return "invalid";
    }
}

static nlohmann::json DumpSpan(const Span& span, const Document& doc)
{
    nlohmann::json out;
    out["text"] = span.text;
    nlohmann::json style = nlohmann::json::array();
    if (span.style & Style_Bold)      style.push_back("bold");
    if (span.style & Style_Italic)    style.push_back("italic");
    if (span.style & Style_Strike)    style.push_back("strike");
    if (span.style & Style_Code)      style.push_back("code");
    if (span.style & Style_Link)      style.push_back("link");
    if (span.style & Style_LineBreak) style.push_back("line_break");
    if (!style.empty())
        out["style"] = style;
    if ((span.style & Style_Link) && span.link >= 0 && static_cast<size_t>(span.link) < doc.links.size())
        out["link"] = doc.links[static_cast<size_t>(span.link)].href;
    return out;
}

static nlohmann::json DumpBlock(const Block& block, const Document& doc)
{
    nlohmann::json out;
    out["kind"] = BlockKindName(block.kind);
    switch (block.kind) {
    case BlockKind::Heading:
        out["level"] = block.level;
        break;
    case BlockKind::List:
        out["ordered"] = block.ordered;
        out["tight"] = block.tight;
        if (block.ordered)
            out["start"] = block.start;
        break;
    case BlockKind::ListItem:
        if (block.task != TaskMark::None)
            out["task"] = block.task == TaskMark::Done ? "done" : "open";
        break;
    case BlockKind::TableRow:
        out["header"] = block.header;
        break;
    case BlockKind::TableCell:
        out["header"] = block.header;
        out["align"] = AlignName(block.align);
        break;
    case BlockKind::Image:
        out["src"] = block.src;
        out["alt"] = block.alt;
        if (!block.image_key.empty())
            out["image_key"] = block.image_key;
        break;
    case BlockKind::Video:
        out["src"] = block.src;
        out["alt"] = block.alt;
        if (!block.video_key.empty())
            out["video_key"] = block.video_key;
        if (!block.image_key.empty())
            out["poster_key"] = block.image_key;
        break;
    default:
        break;
    }
    if (!block.spans.empty()) {
        nlohmann::json spans = nlohmann::json::array();
        for (const Span& span : block.spans)
            spans.push_back(DumpSpan(span, doc));
        out["spans"] = std::move(spans);
    }
    if (!block.children.empty()) {
        nlohmann::json children = nlohmann::json::array();
        for (const Block& child : block.children)
            children.push_back(DumpBlock(child, doc));
        out["children"] = std::move(children);
    }
    return out;
}

nlohmann::json DumpDocument(const Document& doc)
{
    nlohmann::json out;
    nlohmann::json blocks = nlohmann::json::array();
    for (const Block& block : doc.blocks)
        blocks.push_back(DumpBlock(block, doc));
    out["blocks"] = std::move(blocks);
    nlohmann::json links = nlohmann::json::array();
    for (const Link& link : doc.links)
        links.push_back({{"href", link.href}, {"kind", LinkKindName(link.kind)}, {"target", link.target}});
    out["links"] = std::move(links);
    return out;
}

} // namespace ck
