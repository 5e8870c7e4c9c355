// The inline line-breaker: turns a paragraph's styled runs into lines of
// positioned pieces, each piece one font and one style, so bold, italic,
// links and code sit in the same wrapped line on a shared baseline.
//
// Rules: break at spaces and after hyphens; a word is never split unless it
// alone is wider than the line, then it is split between characters so
// nothing is laid out past `width`. Spaces at the end of a line are dropped.
// A hard-break run starts a new line. Measuring uses each run's own ImFont
// (ImFont::CalcTextSizeA); nothing here draws, so a test needs only an ImGui
// context with a built atlas.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

struct ImFont;

namespace ck::ui {

enum RunFlags : uint8_t {
    Run_None           = 0,
    Run_Underline      = 1 << 0,
    Run_Strike         = 1 << 1,
    Run_CodeBackground = 1 << 2,
};

struct InlineRun {
    std::string text;          // UTF-8; '\n' is not special, use hard_break
    ImFont* font = nullptr;    // measured and drawn at font->FontSize
    uint32_t colour = 0;       // opaque to the breaker (the document view stores a colour role)
    uint8_t flags = Run_None;  // RunFlags
    int link = -1;             // carried through to the pieces
    bool hard_break = false;   // ends the current line; `text` is ignored
};

struct LinePiece {
    int run = -1;              // index into the input runs
    std::string text;          // the part of the run's text on this line
    float x = 0;               // left edge, from the layout's left
    float width = 0;
};

struct LaidLine {
    float top = 0;             // from the layout's top
    float height = 0;          // line box height (font size * line spacing)
    float baseline = 0;        // from the layout's top; every piece shares it
    float width = 0;           // right edge of the last piece
    float ascent = 0;          // largest ascent on the line
    float descent = 0;         // largest descent (positive)
    std::vector<LinePiece> pieces;
};

struct InlineLayout {
    std::vector<LaidLine> lines;
    float height = 0;          // sum of line heights
    float max_right = 0;       // widest line
};

struct InlineOptions {
    float width = 0;           // available width in pixels
    float first_indent = 0;    // x where the first line starts
    float line_spacing = 1.45f;// line height = tallest font size * this
};

// Lays out `runs`. Runs with a null font are skipped.
InlineLayout LayoutInline(const std::vector<InlineRun>& runs, const InlineOptions& options);

// Widths that decide table column sizes: the widest unbreakable word and the
// width of everything on one line (hard breaks split "lines").
struct InlineExtent {
    float min_width = 0;
    float max_width = 0;
};
InlineExtent MeasureInline(const std::vector<InlineRun>& runs);

// Width of `text` in `font` at its own size.
float TextWidth(const ImFont* font, const char* begin, const char* end);

} // namespace ck::ui
