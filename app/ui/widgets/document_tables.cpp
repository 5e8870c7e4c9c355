// DocumentView's layout of tables: column widths from the cells' words
// (natural width when it fits, else shrunk toward the longest words), wrapped
// cells, a shaded header row and the grid.
#include "widgets/document_builder.h"

namespace ck::ui {

namespace layout_detail {

// Column widths (cell padding included) from the cells' word widths:
// natural width when it fits, otherwise shrink toward the longest words.
std::vector<float> Builder::ColumnWidths(const std::vector<std::vector<InlineExtent>>& extents, size_t columns,
                                         float width) const
{
    const float pad2 = 2 * metrics_.cell_pad();
    std::vector<float> min_w(columns, pad2), max_w(columns, pad2);
    for (const auto& row : extents) {
        for (size_t c = 0; c < row.size(); ++c) {
            min_w[c] = std::max(min_w[c], std::ceil(row[c].min_width) + pad2);
            max_w[c] = std::max(max_w[c], std::ceil(row[c].max_width) + pad2);
        }
    }
    float total_min = 0, total_max = 0;
    for (size_t c = 0; c < columns; ++c) {
        total_min += min_w[c];
        total_max += max_w[c];
    }
    std::vector<float> result(columns);
    if (total_min >= width)
        return SqueezeColumns(min_w, width);
    for (size_t c = 0; c < columns; ++c) {
        if (total_max <= width)
            result[c] = max_w[c];
        else
            result[c] = min_w[c] + (max_w[c] - min_w[c]) * (width - total_min) / (total_max - total_min);
        result[c] = std::floor(result[c]);
    }
    return result;
}

// Even the longest words do not fit, so some will be split: narrow
// columns (a day number, a price) keep their width and the wide ones
// share what is left.
std::vector<float> Builder::SqueezeColumns(const std::vector<float>& min_w, float width)
{
    const size_t columns = min_w.size();
    std::vector<bool> fixed(columns, false);
    for (bool changed = true; changed;) {
        changed = false;
        float fixed_w = 0;
        size_t loose = 0;
        for (size_t c = 0; c < columns; ++c) {
            if (fixed[c]) fixed_w += min_w[c];
            else ++loose;
        }
        float share = loose ? (width - fixed_w) / loose : 0;
        for (size_t c = 0; c < columns; ++c) {
            if (!fixed[c] && min_w[c] <= share) {
                fixed[c] = true;
                changed = true;
            }
        }
    }
    float fixed_w = 0, loose_min = 0;
    for (size_t c = 0; c < columns; ++c)
        (fixed[c] ? fixed_w : loose_min) += min_w[c];
    std::vector<float> result(columns);
    for (size_t c = 0; c < columns; ++c) {
        float w = fixed[c] ? min_w[c] : (width - fixed_w) * min_w[c] / std::max(loose_min, 1.0f);
        result[c] = std::floor(std::max(w, 1.0f));
    }
    return result;
}

void Builder::LayoutTable(const Block& table, float x, float width)
{
    size_t columns = 0;
    for (const Block& row : table.children)
        columns = std::max(columns, row.children.size());
    if (columns == 0)
        return;

    std::vector<std::vector<std::vector<InlineRun>>> runs;   // [row][cell]
    std::vector<std::vector<InlineExtent>> extents;
    for (const Block& row : table.children) {
        runs.emplace_back();
        extents.emplace_back();
        for (const Block& cell : row.children) {
            bool header = row.header || cell.header;
            runs.back().push_back(RunsFor(cell.spans, header ? BaseFont::TableHeader : BaseFont::Body,
                                          ColourRole::Text));
            extents.back().push_back(MeasureInline(runs.back().back()));
        }
    }
    const std::vector<float> col_w = ColumnWidths(extents, columns, width);
    const float pad = metrics_.cell_pad();
    const float line = metrics_.hairline();
    float table_w = 0;
    for (float w : col_w)
        table_w += w;

    const float top = y_;
    std::vector<float> row_bottoms;
    for (size_t r = 0; r < table.children.size(); ++r) {
        const Block& row = table.children[r];
        const float row_top = y_;
        bool header = row.header || (!row.children.empty() && row.children[0].header);
        size_t background = header ? AddRect(DrawItem::Kind::FilledRect, ColourRole::TableHeader, x, row_top,
                                             x + table_w, row_top)
                                   : 0;
        float row_bottom = row_top;
        float cell_x = x;
        for (size_t c = 0; c < columns; ++c) {
            if (c < row.children.size()) {
                y_ = row_top + pad;
                EmitInline(runs[r][c], cell_x + pad, col_w[c] - 2 * pad, AlignFactor(row.children[c].align));
                row_bottom = std::max(row_bottom, y_ + pad);
            }
            cell_x += col_w[c];
        }
        row_bottom = std::max(row_bottom, row_top + 2 * pad + metrics_.body);
        if (header)
            out_->items[background].y1 = row_bottom;
        Record(row, x, row_top, x + table_w, row_bottom);
        row_bottoms.push_back(row_bottom);
        y_ = row_bottom;
    }

    // Grid: the outline inset by half a line so its stroke stays inside.
    const float half = line * 0.5f;
    AddRect(DrawItem::Kind::RectOutline, ColourRole::TableBorder, x + half, top + half, x + table_w - half,
            y_ - half, 0, line);
    for (size_t r = 0; r + 1 < row_bottoms.size(); ++r)
        AddLine(ColourRole::TableBorder, x, row_bottoms[r], x + table_w, row_bottoms[r], line);
    float cell_x = x;
    for (size_t c = 0; c + 1 < columns; ++c) {
        cell_x += col_w[c];
        AddLine(ColourRole::TableBorder, cell_x, top, cell_x, y_, line);
    }
}

float Builder::AlignFactor(CellAlign align)
{
    switch (align) {
    case CellAlign::Center: return 0.5f;
    case CellAlign::Right: return 1.0f;
    default: return 0.0f;
    }
}

} // namespace layout_detail

} // namespace ck::ui
