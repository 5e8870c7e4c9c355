// Markdown -> Document, with md4c (CommonMark + GFM tables and strikethrough).
#pragma once
#include "core/diagnostics.h"
#include "core/document.h"
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

} // namespace ck
