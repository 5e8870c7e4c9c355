// A screen-space rectangle in pixels, for layout and hit tests.
#pragma once

namespace ck::ui {

struct Rect {
    float x0, y0, x1, y1;
    bool Contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
    float W() const { return x1 - x0; }
    float H() const { return y1 - y0; }
};

} // namespace ck::ui
