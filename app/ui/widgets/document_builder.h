// Shared by DocumentView's layout files only: the Builder that walks a
// Document once and flattens it into draw items in document coordinates
// (document_builder.cpp: inline text; document_blocks.cpp: paragraphs,
// headings, lists, quotes, code, rules, pictures; document_tables.cpp:
// tables). Drawing them is DocumentView's (document_view.cpp).
#pragma once
#include "widgets/document_view.h"
#include "text/text_layout.h"
#include <imgui.h>
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace ck::ui {

namespace layout_detail {

// Everything scales with the body size so the text-size steps scale the page.
struct Metrics {
    float body = 30;
    float block_gap() const { return std::round(body * 0.7f); }
    float tight_gap() const { return std::round(body * 0.25f); }
    float heading_space() const { return std::round(body * 0.8f); }
    float box_pad() const { return std::round(body * 0.6f); }
    float quote_bar() const { return std::max(4.0f, std::round(body * 0.18f)); }
    float cell_pad() const { return std::round(body * 0.45f); }
    float hairline() const { return std::max(1.0f, std::round(body / 24.0f)); }
    float bullet_column() const { return std::round(body * 1.5f); }
};

// Which family a block's text starts from before span styles apply.
enum class BaseFont { Body, TableHeader, H1, H2, H3, Small };

class Builder {
public:
    Builder(const Document& doc, const ViewContext& ctx, DocumentLayout* out)
        : doc_(doc), ctx_(ctx), out_(out)
    {
        metrics_.body = ctx.fonts->Get(FontRole::Body)->FontSize;
    }

    // Lays the whole document out in `width` pixels into `out`.
    void Run(float width);

private:
    // Inline text (document_builder.cpp)
    ImFont* Font(FontRole role) const { return ctx_.fonts->Get(role); }
    std::vector<InlineRun> RunsFor(const std::vector<Span>& spans, BaseFont base, ColourRole colour);
    bool IsTappableLink(int index) const;
    // Lays out `runs` at (x, y_) in `width`, emits the items and advances y_.
    // `align` 0 = left, 0.5 = centre, 1 = right.
    InlineLayout EmitInline(const std::vector<InlineRun>& runs, float x, float width, float align = 0.0f,
                            bool fallback_only = false, float line_spacing = 1.45f);
    void EmitPiece(const InlineRun& run, const LinePiece& piece, const LaidLine& line, float x, bool fallback_only);
    size_t AddRect(DrawItem::Kind kind, ColourRole colour, float x0, float y0, float x1, float y1,
                   float rounding = 0, float thickness = 1);
    void AddLine(ColourRole colour, float x0, float y0, float x1, float y1, float thickness);

    // Blocks (document_blocks.cpp)
    void LayoutBlocks(const std::vector<Block>& blocks, float x, float width, bool tight);
    void Record(const Block& block, float x0, float y0, float x1, float y1);
    const BlockBox* Recorded(const Block& block) const;
    void LayoutBlock(const Block& block, float x, float width, bool tight, bool first);
    void LayoutHeading(const Block& block, float x, float width, bool first);
    void LayoutList(const Block& list, float x, float width);
    void RecordListItem(const Block& item, float x0, float top, float x1);
    float FirstBaseline(size_t first_item, float item_top) const;
    void AddNumber(unsigned number, float x, float column, float baseline, int depth);
    void AddBullet(int depth, float x, float column, float baseline);
    void AddTaskBox(bool written, float x, float column, float right, float item_top, float baseline, int depth);
    void LayoutQuote(const Block& quote, float x, float width);
    void LayoutCode(const Block& code, float x, float width);
    void LayoutRule(float x, float width);
    void LayoutImage(const Block& image, float x, float width);
    void LayoutVideo(const Block& video, float x, float width);   // document_video.cpp

    // Tables (document_tables.cpp)
    std::vector<float> ColumnWidths(const std::vector<std::vector<InlineExtent>>& extents, size_t columns,
                                    float width) const;
    static std::vector<float> SqueezeColumns(const std::vector<float>& min_w, float width);
    void LayoutTable(const Block& table, float x, float width);
    static float AlignFactor(CellAlign align);

    const Document& doc_;
    const ViewContext& ctx_;
    DocumentLayout* out_;
    Metrics metrics_;
    float y_ = 0;
    int list_depth_ = 0;
    std::unordered_map<const Block*, int> numbers_;   // pre-order block numbers
};

} // namespace layout_detail

} // namespace ck::ui
