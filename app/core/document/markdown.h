// Markdown -> Document, with md4c (CommonMark + GFM tables and strikethrough).
//
// What patients see is only what Markdown means as text: raw HTML blocks
// become text-free HtmlBlock blocks and inline raw HTML is dropped; images
// inside a paragraph are hoisted out into Image blocks at their position
// (in a heading or table cell, where no picture can stand, the alt text is
// shown in its place); invalid UTF-8 becomes U+FFFD.
#pragma once
#include "base/diagnostics.h"
#include "document/document.h"
#include <string>
#include <string_view>

namespace ck {

struct MarkdownLimits {
    int max_nesting = 16;          // lists/quotes deeper than this are flattened, with a warning
    int max_table_columns = 12;    // extra columns are dropped, with a warning
};

// Parses `text` (UTF-8; a leading BOM is ignored). Problems are added to
// `diag` against `file`, with `first_line` the line of `text`'s first line in
// that file (front matter shifts it). Never throws.
Document ParseMarkdown(std::string_view text, Diagnostics* diag = nullptr,
                       const std::string& file = std::string(), int first_line = 1,
                       const MarkdownLimits& limits = MarkdownLimits());

// "&amp;", "&#233;", "&#x1F600;" -> UTF-8. Unknown names come back verbatim;
// invalid or zero numeric references give U+FFFD (as CommonMark asks).
std::string DecodeHtmlEntity(std::string_view entity);

} // namespace ck
