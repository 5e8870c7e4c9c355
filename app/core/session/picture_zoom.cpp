#include "session/picture_zoom.h"
#include <algorithm>
#include <cmath>

namespace ck {

namespace {

// The centre keeps the picture over every edge it is larger than; an axis
// it does not fill stays centred.
float ClampCentre(float centre, float drawn, float view)
{
    if (drawn <= view)
        return 0.5f;
    const float half = view * 0.5f / drawn;
    return std::clamp(centre, half, 1.0f - half);
}

float FitScale(float w, float h, float view_w, float view_h)
{
    return std::min(view_w / w, view_h / h);
}

bool Valid(float w, float h, float view_w, float view_h)
{
    return w > 0.0f && h > 0.0f && view_w > 0.0f && view_h > 0.0f;
}

void Clamp(PictureZoom* zoom, float w, float h, float view_w, float view_h)
{
    const float scale = FitScale(w, h, view_w, view_h) * ZoomFactor(*zoom);
    zoom->cx = ClampCentre(zoom->cx, w * scale, view_w);
    zoom->cy = ClampCentre(zoom->cy, h * scale, view_h);
}

} // namespace

float ZoomFactor(const PictureZoom& zoom)
{
    return std::pow(kZoomStepFactor, float(std::clamp(zoom.step, 0, kMaxZoomStep)));
}

PictureBox PlacePicture(const PictureZoom& zoom, float w, float h, float view_w, float view_h)
{
    if (!Valid(w, h, view_w, view_h))
        return {};
    const float scale = FitScale(w, h, view_w, view_h) * ZoomFactor(zoom);
    const float drawn_w = w * scale, drawn_h = h * scale;
    const float cx = ClampCentre(zoom.cx, drawn_w, view_w), cy = ClampCentre(zoom.cy, drawn_h, view_h);
    PictureBox box;
    box.x0 = std::round(view_w * 0.5f - cx * drawn_w);
    box.y0 = std::round(view_h * 0.5f - cy * drawn_h);
    box.x1 = box.x0 + std::round(drawn_w);
    box.y1 = box.y0 + std::round(drawn_h);
    return box;
}

bool StepZoom(PictureZoom* zoom, int steps, float w, float h, float view_w, float view_h)
{
    const int next = std::clamp(zoom->step + steps, 0, kMaxZoomStep);
    if (next == zoom->step)
        return false;
    zoom->step = next;
    if (Valid(w, h, view_w, view_h))
        Clamp(zoom, w, h, view_w, view_h);
    return true;
}

void PanPicture(PictureZoom* zoom, float dx, float dy, float w, float h, float view_w, float view_h)
{
    if (!Valid(w, h, view_w, view_h))
        return;
    const float scale = FitScale(w, h, view_w, view_h) * ZoomFactor(*zoom);
    zoom->cx -= dx / (w * scale);
    zoom->cy -= dy / (h * scale);
    Clamp(zoom, w, h, view_w, view_h);
}

} // namespace ck
