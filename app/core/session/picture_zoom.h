// Zoom and pan of a picture shown full screen, as pure geometry: the kiosk
// has no pinch under X's pointer emulation, so large + and - buttons step
// the zoom and a drag pans. Positions are pixels of the viewport, which has
// its origin at its top-left corner.
#pragma once

namespace ck {

struct PictureZoom {
    int step = 0;                  // 0: the whole picture fits the viewport; each step is kZoomStepFactor more
    float cx = 0.5f, cy = 0.5f;    // the point of the picture (0..1 across and down) at the viewport's centre
};

constexpr int kMaxZoomStep = 4;              // 5x the fitted size: a 15 px label reads at 75 px
constexpr float kZoomStepFactor = 1.5f;

struct PictureBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The scale at `zoom.step` (1 at step 0).
float ZoomFactor(const PictureZoom& zoom);
// Where a `w` x `h` px picture is drawn in a `view_w` x `view_h` viewport:
// fitted whole (larger or smaller than its own size) at step 0, then
// magnified about the viewport's centre. An axis the picture does not fill
// is centred. Empty when any size is not positive.
PictureBox PlacePicture(const PictureZoom& zoom, float w, float h, float view_w, float view_h);
// One step in (`steps` > 0) or out, within 0..kMaxZoomStep, keeping the
// point at the centre; returns false when the zoom was already at that end.
bool StepZoom(PictureZoom* zoom, int steps, float w, float h, float view_w, float view_h);
// The finger moved (dx, dy) px: the picture follows it, never leaving a
// gap at an edge it covers.
void PanPicture(PictureZoom* zoom, float dx, float dy, float w, float h, float view_w, float view_h);

} // namespace ck
