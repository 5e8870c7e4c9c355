// Shared by the Markdown builder's source files only: the builder md4c
// calls back (markdown.cpp), its block callbacks (markdown_blocks.cpp) and
// its span and text callbacks (markdown_inline.cpp).
//
// md4c calls us back in document order; the builder keeps a stack of open
// blocks (like md4c-html's renderer keeps its output position) and appends
// children only to the top of the stack, so the Block* it holds stay valid.
#pragma once
#include "document/markdown.h"
#include <md4c.h>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ck {

namespace markdown_detail {

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
    unsigned table_columns = 0;       // the open table's column count, from its delimiter row
    unsigned table_rows = 0;          // its header and body rows
    const char* table_header_at = nullptr;   // the first text of its header row, in `source`
    unsigned flags = 0;               // md4c's parser flags for this text
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

// ---------------------------------------------------------------------------
// Helpers the callbacks share
// ---------------------------------------------------------------------------

// md4c hands attributes (link href, image src) as substrings of mixed types. (markdown.cpp)
std::string DecodeAttribute(const MD_ATTRIBUTE& attribute);
// A new child of the top block, of `kind`. (markdown_blocks.cpp)
Block* AddChild(Builder& b, BlockKind kind);
// Ends a paragraph-like block: trims it and drops it when nothing is left.
// It is always the last child of `parent`. (markdown_blocks.cpp)
void FinishParagraph(Block* paragraph, Block* parent);
// Ends the current line of a code block as one span of the top block. (markdown_blocks.cpp)
void FlushCodeLine(Builder& b);

// The flags ParseMarkdown gives md4c: CommonMark and GFM's extensions. (markdown.cpp)
unsigned GfmFlags();
// ParseMarkdown with md4c `flags`, for text re-read without an extension. (markdown.cpp)
Document ParseWithFlags(std::string_view text, unsigned flags, Diagnostics* diag, const std::string& file,
                        int first_line, const MarkdownLimits& limits);
// A table whose header row and delimiter row disagree is not a table in GFM;
// md4c makes one anyway and drops cells. Puts the text back as a paragraph,
// as GFM does, and warns at its line. (markdown_blocks.cpp)
void UndoMalformedTable(Builder& b, Block* table);

// ---------------------------------------------------------------------------
// md4c callbacks
// ---------------------------------------------------------------------------

int EnterBlock(MD_BLOCKTYPE type, void* detail, void* userdata);   // markdown_blocks.cpp
int LeaveBlock(MD_BLOCKTYPE type, void* detail, void* userdata);
int EnterSpan(MD_SPANTYPE type, void* detail, void* userdata);     // markdown_inline.cpp
int LeaveSpan(MD_SPANTYPE type, void* detail, void* userdata);
int Text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* userdata);

} // namespace markdown_detail

} // namespace ck
